import { policySize } from "../../policy/policy-document";
import { GuardrailRule } from "../guardrail";
import { trustPolicyOf } from "../../private/iam-documents";

/** IAM's default quota for the length of a role trust policy, whitespace not counted. */
export const DEFAULT_TRUST_POLICY_SIZE_LIMIT = 2048;
/** The highest trust policy length IAM grants on request. */
export const MAX_TRUST_POLICY_SIZE_LIMIT = 8192;

/**
 * A role's trust policy must fit the account's trust policy length quota;
 * otherwise `terraform apply` fails half-way with LimitExceeded.
 */
export const trustPolicySize: GuardrailRule = {
  id: "trust-policy-size",
  description: "Role trust policies fit the account's trust policy length quota (2,048 characters by default).",
  fix:
    'admit fewer branch, tag and step combinations (globs such as "release/*" instead of lists), or raise the account\'s ' +
    '"Role trust policy length" quota and set applyGuardrails(app, { trustPolicySizeLimit }) to match.',
  severity: "error",
  exemptible: false,
  check(block, context) {
    const trust = trustPolicyOf(block);
    if (!trust?.document) return [];
    const size = policySize(trust.document);
    if (size <= context.trustPolicySizeLimit) return [];
    return [
      {
        message: `the trust policy has ${size} characters (whitespace not counted), over the limit of ${context.trustPolicySizeLimit}.`,
      },
    ];
  },
};
