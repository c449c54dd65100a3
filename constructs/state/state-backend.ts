import { PolicyDocument } from "../policy/policy-document";
import { S3BackendSettings, S3StateSettings, StateLockMode } from "./backend-config";
import { DEFAULT_STABLE_WORKSPACE, pipelineStatePrefix, stateKey } from "./state-key";

/**
 * How much of a pipeline's state a principal may use:
 * - `read`: what `terraform plan -lock=false` needs. It may read state and the DynamoDB digest,
 *   and is explicitly denied every write under the pipeline's folder: state, lock files, lock items.
 *   Plans never take a lock, so no branch can hold or break the lock the apply takes.
 * - `write`: what `terraform apply` needs: reading, writing state and its DynamoDB digest, and
 *   taking and releasing the lock (the DynamoDB lock item and/or the `.tflock` object).
 * - `preview`: what a preview role needs to apply a preview branch into its own workspace: `write`, but only
 *   for the state of the workspace `br-<branch>`, the branch read from the session's `build_branch` tag
 *   (`${aws:PrincipalTag/build_branch}`, which the preview role's trust requires), and an explicit Deny of every
 *   object and lock-table request on the stable workspace and on pull request workspaces.
 */
export type StateAccess = "read" | "write" | "preview";

/** How state access is granted, besides its level. */
export interface StateAccessOptions {
  /**
   * Restrict `s3:ListBucket` to listings under the pipeline's prefix instead of the whole bucket.
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

/** What {@link IStateBackend.grantPipelineState} grants. */
export interface GrantPipelineStateOptions extends StateAccessOptions {
  /** Slug of the pipeline whose states (`<keyPrefix>/<pipeline>/`) the principal may use. */
  readonly pipeline: string;
  /** `read` for a plan role, `write` for an apply role, `preview` for a preview role. */
  readonly access: StateAccess;
}

/** A principal state access can be granted to: an IAM role that takes inline policies, such as `BuildkitePipelineRole`. */
export interface IStateGrantee {
  /**
   * Attaches an inline policy to the principal.
   * @param id construct ID of the policy resource
   * @param name name of the policy in IAM
   * @param document the policy
   */
  addInlinePolicy(id: string, name: string, document: PolicyDocument): void;
}

/** Construct ID of the inline policy {@link IStateBackend.grantPipelineState} attaches. */
export const STATE_POLICY_ID = "StatePolicy";
/** IAM name of the inline policy {@link IStateBackend.grantPipelineState} attaches. */
export const STATE_POLICY_NAME = "terraform-state";

/**
 * A Terraform state backend: an S3 bucket, its KMS key and its locks, with the pipelines' states
 * under one root folder. A `TerraformStateBackend` is one; `TerraformStateBackend.fromAttributes`
 * makes one for a backend created elsewhere (another stack, another app, by hand).
 */
export interface IStateBackend {
  /** Name of the state bucket. */
  readonly bucketName: string;
  /** ARN of the state bucket, `arn:<partition>:s3:::<bucketName>`. */
  readonly bucketArn: string;
  /** Region of the bucket, the key and the lock table. */
  readonly region: string;
  /**
   * ARN of the KMS key that encrypts the states. Terraform sends it with every upload, and the
   * bucket policy of `TerraformStateBackend` refuses uploads that name any other key. Backend
   * settings need it as a literal (an owned backend's is a Terraform reference: import it with
   * the key ARN from the state stack's output to configure other stacks).
   */
  readonly kmsKeyArn: string;
  /** The lock mechanisms Terraform uses. */
  readonly lockMode: StateLockMode;
  /** Name of the DynamoDB lock table, when the lock mode uses DynamoDB. */
  readonly lockTableName?: string;
  /** ARN of the DynamoDB lock table, when the lock mode uses DynamoDB. */
  readonly lockTableArn?: string;
  /**
   * Folder of all pipeline states in the bucket, e.g. `pipelines`: a pipeline's states are
   * `<keyPrefix>/<pipeline-slug>/<workspace>/terraform.tfstate`. No leading or trailing `/`.
   */
  readonly keyPrefix: string;

  /** The states of one pipeline in this backend. */
  pipelineState(pipeline: string, options?: PipelineStateOptions): PipelineState;

  /**
   * Lets a principal use one pipeline's states (read for plan, which takes no lock, write for
   * apply, each only under `<keyPrefix>/<pipeline>/`) with an inline policy named `terraform-state`.
   * @returns the policy attached
   */
  grantPipelineState(grantee: IStateGrantee, options: GrantPipelineStateOptions): PolicyDocument;

  /**
   * The settings of Terraform's `backend "s3"` block for the state at `key` (omit `key` for the
   * shared part of a partial configuration). Checks the settings first, so a typo fails here, not
   * at `terraform init`.
   */
  backendConfig(key: string): S3StateSettings;
  /** The shared settings without a key (a partial configuration), or those of the state at `key`. */
  backendConfig(key?: string): S3BackendSettings;
}

/** Options of a {@link PipelineState}. */
export interface PipelineStateOptions {
  /**
   * Workspace of the pipeline's default branch; lowercase letters, digits and single `-`.
   * @default "default"
   */
  readonly stableWorkspace?: string;
}

/**
 * The states of one pipeline in a backend: everything under
 * `<backend.keyPrefix>/<pipeline>/`, one state per workspace.
 */
export class PipelineState {
  /** The backend the states live in. */
  public readonly backend: IStateBackend;
  /** Slug of the pipeline. */
  public readonly pipeline: string;
  /** The pipeline's folder, `<keyPrefix>/<pipeline>/` (ending with `/`). */
  public readonly pipelinePrefix: string;
  /** Workspace of the pipeline's default branch. */
  public readonly stableWorkspace: string;

  constructor(backend: IStateBackend, pipeline: string, options: PipelineStateOptions = {}) {
    this.backend = backend;
    this.pipeline = pipeline;
    this.pipelinePrefix = pipelineStatePrefix({ prefix: backend.keyPrefix, pipelineSlug: pipeline });
    this.stableWorkspace = options.stableWorkspace ?? DEFAULT_STABLE_WORKSPACE;
  }

  /** `<keyPrefix>/<pipeline>/<workspace>/terraform.tfstate`. */
  public stateKey(workspace: string): string {
    return stateKey({ prefix: this.backend.keyPrefix, pipelineSlug: this.pipeline, workspace });
  }

  /**
   * The backend settings of one workspace's state, or without `workspace` the settings every
   * workspace shares (a partial configuration, completed with the key at `terraform init`).
   */
  public backendConfig(workspace: string): S3StateSettings;
  /** The settings every workspace shares without `workspace`, or those of one workspace's state. */
  public backendConfig(workspace?: string): S3BackendSettings;
  public backendConfig(workspace?: string): S3BackendSettings {
    return workspace === undefined ? this.backend.backendConfig() : this.backend.backendConfig(this.stateKey(workspace));
  }
}
