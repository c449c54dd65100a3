import { Testing } from "cdktf";
import { Construct } from "constructs";
import { recordPipelineRoles } from "../../../../constructs/guardrails/pipeline-roles";
import { noForkBuildsWithWritableRoles } from "../../../../constructs/guardrails/rules/no-fork-builds-with-writable-roles";
import { RoleAccess } from "../../../../constructs/trust/role-access";
import { check, resource } from "./support/blocks";

const role = (roleName: string, canWrite: boolean): RoleAccess => ({
  roleName,
  roleArn: `arn:aws:iam::111111111111:role/${roleName}`,
  tokenRequest: { audience: "sts.amazonaws.com", claims: [], sessionTags: [] },
  sessionDurationSeconds: 3600,
  stepKeys: [],
  branches: ["*"],
  canWrite,
  trustPolicy: { Version: "2012-10-17", Statement: [] },
});

/** A pipeline block with these provider settings, checked with the roles recorded on its construct. */
function checkPipeline(providerSettings: Record<string, unknown>, roles?: RoleAccess[]) {
  const construct = new Construct(Testing.app(), "pipeline");
  if (roles) recordPipelineRoles(construct, roles);
  return check(noForkBuildsWithWritableRoles, resource("buildkite_pipeline", { slug: "net", provider_settings: providerSettings }), [], 2048, construct);
}

describe("guardrail no-fork-builds-with-writable-roles", () => {
  it("passes a pipeline that turns fork builds off explicitly", () => {
    expect(checkPipeline({ build_pull_request_forks: false }, [role("plan", false), role("apply", true)])).toEqual([]);
  });

  it("passes fork builds when no role can write", () => {
    expect(checkPipeline({ build_pull_request_forks: true }, [role("plan", false)])).toEqual([]);
  });

  it("passes a pipeline whose construct recorded no roles (nothing known to protect)", () => {
    expect(checkPipeline({ build_pull_request_forks: true })).toEqual([]);
  });

  it.each([
    ["turned on", { build_pull_request_forks: true }, "is true"],
    ["left to a default", {}, "is not set"],
    ["set to an unresolved reference", { build_pull_request_forks: "${var.forks}" }, 'is "${var.forks}"'],
  ])("fails fork builds %s when a role can write, naming the role and the fix", (_name, settings, found) => {
    const violations = checkPipeline(settings, [role("plan", false), role("bk-net-apply", true)]);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toContain(`build_pull_request_forks ${found}`);
    expect(violations[0].message).toContain("bk-net-apply");
    expect(violations[0].message).not.toContain("plan,");
    expect(violations[0].fix).toContain("set provider_settings.build_pull_request_forks to false explicitly");
  });
});
