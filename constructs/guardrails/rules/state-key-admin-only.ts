import { GuardrailRule } from "../guardrail";
import { isStateKey } from "../state-resources";
import { administratorsOnlyShortfall } from "../../private/configuration-deny";
import { parsePolicy } from "../../private/iam-documents";
import { STATE_KEY_ADMINISTRATION_ACTIONS } from "../../state/state-administrators";

/** A key policy's statements are about the key itself: `*`, or the key's own ARN. */
const onKey = (resources: string[]) => resources.some((r) => r === "*" || /^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\/[^*]+$/.test(r));

/**
 * The key policy of a Terraform state key denies its administration (policy, grants, disabling, deletion...)
 * to all principals but the named state administrators: its account-root statement would otherwise let any
 * IAM policy of the account grant `kms:PutKeyPolicy`.
 */
export const stateKeyAdminOnly: GuardrailRule = {
  id: "state-key-admin-only",
  description: "The key policy of a Terraform state key denies its administration (policy, grants, disabling, deletion...) to all but named administrators.",
  fix: 'keep the key policy TerraformStateBackend writes (DenyKeyAdministrationExceptAdministrators, with the administrators in administratorArns), or add a Deny of STATE_KEY_ADMINISTRATION_ACTIONS to Principal "*" with only ArnNotLike "aws:PrincipalArn" = [administrator ARNs].',
  severity: "error",
  exemptible: false,
  check(block, context) {
    if (!isStateKey(block, context)) return [];
    const policy = parsePolicy("key policy", block.values.policy);
    if (!policy?.document)
      return [{ message: "the state key has no key policy the guardrails can read (the default key policy lets IAM grant its administration)." }];
    const shortfall = administratorsOnlyShortfall(policy.document, STATE_KEY_ADMINISTRATION_ACTIONS, onKey);
    return shortfall ? [{ message: `the state key's policy does not deny its administration to all but named administrators: ${shortfall}.` }] : [];
  },
};
