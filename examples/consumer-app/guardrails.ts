/**
 * The payments team's own guardrail, registered with the library's through
 * the public entry point: every IAM role names its owner.
 */
import { GuardrailPack, GuardrailRule, RECOMMENDED_PACK } from "buildkite-terraform-trust";

/** Every role names the team that answers for it, in its own tags or the aws provider's default tags. */
export const roleOwnerTagged: GuardrailRule = {
  id: "role-owner-tagged",
  description: "Every IAM role carries an owner tag, itself or through the aws provider's default_tags.",
  fix: 'add tags: { owner: "<team>" } to the role, or to the provider\'s defaultTags.',
  severity: "error",
  exemptible: true,
  check(block, context) {
    if (block.kind !== "resource" || block.type !== "aws_iam_role") return [];
    if (block.values.tags?.owner) return [];
    const byProvider = context.blocks.some(
      (b) => b.kind === "provider" && b.type === "aws" && (b.values.default_tags ?? []).some((d: { tags?: Record<string, string> }) => d.tags?.owner),
    );
    return byProvider ? [] : [{ message: `the role ${block.values.name ?? block.name} has no owner tag.` }];
  },
};

/** The library's guardrails and the team's own. */
export const PAYMENTS_GUARDRAILS: GuardrailPack = {
  name: "payments",
  description: "Every guardrail of buildkite-terraform-trust, and every role names its owner.",
  rules: [...RECOMMENDED_PACK.rules, roleOwnerTagged],
};
