import { Testing } from "cdktf";
import { Construct } from "constructs";
import { recordPipelineRoles } from "../../../../constructs/guardrails/pipeline-roles";
import { requiredPipelineSettings } from "../../../../constructs/guardrails/rules/required-pipeline-settings";
import { RoleAccess } from "../../../../constructs/trust/role-access";
import { check, resource } from "./support/blocks";

const role = (required: boolean): RoleAccess => ({
  roleName: "bk-net-plan",
  roleArn: "arn:aws:iam::111111111111:role/bk-net-plan",
  tokenRequest: { audience: "sts.amazonaws.com", claims: [], sessionTags: [] },
  sessionDurationSeconds: 3600,
  stepKeys: [],
  branches: ["*"],
  canWrite: false,
  trustPolicy: { Version: "2012-10-17", Statement: [] },
  ...(required ? { requiredPipelineSettings: { buildPullRequestForks: false, prefixPullRequestForkBranchNames: true } } : {}),
});

/** A pipeline block with these provider settings, checked with the roles recorded on its construct. */
function checkPipeline(providerSettings: Record<string, unknown>, roles: RoleAccess[]) {
  const construct = new Construct(Testing.app(), "pipeline");
  recordPipelineRoles(construct, roles);
  return check(requiredPipelineSettings, resource("buildkite_pipeline", { slug: "net", provider_settings: providerSettings }), [], 2048, construct);
}

describe("guardrail required-pipeline-settings", () => {
  it("passes settings that meet what the role's trust relies on", () => {
    expect(checkPipeline({ build_pull_request_forks: false, prefix_pull_request_fork_branch_names: true }, [role(true)])).toEqual([]);
  });

  it("passes anything for a role that requires nothing", () => {
    expect(checkPipeline({ build_pull_request_forks: true }, [role(false)])).toEqual([]);
  });

  it("names each unmet setting and the role that needs it", () => {
    const violations = checkPipeline({ build_pull_request_forks: true }, [role(true)]);
    expect(violations).toHaveLength(2);
    expect(violations[0].message).toMatch(/role bk-net-plan requires provider_settings.build_pull_request_forks = false, found true/);
    expect(violations[1].message).toMatch(/prefix_pull_request_fork_branch_names = true, found not set; its trust policy refuses fork branches/);
  });
});
