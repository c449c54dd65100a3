import { FORMATS } from "../../private/validation";
import { GuardrailRule, GuardrailViolation, isExpression } from "../guardrail";

/** A role name prefix: IAM appends 26 characters, so 38 of the name's 64 remain. */
const ROLE_NAME_PREFIX = /^[\w+=,.@-]{1,38}$/;

/** Role names, name prefixes and paths must be what IAM accepts, so that the plan does not fail at apply. */
export const roleName: GuardrailRule = {
  id: "role-name",
  description: "Role names are 1-64 characters of [A-Za-z0-9+=,.@_-], name prefixes at most 38, paths /.../.",
  fix: 'use 1-64 characters from letters, digits and +=,.@_- for names (set roleName or a shorter roleNamePrefix), at most 38 for prefixes, and "/" or "/<segments>/" for paths.',
  severity: "error",
  exemptible: false,
  check(block) {
    if (block.kind !== "resource" || block.type !== "aws_iam_role") return [];
    const { name, name_prefix: prefix, path } = block.values;
    const violations: GuardrailViolation[] = [];
    if (typeof name === "string" && !isExpression(name) && !FORMATS.roleName.test(name)) {
      violations.push({
        message: `the role name "${name}" is not a valid IAM role name (${name.length} characters).`,
        fix: "use 1-64 characters from letters, digits and +=,.@_- (set roleName or a shorter roleNamePrefix).",
      });
    }
    if (typeof prefix === "string" && !isExpression(prefix) && !ROLE_NAME_PREFIX.test(prefix)) {
      violations.push({
        message: `the role name prefix "${prefix}" is not valid (IAM appends 26 characters, so at most 38 remain).`,
        fix: "use at most 38 characters from letters, digits and +=,.@_-.",
      });
    }
    if (typeof path === "string" && !isExpression(path) && !FORMATS.rolePath.test(path)) {
      violations.push({ message: `the role path "${path}" is not a valid IAM path.`, fix: 'use "/" or "/<segments>/" with printable ASCII.' });
    }
    return violations;
  },
};
