import { Token } from "cdktf";
import { PolicyConditions } from "../policy/policy-document";
import { checkFormat, checkList, FORMATS } from "../private/validation";

/**
 * Who may change how a state backend protects the states: the configuration of its bucket and its key.
 * The bucket policy and the key policy deny everyone else those changes, whatever their IAM policies allow.
 */
export interface StateAdministrators {
  /** Partition of the backend's account, e.g. `aws`. */
  readonly partition: string;
  /** The backend's account: its root user stays exempt. */
  readonly accountId: string;
  /**
   * Roles or users, by ARN with their path and without wildcards (`aws:PrincipalArn` names a role session by
   * its role's ARN), e.g. the role the state-backend stack is deployed with.
   */
  readonly administratorArns: readonly string[];
  /**
   * Roles exempt from the configuration denies like the administrators, that the key policy does not name as
   * principals: their IAM policies grant what they may do (through the key policy's account-root statement),
   * so they need not exist when the policies are written (KMS refuses a key policy naming a missing role).
   * E.g. the platform pipeline's state-backend deployer, created after the backend. @default - none
   */
  readonly delegatedAdministratorArns?: readonly string[];
}

/**
 * Bucket-level writes of S3: everything that changes how the bucket protects the states (policy, ACL,
 * ownership, public-access block, encryption, versioning, lifecycle, replication, logging, object lock,
 * tags, ABAC...) or deletes the bucket. Globs, so that configuration actions S3 adds under these names are
 * covered too; a test checks them against every bucket-level write in the IAM service reference.
 */
export const STATE_BUCKET_CONFIGURATION_ACTIONS: readonly string[] = [
  "s3:PutBucket*",
  "s3:DeleteBucket*",
  "s3:Put*Configuration",
  "s3:CreateBucket*",
  "s3:UpdateBucket*",
  "s3:PauseReplication",
  "s3:TagResource",
  "s3:UntagResource",
];

/**
 * Key administration of KMS that can weaken or destroy the state key: its policy, grants, state, rotation,
 * deletion, aliases, tags, key material and replicas. Reads and cryptographic use are not listed (the
 * bucket fence governs use through S3), nor `kms:RetireGrant`, which only takes access away and which
 * the grantee services call themselves.
 */
export const STATE_KEY_ADMINISTRATION_ACTIONS: readonly string[] = [
  "kms:PutKeyPolicy",
  "kms:CreateGrant",
  "kms:RevokeGrant",
  "kms:DisableKey",
  "kms:EnableKey",
  "kms:DisableKeyRotation",
  "kms:EnableKeyRotation",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:UpdateKeyDescription",
  "kms:CreateAlias",
  "kms:UpdateAlias",
  "kms:DeleteAlias",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ImportKeyMaterial",
  "kms:DeleteImportedKeyMaterial",
  "kms:ReplicateKey",
  "kms:UpdatePrimaryRegion",
  "kms:SynchronizeMultiRegionKey",
];

/** The ARN `aws:PrincipalArn` carries for the root user of an account. */
export function accountRootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/**
 * The principals exempt from the configuration denies: the administrators (delegated ones included) and the account's root user.
 * The root user is the way back in when every administrator is gone (S3 lets it rewrite a bucket policy
 * that denies it, but KMS does not, and a key nobody may administer is lost), and KMS refuses a key
 * policy that would lock out the principal setting it, so the deployer must be one of these.
 */
export function exemptFromConfigurationDenies(administrators: StateAdministrators): string[] {
  return [
    ...administrators.administratorArns,
    ...(administrators.delegatedAdministratorArns ?? []),
    accountRootArn(administrators.partition, administrators.accountId),
  ];
}

/**
 * The condition of a configuration deny: every principal but the administrators and the account root.
 * A request without `aws:PrincipalArn` (an AWS service acting on its own) is denied too: no service
 * changes the state bucket's or key's configuration on its own.
 */
export function unlessAdministrator(administrators: StateAdministrators): PolicyConditions {
  return { ArnNotLike: { "aws:PrincipalArn": exemptFromConfigurationDenies(administrators) } };
}

/** Checks the administrators' ARNs (field `administratorArns`), which may be Terraform references. */
export function checkAdministratorArns(arns: readonly string[], scope: string): readonly string[] {
  checkList("administratorArns", arns);
  arns.forEach((arn, i) => {
    if (!Token.isUnresolved(arn)) checkFormat(FORMATS.principalArn, `administratorArns[${i}]`, arn, scope);
  });
  return arns;
}
