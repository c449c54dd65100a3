import { PolicyConditions } from "../policy/policy-document";
import { checkFormat, checkList, FORMATS, ValidationError } from "../private/validation";
import { accountRootArn } from "./state-administrators";

/**
 * The pipeline roles of another account than the state backend's that use its states. Across accounts,
 * IAM allows a request only when the identity policy of the role AND the resource's policy allow it, so
 * the bucket policy, the key policy and the lock table's policy name these roles.
 */
export interface PipelineAccount {
  /** The account of the roles; not the backend's own. */
  readonly accountId: string;
  /** IAM path of the account's pipeline roles, as `PipelineAccess.rolePath` says (e.g. `/buildkite/acme/`). */
  readonly rolePath: string;
  /**
   * Slugs of the pipelines whose roles are in this account: a role reaches `<keyPrefix>/<slug>/` only when
   * its pipeline tag names one of them, so an administrator of the account who tags a role with another
   * account's pipeline still reaches nothing.
   */
  readonly pipelines: readonly string[];
}

/** Who a resource policy's Allow for one pipeline account names, and on which conditions. */
export interface PipelineAccountGrant {
  /** The account, as the statement's principal. */
  readonly Principal: { readonly AWS: string };
  /** Roles under the path, tagged with one of the account's pipelines. */
  readonly Condition: PolicyConditions;
}

/**
 * The principal and conditions of an Allow for one pipeline account: its roles under `rolePath` whose
 * pipeline tag (`tagKey`) names one of its pipelines. `extra` conditions are merged in.
 */
export function pipelineAccountGrant(account: PipelineAccount, partition: string, tagKey: string, extra: PolicyConditions = {}): PipelineAccountGrant {
  return {
    Principal: { AWS: accountRootArn(partition, account.accountId) },
    Condition: {
      ...extra,
      ArnLike: { "aws:PrincipalArn": `arn:${partition}:iam::${account.accountId}:role${account.rolePath}*` },
      StringEquals: { ...extra.StringEquals, [`aws:PrincipalTag/${tagKey}`]: [...account.pipelines] },
    },
  };
}

/**
 * Checks the pipeline accounts of a backend in `ownAccountId` (field `pipelineAccounts`): other accounts only,
 * each once, with a role path and at least one pipeline.
 */
export function checkPipelineAccounts(accounts: readonly PipelineAccount[], ownAccountId: string, scope: string): readonly PipelineAccount[] {
  checkList(
    "pipelineAccounts",
    accounts.map((a) => a.accountId),
  );
  accounts.forEach((account, i) => {
    const field = `pipelineAccounts[${i}]`;
    checkFormat(FORMATS.accountId, `${field}.accountId`, account.accountId, scope);
    if (account.accountId === ownAccountId) {
      throw new ValidationError({
        code: "conflict",
        field: `${field}.accountId`,
        value: account.accountId,
        scope,
        problem: "is the backend's own account",
        fix: "list only other accounts: roles of the backend's account reach their states through their identity policies, and an Allow in the bucket policy would let a plan role write its state through the bucket policy alone",
      });
    }
    checkFormat(FORMATS.rolePath, `${field}.rolePath`, account.rolePath, scope);
    checkList(`${field}.pipelines`, account.pipelines, { nonEmpty: "name the pipelines whose roles are in this account" });
    account.pipelines.forEach((slug, j) => checkFormat(FORMATS.slug, `${field}.pipelines[${j}]`, slug, scope));
  });
  return accounts;
}
