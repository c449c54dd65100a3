import { LocalBackend, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import {
  addS3Backend,
  NoncurrentVersionExpiration,
  PipelineStateFenceOptions,
  StateBucketAccessLogging,
  StateLockMode,
  TerraformStateBackend,
} from "../constructs/index";
import { addAwsProvider, AwsProviderSettings } from "./aws-provider";
import { ValidatedConfigStack } from "./validated-config-stack";

/** Where the state stack keeps its own state. */
export type OwnStateLocation =
  /** A local file: the first apply, before the bucket exists. */
  | { readonly type: "local"; readonly path?: string }
  /**
   * The bucket this stack created, after `scripts/migrate-state.sh`. The key ARN comes from the
   * `kms_key_arn` output of the first apply (it is random, so it cannot be derived).
   */
  | { readonly type: "s3"; readonly kmsKeyArn: string; readonly key?: string };

/** Props of {@link StateBackendStack}. */
export interface StateBackendStackProps extends AwsProviderSettings {
  /**
   * Prefix of the resource names.
   * @default "bktt"
   */
  readonly namePrefix?: string;
  /**
   * Name of the state bucket.
   * @default "<namePrefix>-tfstate-<accountId>-<region>"
   */
  readonly bucketName?: string;
  /** @default "both" */
  readonly lockMode?: StateLockMode;
  /**
   * Name of the DynamoDB lock table.
   * @default "<bucketName>-locks"
   */
  readonly lockTableName?: string;
  /**
   * Alias of the state KMS key.
   * @default "alias/<bucketName>"
   */
  readonly kmsAliasName?: string;
  /**
   * Folder of all pipeline states in the bucket (`<keyPrefix>/<slug>/<workspace>/terraform.tfstate`).
   * @default "pipelines"
   */
  readonly keyPrefix?: string;
  /**
   * The bucket-policy fence that confines each pipeline's roles to `<keyPrefix>/<slug>/`. Exempt the
   * roles of a pipeline that applies the platform stacks if their states are outside `keyPrefix`,
   * list the pipeline roles of other accounts in `pipelineAccounts`, or `false` to turn it off.
   * @default { principalTagKey: "buildkite:pipeline" }
   */
  readonly pipelineStateFence?: PipelineStateFenceOptions | false;
  /**
   * The state administrators: the only principals besides the account's root user that may change the
   * configuration of the bucket and the key (include the role this stack is deployed with).
   */
  readonly administratorArns: string[];
  /** Administrators the key policy does not name (their IAM policies grant them, they may not exist yet). @default - none */
  readonly delegatedAdministratorArns?: string[];
  /** Roles that read or write states through S3. @default - none besides the account root */
  readonly stateUserArns?: string[];
  /** @default { days: 90, newerVersionsToKeep: 10 } */
  readonly noncurrentVersionExpiration?: NoncurrentVersionExpiration | false;
  /** @default - no access logging */
  readonly accessLogging?: StateBucketAccessLogging;
  /**
   * Where this stack keeps its own state.
   * @default { type: "local" } (cdktf's default file, terraform.<stack id>.tfstate in the working directory)
   */
  readonly ownState?: OwnStateLocation;
}

/** Key of the state stack's own state in its bucket, unless told otherwise. */
export const DEFAULT_OWN_STATE_KEY = "bootstrap/state-backend/terraform.tfstate";

/**
 * The bootstrap stack: the Terraform state backend every other stack and pipeline uses. It starts
 * on a local backend (the bucket does not exist yet); docs/state-backend.md and
 * scripts/migrate-state.sh move its state into the bucket it created.
 */
export class StateBackendStack extends ValidatedConfigStack {
  public readonly backend: TerraformStateBackend;

  constructor(scope: Construct, id: string, props: StateBackendStackProps) {
    super(scope, id);
    addAwsProvider(this, props);
    const namePrefix = props.namePrefix ?? "bktt";
    this.backend = new TerraformStateBackend(this, "state", {
      bucketName: props.bucketName ?? `${namePrefix}-tfstate-${props.accountId}-${props.region}`,
      region: props.region,
      accountId: props.accountId,
      lockMode: props.lockMode,
      lockTableName: props.lockTableName,
      kmsAliasName: props.kmsAliasName,
      keyPrefix: props.keyPrefix,
      pipelineStateFence: props.pipelineStateFence,
      administratorArns: props.administratorArns,
      delegatedAdministratorArns: props.delegatedAdministratorArns,
      stateUserArns: props.stateUserArns,
      noncurrentVersionExpiration: props.noncurrentVersionExpiration,
      accessLogging: props.accessLogging,
    });

    const own = props.ownState ?? { type: "local" };
    if (own.type === "local") {
      // Without a path, cdktf's own default local backend applies.
      if (own.path) new LocalBackend(this, { path: own.path });
    } else {
      // The key ARN must be a literal in backend settings: the stack sees its own backend as imported, by that ARN.
      const deployed = TerraformStateBackend.fromAttributes(this, "deployed-state", this.backend.attributes(own.kmsKeyArn));
      addS3Backend(this, deployed.backendConfig(own.key ?? DEFAULT_OWN_STATE_KEY));
    }

    const outputs: Record<string, { value: string; description: string }> = {
      bucket_name: { value: this.backend.bucketName, description: "Name of the state bucket" },
      bucket_arn: { value: this.backend.bucketArn, description: "ARN of the state bucket" },
      region: { value: this.backend.region, description: "Region of the state backend" },
      kms_key_arn: { value: this.backend.kmsKeyArn, description: "ARN of the state KMS key (backend kms_key_id)" },
      kms_alias_name: { value: this.backend.kmsAliasName, description: "Alias of the state KMS key" },
      lock_mode: { value: this.backend.lockMode, description: "Lock mechanisms the pipelines use" },
    };
    if (this.backend.lockTableName && this.backend.lockTableArn) {
      outputs.lock_table_name = { value: this.backend.lockTableName, description: "Name of the DynamoDB lock table" };
      outputs.lock_table_arn = { value: this.backend.lockTableArn, description: "ARN of the DynamoDB lock table" };
    }
    for (const [name, output] of Object.entries(outputs)) new TerraformOutput(this, name, output);
  }
}
