/**
 * The shape of an "only the administrators may change this" Deny in a resource policy, checked by the
 * state rules: to every principal, on the resource, for every listed action, whatever else holds, except
 * for principals named one by one.
 */
import { asList, PolicyDocument, PolicyStatement } from "../policy/policy-document";
import { conditionEntries } from "./iam-documents";

/** Whether an IAM action pattern (`*` and `?` wildcards, case-insensitive) matches an action. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return regex.test(action);
}

/** Operators that exempt principals from a Deny by their ARN. */
const EXEMPTING_OPERATORS = ["ArnNotLike", "ArnNotEquals", "StringNotLike", "StringNotEquals"];

/** Why a statement is not an administrators-only Deny of `actions` on resources `onResource` accepts, or undefined when it is one. */
function shortfall(statement: PolicyStatement, actions: readonly string[], onResource: (resources: string[]) => boolean): string | undefined {
  if (statement.Effect !== "Deny" || statement.NotAction !== undefined || statement.NotResource !== undefined) return "not a Deny of listed actions";
  const principal = statement.Principal;
  if (!(principal === "*" || (principal !== undefined && asList(principal.AWS).includes("*")))) return "not denied to every principal";
  if (!onResource(asList(statement.Resource))) return "not on the resource";
  const missing = actions.filter((action) => !asList(statement.Action).some((pattern) => actionMatches(pattern, action)));
  if (missing.length > 0) return `does not deny ${missing.join(", ")}`;
  for (const { operator, key, values } of conditionEntries(statement)) {
    if (!EXEMPTING_OPERATORS.includes(operator) || key.toLowerCase() !== "aws:principalarn") {
      return `its condition ${operator} ${key} lets principals other than named administrators through`;
    }
    const wildcard = values.find((value) => /[*?]/.test(value));
    if (wildcard !== undefined) return `it exempts "${wildcard}", a wildcard that covers principals nobody declared`;
  }
  return undefined;
}

/** Whether a statement is meant as an administrators-only Deny: unconditional, or exempting principals by their ARN. */
const exemptsByArn = (statement: PolicyStatement): boolean => {
  const entries = conditionEntries(statement);
  return entries.length === 0 || entries.some(({ key }) => key.toLowerCase() === "aws:principalarn");
};

/**
 * Why `document` does not deny `actions` to everyone but named principals, or undefined when one of its
 * statements does. The reason is that of the closest statement: the unconditional or exempting Deny that
 * covers most of the actions.
 */
export function administratorsOnlyShortfall(
  document: PolicyDocument,
  actions: readonly string[],
  onResource: (resources: string[]) => boolean,
): string | undefined {
  const reasons = document.Statement.map((statement) => shortfall(statement, actions, onResource));
  if (reasons.some((reason) => reason === undefined)) return undefined;
  const covered = (statement: PolicyStatement) => actions.filter((action) => asList(statement.Action).some((pattern) => actionMatches(pattern, action))).length;
  let closest = -1;
  document.Statement.forEach((statement, i) => {
    if (statement.Effect !== "Deny" || !exemptsByArn(statement) || covered(statement) === 0) return;
    if (closest < 0 || covered(statement) > covered(document.Statement[closest])) closest = i;
  });
  return closest >= 0 ? reasons[closest] : `no statement denies them to every principal but named administrators`;
}
