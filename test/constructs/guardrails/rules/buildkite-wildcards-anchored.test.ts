import { buildkiteWildcardsAnchored, unanchoredGlob } from "../../../../constructs/guardrails/rules/buildkite-wildcards-anchored";
import { PipelineAccess } from "../../../../constructs/trust/pipeline-access";
import { buildkiteTrust, check, data, PROVIDER_ARN, role } from "./support/blocks";

const AUD = { "agent.buildkite.com:aud": "sts.amazonaws.com" };
const withSub = (sub: string | string[]) => role(buildkiteTrust({ StringEquals: AUD, StringLike: { "agent.buildkite.com:sub": sub } }));

describe("guardrail buildkite-wildcards-anchored", () => {
  describe("passes", () => {
    it("the trust policies PipelineAccess renders, globs included", () => {
      const access = new PipelineAccess({
        accountId: "111111111111",
        organization: "acme",
        pipeline: "networking",
        claimCheck: "session-tags",
        plan: { branches: ["*"], stepKeys: [] },
        apply: { branches: ["release/*", "main"], tags: ["v?.*"], stepKeys: ["apply"] },
      });
      expect(check(buildkiteWildcardsAnchored, role(access.plan.trustPolicy))).toEqual([]);
      expect(check(buildkiteWildcardsAnchored, role(access.apply.trustPolicy))).toEqual([]);
    });

    it.each([
      "organization:acme:pipeline:deploy:*",
      "organization:acme:pipeline:deploy:ref:*",
      "organization:acme:pipeline:deploy:ref:refs/heads/*:commit:*:step:*",
      "organization:acme:pipeline:deploy:ref:refs/tags/v*:commit:*:step:deploy-*",
      "organization:acme:pipeline:deploy:ref:refs/heads/main:commit:*:step:apply",
    ])("the anchored subject %s", (sub) => {
      expect(unanchoredGlob(sub)).toBeUndefined();
      expect(check(buildkiteWildcardsAnchored, withSub(sub))).toEqual([]);
    });
  });

  describe("refuses", () => {
    it.each([
      ["organization:acme:pipeline:deploy*", 'the pipeline value "deploy*" has a wildcard, which also matches other pipelines (e.g. "deploy-evil")'],
      ["organization:acme*:pipeline:deploy:*", 'the organization value "acme*" has a wildcard, which also matches other organizations (e.g. "acme-evil")'],
      ["organization:*:pipeline:deploy:*", 'the organization value is "*", which admits any organization'],
      ["organization:acme:*:deploy:ref:*", 'a wildcard stands in the place of the "pipeline" label ("*")'],
      [
        "organization:acme:pipeline:deploy:ref:refs/heads/release/*",
        'the ref glob "refs/heads/release/*" ends the pattern, so it runs on across the following segments',
      ],
      [
        "organization:acme:pipeline:deploy:ref:refs/heads/main:commit:abc*",
        'the commit glob "abc*" ends the pattern, so it runs on across the following segments',
      ],
    ])("the subject %s", (sub, problem) => {
      expect(unanchoredGlob(sub)).toBe(problem);
      const violations = check(buildkiteWildcardsAnchored, withSub(sub));
      expect(violations).toEqual([
        { message: `statement 1 admits the subject "${sub}": ${problem}.`, fix: expect.stringContaining("close every segment with its colon") },
      ]);
    });

    it.each([
      ["agent.buildkite.com:organization_slug", "acme*"],
      ["agent.buildkite.com:pipeline_id", "0184990a-*"],
      ["agent.buildkite.com:aud", "sts.*"],
      ["aws:RequestTag/pipeline_slug", "net?orking"],
    ])("a wildcard in the identity claim %s", (key, value) => {
      const policy = buildkiteTrust({ StringEquals: AUD, StringLike: { "agent.buildkite.com:sub": "organization:acme:pipeline:networking:*", [key]: value } });
      const violations = check(buildkiteWildcardsAnchored, role(policy));
      expect(violations.map((v) => v.message)).toEqual([
        `statement 1 matches an identity claim with a wildcard ("${key}" = "${value}"), which admits look-alike organizations, pipelines or clusters.`,
      ]);
    });

    it("an unanchored subject in an aws_iam_policy_document data source", () => {
      const document = data("aws_iam_policy_document", {
        statement: [
          {
            actions: ["sts:AssumeRoleWithWebIdentity"],
            principals: [{ type: "Federated", identifiers: [PROVIDER_ARN] }],
            condition: [{ test: "StringLike", variable: "agent.buildkite.com:sub", values: ["organization:acme:pipeline:deploy*"] }],
          },
        ],
      });
      expect(check(buildkiteWildcardsAnchored, document)).toHaveLength(1);
    });
  });
});
