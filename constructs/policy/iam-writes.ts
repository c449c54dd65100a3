/**
 * Which statements let a principal change IAM, and on what. Changing IAM is
 * the one permission that can grant every other one, so a role that may do it
 * needs a permissions boundary, and may never do it to itself.
 */
import { branchMatchesGlob } from "../buildkite/branch-glob";
import { asList, PolicyStatement } from "./policy-document";
import { notReadOnlyReason } from "./read-only";

/** Actions that cover every action of every service, IAM's included. */
const EVERY_ACTION = ["*", "*:*"];

/**
 * The actions of an Allow statement that can change IAM (`iam:*`, `iam:PutRolePolicy`, `*`...), as written;
 * `NotAction` that does not exclude IAM counts as `iam:*`. Empty for Deny statements and IAM reads.
 */
export function iamWriteActions(statement: PolicyStatement): string[] {
  if (statement.Effect !== "Allow") return [];
  if (statement.NotAction !== undefined) {
    const excluded = asList(statement.NotAction).map((a) => a.toLowerCase());
    return excluded.some((a) => EVERY_ACTION.includes(a) || a === "iam:*") ? [] : ["iam:*"];
  }
  return asList(statement.Action).filter((action) => {
    const lower = action.toLowerCase();
    return EVERY_ACTION.includes(lower) || (lower.startsWith("iam:") && notReadOnlyReason(action) !== undefined);
  });
}

/**
 * Whether an Allow statement lets its principal change the IAM resource `arn` (a role, a policy...): it allows an
 * IAM write and one of its `Resource` patterns matches `arn` the way IAM matches them (`*` any run, `?` one
 * character), or its `NotResource` patterns all miss it.
 */
export function grantsIamWriteOn(statement: PolicyStatement, arn: string): boolean {
  if (iamWriteActions(statement).length === 0) return false;
  if (statement.NotResource !== undefined) return !asList(statement.NotResource).some((pattern) => branchMatchesGlob(pattern, arn));
  return asList(statement.Resource).some((pattern) => branchMatchesGlob(pattern, arn));
}
