import { PipelineAccess, PipelineAccessProps } from "../../../constructs/trust/pipeline-access";

const ORG_ID = "0184990a-477b-4fa8-9968-496074483c77";
const PIPELINE_ID = "0184990a-4782-42b5-afc1-16715b10b110";
const base: PipelineAccessProps = { accountId: "111111111111", organization: "acme", pipeline: "networking" };

/** The single trust statement's conditions. */
function conditions(access: PipelineAccess, kind: "plan" | "apply" | "preview"): Record<string, Record<string, unknown>> {
  const statements = access.role(kind).trustPolicy.Statement;
  expect(statements).toHaveLength(1);
  return statements[0].Condition as Record<string, Record<string, unknown>>;
}

describe("PipelineAccess", () => {
  it("derives literal role names and ARNs from account, path and pipeline", () => {
    const access = new PipelineAccess(base);
    expect(access.plan.roleName).toBe("bk-networking-plan");
    expect(access.plan.roleArn).toBe("arn:aws:iam::111111111111:role/buildkite/acme/bk-networking-plan");
    expect(access.apply.roleArn).toBe("arn:aws:iam::111111111111:role/buildkite/acme/bk-networking-apply");
    expect(access.providerArn).toBe("arn:aws:iam::111111111111:oidc-provider/agent.buildkite.com");

    const custom = new PipelineAccess({ ...base, partition: "aws-us-gov", rolePath: "/ci/", roleNamePrefix: "tf-net", apply: { roleName: "deployer" } });
    expect(custom.plan.roleArn).toBe("arn:aws-us-gov:iam::111111111111:role/ci/tf-net-plan");
    expect(custom.apply.roleArn).toBe("arn:aws-us-gov:iam::111111111111:role/ci/deployer");
    expect(custom.plan.trustPolicy.Statement[0].Principal).toEqual({ Federated: "arn:aws-us-gov:iam::111111111111:oidc-provider/agent.buildkite.com" });
  });

  it("defaults to plan on any branch at step plan (read) and apply on main at step apply (write), one hour sessions", () => {
    const access = new PipelineAccess(base);
    expect(access.plan).toMatchObject({ kind: "plan", branches: ["*"], stepKeys: ["plan"], canWrite: false, sessionDurationSeconds: 3600 });
    expect(access.apply).toMatchObject({ kind: "apply", branches: ["main"], stepKeys: ["apply"], canWrite: true, sessionDurationSeconds: 3600 });
    expect(conditions(access, "plan").StringLike["agent.buildkite.com:sub"]).toBe("organization:acme:pipeline:networking:ref:refs/heads/*:commit:*:step:plan");
    expect(conditions(access, "apply").StringLike["agent.buildkite.com:sub"]).toBe(
      "organization:acme:pipeline:networking:ref:refs/heads/main:commit:*:step:apply",
    );
  });

  it("checks audience, slugs and branch exactly, and refuses fork-prefixed branches on both roles", () => {
    const access = new PipelineAccess(base);
    const apply = conditions(access, "apply");
    expect(apply.StringEquals).toEqual({
      "agent.buildkite.com:aud": "sts.amazonaws.com",
      "agent.buildkite.com:organization_slug": "acme",
      "agent.buildkite.com:pipeline_slug": "networking",
      "agent.buildkite.com:build_branch": "main",
    });
    // no subject with an eleventh field (a ":" smuggled into a step key, commit or ref), no fork-prefixed branch
    const refused = { "agent.buildkite.com:sub": "*:*:*:*:*:*:*:*:*:*:*", "agent.buildkite.com:build_branch": "*:*" };
    expect(apply.StringNotLike).toEqual(refused);
    const plan = conditions(access, "plan");
    // any branch: build_branch must still be present (StringLike "*") and not fork-prefixed
    expect(plan.StringLike["agent.buildkite.com:build_branch"]).toBe("*");
    expect(plan.StringNotLike).toEqual(refused);
    expect(access.plan.requiredPipelineSettings).toEqual({ buildPullRequestForks: false, prefixPullRequestForkBranchNames: true });
    expect(access.apply.requiredPipelineSettings).toEqual({ buildPullRequestForks: false, prefixPullRequestForkBranchNames: true });
  });

  it("renders one anchored subject per ref and step, with tags as refs/tags", () => {
    const access = new PipelineAccess({ ...base, apply: { branches: ["main", "release/*"], tags: ["v*"], stepKeys: ["apply", "apply-dr"] } });
    expect(conditions(access, "apply").StringLike["agent.buildkite.com:sub"]).toEqual([
      "organization:acme:pipeline:networking:ref:refs/heads/main:commit:*:step:apply",
      "organization:acme:pipeline:networking:ref:refs/heads/main:commit:*:step:apply-dr",
      "organization:acme:pipeline:networking:ref:refs/heads/release/*:commit:*:step:apply",
      "organization:acme:pipeline:networking:ref:refs/heads/release/*:commit:*:step:apply-dr",
      "organization:acme:pipeline:networking:ref:refs/tags/v*:commit:*:step:apply",
      "organization:acme:pipeline:networking:ref:refs/tags/v*:commit:*:step:apply-dr",
    ]);
    // a glob among the refs moves build_branch to StringLike
    expect(conditions(access, "apply").StringLike["agent.buildkite.com:build_branch"]).toEqual(["main", "release/*", "v*"]);
    expect(access.apply.tags).toEqual(["v*"]);
  });

  it("pins the immutable UUIDs and cluster through condition keys and asks the job for those claims", () => {
    const access = new PipelineAccess({ ...base, organizationId: ORG_ID, pipelineId: PIPELINE_ID, clusterId: ORG_ID, tokenLifetimeSeconds: 120 });
    expect(conditions(access, "plan").StringEquals).toMatchObject({
      "agent.buildkite.com:organization_id": ORG_ID,
      "agent.buildkite.com:pipeline_id": PIPELINE_ID,
      "agent.buildkite.com:cluster_id": ORG_ID,
    });
    expect(access.plan.tokenRequest).toEqual({
      audience: "sts.amazonaws.com",
      claims: ["organization_id", "pipeline_id", "cluster_id"],
      sessionTags: [],
      lifetimeSeconds: 120,
    });
    expect(access.plan.trustPolicy.Statement[0].Action).toBe("sts:AssumeRoleWithWebIdentity");
  });

  it("checks the claims through session tags when asked, allowing sts:TagSession and listing the tags the job must send", () => {
    const access = new PipelineAccess({ ...base, pipelineId: PIPELINE_ID, claimCheck: "session-tags" });
    const apply = conditions(access, "apply");
    expect(apply.StringEquals).toEqual({
      "agent.buildkite.com:aud": "sts.amazonaws.com",
      "aws:RequestTag/organization_slug": "acme",
      "aws:RequestTag/pipeline_slug": "networking",
      "aws:RequestTag/pipeline_id": PIPELINE_ID,
      "aws:RequestTag/build_branch": "main",
      // what no condition key carries: the step key, compared whole
      "aws:RequestTag/step_key": "apply",
    });
    expect(apply.StringNotLike).toEqual({ "agent.buildkite.com:sub": "*:*:*:*:*:*:*:*:*:*:*", "aws:RequestTag/build_branch": "*:*" });
    expect(access.apply.trustPolicy.Statement[0].Action).toEqual(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]);
    expect(access.apply.tokenRequest.sessionTags).toEqual(["organization_slug", "pipeline_slug", "pipeline_id", "build_branch", "step_key"]);
    expect(access.apply.tokenRequest.claims).toEqual(["pipeline_id"]);
  });

  it("checks every claim through both condition keys and session tags with claimCheck both", () => {
    const access = new PipelineAccess({ ...base, pipelineId: PIPELINE_ID, claimCheck: "both" });
    const apply = conditions(access, "apply");
    for (const claim of ["organization_slug", "pipeline_slug", "pipeline_id", "build_branch"]) {
      expect([claim, apply.StringEquals[`agent.buildkite.com:${claim}`]]).toEqual([claim, apply.StringEquals[`aws:RequestTag/${claim}`]]);
      expect(apply.StringEquals[`aws:RequestTag/${claim}`]).toBeDefined();
    }
    expect(apply.StringEquals["aws:RequestTag/step_key"]).toBe("apply");
    expect(apply.StringNotLike).toEqual({
      "agent.buildkite.com:sub": "*:*:*:*:*:*:*:*:*:*:*",
      "agent.buildkite.com:build_branch": "*:*",
      "aws:RequestTag/build_branch": "*:*",
    });
    expect(access.apply.trustPolicy.Statement[0].Action).toEqual(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]);
    expect(access.apply.tokenRequest.sessionTags).toEqual(["organization_slug", "pipeline_slug", "pipeline_id", "build_branch", "step_key"]);
    // a plan role that admits any step has no step key to tag
    const anyStep = new PipelineAccess({ ...base, claimCheck: "both", plan: { stepKeys: [] } });
    expect(anyStep.plan.tokenRequest.sessionTags).toEqual(["organization_slug", "pipeline_slug", "build_branch"]);
    expect(conditions(anyStep, "plan").StringEquals["aws:RequestTag/step_key"]).toBeUndefined();
  });

  it("refuses a claim check it does not know", () => {
    expect(() => new PipelineAccess({ ...base, claimCheck: "tags" as never })).toThrow(
      /^plan\.claimCheck "tags" is not a claim check: use one of "condition-keys", "session-tags", "both"\.$/,
    );
  });

  it.each(["condition-keys", "session-tags", "both"] as const)(
    "asks the job for exactly the claims and session tags the %s trust policy checks",
    (claimCheck) => {
      const access = new PipelineAccess({
        ...base,
        organizationId: ORG_ID,
        pipelineId: PIPELINE_ID,
        clusterId: ORG_ID,
        claimCheck,
        preview: { branches: ["preview-*"] },
      });
      for (const role of [access.plan, access.apply, access.preview!]) {
        const keys = Object.values(conditions(access, role.kind!)).flatMap((byKey) => Object.keys(byKey));
        const tagged = keys.filter((k) => k.startsWith("aws:RequestTag/")).map((k) => k.replace("aws:RequestTag/", ""));
        expect([...role.tokenRequest.sessionTags].sort()).toEqual([...new Set(tagged)].sort());
        const optional = ["organization_id", "pipeline_id", "cluster_id"];
        const checkedOptional = keys.map((k) => k.split(/[:/]/).pop()!).filter((claim) => optional.includes(claim));
        expect([...role.tokenRequest.claims].sort()).toEqual([...new Set(checkedOptional)].sort());
        expect(conditions(access, role.kind!).StringEquals["agent.buildkite.com:aud"]).toBe(role.tokenRequest.audience);
      }
    },
  );

  it("gives another stack the same RoleAccess from the same declaration", () => {
    const props: PipelineAccessProps = { ...base, organizationId: ORG_ID, apply: { branches: ["main"], stepKeys: ["deploy"] } };
    expect(new PipelineAccess(props).apply).toEqual(new PipelineAccess(props).apply);
  });

  it.each<[string, PipelineAccessProps, RegExp]>([
    ["an organization slug with capitals", { ...base, organization: "Acme" }, /^organization "Acme" is not a Buildkite slug/],
    ["a pipeline slug with a colon", { ...base, pipeline: "net:evil" }, /^pipeline "net:evil" is not a Buildkite slug/],
    ["an upper-case UUID", { ...base, pipelineId: PIPELINE_ID.toUpperCase() }, /^plan\.pipelineId .* lowercase 8-4-4-4-12/],
    ["a short account id", { ...base, accountId: "1234" }, /^accountId "1234" is not an AWS account ID/],
    ["a branch with a colon", { ...base, apply: { branches: ["owner:main"] } }, /^apply\.branches\[0\] "owner:main" contains ":"/],
    ["a branch with a policy variable", { ...base, plan: { branches: ["${username}"] } }, /^plan\.branches\[0\] .* contains "\$"/],
    ["a branch git refuses", { ...base, apply: { branches: ["main..x"] } }, /^apply\.branches\[0\] .* "\.\."/],
    ["a step key with a colon", { ...base, apply: { stepKeys: ["apply:prod"] } }, /^apply\.stepKeys\[0\] "apply:prod" is not a step key/],
    ["a step key glob", { ...base, plan: { stepKeys: ["plan*"] } }, /^plan\.stepKeys\[0\] "plan\*"/],
    ["duplicate branches", { ...base, apply: { branches: ["main", "main"] } }, /^apply\.branches lists "main" twice/],
    ["apply on every branch", { ...base, apply: { branches: ["*"] } }, /^apply\.branches admits every branch/],
    ["apply on every branch, spelled **", { ...base, apply: { branches: ["main", "**"] } }, /^apply\.branches admits every branch/],
    ["apply on every branch, spelled *?", { ...base, apply: { branches: ["*?"] } }, /^apply\.branches admits every branch/],
    ["apply on every step", { ...base, apply: { stepKeys: [] } }, /^apply\.stepKeys is empty/],
    ["no branch and no tag", { ...base, apply: { branches: [] } }, /^apply\.branches and apply\.tags are both empty/],
    ["a session under an hour", { ...base, sessionDurationSeconds: 900 }, /^sessionDurationSeconds 900 is out of range/],
    ["a session over 12 hours", { ...base, apply: { sessionDurationSeconds: 43201 } }, /^apply\.sessionDurationSeconds 43201 is out of range/],
    [
      "a role name over 64 characters",
      { ...base, pipeline: "p".repeat(60) },
      /^plan\.roleName ".*" is not a valid IAM role name \(derived from roleNamePrefix .*\): .* \(it has 68; set a shorter name/,
    ],
    ["the same name twice", { ...base, plan: { roleName: "ci" }, apply: { roleName: "ci" } }, /^plan\.roleName "ci" is also apply\.roleName/],
    ["an audience glob", { ...base, audience: "sts.*" }, /^plan\.audience "sts\.\*" must be a literal audience/],
    ["a bad role path", { ...base, rolePath: "buildkite" }, /^rolePath "buildkite" is not a valid IAM path/],
    ["previews without a branch", { ...base, preview: {} }, /^preview\.branches names no branch: name the preview branches/],
    ["previews of every branch", { ...base, preview: { branches: ["*"] } }, /^preview\.branches\[0\] "\*" is not a preview branch/],
    ["a preview branch with a slash", { ...base, preview: { branches: ["feat/*"] } }, /^preview\.branches\[0\] "feat\/\*" is not a preview branch/],
    ["previews of tags", { ...base, preview: { branches: ["preview-*"], tags: ["v*"] } }, /^preview\.tags names tags, and previews are of branches/],
    ["previews on every step", { ...base, preview: { branches: ["preview-*"], stepKeys: [] } }, /^preview\.stepKeys is empty/],
    [
      "a preview role named as the apply role",
      { ...base, preview: { branches: ["preview-*"], roleName: "bk-networking-apply" } },
      /^preview\.roleName "bk-networking-apply" is also apply\.roleName/,
    ],
  ])("refuses %s with a message naming the field", (_name, props, message) => {
    expect(() => new PipelineAccess(props)).toThrow(message);
  });
});
