import { Construct } from "constructs";
import {
  BuildkiteOidcProvider,
  BuildkitePipelineRoles,
  IStateBackend,
  PipelineAccess,
  PipelinePermissionsBoundary,
  PipelineRolePermissions,
} from "../constructs/index";
import { addAwsProvider, AwsProviderSettings } from "./aws-provider";
import { ValidatedConfigStack } from "./validated-config-stack";

/** One pipeline's roles in an identity stack. */
export interface IdentityStackPipeline {
  readonly access: PipelineAccess;
  readonly plan: PipelineRolePermissions;
  readonly apply: PipelineRolePermissions;
  /** Tags of the pipeline's roles (owner). @default - none */
  readonly tags?: Record<string, string>;
}

/** Props of {@link IdentityStack}. */
export interface IdentityStackProps {
  readonly aws: AwsProviderSettings;
  /**
   * Create the account's Buildkite OIDC provider and the pipeline roles' permissions boundary here. An
   * account has one of each; the other identity stacks of the account reference them by ARN.
   */
  readonly createOidcProvider: boolean;
  /** Audiences the provider accepts. @default ["sts.amazonaws.com"] */
  readonly audiences?: readonly string[];
  readonly pipelines: readonly IdentityStackPipeline[];
  /** The backend of the pipelines' states; each pipeline's roles may use only its own folder. */
  readonly state: IStateBackend;
}

/**
 * The AWS side of the trust path in one account: the Buildkite OIDC provider
 * and the pipeline roles' permissions boundary (in the account's first
 * identity stack) and the plan/apply roles of a shard of pipelines, each
 * carrying the boundary.
 */
export class IdentityStack extends ValidatedConfigStack {
  readonly roles: readonly BuildkitePipelineRoles[];

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id);
    addAwsProvider(this, props.aws);
    const provider = props.createOidcProvider
      ? new BuildkiteOidcProvider(this, "buildkite-oidc", { accountId: props.aws.accountId, audiences: props.audiences })
      : BuildkiteOidcProvider.fromAccount(props.aws.accountId, undefined, props.audiences);
    const rolePaths = [...new Set(props.pipelines.map((p) => p.access.rolePath))];
    if (rolePaths.length !== 1) {
      throw new Error(
        `${this.node.path}: the pipelines' roles are under the IAM paths ${rolePaths.join(", ") || "(none)"}, but one permissions boundary protects one path: give every pipeline of the account the same rolePath.`,
      );
    }
    const boundaryProps = {
      accountId: props.aws.accountId,
      rolePath: rolePaths[0],
      stateBucketArn: props.state.bucketArn,
      stateKmsKeyArn: props.state.kmsKeyArn,
      lockTableArn: props.state.lockTableArn,
    };
    const permissionsBoundary = props.createOidcProvider
      ? new PipelinePermissionsBoundary(this, "pipeline-boundary", boundaryProps)
      : PipelinePermissionsBoundary.fromAccount(props.aws.accountId, boundaryProps.rolePath);
    this.roles = props.pipelines.map(
      (p) =>
        new BuildkitePipelineRoles(this, p.access.pipeline, {
          access: p.access,
          provider,
          permissionsBoundary,
          state: props.state,
          plan: p.plan,
          apply: p.apply,
          tags: p.tags,
        }),
    );
  }
}
