import { BUILDKITE_SUBJECT_FIELDS, buildkiteConditionKey, SUBJECT_OVERFLOW_PATTERN } from "../../trust/buildkite-oidc";
import { GuardrailRule, GuardrailViolation } from "../guardrail";
import { buildkiteTrustIn, conditionValues } from "../../private/iam-documents";

const SUB = buildkiteConditionKey("sub");

/**
 * Whether a `StringNotLike` value on `sub` refuses every subject with more fields than Buildkite's:
 * only `*` fields, so it matches whatever the fields hold, and at most {@link BUILDKITE_SUBJECT_FIELDS}
 * colons, so an eleventh field (a smuggled `:`) always matches it. Fewer colons refuse more (every
 * token, at worst), which locks the role out but lets nobody in.
 */
function boundsFields(pattern: string): boolean {
  return /^\*(:\*)+$/.test(pattern) && pattern.split(":").length - 1 <= BUILDKITE_SUBJECT_FIELDS;
}

/**
 * Every statement that lets Buildkite tokens assume a role must refuse, with
 * `StringNotLike` on `sub`, subjects with more `:`-separated fields than
 * Buildkite's format. IAM's `*` matches `:`, and Buildkite puts no limit on
 * the characters of a step key: without this check `commit:*:step:apply`
 * admits a step keyed `pwn:step:apply` in any build of the admitted branch.
 */
export const buildkiteSubjectFieldsBounded: GuardrailRule = {
  id: "buildkite-subject-fields-bounded",
  description: `Roles trusting agent.buildkite.com refuse subjects with more than ${BUILDKITE_SUBJECT_FIELDS} ":"-separated fields, so no step key, commit or ref can smuggle in the fields the subject pattern checks.`,
  fix: `declare the role with PipelineAccess and BuildkitePipelineRole, or add StringNotLike "${SUB}" = "${SUBJECT_OVERFLOW_PATTERN}" to every Buildkite trust statement.`,
  severity: "error",
  exemptible: false,
  check(block, context) {
    const trust = buildkiteTrustIn(block, context.blocks);
    // A trust written as a Terraform expression is refused by buildkite-trust-pinned, once.
    if (!trust?.verifiable) return [];
    const violations: GuardrailViolation[] = [];
    for (const { statement, label } of trust.statements) {
      const refused = conditionValues(statement, "StringNotLike", SUB) ?? [];
      if (!refused.some(boundsFields)) {
        violations.push({
          message:
            `${label} does not refuse subjects with more than ${BUILDKITE_SUBJECT_FIELDS} fields, so a step key, commit or ref ` +
            `holding ":" (an uploaded step keyed "pwn:step:apply") can match its "${SUB}" pattern.`,
        });
      }
    }
    return violations;
  },
};
