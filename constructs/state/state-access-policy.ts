import { Token } from "cdktf";
import { PolicyConditions, PolicyStatement } from "../policy/policy-document";
import { checkFormat, FORMATS } from "../private/validation";
import { StateLockMode } from "./backend-config";
import { BRANCH_WORKSPACE_PREFIX, PULL_REQUEST_WORKSPACE_PREFIX, STATE_FILE_NAME } from "./state-key";
import { IStateBackend, PipelineState, StateAccess, StateAccessOptions } from "./state-backend";

/** Suffix Terraform appends to the DynamoDB LockID of the item that holds the state's MD5 digest. */
export const STATE_DIGEST_SUFFIX = "-md5";
/** Suffix of the S3 lock file Terraform writes next to the state object. */
export const LOCK_FILE_SUFFIX = ".tflock";

/** The S3 writes a plan role is explicitly denied under its pipeline's prefix: state, lock files, anything. */
const PLAN_DENIED_OBJECT_WRITES = ["s3:PutObject", "s3:DeleteObject"];
/** The lock-table writes a plan role is explicitly denied on its pipeline's items: locks and digests alike. */
const PLAN_DENIED_ITEM_WRITES = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];
/** The object requests a preview role is explicitly denied outside the preview workspaces: reads and writes. */
const PREVIEW_DENIED_OBJECT_REQUESTS = ["s3:GetObject", ...PLAN_DENIED_OBJECT_WRITES];
/** The lock-table requests a preview role is explicitly denied outside the preview workspaces: reads and writes. */
const PREVIEW_DENIED_ITEM_REQUESTS = ["dynamodb:GetItem", "dynamodb:BatchGetItem", ...PLAN_DENIED_ITEM_WRITES];
/**
 * The branch of a preview role's session, from the `build_branch` session tag its trust requires. Git refuses
 * `*`, `?` and `$` in branch names and session tag values refuse them too, so the value is always literal.
 */
export const PREVIEW_BRANCH_VARIABLE = "${aws:PrincipalTag/build_branch}";

/**
 * The one state a preview role's session may use, under a pipeline's folder (`<keyPrefix>/<slug>/`):
 * `<pipelinePrefix>br-${aws:PrincipalTag/build_branch}/terraform.tfstate`, an exact key.
 */
export function previewStateKey(pipelinePrefix: string): string {
  return `${pipelinePrefix}${BRANCH_WORKSPACE_PREFIX}${PREVIEW_BRANCH_VARIABLE}/${STATE_FILE_NAME}`;
}

/**
 * IAM statements that let one principal use one pipeline's Terraform states (everything under
 * its `pipelinePrefix`), derived from what Terraform 1.11's S3 backend calls:
 *
 * - `read` (plan) only reads: `GetObject` on the prefix, `GetItem` of the lock table's `-md5`
 *   digest items (Terraform checks the state it reads against it), `kms:Decrypt`. Plans run with
 *   `-lock=false`: they write nothing, so the lock only matters to writers, and a saved plan whose
 *   state changed after it was made is refused by `terraform apply` as stale. A plan role may
 *   therefore never take, hold or break a lock, least of all the stable workspace's that the apply
 *   takes: an explicit Deny of every object and lock-table write under the prefix keeps it so
 *   whatever else the role is given.
 * - `write` (apply): `PutObject` on the prefix, `DeleteObject` on lock files (`*.tflock`) only (no
 *   `DeleteObject` on state, which Terraform never deletes outside `workspace delete`), and
 *   `PutItem`/`DeleteItem` on lock-table items under the prefix (the lock `<bucket>/<key>`, the
 *   digest `<bucket>/<key>-md5`).
 * - `preview` (a preview role): `write`, for one state only, `<prefix>br-${aws:PrincipalTag/build_branch}/terraform.tfstate`,
 *   its lock file and lock items: exact keys, so no branch name (not even one with a `/`) reaches another
 *   branch's state; a session without the tag matches nothing. An explicit Deny keeps the stable workspace and the
 *   pull request workspaces out of reach (read or write) whatever else the role is given (`previews.permissions`).
 *   No `DeleteObject` on the state: a destroyed preview leaves an empty state.
 * - DynamoDB items are fenced by their `LockID` through `dynamodb:LeadingKeys`.
 * - KMS: `Decrypt` (and `GenerateDataKey` for writers) only when S3 calls it on the principal's
 *   behalf (`kms:ViaService`) for this bucket. With S3 Bucket Keys enabled the encryption context
 *   S3 sends is the BUCKET ARN, not the object ARN, so KMS cannot tell prefixes apart; the
 *   object-ARN pattern only matters for objects written without a bucket key. The prefix is
 *   enforced by the S3 statements; the KMS statement keeps the key from being used for anything
 *   but this bucket through S3. The lock table needs no KMS permission from its users: DynamoDB
 *   uses the key on their behalf through the key policy.
 */
export function stateAccessStatements(state: PipelineState, access: StateAccess, options: StateAccessOptions = {}): PolicyStatement[] {
  const backend = state.backend;
  const bucketName = bucketNameOf(backend.bucketArn);
  const prefix = state.pipelinePrefix;
  const region = checkRegion(backend.region);
  const checked = checkAccess(access);
  const write = checked !== "read";
  const preview = checked === "preview";
  const usesLockFile = backend.lockMode === "lockfile" || backend.lockMode === "both";
  const usesTable = checkLockMode(backend.lockMode) !== "lockfile";
  const objects = `${backend.bucketArn}/${prefix}*`;
  const lockIds = `${bucketName}/${prefix}*`;
  // A preview role's one state; the others' whole folder.
  const previewState = previewStateKey(prefix);
  const written = preview ? `${backend.bucketArn}/${previewState}` : objects;
  const lockItems = preview ? [`${bucketName}/${previewState}`, `${bucketName}/${previewState}${STATE_DIGEST_SUFFIX}`] : [lockIds];
  // Out of a preview role's reach whatever its other policies say: the stable workspace and the pull requests'.
  const notPreviews = [`${prefix}${state.stableWorkspace}/*`, `${prefix}${PULL_REQUEST_WORKSPACE_PREFIX}*`];

  const statements: PolicyStatement[] = [
    {
      Sid: "TerraformStateList",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: backend.bucketArn,
      ...(options.restrictListingToPrefix ? { Condition: { StringLike: { "s3:prefix": [prefix, `${prefix}*`] } } } : {}),
    },
    { Sid: "TerraformStateRead", Effect: "Allow", Action: "s3:GetObject", Resource: preview ? [written, `${written}${LOCK_FILE_SUFFIX}`] : objects },
  ];
  if (write) {
    statements.push({
      Sid: "TerraformStateWrite",
      Effect: "Allow",
      Action: "s3:PutObject",
      Resource: preview ? [written, `${written}${LOCK_FILE_SUFFIX}`] : objects,
    });
    if (usesLockFile) {
      statements.push({
        Sid: "TerraformStateLockFile",
        Effect: "Allow",
        Action: "s3:DeleteObject",
        Resource: preview ? `${written}${LOCK_FILE_SUFFIX}` : `${backend.bucketArn}/${prefix}*${LOCK_FILE_SUFFIX}`,
      });
    }
    if (preview) {
      statements.push({
        Sid: "TerraformStatePreviewOnly",
        Effect: "Deny",
        Action: PREVIEW_DENIED_OBJECT_REQUESTS,
        Resource: notPreviews.map((key) => `${backend.bucketArn}/${key}`),
      });
    }
  } else {
    statements.push({ Sid: "TerraformStatePlanWritesNothing", Effect: "Deny", Action: PLAN_DENIED_OBJECT_WRITES, Resource: objects });
  }
  if (usesTable) {
    const tableArn = checkLockTableArn(backend);
    const underPrefix: PolicyConditions = { [preview ? "ForAllValues:StringEquals" : "ForAllValues:StringLike"]: { "dynamodb:LeadingKeys": lockItems } };
    statements.push({ Sid: "TerraformStateLockTableDescribe", Effect: "Allow", Action: "dynamodb:DescribeTable", Resource: tableArn });
    statements.push({
      Sid: "TerraformStateLockTable",
      Effect: "Allow",
      Action: write ? ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"] : "dynamodb:GetItem",
      Resource: tableArn,
      Condition: underPrefix,
    });
    if (preview) {
      statements.push({
        Sid: "TerraformStatePreviewLocksOnly",
        Effect: "Deny",
        Action: PREVIEW_DENIED_ITEM_REQUESTS,
        Resource: tableArn,
        Condition: { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": notPreviews.map((key) => `${bucketName}/${key}`) } },
      });
    }
    if (!write) {
      statements.push({
        Sid: "TerraformStatePlanLocksNothing",
        Effect: "Deny",
        Action: PLAN_DENIED_ITEM_WRITES,
        Resource: tableArn,
        Condition: { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": [lockIds] } },
      });
    }
  }
  statements.push({
    Sid: "TerraformStateKey",
    Effect: "Allow",
    Action: write ? ["kms:Decrypt", "kms:GenerateDataKey"] : "kms:Decrypt",
    Resource: backend.kmsKeyArn,
    Condition: {
      StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
      StringLike: { "kms:EncryptionContext:aws:s3:arn": [backend.bucketArn, objects] },
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
      `IStateBackend.bucketArn must be a literal S3 bucket ARN like "arn:aws:s3:::my-state-bucket" (the lock IDs contain the bucket name), got "${bucketArn}"`,
    );
  }
  return name;
}

function checkRegion(region: string): string {
  return checkFormat(FORMATS.region, "IStateBackend.region", region);
}

function checkAccess(access: string): StateAccess {
  if (access !== "read" && access !== "write" && access !== "preview") {
    throw new Error(`state access must be "read" (plan), "write" (apply) or "preview" (a preview role), got "${access}"`);
  }
  return access;
}

function checkLockMode(mode: string): StateLockMode {
  if (mode !== "dynamodb" && mode !== "lockfile" && mode !== "both") {
    throw new Error(`IStateBackend.lockMode must be "dynamodb", "lockfile" or "both", got "${mode}"`);
  }
  return mode;
}

function checkLockTableArn(backend: IStateBackend): string {
  const arn = backend.lockTableArn;
  if (arn === undefined || arn === "") {
    throw new Error(
      `IStateBackend.lockTableArn is required when lockMode is "${backend.lockMode}": give the backend its lock table (when imported, its lockTableName and accountId)`,
    );
  }
  if (!Token.isUnresolved(arn) && !FORMATS.lockTableName.test(TABLE_ARN.exec(arn)?.[1] ?? "")) {
    throw new Error(`IStateBackend.lockTableArn "${arn}" is not a DynamoDB table ARN like "arn:aws:dynamodb:eu-west-1:111111111111:table/terraform-locks"`);
  }
  return arn;
}
