import { Testing } from "cdktf";
import { Construct } from "constructs";
import { SynthesizedBackend } from "../../../../constructs/guardrails/guardrail";
import { recordPipelineRoles, recordPipelineState } from "../../../../constructs/guardrails/pipeline-roles";
import { secretStateDefaultBranchOnly } from "../../../../constructs/guardrails/rules/secret-state-default-branch-only";
import { RoleAccess } from "../../../../constructs/trust/role-access";
import { check, data, resource } from "./support/blocks";

const role = (kind: "plan" | "apply", branches: string[], tags?: string[]): RoleAccess => ({
  kind,
  roleName: `bk-platform-${kind}`,
  roleArn: `arn:aws:iam::111111111111:role/bk-platform-${kind}`,
  tokenRequest: { audience: "sts.amazonaws.com", claims: [], sessionTags: [] },
  sessionDurationSeconds: 3600,
  stepKeys: [kind],
  branches,
  tags,
  canWrite: kind === "apply",
  trustPolicy: { Version: "2012-10-17", Statement: [] },
});
const STATE = { bucket: "acme-state", pipelinePrefix: "pipelines/platform/", defaultBranch: "main" };
const OWN_STATE: SynthesizedBackend = {
  type: "s3",
  values: { bucket: "acme-state", key: "pipelines/platform/buildkite/terraform.tfstate", region: "eu-west-1" },
};
const AGENT_TOKEN = resource("buildkite_cluster_agent_token", { cluster_id: "${buildkite_cluster.c.id}" }, "token");

/** The pipeline block of a stack holding `others`, with roles and states recorded on its construct. */
function checkPipeline(roles: RoleAccess[] | undefined, others = [AGENT_TOKEN], backend: SynthesizedBackend | undefined = OWN_STATE, state = STATE) {
  const construct = new Construct(Testing.app(), "pipeline");
  if (roles) recordPipelineRoles(construct, roles);
  recordPipelineState(construct, state);
  return check(secretStateDefaultBranchOnly, resource("buildkite_pipeline", { slug: "platform" }), others, 2048, construct, backend);
}

describe("guardrail secret-state-default-branch-only", () => {
  it("passes a pipeline whose roles only the default branch can assume", () => {
    expect(checkPipeline([role("plan", ["main"]), role("apply", ["main"])])).toEqual([]);
  });

  it.each<[string, () => ReturnType<typeof checkPipeline>]>([
    ["the stack holds no secret", () => checkPipeline([role("plan", ["*"])], [resource("buildkite_cluster", { name: "c" }, "c")])],
    [
      "a data source only declares a sensitive argument it does not set",
      () => checkPipeline([role("plan", ["*"])], [data("buildkite_signed_pipeline_steps", { jwks_file: "k.json" })]),
    ],
    [
      "the stack's state is another pipeline's",
      () => checkPipeline([role("plan", ["*"])], undefined, undefined, { ...STATE, pipelinePrefix: "pipelines/other/" }),
    ],
    [
      "the stack's state is in another bucket",
      () => checkPipeline([role("plan", ["*"])], undefined, { type: "s3", values: { ...OWN_STATE.values, bucket: "elsewhere" } }),
    ],
    ["the stack keeps a local state", () => checkPipeline([role("plan", ["*"])], undefined, { type: "local", values: { path: "x.tfstate" } })],
    ["the pipeline recorded no roles", () => checkPipeline(undefined)],
  ])("passes when %s", (_name, run) => {
    expect(run()).toEqual([]);
  });

  it("refuses a plan role that branch builds can assume, naming the state, the secret, the role and its branches", () => {
    expect(checkPipeline([role("plan", ["*"]), role("apply", ["main"])])).toEqual([
      {
        message:
          "this stack's state pipelines/platform/buildkite/terraform.tfstate holds secrets (buildkite_cluster_agent_token.token.token) and is one of the pipeline's states, " +
          "which its plan role bk-platform-plan may read, but that role admits builds other than of main (branches [*]).",
        fix: expect.stringContaining("restrict the pipeline's plan role to the default branch"),
      },
    ]);
  });

  it.each<[string, RoleAccess]>([
    ["another named branch", role("plan", ["main", "release"])],
    ["a glob", role("plan", ["main*"])],
    ["tag builds", role("plan", ["main"], ["v*"])],
  ])("refuses a role that admits %s", (_name, admitted) => {
    expect(checkPipeline([admitted])).toHaveLength(1);
  });

  it("counts AWS secrets and a set sensitive data argument too", () => {
    expect(checkPipeline([role("plan", ["*"])], [resource("aws_ssm_parameter", { type: "SecureString" }, "p")])[0].message).toContain(
      "aws_ssm_parameter.p.value",
    );
    expect(checkPipeline([role("plan", ["*"])], [data("buildkite_signed_pipeline_steps", { jwks: "{}" }, "s")])[0].message).toContain(
      "data.buildkite_signed_pipeline_steps.s.jwks",
    );
  });
});
