import { asList } from "../../policy/policy-document";
import { notReadOnlyActions, notReadOnlyPolicyReason } from "../../policy/read-only";
import { GuardrailRule, GuardrailViolation, SynthesizedBlock } from "../guardrail";
import { namesRole, permissionPoliciesOf, referencedPolicyDocument, statementLabel } from "../../private/iam-documents";
import { PIPELINE_ROLE_KIND_TAG_KEY } from "../../state/state-bucket-policy";

/** The plan role a block belongs to (the role itself, or a policy or attachment naming it), or undefined. */
function planRoleOf(block: SynthesizedBlock, blocks: readonly SynthesizedBlock[]): SynthesizedBlock | undefined {
  const isPlanRole = (b: SynthesizedBlock) => b.kind === "resource" && b.type === "aws_iam_role" && b.values.tags?.[PIPELINE_ROLE_KIND_TAG_KEY] === "plan";
  if (block.kind !== "resource") return undefined;
  if (block.type === "aws_iam_role") return isPlanRole(block) ? block : undefined;
  return blocks.find((b) => isPlanRole(b) && namesRole(block, b));
}

/** The managed policy ARNs a block attaches. */
function attachedPolicyArns(block: SynthesizedBlock): string[] {
  if (block.type === "aws_iam_role") return asList(block.values.managed_policy_arns);
  if (block.type === "aws_iam_role_policy_attachment" || block.type === "aws_iam_policy_attachment") return asList(block.values.policy_arn);
  return [];
}

/**
 * A plan role (tagged `buildkite:role` = `plan` by BuildkitePipelineRole) runs the code of every
 * branch and pull request it admits, so it must not be able to change anything, take a lock, mint
 * a credential or read a secret: its Allow statements hold only read-only actions and its managed
 * policies are on the read-only list (constructs/policy/read-only.ts), the state policy included
 * (plans run with `-lock=false`). BuildkitePipelineRole refuses anything else when it is
 * constructed; this rule is the backstop over the synthesized JSON, so overrides, raw policies and
 * attachments are caught too.
 */
export const planRoleReadOnly: GuardrailRule = {
  id: "plan-role-read-only",
  description:
    "Plan roles only read, by allow-list: read-only actions (Get*, List*, Describe*, named reads; never credential or secret reads) and read-only AWS managed policies.",
  fix: "move the other actions and policies to the apply role; give plan ReadOnlyAccess, job-function/ViewOnlyAccess, SecurityAudit or read actions.",
  severity: "error",
  exemptible: false,
  check(block, context) {
    const role = planRoleOf(block, context.blocks);
    if (!role) return [];
    const roleName = typeof role.values.name === "string" ? role.values.name : role.name;
    const violations: GuardrailViolation[] = [];
    for (const policy of permissionPoliciesOf(block)) {
      const document = policy.document ?? referencedPolicyDocument(policy.raw, context.blocks);
      if (!document) {
        violations.push({
          message: `the ${policy.label} of the plan role ${roleName} is a Terraform expression, so it cannot be verified read-only at synth.`,
          fix: "render the policy as literal JSON (renderPolicy of a PolicyDocument).",
        });
        continue;
      }
      document.Statement.forEach((statement, i) => {
        const refused = notReadOnlyActions(statement);
        if (refused.length > 0) {
          const label = `${statementLabel(statement, i)} of the ${policy.label}`;
          const allows = refused.map(({ action, reason }) => `${action}, which ${reason}`).join("; ");
          violations.push({ message: `${label} allows ${allows}, but ${roleName} is a plan role, which only reads.` });
        }
      });
    }
    for (const arn of attachedPolicyArns(block)) {
      const reason = notReadOnlyPolicyReason(arn);
      if (reason !== undefined) violations.push({ message: `it attaches ${arn}, which ${reason}, to the plan role ${roleName}, which only reads.` });
    }
    return violations;
  },
};
