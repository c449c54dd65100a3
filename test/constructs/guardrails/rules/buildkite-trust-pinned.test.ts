import { buildkiteTrustPinned } from "../../../../constructs/guardrails/rules/buildkite-trust-pinned";
import { PipelineAccess } from "../../../../constructs/trust/pipeline-access";
import { buildkiteTrust, check, data, PROVIDER_ARN, resource, role } from "./support/blocks";

const AUD = { "agent.buildkite.com:aud": "sts.amazonaws.com" };
const SUB = "organization:acme:pipeline:networking:ref:refs/heads/main:commit:*:step:apply";
const access = new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking" });
const messages = (violations: { message: string }[]): string[] => violations.map((v) => v.message);

describe("guardrail buildkite-trust-pinned", () => {
  describe("passes", () => {
    it("the trust policies PipelineAccess renders", () => {
      expect(check(buildkiteTrustPinned, role(access.plan.trustPolicy))).toEqual([]);
      expect(check(buildkiteTrustPinned, role(access.apply.trustPolicy))).toEqual([]);
    });

    it("a hand-written policy with StringEquals aud and a pinned sub", () => {
      expect(check(buildkiteTrustPinned, role(buildkiteTrust({ StringEquals: { ...AUD, "agent.buildkite.com:sub": SUB } })))).toEqual([]);
    });

    it("roles that do not trust Buildkite", () => {
      const github = buildkiteTrust(
        { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
        "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
      );
      expect(check(buildkiteTrustPinned, role(github))).toEqual([]);
      expect(
        check(
          buildkiteTrustPinned,
          role({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
        ),
      ).toEqual([]);
    });

    it("a role whose trust policy is a policy document data source (the data source is checked itself)", () => {
      expect(check(buildkiteTrustPinned, role("${data.aws_iam_policy_document.trust.json}"))).toEqual([]);
    });
  });

  describe("refuses", () => {
    it("a Buildkite trust without any condition", () => {
      expect(messages(check(buildkiteTrustPinned, role(buildkiteTrust({}))))).toEqual([
        'statement 1 lets Buildkite tokens in without a StringEquals check of "agent.buildkite.com:aud".',
        'statement 1 lets Buildkite tokens in without a StringEquals or StringLike check of "agent.buildkite.com:sub".',
      ]);
    });

    it("an audience checked with StringLike, or a subject checked only if it exists", () => {
      const violations = messages(
        check(buildkiteTrustPinned, role(buildkiteTrust({ StringLike: AUD, StringLikeIfExists: { "agent.buildkite.com:sub": SUB } }))),
      );
      expect(violations).toHaveLength(2);
      expect(violations[0]).toMatch(/without a StringEquals check of "agent.buildkite.com:aud"/);
      expect(violations[1]).toMatch(/without a StringEquals or StringLike check of "agent.buildkite.com:sub"/);
    });

    it.each([
      ["any pipeline", "organization:acme:*"],
      ["any organization", "organization:*:pipeline:networking:ref:refs/heads/main:commit:*:step:apply"],
      ["a pipeline glob", "organization:acme:pipeline:net*"],
      ["a subject that does not start with the organization", "*:pipeline:networking:*"],
    ])("a subject not pinned to one pipeline: %s", (_name, sub) => {
      const violations = check(buildkiteTrustPinned, role(buildkiteTrust({ StringEquals: AUD, StringLike: { "agent.buildkite.com:sub": sub } })));
      expect(violations).toHaveLength(1);
      expect(violations[0].message).toBe(`statement 1 admits the subject "${sub}", which is not pinned to one literal organization and pipeline.`);
      expect(violations[0].fix).toMatch(/PipelineAccess and BuildkitePipelineRole/);
    });

    it("a trust policy whose Statement is a single object, as IAM also accepts", () => {
      const single = { Version: "2012-10-17", Statement: { Effect: "Allow", Principal: { Federated: PROVIDER_ARN }, Action: "sts:AssumeRoleWithWebIdentity" } };
      expect(check(buildkiteTrustPinned, role(JSON.stringify(single)))).toHaveLength(2);
    });

    it("a role shared by two pipelines", () => {
      const shared = buildkiteTrust({ StringEquals: AUD, StringLike: { "agent.buildkite.com:sub": [SUB, SUB.replace("networking", "payments")] } });
      expect(messages(check(buildkiteTrustPinned, role(shared)))).toEqual([
        "the trust policy admits several pipelines (acme/networking, acme/payments), so they would share one role and its state access.",
      ]);
    });

    it("a trust that names the provider through a reference to the stack's agent.buildkite.com provider", () => {
      const provider = resource("aws_iam_openid_connect_provider", { url: "https://agent.buildkite.com" }, "buildkite");
      const viaReference = role(buildkiteTrust({}, "${aws_iam_openid_connect_provider.buildkite.arn}"));
      expect(check(buildkiteTrustPinned, viaReference, [provider])).toHaveLength(2);
      const other = resource("aws_iam_openid_connect_provider", { url: "https://token.actions.githubusercontent.com" }, "buildkite");
      expect(check(buildkiteTrustPinned, viaReference, [other])).toEqual([]);
    });

    it("a trust recognised by its Buildkite condition keys even when the principal is not a literal ARN", () => {
      const policy = buildkiteTrust({ StringEquals: { "agent.buildkite.com:organization_slug": "acme" } }, "${var.provider_arn}");
      expect(check(buildkiteTrustPinned, role(policy))).toHaveLength(2);
    });

    it("a trust policy written as a Terraform expression that mentions agent.buildkite.com", () => {
      const violations = check(buildkiteTrustPinned, role(`\${jsonencode({Statement = [{Principal = {Federated = "${PROVIDER_ARN}"}}]})}`));
      expect(messages(violations)).toEqual([
        "the trust policy mentions agent.buildkite.com but is a Terraform expression, so its conditions cannot be verified at synth.",
      ]);
    });

    it("an aws_iam_policy_document data source that trusts Buildkite without a subject", () => {
      const document = data("aws_iam_policy_document", {
        statement: [
          {
            actions: ["sts:AssumeRoleWithWebIdentity"],
            principals: [{ type: "Federated", identifiers: [PROVIDER_ARN] }],
            condition: [{ test: "StringEquals", variable: "agent.buildkite.com:aud", values: ["sts.amazonaws.com"] }],
          },
        ],
      });
      expect(messages(check(buildkiteTrustPinned, document))).toEqual([
        'statement 1 lets Buildkite tokens in without a StringEquals or StringLike check of "agent.buildkite.com:sub".',
      ]);
    });
  });
});
