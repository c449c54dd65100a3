import { asList, PolicyDocument, PolicyStatement } from "../../policy/policy-document";
import { LOCK_FILE_SUFFIX, STATE_DIGEST_SUFFIX } from "../../state/state-access-policy";
import { GuardrailRule, GuardrailViolation, SynthesizedBlock } from "../guardrail";
import { conditionEntries, permissionPoliciesOf, referencedPolicyDocument, statementLabel } from "../../private/iam-documents";

/** Verbs of actions that only read; a plan role may use nothing else, besides taking the state lock. */
const READ_VERBS = [
  "Get",
  "List",
  "Describe",
  "Head",
  "BatchGet",
  "BatchDescribe",
  "Query",
  "Scan",
  "Search",
  "Select",
  "Lookup",
  "View",
  "Check",
  "Read",
  "Filter",
  "Decrypt",
];
/** AWS managed policies whose names say they can change things. */
export const WRITE_MANAGED_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?(?:AdministratorAccess|PowerUserAccess|[\w-]*FullAccess[\w-]*)$/;
/** The tag BuildkitePipelineRole puts on its roles, naming their kind. */
const ROLE_KIND_TAG = "buildkite:role";

const LOCK_FILE_WRITES = ["s3:PutObject", "s3:DeleteObject"];
const LOCK_ITEM_WRITES = ["dynamodb:PutItem", "dynamodb:DeleteItem"];
const LOCK_FILE_KEY = "kms:GenerateDataKey";

/** Whether an action (possibly a glob) can only read, judged by its verb. */
export function isReadAction(action: string): boolean {
  const name = action.split(":")[1] ?? "";
  return READ_VERBS.some((verb) => name.startsWith(verb) && name.length > 0);
}

const hasCondition = (statement: PolicyStatement, key: string): boolean => conditionEntries(statement).some((entry) => entry.key.toLowerCase() === key);

/** Whether the document denies writing the state digest items of the lock table (`<LockID>-md5`). */
function deniesDigestWrites(document: PolicyDocument): boolean {
  return document.Statement.some(
    (s) =>
      s.Effect === "Deny" &&
      LOCK_ITEM_WRITES.every((action) => asList(s.Action).includes(action)) &&
      conditionEntries(s).some(
        ({ key, values }) => key.toLowerCase() === "dynamodb:leadingkeys" && values.length > 0 && values.every((v) => v.endsWith(STATE_DIGEST_SUFFIX)),
      ),
  );
}

/**
 * Whether an action is a write that taking the Terraform state lock needs, as
 * the statement grants it: lock files only (`*.tflock`), lock-table items only
 * by their LockID while the state digests stay denied, the state key only
 * through a service (S3 encrypting the lock file).
 */
function takesStateLock(action: string, statement: PolicyStatement, document: PolicyDocument): boolean {
  if (LOCK_FILE_WRITES.includes(action)) {
    const resources = asList(statement.Resource);
    return statement.NotResource === undefined && resources.length > 0 && resources.every((r) => r.endsWith(LOCK_FILE_SUFFIX));
  }
  if (LOCK_ITEM_WRITES.includes(action)) return hasCondition(statement, "dynamodb:leadingkeys") && deniesDigestWrites(document);
  if (action === LOCK_FILE_KEY) return hasCondition(statement, "kms:viaservice");
  return false;
}

/** The plan role a block belongs to (the role itself, or a policy or attachment naming it), or undefined. */
function planRoleOf(block: SynthesizedBlock, blocks: readonly SynthesizedBlock[]): SynthesizedBlock | undefined {
  const isPlanRole = (b: SynthesizedBlock) => b.kind === "resource" && b.type === "aws_iam_role" && b.values.tags?.[ROLE_KIND_TAG] === "plan";
  if (block.kind !== "resource") return undefined;
  if (block.type === "aws_iam_role") return isPlanRole(block) ? block : undefined;
  const named = [block.values.role, ...asList(block.values.roles)].filter((r): r is string => typeof r === "string");
  return blocks.find(
    (b) => isPlanRole(b) && named.some((ref) => ref === b.values.name || ref === `\${aws_iam_role.${b.name}.name}` || ref === `\${aws_iam_role.${b.name}.id}`),
  );
}

/** The managed policy ARNs a block attaches. */
function attachedPolicyArns(block: SynthesizedBlock): string[] {
  if (block.type === "aws_iam_role") return asList(block.values.managed_policy_arns);
  if (block.type === "aws_iam_role_policy_attachment" || block.type === "aws_iam_policy_attachment") return asList(block.values.policy_arn);
  return [];
}

/**
 * A plan role (tagged `buildkite:role` = `plan` by BuildkitePipelineRole) runs
 * on every branch and pull request, so it must not be able to change anything
 * but the state lock. BuildkitePipelineRole refuses write permissions for plan
 * when it is constructed; this rule is the backstop over the synthesized JSON,
 * so overrides, raw policies and attachments are caught too.
 */
export const planRoleReadOnly: GuardrailRule = {
  id: "plan-role-read-only",
  description: "Plan roles only read: their policies allow read actions, and writes only to take the Terraform state lock.",
  fix: "move the write actions and write policies to the apply role; give plan read actions or e.g. ReadOnlyAccess.",
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
        if (statement.Effect !== "Allow") return;
        const label = `${statementLabel(statement, i)} of the ${policy.label}`;
        if (statement.NotAction !== undefined) {
          violations.push({ message: `${label} allows NotAction, which grants writes, but ${roleName} is a plan role, which only reads.` });
        }
        const writes = asList(statement.Action).filter((action) => !isReadAction(action) && !takesStateLock(action, statement, document));
        if (writes.length) {
          violations.push({ message: `${label} allows ${writes.join(", ")}, which can change resources, but ${roleName} is a plan role, which only reads.` });
        }
      });
    }
    for (const arn of attachedPolicyArns(block).filter((a) => WRITE_MANAGED_POLICY.test(a))) {
      violations.push({ message: `it attaches ${arn}, which can change resources, to the plan role ${roleName}, which only reads.` });
    }
    return violations;
  },
};
