import { Token } from "cdktf";
import { PolicyStatement } from "../policy/policy-document";
import { checkFormat, FORMATS, kmsKeyArnRegion } from "../private/validation";

/**
 * How Terraform locks state in the S3 backend:
 * - `dynamodb`: an item in a DynamoDB table (`dynamodb_table`; deprecated since Terraform 1.11),
 * - `lockfile`: a `<key>.tflock` object written with `If-None-Match: *` (`use_lockfile`, Terraform 1.10+),
 * - `both`: Terraform takes both locks (for migrating from DynamoDB to lock files).
 */
export type StateLockMode = "dynamodb" | "lockfile" | "both";

/** The part of a state backend one principal may use, and how. */
export interface StateAccessScope {
  /** ARN of the state bucket, `arn:<partition>:s3:::<bucket>`; must be a literal (the lock IDs contain the bucket name). */
  readonly bucketArn: string;
  /**
   * Every state object under this key prefix is in scope, e.g. `pipelines/networking/`.
   * Must end with `/` (so `pipelines/net/` does not also cover `pipelines/network/`) and contain no IAM wildcard.
   */
  readonly keyPrefix: string;
  /** ARN of the KMS key that encrypts the state objects. */
  readonly kmsKeyArn: string;
  /** ARN of the DynamoDB lock table; required when `lockMode` uses DynamoDB. @default - none */
  readonly lockTableArn?: string;
  /** The lock mechanisms the backend configuration uses. */
  readonly lockMode: StateLockMode;
  /**
   * `read`: what `terraform plan` needs. It may read state and take and release the lock
   * (the DynamoDB lock item and/or the `.tflock` object) but may not write state or its digest.
   * `write`: what `terraform apply` needs: `read` plus writing state and its DynamoDB digest.
   */
  readonly access: "read" | "write";
  /**
   * Region of the bucket, for the `kms:ViaService` condition.
   * @default - the region of `kmsKeyArn` (required here when that ARN is not a literal)
   */
  readonly region?: string;
  /**
   * Restrict `s3:ListBucket` to listings under `keyPrefix` instead of the whole bucket.
   *
   * Off by default because S3 answers a `HeadObject` of a missing key with 403 instead of 404
   * unless the caller may list the bucket, and a listing grant conditioned on `s3:prefix` does
   * not count for that check (the HeadObject request carries no prefix). Terraform treats the
   * 403 as an error, so the first plan of a new workspace would fail. Turn it on only when every
   * state under the prefix exists before a restricted principal first touches it; listing only
   * reveals key names, never their contents.
   * @default false
   */
  readonly restrictListingToPrefix?: boolean;
}

/** Suffix Terraform appends to the DynamoDB LockID of the item that holds the state's MD5 digest. */
export const STATE_DIGEST_SUFFIX = "-md5";
/** Suffix of the S3 lock file Terraform writes next to the state object. */
export const LOCK_FILE_SUFFIX = ".tflock";

/**
 * IAM statements that let one principal use the Terraform states under one key prefix,
 * derived from what Terraform 1.11's S3 backend calls:
 *
 * - S3: `GetObject` on the prefix (state, lock files); `PutObject` on the prefix for `write`;
 *   `PutObject`/`DeleteObject` on `*.tflock` for lock files (plan takes the lock too); no
 *   `DeleteObject` on state, which Terraform never deletes outside `workspace delete`.
 * - DynamoDB: `GetItem`/`PutItem`/`DeleteItem` on items whose `LockID` (`<bucket>/<key>` for the
 *   lock, `<bucket>/<key>-md5` for the digest) is under the prefix, via `dynamodb:LeadingKeys`;
 *   for `read`, an explicit deny on writing the `-md5` digest items.
 * - KMS: `Decrypt` (and `GenerateDataKey` when the principal writes objects, lock files included)
 *   only when S3 calls it on the principal's behalf (`kms:ViaService`) for this bucket. With S3
 *   Bucket Keys enabled the encryption context S3 sends is the BUCKET ARN, not the object ARN, so
 *   KMS cannot tell prefixes apart; the object-ARN pattern only matters for objects written without
 *   a bucket key. The prefix is enforced by the S3 statements; the KMS statement keeps the key from
 *   being used for anything but this bucket through S3. The lock table needs no KMS permission from
 *   its users: DynamoDB uses the key on their behalf through the key policy.
 */
export function stateAccessStatements(scope: StateAccessScope): PolicyStatement[] {
  const bucketName = bucketNameOf(scope.bucketArn);
  const prefix = checkKeyPrefix(scope.keyPrefix);
  const region = regionOf(scope);
  const write = checkAccess(scope.access) === "write";
  const usesLockFile = scope.lockMode === "lockfile" || scope.lockMode === "both";
  const usesTable = checkLockMode(scope.lockMode) !== "lockfile";
  const objects = `${scope.bucketArn}/${prefix}*`;
  const lockFiles = `${scope.bucketArn}/${prefix}*${LOCK_FILE_SUFFIX}`;

  const statements: PolicyStatement[] = [
    {
      Sid: "TerraformStateList",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: scope.bucketArn,
      ...(scope.restrictListingToPrefix ? { Condition: { StringLike: { "s3:prefix": [prefix, `${prefix}*`] } } } : {}),
    },
    { Sid: "TerraformStateRead", Effect: "Allow", Action: "s3:GetObject", Resource: objects },
  ];
  if (write) {
    statements.push({ Sid: "TerraformStateWrite", Effect: "Allow", Action: "s3:PutObject", Resource: objects });
  }
  if (usesLockFile) {
    // Plan takes the lock too, so both access levels create and delete lock files.
    statements.push({
      Sid: "TerraformStateLockFile",
      Effect: "Allow",
      Action: write ? "s3:DeleteObject" : ["s3:PutObject", "s3:DeleteObject"],
      Resource: lockFiles,
    });
  }
  if (usesTable) {
    const tableArn = checkLockTableArn(scope);
    const lockIds = `${bucketName}/${prefix}*`;
    statements.push({ Sid: "TerraformStateLockTableDescribe", Effect: "Allow", Action: "dynamodb:DescribeTable", Resource: tableArn });
    statements.push({
      Sid: "TerraformStateLockTable",
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
      Resource: tableArn,
      Condition: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [lockIds] } },
    });
    if (!write) {
      statements.push({
        Sid: "TerraformStateDigestReadOnly",
        Effect: "Deny",
        Action: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
        Resource: tableArn,
        Condition: { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": [`${lockIds}${STATE_DIGEST_SUFFIX}`] } },
      });
    }
  }
  const writesObjects = write || usesLockFile;
  statements.push({
    Sid: "TerraformStateKey",
    Effect: "Allow",
    Action: writesObjects ? ["kms:Decrypt", "kms:GenerateDataKey"] : "kms:Decrypt",
    Resource: scope.kmsKeyArn,
    Condition: {
      StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
      StringLike: { "kms:EncryptionContext:aws:s3:arn": [scope.bucketArn, objects] },
    },
  });
  return statements;
}

/** An S3 bucket ARN; the bucket name is checked as {@link FORMATS} `stateBucket`. */
const BUCKET_ARN = /^arn:aws[a-z-]*:s3:::(.*)$/;
/** A DynamoDB table ARN; the table name is checked as {@link FORMATS} `lockTableName`. */
const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/(.*)$/;

function bucketNameOf(bucketArn: string): string {
  const name = Token.isUnresolved(bucketArn) ? undefined : BUCKET_ARN.exec(bucketArn)?.[1];
  if (name === undefined || !FORMATS.stateBucket.test(name)) {
    throw new Error(
      `StateAccessScope.bucketArn must be a literal S3 bucket ARN like "arn:aws:s3:::my-state-bucket" (the lock IDs contain the bucket name), got "${bucketArn}"`,
    );
  }
  return name;
}

function checkKeyPrefix(prefix: string): string {
  if (prefix === "" || prefix === "/") {
    throw new Error('StateAccessScope.keyPrefix is empty: name the folder of the states, e.g. "pipelines/networking/"');
  }
  if (Token.isUnresolved(prefix) || /[*?$]/.test(prefix)) {
    throw new Error(`StateAccessScope.keyPrefix "${prefix}" must be a literal without IAM wildcards or variables (*, ?, $)`);
  }
  if (prefix.startsWith("/") || !prefix.endsWith("/")) {
    throw new Error(
      `StateAccessScope.keyPrefix "${prefix}" must not start with "/" and must end with "/", e.g. "pipelines/networking/"`,
    );
  }
  return prefix;
}

function regionOf(scope: StateAccessScope): string {
  if (scope.region !== undefined) return checkFormat(FORMATS.region, "StateAccessScope.region", scope.region);
  const region = Token.isUnresolved(scope.kmsKeyArn) ? undefined : kmsKeyArnRegion(scope.kmsKeyArn);
  if (region === undefined) {
    throw new Error(
      `StateAccessScope.kmsKeyArn "${scope.kmsKeyArn}" is not a literal KMS key ARN; set StateAccessScope.region for the kms:ViaService condition`,
    );
  }
  return region;
}

function checkAccess(access: string): "read" | "write" {
  if (access !== "read" && access !== "write") {
    throw new Error(`StateAccessScope.access must be "read" (plan) or "write" (apply), got "${access}"`);
  }
  return access;
}

function checkLockMode(mode: string): StateLockMode {
  if (mode !== "dynamodb" && mode !== "lockfile" && mode !== "both") {
    throw new Error(`StateAccessScope.lockMode must be "dynamodb", "lockfile" or "both", got "${mode}"`);
  }
  return mode;
}

function checkLockTableArn(scope: StateAccessScope): string {
  const arn = scope.lockTableArn;
  if (arn === undefined || arn === "") {
    throw new Error(`StateAccessScope.lockTableArn is required when lockMode is "${scope.lockMode}": pass the ARN of the DynamoDB lock table`);
  }
  if (!Token.isUnresolved(arn) && !FORMATS.lockTableName.test(TABLE_ARN.exec(arn)?.[1] ?? "")) {
    throw new Error(`StateAccessScope.lockTableArn "${arn}" is not a DynamoDB table ARN like "arn:aws:dynamodb:eu-west-1:111111111111:table/terraform-locks"`);
  }
  return arn;
}
