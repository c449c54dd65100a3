import { trustPolicySize } from "../../../../constructs/guardrails/rules/trust-policy-size";
import { policySize } from "../../../../constructs/policy/policy-document";
import { CLAIM_CHECKS } from "../../../../constructs/trust/buildkite-trust";
import { PipelineAccess } from "../../../../constructs/trust/pipeline-access";
import { check, role } from "./support/blocks";

const pinned = {
  accountId: "111111111111",
  organization: "acme-platform-engineering",
  pipeline: "networking-core-infrastructure",
  organizationId: "0184990a-477b-4fa8-9968-496074483c77",
  pipelineId: "0184990a-4782-42b5-afc1-16715b10b110",
  clusterId: "0191f956-042f-7ec4-aa62-8e5eeae396d0",
};

describe("guardrail trust-policy-size", () => {
  it("passes the declarations PipelineAccess renders by default, even with long slugs and every pin", () => {
    for (const claimCheck of CLAIM_CHECKS) {
      const access = new PipelineAccess({ ...pinned, claimCheck });
      for (const roleAccess of [access.plan, access.apply]) {
        expect(policySize(roleAccess.trustPolicy)).toBeLessThan(1500);
        expect(check(trustPolicySize, role(roleAccess.trustPolicy))).toEqual([]);
      }
    }
  });

  const large = new PipelineAccess({
    ...pinned,
    apply: { branches: ["main", "production", "release/*", "hotfix/*"], tags: ["v*"], stepKeys: ["apply", "apply-eu", "apply-us"] },
  }).apply.trustPolicy;

  it("refuses a trust policy over the default 2,048 characters, whitespace not counted", () => {
    const size = policySize(large);
    expect(size).toBeGreaterThan(2048);
    // pretty-printing does not change what IAM counts
    const violations = check(trustPolicySize, role(JSON.stringify(large, null, 4)));
    expect(violations).toEqual([
      {
        message: `the trust policy has ${size} characters (whitespace not counted), over the limit of 2048.`,
        fix: expect.stringContaining("trustPolicySizeLimit"),
      },
    ]);
  });

  it("passes the same policy under a raised quota", () => {
    expect(check(trustPolicySize, role(large), [], 4096)).toEqual([]);
  });

  it("ignores trust policies it cannot parse (Terraform expressions)", () => {
    expect(check(trustPolicySize, role("${data.aws_iam_policy_document.trust.json}"), [], 10)).toEqual([]);
  });
});
