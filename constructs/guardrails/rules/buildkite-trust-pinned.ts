import { buildkiteConditionKey } from "../../trust/buildkite-oidc";
import { GuardrailRule, GuardrailViolation } from "../guardrail";
import { buildkiteTrustIn, conditionValues } from "../../private/iam-documents";

const AUD = buildkiteConditionKey("aud");
const SUB = buildkiteConditionKey("sub");
/** `organization:<org>:pipeline:<pipeline>:` with both slugs literal. */
const PINNED_PREFIX = /^organization:([a-z0-9-]+):pipeline:([a-z0-9-]+)(?::|$)/;

const FIX =
  "declare the role with PipelineAccess and BuildkitePipelineRole, or require StringEquals " +
  `"${AUD}" = "sts.amazonaws.com" and StringLike "${SUB}" = "organization:<org>:pipeline:<pipeline>:ref:refs/heads/<branch>:commit:*:step:<key>".`;

/**
 * Every statement that lets Buildkite tokens assume a role must check the
 * audience with StringEquals and pin `sub` (StringEquals or StringLike) to one
 * literal organization and pipeline; all such statements of one document pin
 * the same pipeline. Without these, any Buildkite customer's job could
 * assume the role (the issuer is shared by every organization).
 */
export const buildkiteTrustPinned: GuardrailRule = {
  id: "buildkite-trust-pinned",
  description: "Roles trusting agent.buildkite.com check the audience and pin the subject to one organization and pipeline.",
  fix: FIX,
  severity: "error",
  exemptible: false,
  check(block, context) {
    const trust = buildkiteTrustIn(block, context.blocks);
    if (!trust) return [];
    if (!trust.verifiable) {
      return [
        {
          message: "the trust policy mentions agent.buildkite.com but is a Terraform expression, so its conditions cannot be verified at synth.",
          fix: "render the trust policy as literal JSON (renderPolicy of a PolicyDocument, or an aws_iam_policy_document data source).",
        },
      ];
    }
    const violations: GuardrailViolation[] = [];
    const pinned = new Set<string>();
    for (const { statement, label } of trust.statements) {
      const audiences = conditionValues(statement, "StringEquals", AUD);
      if (!audiences?.length) {
        violations.push({ message: `${label} lets Buildkite tokens in without a StringEquals check of "${AUD}".` });
      }
      const subjects = [...(conditionValues(statement, "StringEquals", SUB) ?? []), ...(conditionValues(statement, "StringLike", SUB) ?? [])];
      if (subjects.length === 0) {
        violations.push({ message: `${label} lets Buildkite tokens in without a StringEquals or StringLike check of "${SUB}".` });
        continue;
      }
      for (const subject of subjects) {
        const match = PINNED_PREFIX.exec(subject);
        if (!match) {
          violations.push({ message: `${label} admits the subject "${subject}", which is not pinned to one literal organization and pipeline.` });
        } else {
          pinned.add(`${match[1]}/${match[2]}`);
        }
      }
    }
    if (pinned.size > 1) {
      violations.push({
        message: `the trust policy admits several pipelines (${[...pinned].sort().join(", ")}), so they would share one role and its state access.`,
        fix: "give every pipeline its own roles (one PipelineAccess per pipeline).",
      });
    }
    return violations;
  },
};
