import { buildkiteSubjectFieldsBounded } from "../../../../constructs/guardrails/rules/buildkite-subject-fields-bounded";
import { PipelineAccess } from "../../../../constructs/trust/pipeline-access";
import { buildkiteTrust, check, data, PROVIDER_ARN, role } from "./support/blocks";

const AUD = { "agent.buildkite.com:aud": "sts.amazonaws.com" };
const SUB = { "agent.buildkite.com:sub": "organization:acme:pipeline:networking:ref:refs/heads/main:commit:*:step:apply" };
const BOUNDED = "*:*:*:*:*:*:*:*:*:*:*";
const messages = (violations: { message: string }[]): string[] => violations.map((v) => v.message);

describe("guardrail buildkite-subject-fields-bounded", () => {
  describe("passes", () => {
    it.each(["condition-keys", "session-tags", "both"] as const)("the trust policies PipelineAccess renders (%s)", (claimCheck) => {
      const access = new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking", claimCheck });
      expect(check(buildkiteSubjectFieldsBounded, role(access.plan.trustPolicy))).toEqual([]);
      expect(check(buildkiteSubjectFieldsBounded, role(access.apply.trustPolicy))).toEqual([]);
    });

    it("a hand-written policy that refuses eleven fields among other refusals, or refuses fewer (which locks out, but lets nobody in)", () => {
      const listed = buildkiteTrust({ StringEquals: AUD, StringLike: SUB, StringNotLike: { "agent.buildkite.com:sub": ["*:evil:*", BOUNDED] } });
      expect(check(buildkiteSubjectFieldsBounded, role(listed))).toEqual([]);
      const stricter = buildkiteTrust({ StringEquals: AUD, StringLike: SUB, StringNotLike: { "agent.buildkite.com:sub": "*:*:*:*:*:*:*:*:*:*" } });
      expect(check(buildkiteSubjectFieldsBounded, role(stricter))).toEqual([]);
    });

    it("roles that do not trust Buildkite, and trusts written as Terraform expressions (buildkite-trust-pinned refuses those)", () => {
      const github = buildkiteTrust(
        { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
        "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
      );
      expect(check(buildkiteSubjectFieldsBounded, role(github))).toEqual([]);
      expect(check(buildkiteSubjectFieldsBounded, role(`\${jsonencode({Statement = [{Principal = {Federated = "${PROVIDER_ARN}"}}]})}`))).toEqual([]);
    });
  });

  describe("refuses", () => {
    it("a Buildkite trust that pins the subject but never bounds its fields (the trust every role had before)", () => {
      const violations = check(
        buildkiteSubjectFieldsBounded,
        role(buildkiteTrust({ StringEquals: AUD, StringLike: SUB, StringNotLike: { "agent.buildkite.com:build_branch": "*:*" } })),
      );
      expect(messages(violations)).toEqual([
        'statement 1 does not refuse subjects with more than 10 fields, so a step key, commit or ref holding ":" (an uploaded step keyed "pwn:step:apply") can match its "agent.buildkite.com:sub" pattern.',
      ]);
      expect(violations[0].fix).toBe(
        'declare the role with PipelineAccess and BuildkitePipelineRole, or add StringNotLike "agent.buildkite.com:sub" = "*:*:*:*:*:*:*:*:*:*:*" to every Buildkite trust statement.',
      );
    });

    it.each([
      ["twelve fields, which lets one smuggled colon through", { StringNotLike: { "agent.buildkite.com:sub": "*:*:*:*:*:*:*:*:*:*:*:*" } }],
      ["a pattern with a literal field, which a smuggled subject can avoid", { StringNotLike: { "agent.buildkite.com:sub": "*:*:*:*:*:*:*:*:*:*:pwn" } }],
      ["the bound on another key", { StringNotLike: { "agent.buildkite.com:build_branch": BOUNDED } }],
      ["the bound under an operator that skips a missing key", { StringNotLikeIfExists: { "agent.buildkite.com:sub": BOUNDED } }],
      ["the bound as an allow pattern", { StringLike: { "agent.buildkite.com:sub": BOUNDED } }],
    ])("%s", (_name, conditions) => {
      expect(check(buildkiteSubjectFieldsBounded, role(buildkiteTrust({ StringEquals: AUD, ...conditions })))).toHaveLength(1);
    });

    it("every Buildkite statement of a document, and one in an aws_iam_policy_document data source", () => {
      const bounded = buildkiteTrust({ StringEquals: AUD, StringLike: SUB, StringNotLike: { "agent.buildkite.com:sub": BOUNDED } });
      const open = buildkiteTrust({ StringEquals: AUD, StringLike: SUB });
      const two = { ...bounded, Statement: [...bounded.Statement, { ...open.Statement[0], Sid: "Second" }] };
      expect(messages(check(buildkiteSubjectFieldsBounded, role(two)))).toEqual([expect.stringMatching(/^statement "Second" does not refuse subjects/)]);
      const document = data("aws_iam_policy_document", {
        statement: [
          {
            actions: ["sts:AssumeRoleWithWebIdentity"],
            principals: [{ type: "Federated", identifiers: [PROVIDER_ARN] }],
            condition: [{ test: "StringLike", variable: "agent.buildkite.com:sub", values: [SUB["agent.buildkite.com:sub"]] }],
          },
        ],
      });
      expect(check(buildkiteSubjectFieldsBounded, document)).toHaveLength(1);
    });
  });
});
