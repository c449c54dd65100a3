import { requiredPipelineSettings } from "../../../../constructs/buildkite/rules/required-pipeline-settings";
import { RoleAccess } from "../../../../constructs/trust/role-access";

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

describe("requiredPipelineSettings", () => {
  it("passes settings that meet what the role's trust relies on", () => {
    expect(requiredPipelineSettings({ buildPullRequestForks: false, prefixPullRequestForkBranchNames: true }, [role(true)])).toEqual([]);
  });

  it("passes anything for a role that requires nothing", () => {
    expect(requiredPipelineSettings({ buildPullRequestForks: true }, [role(false)])).toEqual([]);
  });

  it("names each unmet setting and the role that needs it", () => {
    const violations = requiredPipelineSettings({ buildPullRequestForks: true }, [role(true)]);
    expect(violations).toHaveLength(2);
    expect(violations[0]).toMatch(/role bk-net-plan requires provider_settings.build_pull_request_forks = false, found true/);
    expect(violations[1]).toMatch(/prefix_pull_request_fork_branch_names = true, found not set; its trust policy refuses fork branches/);
  });
});
