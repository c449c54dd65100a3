import { noForkBuildsWithWritableRoles } from "../../../../constructs/buildkite/rules/no-fork-builds-with-writable-roles";
import { RoleAccess } from "../../../../constructs/trust/role-access";

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

describe("noForkBuildsWithWritableRoles", () => {
  it("passes a pipeline that turns fork builds off explicitly", () => {
    expect(noForkBuildsWithWritableRoles({ buildPullRequestForks: false }, [role("plan", false), role("apply", true)])).toBeUndefined();
  });

  it("passes fork builds when no role can write", () => {
    expect(noForkBuildsWithWritableRoles({ buildPullRequestForks: true }, [role("plan", false)])).toBeUndefined();
  });

  it.each([
    ["turned on", { buildPullRequestForks: true }, "is true"],
    ["left to a default", {}, "is not set"],
    ["set to an unresolved reference", { buildPullRequestForks: "${var.forks}" }, 'is "${var.forks}"'],
  ])("fails fork builds %s when a role can write, naming the role and the fix", (_name, settings, found) => {
    const violation = noForkBuildsWithWritableRoles(settings, [role("plan", false), role("bk-net-apply", true)]);
    expect(violation).toContain(`build_pull_request_forks ${found}`);
    expect(violation).toContain("bk-net-apply");
    expect(violation).not.toContain("plan,");
    expect(violation).toContain("set it to false explicitly");
  });
});
