import { DynamodbResourcePolicy } from "@cdktf/provider-aws/lib/dynamodb-resource-policy";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { recordStateResource } from "../guardrails/state-resources";
import { PolicyDocument, policyDocument, renderPolicy, renderTerraformPolicy } from "../policy/policy-document";
import { checkFormat, FORMATS } from "../private/validation";
import { s3BackendConfig, S3BackendSettings, S3StateSettings, StateLockMode } from "./backend-config";
import { stateAccessStatements } from "./state-access-policy";
import {
  GrantPipelineStateOptions,
  IStateBackend,
  IStateGrantee,
  PipelineState,
  PipelineStateOptions,
  STATE_POLICY_ID,
  STATE_POLICY_NAME,
} from "./state-backend";
import { checkAdministratorArns, StateAdministrators } from "./state-administrators";
import { PIPELINE_PRINCIPAL_TAG_KEY, PipelineStateFence, PipelineStateFenceOptions, stateBucketPolicy } from "./state-bucket-policy";
import { stateKmsKeyPolicy } from "./state-kms-key-policy";
import { stateLockTablePolicy } from "./state-lock-table-policy";

/** How long noncurrent state versions are kept. */
export interface NoncurrentVersionExpiration {
  /** Days after which a noncurrent version expires. */
  readonly days: number;
  /**
   * Noncurrent versions kept regardless of age (the most recent ones).
   * @default 10
   */
  readonly newerVersionsToKeep?: number;
}

/** Where S3 server access logs of the state bucket go. */
export interface StateBucketAccessLogging {
  /** Bucket that receives the logs; it must allow the S3 logging service to write. */
  readonly targetBucket: string;
  /**
   * Key prefix of the log objects.
   * @default "<state bucket name>/"
   */
  readonly targetPrefix?: string;
}

/** Props of {@link TerraformStateBackend}. */
export interface TerraformStateBackendProps {
  /** Name of the state bucket (globally unique; it is also part of every DynamoDB LockID). */
  readonly bucketName: string;
  /** Region of the bucket, key and table (the region of the stack's AWS provider). */
  readonly region: string;
  /** Account that owns the backend; the key policy's root statement names it. */
  readonly accountId: string;
  /**
   * AWS partition.
   * @default "aws"
   */
  readonly partition?: string;
  /**
   * Lock mechanisms the pipelines use; the DynamoDB table exists unless this is `lockfile`.
   * `both` serves pipelines that still lock in DynamoDB and those that use lock files, which is the
   * migration path now that Terraform 1.11 deprecates DynamoDB locking.
   * @default "both"
   */
  readonly lockMode?: StateLockMode;
  /**
   * Name of the DynamoDB lock table.
   * @default "<bucketName>-locks"
   */
  readonly lockTableName?: string;
  /**
   * Alias of the KMS key, starting with `alias/`.
   * @default "alias/<bucketName>"
   */
  readonly kmsAliasName?: string;
  /**
   * The state administrators: roles or users (ARNs with their path, no wildcards) that may change the
   * configuration of the bucket (policy, versioning, encryption, lifecycle, public-access block...) and
   * administer the key (its policy, grants, deletion...). The bucket policy and the key policy deny these
   * changes to everyone else, whatever their IAM policies allow; the account's root user stays exempt as
   * the way back in. Name the role you deploy this backend with: KMS refuses a key policy that would lock
   * out the principal setting it. An empty list leaves the configuration to the root user alone.
   */
  readonly administratorArns: string[];
  /**
   * Roles exempt from the configuration denies like the administrators but not named in the key policy: their
   * own IAM policies grant what they may do, so they may be created after this backend. @default - none
   */
  readonly delegatedAdministratorArns?: string[];
  /**
   * Roles or users that read or write states; the key policy lets them use the key through S3 for
   * this bucket only. They still need IAM permissions, e.g. from {@link TerraformStateBackend.grantPipelineState}.
   * @default - none besides what IAM grants through the account-root statement
   */
  readonly stateUserArns?: string[];
  /**
   * Waiting period before a deleted KMS key is destroyed, 7 to 30 days.
   * @default 30
   */
  readonly keyDeletionWindowDays?: number;
  /**
   * Expiry of noncurrent state versions, or `false` to keep every version forever. Each lock file
   * leaves a noncurrent version and a delete marker on a versioned bucket, so without expiry they
   * pile up. Expired delete markers and incomplete multipart uploads (after 7 days) are cleaned too.
   * @default { days: 90, newerVersionsToKeep: 10 }
   */
  readonly noncurrentVersionExpiration?: NoncurrentVersionExpiration | false;
  /**
   * S3 server access logging of the state bucket.
   * @default - no access logging
   */
  readonly accessLogging?: StateBucketAccessLogging;
  /**
   * Folder of all pipeline states in the bucket: a pipeline's states are
   * `<keyPrefix>/<pipeline-slug>/<workspace>/terraform.tfstate`. No leading or trailing `/`.
   * @default "pipelines" ({@link DEFAULT_STATE_KEY_PREFIX})
   */
  readonly keyPrefix?: string;
  /**
   * Confine every principal tagged with a pipeline (as `BuildkitePipelineRole` tags its roles) to
   * `<keyPrefix>/<slug>/` in the bucket policy, whatever its IAM policies allow: a plan role with
   * `ReadOnlyAccess` could otherwise read every state, since KMS cannot tell prefixes apart under S3
   * Bucket Keys. Untagged principals (administrators, the platform stacks' deployers) are not affected.
   * `false` turns the fence off. With `pipelineAccounts`, the bucket policy, the key policy and the lock
   * table's resource policy also let the pipeline roles of other accounts reach their own states.
   * @default { principalTagKey: "buildkite:pipeline" }
   */
  readonly pipelineStateFence?: PipelineStateFenceOptions | false;
  /**
   * Tags of the bucket, key and table.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/** The folder of the pipeline states unless told otherwise, as in the example pipelines and platform declarations. */
export const DEFAULT_STATE_KEY_PREFIX = "pipelines";

/** What {@link TerraformStateBackend.fromAttributes} needs to know of a state backend created elsewhere. */
export interface StateBackendAttributes {
  /** Name of the state bucket. */
  readonly bucketName: string;
  /** Region of the bucket, the key and the lock table. */
  readonly region: string;
  /** ARN of the KMS key that encrypts the states; a literal where backend settings are made from it. */
  readonly kmsKeyArn: string;
  /** The lock mechanisms Terraform uses. */
  readonly lockMode: StateLockMode;
  /** Name of the DynamoDB lock table; required when `lockMode` uses DynamoDB. @default - none */
  readonly lockTableName?: string;
  /** Account of the lock table, for its ARN; required when `lockMode` uses DynamoDB. @default - none */
  readonly accountId?: string;
  /**
   * AWS partition of the bucket and the lock table.
   * @default "aws"
   */
  readonly partition?: string;
  /**
   * Folder of all pipeline states in the bucket.
   * @default "pipelines" ({@link DEFAULT_STATE_KEY_PREFIX})
   */
  readonly keyPrefix?: string;
}

/**
 * What every {@link IStateBackend} construct does the same way, owned or imported: its pipelines'
 * states, the grants on them and its backend settings, all derived from its attributes.
 */
export abstract class StateBackendBase extends Construct implements IStateBackend {
  public abstract readonly bucketName: string;
  public abstract readonly bucketArn: string;
  public abstract readonly region: string;
  public abstract readonly kmsKeyArn: string;
  public abstract readonly lockMode: StateLockMode;
  public abstract readonly lockTableName?: string;
  public abstract readonly lockTableArn?: string;
  public abstract readonly keyPrefix: string;

  /** The states of one pipeline in this backend. */
  public pipelineState(pipeline: string, options?: PipelineStateOptions): PipelineState {
    return new PipelineState(this, pipeline, options);
  }

  /**
   * Lets a principal use one pipeline's states (read for plan, write for apply, each only under
   * `<keyPrefix>/<pipeline>/`) with an inline policy named `terraform-state`.
   * @returns the policy attached
   */
  public grantPipelineState(grantee: IStateGrantee, options: GrantPipelineStateOptions): PolicyDocument {
    const document = policyDocument(stateAccessStatements(this.pipelineState(options.pipeline), options.access, options));
    grantee.addInlinePolicy(STATE_POLICY_ID, STATE_POLICY_NAME, document);
    return document;
  }

  /** The settings of Terraform's `backend "s3"` block for the state at `key`. */
  public backendConfig(key: string): S3StateSettings;
  /** The shared settings without a key (a partial configuration), or those of the state at `key`. */
  public backendConfig(key?: string): S3BackendSettings;
  public backendConfig(key?: string): S3BackendSettings {
    return s3BackendConfig(this, key);
  }
}

const DEFAULT_NONCURRENT_EXPIRATION: NoncurrentVersionExpiration = { days: 90, newerVersionsToKeep: 10 };

/**
 * The storage of Terraform states: an S3 bucket encrypted with its own KMS key, and a DynamoDB
 * lock table, hardened as described in docs/state-backend.md:
 *
 * - KMS key with yearly rotation, a 30-day deletion window and a key policy that keeps the
 *   account-root statement and lets the state users use the key through S3 for this bucket only;
 * - bucket with versioning, default SSE-KMS encryption with an S3 Bucket Key, all four public-access
 *   blocks, ACLs disabled (object ownership enforced), a bucket policy that denies non-TLS requests,
 *   TLS older than 1.2, uploads with another encryption or key, and (by default) object requests of
 *   pipeline principals outside their own states; optional access logging and expiry of noncurrent versions;
 * - lock table with a `LockID` string hash key, on-demand billing, point-in-time recovery,
 *   encryption with the state key and deletion protection.
 *
 * The key, bucket and table carry `prevent_destroy`: Terraform refuses any plan that destroys them.
 */
export class TerraformStateBackend extends StateBackendBase {
  /**
   * A state backend created elsewhere (another stack or app, or by hand), to configure stacks and
   * pipelines and to grant access to its states. Nothing is created: the construct only holds the
   * attributes. The lock table's ARN is derived from its name, region, account and partition.
   */
  public static fromAttributes(scope: Construct, id: string, attributes: StateBackendAttributes): IStateBackend {
    return new ImportedStateBackend(scope, id, attributes);
  }

  /** Name of the state bucket. */
  public readonly bucketName: string;
  /** ARN of the state bucket (a literal). */
  public readonly bucketArn: string;
  /** Region of the backend. */
  public readonly region: string;
  /** Lock mechanisms the backend serves. */
  public readonly lockMode: StateLockMode;
  /** ARN of the state KMS key (a Terraform reference). */
  public readonly kmsKeyArn: string;
  /** ID of the state KMS key (a Terraform reference). */
  public readonly kmsKeyId: string;
  /** Alias of the state KMS key, e.g. `alias/acme-tfstate`. */
  public readonly kmsAliasName: string;
  /** ARN of the alias of the state KMS key (a literal). */
  public readonly kmsAliasArn: string;
  /** Folder of all pipeline states in the bucket. */
  public readonly keyPrefix: string;
  /** The fence in the bucket policy around each pipeline's states, unless turned off. */
  public readonly pipelineStateFence?: PipelineStateFence;
  /** Name of the lock table, when the lock mode uses DynamoDB. */
  public readonly lockTableName?: string;
  /** ARN of the lock table (a Terraform reference), when the lock mode uses DynamoDB. */
  public readonly lockTableArn?: string;
  /** The KMS key resource. */
  public readonly kmsKey: KmsKey;
  /** The bucket resource. */
  public readonly bucket: S3Bucket;
  /** The lock table resource, when the lock mode uses DynamoDB. */
  public readonly lockTable?: DynamodbTable;
  /** Who may change the configuration of the bucket and the key. */
  public readonly administrators: StateAdministrators;
  private readonly accountId: string;
  private readonly partition: string;

  constructor(scope: Construct, id: string, props: TerraformStateBackendProps) {
    super(scope, id);
    const checked = checkProps(props);
    const partition = props.partition ?? "aws";
    this.accountId = props.accountId;
    this.partition = partition;
    this.bucketName = props.bucketName;
    this.bucketArn = bucketArn(partition, props.bucketName);
    this.region = props.region;
    this.lockMode = checked.lockMode;
    this.kmsAliasName = checked.kmsAliasName;
    this.kmsAliasArn = `arn:${partition}:kms:${props.region}:${props.accountId}:${checked.kmsAliasName}`;
    this.keyPrefix = checked.keyPrefix;
    this.pipelineStateFence = props.pipelineStateFence === false ? undefined : { keyPrefix: this.keyPrefix, ...props.pipelineStateFence };
    this.administrators = {
      partition,
      accountId: props.accountId,
      administratorArns: checked.administratorArns,
      delegatedAdministratorArns: checkAdministratorArns(props.delegatedAdministratorArns ?? [], "TerraformStateBackend"),
    };
    const pipelineAccounts = this.pipelineStateFence?.pipelineAccounts ?? [];
    const principalTagKey = this.pipelineStateFence?.principalTagKey ?? PIPELINE_PRINCIPAL_TAG_KEY;
    const tags = props.tags && Object.keys(props.tags).length > 0 ? props.tags : undefined;
    const keep = { preventDestroy: true };

    this.kmsKey = new KmsKey(this, "key", {
      description: `Encrypts the Terraform states in s3://${props.bucketName}`,
      enableKeyRotation: true,
      deletionWindowInDays: checked.deletionWindow,
      policy: renderPolicy(
        stateKmsKeyPolicy({
          ...this.administrators,
          region: props.region,
          bucketArn: this.bucketArn,
          stateUserArns: props.stateUserArns ?? [],
          pipelineAccounts,
          principalTagKey,
        }),
      ),
      tags,
      lifecycle: keep,
    });
    recordStateResource(this.kmsKey, "key");
    this.kmsKeyArn = this.kmsKey.arn;
    this.kmsKeyId = this.kmsKey.keyId;
    new KmsAlias(this, "key-alias", { name: checked.kmsAliasName, targetKeyId: this.kmsKey.keyId });

    this.bucket = new S3Bucket(this, "bucket", { bucket: props.bucketName, forceDestroy: false, tags, lifecycle: keep });
    const bucket = this.bucket.id;
    new S3BucketOwnershipControls(this, "ownership", { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const versioning = new S3BucketVersioningA(this, "versioning", { bucket, versioningConfiguration: { status: "Enabled" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.kmsKey.arn }, bucketKeyEnabled: true }],
    });
    const bucketPolicy = new S3BucketPolicy(this, "policy", {
      bucket,
      policy: renderTerraformPolicy(
        stateBucketPolicy({
          bucketArn: this.bucketArn,
          kmsKeyArn: this.kmsKey.arn,
          administrators: this.administrators,
          pipelineStateFence: this.pipelineStateFence,
        }),
      ),
      // S3 refuses a bucket policy change while the public access block is being changed.
      dependsOn: [publicAccess],
    });
    recordStateResource(bucketPolicy, "bucket-policy");
    if (checked.expiration) {
      new S3BucketLifecycleConfiguration(this, "lifecycle", {
        bucket,
        rule: [
          {
            id: "expire-noncurrent-state-versions",
            status: "Enabled",
            filter: [{}],
            noncurrentVersionExpiration: [{ noncurrentDays: checked.expiration.days, newerNoncurrentVersions: checked.expiration.newerVersionsToKeep ?? 10 }],
            expiration: [{ expiredObjectDeleteMarker: true }],
            abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          },
        ],
        // Lifecycle rules on noncurrent versions need versioning first.
        dependsOn: [versioning],
      });
    }
    if (props.accessLogging) {
      new S3BucketLoggingA(this, "access-logging", {
        bucket,
        targetBucket: props.accessLogging.targetBucket,
        targetPrefix: props.accessLogging.targetPrefix ?? `${props.bucketName}/`,
      });
    }

    if (this.lockMode !== "lockfile") {
      this.lockTableName = checked.lockTableName;
      this.lockTable = new DynamodbTable(this, "lock-table", {
        name: checked.lockTableName,
        billingMode: "PAY_PER_REQUEST",
        hashKey: "LockID",
        attribute: [{ name: "LockID", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: this.kmsKey.arn },
        deletionProtectionEnabled: true,
        tags,
        lifecycle: keep,
      });
      this.lockTableArn = this.lockTable.arn;
      if (pipelineAccounts.length > 0) {
        new DynamodbResourcePolicy(this, "lock-table-policy", {
          resourceArn: this.lockTable.arn,
          policy: renderTerraformPolicy(
            stateLockTablePolicy({
              tableArn: this.lockTable.arn,
              bucketName: props.bucketName,
              partition,
              keyPrefix: this.keyPrefix,
              principalTagKey,
              pipelineAccounts,
            }),
          ),
        });
      }
    }
  }

  /**
   * The attributes other stacks import this backend with ({@link TerraformStateBackend.fromAttributes}).
   * The key ARN is only known after the first apply, so it is passed in (e.g. from the `kms_key_arn` output).
   */
  public attributes(kmsKeyArn: string): StateBackendAttributes {
    return {
      bucketName: this.bucketName,
      region: this.region,
      kmsKeyArn,
      lockMode: this.lockMode,
      lockTableName: this.lockTableName,
      accountId: this.accountId,
      partition: this.partition,
      keyPrefix: this.keyPrefix,
    };
  }
}

/** A backend known by its attributes; see {@link TerraformStateBackend.fromAttributes}. */
class ImportedStateBackend extends StateBackendBase {
  public readonly bucketName: string;
  public readonly bucketArn: string;
  public readonly region: string;
  public readonly kmsKeyArn: string;
  public readonly lockMode: StateLockMode;
  public readonly lockTableName?: string;
  public readonly lockTableArn?: string;
  public readonly keyPrefix: string;

  constructor(scope: Construct, id: string, attributes: StateBackendAttributes) {
    super(scope, id);
    const partition = attributes.partition ?? "aws";
    this.bucketName = attributes.bucketName;
    this.bucketArn = bucketArn(partition, attributes.bucketName);
    this.region = attributes.region;
    this.kmsKeyArn = attributes.kmsKeyArn;
    this.lockMode = attributes.lockMode;
    this.keyPrefix = attributes.keyPrefix ?? DEFAULT_STATE_KEY_PREFIX;
    if (attributes.lockMode !== "lockfile") {
      this.lockTableName = attributes.lockTableName;
      // Without a name or an account there is no ARN; grants say what is missing when they need it.
      if (attributes.lockTableName !== undefined && attributes.accountId !== undefined) {
        this.lockTableArn = lockTableArn(partition, attributes.region, attributes.accountId, attributes.lockTableName);
      }
    }
  }
}

function bucketArn(partition: string, bucketName: string): string {
  return `arn:${partition}:s3:::${bucketName}`;
}

/** The ARN of a DynamoDB table; the one place a lock table's ARN is derived from its name. */
function lockTableArn(partition: string, region: string, accountId: string, tableName: string): string {
  return `arn:${partition}:dynamodb:${region}:${accountId}:table/${tableName}`;
}

interface CheckedProps {
  readonly keyPrefix: string;
  readonly lockMode: StateLockMode;
  readonly lockTableName: string;
  readonly kmsAliasName: string;
  readonly deletionWindow: number;
  readonly expiration?: NoncurrentVersionExpiration;
  readonly administratorArns: readonly string[];
}

function checkProps(props: TerraformStateBackendProps): CheckedProps {
  const fail = (field: string, message: string): never => {
    throw new Error(`TerraformStateBackend: ${field} ${message}`);
  };
  const literal = (field: string, value: string | undefined) => {
    if (value !== undefined && Token.isUnresolved(value)) {
      fail(field, "must be a literal: backend settings and lock IDs need it before Terraform evaluates anything");
    }
  };
  literal("bucketName", props.bucketName);
  literal("region", props.region);
  literal("accountId", props.accountId);
  literal("lockTableName", props.lockTableName);
  checkFormat(FORMATS.stateBucket, "bucketName", props.bucketName, "TerraformStateBackend");
  checkFormat(FORMATS.region, "region", props.region, "TerraformStateBackend");
  checkFormat(FORMATS.accountId, "accountId", props.accountId, "TerraformStateBackend");
  const keyPrefix = checkFormat(FORMATS.stateKeyPrefix, "keyPrefix", props.keyPrefix ?? DEFAULT_STATE_KEY_PREFIX, "TerraformStateBackend");
  const lockMode = props.lockMode ?? "both";
  if (!["dynamodb", "lockfile", "both"].includes(lockMode)) fail("lockMode", `must be "dynamodb", "lockfile" or "both", got "${lockMode}"`);
  const lockTableName = props.lockTableName ?? `${props.bucketName}-locks`;
  checkFormat(FORMATS.lockTableName, "lockTableName", lockTableName, "TerraformStateBackend");
  if (props.lockTableName !== undefined && lockMode === "lockfile") {
    fail("lockTableName", 'is set but lockMode "lockfile" creates no table; drop it or use lockMode "both"');
  }
  const kmsAliasName = props.kmsAliasName ?? `alias/${props.bucketName}`;
  if (!/^alias\/[A-Za-z0-9/_-]{1,250}$/.test(kmsAliasName) || kmsAliasName.startsWith("alias/aws/")) {
    fail("kmsAliasName", `"${kmsAliasName}" must start with "alias/", use letters, digits, "/", "_" and "-", and not start with "alias/aws/"`);
  }
  const deletionWindow = props.keyDeletionWindowDays ?? 30;
  if (!Number.isInteger(deletionWindow) || deletionWindow < 7 || deletionWindow > 30) {
    fail("keyDeletionWindowDays", `must be a whole number of days from 7 to 30, got ${deletionWindow}`);
  }
  const expiration = props.noncurrentVersionExpiration === false ? undefined : (props.noncurrentVersionExpiration ?? DEFAULT_NONCURRENT_EXPIRATION);
  if (expiration) {
    if (!Number.isInteger(expiration.days) || expiration.days < 1) {
      fail("noncurrentVersionExpiration.days", `must be a whole number of days >= 1 (or set noncurrentVersionExpiration: false), got ${expiration.days}`);
    }
    const keep = expiration.newerVersionsToKeep;
    if (keep !== undefined && (!Number.isInteger(keep) || keep < 1 || keep > 100)) {
      fail("noncurrentVersionExpiration.newerVersionsToKeep", `must be a whole number from 1 to 100, got ${keep}`);
    }
  }
  const administratorArns = checkAdministratorArns(props.administratorArns ?? [], "TerraformStateBackend");
  for (const arn of props.stateUserArns ?? []) {
    if (!Token.isUnresolved(arn) && !FORMATS.principalArn.test(arn)) {
      fail("stateUserArns", `entry "${arn}" must be the ARN of an IAM role or user (no wildcards), e.g. "arn:aws:iam::111111111111:role/terraform-apply"`);
    }
  }
  if (props.accessLogging && props.accessLogging.targetBucket === props.bucketName) {
    fail("accessLogging.targetBucket", "must be another bucket than the state bucket (logging into itself loops)");
  }
  return { keyPrefix, lockMode, lockTableName, kmsAliasName, deletionWindow, expiration, administratorArns };
}
