import { iamWriteActions } from "../../policy/iam-writes";
import { asList } from "../../policy/policy-document";
import { PIPELINE_PRINCIPAL_TAG_KEY } from "../../state/state-bucket-policy";
import { GuardrailRule, SynthesizedBlock } from "../guardrail";
import { buildkiteTrustIn, namesRole, permissionPoliciesOf, referencedPolicyDocument, statementLabel } from "../../private/iam-documents";

/** AWS managed policies that change IAM. */
const IAM_WRITE_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|IAMFullAccess)$/;
const ATTACHMENTS = ["aws_iam_role_policy_attachment", "aws_iam_policy_attachment"];

/** Whether a role block is a pipeline role: tagged with its pipeline, or trusting Buildkite tokens. */
function isPipelineRole(block: SynthesizedBlock, blocks: readonly SynthesizedBlock[]): boolean {
  if (block.kind !== "resource" || block.type !== "aws_iam_role") return false;
  return typeof block.values.tags?.[PIPELINE_PRINCIPAL_TAG_KEY] === "string" || buildkiteTrustIn(block, blocks) !== undefined;
}

/** What lets the role change IAM, one phrase per policy statement or attachment of the stack. */
function iamWritesOf(role: SynthesizedBlock, blocks: readonly SynthesizedBlock[]): string[] {
  const found: string[] = [];
  for (const block of [role, ...blocks.filter((b) => b.kind === "resource" && b !== role && namesRole(b, role))]) {
    for (const policy of permissionPoliciesOf(block)) {
      const document = policy.document ?? referencedPolicyDocument(policy.raw, blocks);
      document?.Statement.forEach((statement, i) => {
        const writes = iamWriteActions(statement);
        if (writes.length) found.push(`${writes.join(", ")} in ${statementLabel(statement, i)} of the ${policy.label}`);
      });
    }
    const attached = [...(ATTACHMENTS.includes(block.type) ? asList(block.values.policy_arn) : []), ...asList(block.values.managed_policy_arns)];
    for (const arn of attached.filter((a) => IAM_WRITE_POLICY.test(a))) found.push(`the attached ${arn}`);
  }
  return found;
}

/**
 * A pipeline role (tagged `buildkite:pipeline`, or trusting Buildkite OIDC tokens) that may change IAM
 * carries a permissions boundary: without one, it could rewrite its own permissions, another pipeline's
 * trust, or untag a role out of the state bucket's fence. The account's {@link PipelinePermissionsBoundary}
 * denies that, and lets such a role create or change roles only with the same boundary attached.
 *
 * Sees the role's inline policies, its policies and attachments in the same stack, and the AWS managed
 * policies that change IAM (AdministratorAccess, IAMFullAccess); a customer managed policy of another
 * stack is not read. It checks that a boundary is set, not what the boundary says.
 */
export const iamWritersBounded: GuardrailRule = {
  id: "iam-writers-bounded",
  description: "Pipeline roles whose permissions can change IAM carry a permissions boundary.",
  fix: "give the role the account's PipelinePermissionsBoundary (permissionsBoundary), or remove the IAM write permissions.",
  severity: "error",
  exemptible: false,
  check(block, context) {
    if (!isPipelineRole(block, context.blocks)) return [];
    const boundary = block.values.permissions_boundary;
    if (typeof boundary === "string" && boundary !== "") return [];
    const writes = iamWritesOf(block, context.blocks);
    if (writes.length === 0) return [];
    const name = typeof block.values.name === "string" ? block.values.name : block.name;
    return [{ message: `the pipeline role ${name} may change IAM (${writes.join("; ")}) but has no permissions boundary.` }];
  },
};
