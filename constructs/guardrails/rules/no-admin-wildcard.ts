import { asList, PolicyStatement } from "../../policy/policy-document";
import { GuardrailRule, GuardrailViolation } from "../guardrail";
import { permissionPoliciesOf, statementLabel } from "../../private/iam-documents";

/** AWS managed policies that amount to administrator access: IAMFullAccess is `iam:*` on `*`. */
const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|IAMFullAccess)$/;
const ATTACHMENTS = ["aws_iam_role_policy_attachment", "aws_iam_policy_attachment", "aws_iam_group_policy_attachment"];
const FIX =
  "grant the actions and resources the pipeline needs, or, if administrator access is really required, " +
  'pass adminAccessReason (or Guardrails.exempt(construct, "no-admin-wildcard", reason)).';

/**
 * What administrator access an Allow statement grants, in words, or undefined: every action (or every action
 * but some), or every IAM action (`iam:*`, alone or with others), on every resource. Whoever may do anything
 * in IAM may grant itself everything else.
 */
export function administratorAccess(statement: PolicyStatement): string | undefined {
  if (statement.Effect !== "Allow" || !asList(statement.Resource).includes("*")) return undefined;
  const actions = asList(statement.Action).map((a) => a.toLowerCase());
  if (statement.NotAction !== undefined || actions.some((a) => a === "*" || a === "*:*")) return "every action";
  return actions.includes("iam:*") ? "every IAM action (which can grant every other)" : undefined;
}

/** Whether an Allow statement grants administrator access ({@link administratorAccess}). */
export function grantsAdministrator(statement: PolicyStatement): boolean {
  return administratorAccess(statement) !== undefined;
}

/**
 * No permission policy allows `"Action": "*"` on `"Resource": "*"` (nor
 * NotAction on everything, nor attaches AdministratorAccess) unless the
 * construct was exempted with a reason.
 */
export const noAdminWildcard: GuardrailRule = {
  id: "no-admin-wildcard",
  description: 'No policy allows "Action": "*" or "iam:*" on "Resource": "*" or attaches AdministratorAccess or IAMFullAccess, unless exempted with a reason.',
  fix: FIX,
  severity: "error",
  exemptible: true,
  check(block) {
    const violations: GuardrailViolation[] = [];
    for (const policy of permissionPoliciesOf(block)) {
      if (!policy.document) continue;
      policy.document.Statement.forEach((statement, i) => {
        const access = administratorAccess(statement);
        if (access) violations.push({ message: `${statementLabel(statement, i)} of the ${policy.label} allows ${access} on every resource.` });
      });
    }
    const adminPolicy = (arn: unknown) => ADMIN_POLICY.exec(String(arn))?.[1];
    const attached = block.kind === "resource" && ATTACHMENTS.includes(block.type) ? adminPolicy(block.values.policy_arn) : undefined;
    if (attached) violations.push({ message: `it attaches the ${attached} managed policy.` });
    if (block.kind === "resource" && block.type === "aws_iam_role") {
      for (const listed of asList(block.values.managed_policy_arns)
        .map(adminPolicy)
        .filter((name) => name !== undefined)) {
        violations.push({ message: `the role lists the ${listed} managed policy.` });
      }
    }
    return violations;
  },
};
