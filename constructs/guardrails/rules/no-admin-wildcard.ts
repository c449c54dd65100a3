import { asList, PolicyStatement } from "../../policy/policy-document";
import { GuardrailRule, GuardrailViolation } from "../guardrail";
import { permissionPoliciesOf, statementLabel } from "../../private/iam-documents";

const ANY_ACTION = ["*", "*:*"];
const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
const ATTACHMENTS = ["aws_iam_role_policy_attachment", "aws_iam_policy_attachment", "aws_iam_group_policy_attachment"];
const FIX =
  "grant the actions and resources the pipeline needs, or, if administrator access is really required, " +
  'pass adminAccessReason (or Guardrails.exempt(construct, "no-admin-wildcard", reason)).';

/** Whether an Allow statement grants every action (or every action but some) on every resource. */
export function grantsAdministrator(statement: PolicyStatement): boolean {
  if (statement.Effect !== "Allow") return false;
  const onEverything = asList(statement.Resource).includes("*");
  const everyAction = asList(statement.Action).some((a) => ANY_ACTION.includes(a)) || statement.NotAction !== undefined;
  return onEverything && everyAction;
}

/**
 * No permission policy allows `"Action": "*"` on `"Resource": "*"` (nor
 * NotAction on everything, nor attaches AdministratorAccess) unless the
 * construct was exempted with a reason.
 */
export const noAdminWildcard: GuardrailRule = {
  id: "no-admin-wildcard",
  description: 'No policy allows "Action": "*" on "Resource": "*" or attaches AdministratorAccess, unless exempted with a reason.',
  fix: FIX,
  severity: "error",
  exemptible: true,
  check(block) {
    const violations: GuardrailViolation[] = [];
    for (const policy of permissionPoliciesOf(block)) {
      if (!policy.document) continue;
      policy.document.Statement.forEach((statement, i) => {
        if (grantsAdministrator(statement)) {
          violations.push({ message: `${statementLabel(statement, i)} of the ${policy.label} allows every action on every resource.` });
        }
      });
    }
    if (block.kind === "resource" && ATTACHMENTS.includes(block.type) && ADMIN_POLICY.test(String(block.values.policy_arn))) {
      violations.push({ message: "it attaches the AdministratorAccess managed policy." });
    }
    if (block.kind === "resource" && block.type === "aws_iam_role" && asList(block.values.managed_policy_arns).some((arn) => ADMIN_POLICY.test(arn))) {
      violations.push({ message: "the role lists the AdministratorAccess managed policy." });
    }
    return violations;
  },
};
