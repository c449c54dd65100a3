import { Construct } from "constructs";
import {
  BuildkiteOidcProvider,
  BuildkitePipelineRoles,
  IBuildkiteOidcProvider,
  IStateBackend,
  PipelineAccess,
  BuildkitePipelineRole,
  PipelinePermissionsBoundary,
  PipelineRolePermissions,
  PlatformDeployerBoundary,
  PolicyStatement,
  ProtectedSecret,
} from "../constructs/index";
import { addAwsProvider, AwsProviderSettings } from "./aws-provider";
import { forgetResources } from "./removed-resources";
import { ValidatedConfigStack } from "./validated-config-stack";

/** One pipeline's roles in an identity stack. */
export interface IdentityStackPipeline {
  readonly access: PipelineAccess;
  readonly plan: PipelineRolePermissions;
  readonly apply: PipelineRolePermissions;
  /** Permissions of the preview role, when `access` declares one. @default - state access only */
  readonly preview?: PipelineRolePermissions;
  /** Tags of the pipeline's roles (owner). @default - none */
  readonly tags?: Record<string, string>;
  /** The roles exist already (adopted, or moved here from another stack): `import` blocks take them over. @default false */
  readonly importExisting?: boolean;
}

/** A role of the platform pipeline that applies some of the platform's own stacks (see platform/platform-roles.ts). */
export interface IdentityStackDeployRole {
  /** Its trust; the role is `access.apply`. */
  readonly access: PipelineAccess;
  /** What it may change besides the platform's states. */
  readonly statements: readonly PolicyStatement[];
  readonly description: string;
}

/** Props of {@link IdentityStack}. */
export interface IdentityStackProps {
  readonly aws: AwsProviderSettings;
  /**
   * The account's Buildkite OIDC provider: `create` it here, `adopt` the one the account has (an
   * `import` block), or `reference` it by ARN (another stack or a hand-made setup manages it).
   * An account has one: its other identity stacks reference it.
   */
  readonly oidcProvider: "create" | "adopt" | "reference";
  /**
   * Create the account's pipeline permissions boundary here (in its first identity stack). An account
   * has one: its other identity stacks reference it by ARN.
   */
  readonly createPermissionsBoundary: boolean;
  /** The IAM path of the account's pipeline roles: the path its permissions boundary protects. */
  readonly rolePath: string;
  /** Audiences the provider accepts. @default ["sts.amazonaws.com"] */
  readonly audiences?: readonly string[];
  readonly pipelines: readonly IdentityStackPipeline[];
  /** The backend of the pipelines' states; each pipeline's roles may use only its own folder. */
  readonly state: IStateBackend;
  /**
   * Pipelines whose roles this stack held and hands over to another stack, which imports them:
   * `removed` blocks make this stack forget them without destroying them. @default - none
   */
  readonly handedOver?: readonly IdentityStackPipeline[];
  /** Secrets of the account only some roles carrying the boundary may read (its first identity stack's boundary). @default - none */
  readonly protectedSecrets?: readonly ProtectedSecret[];
  /**
   * The platform pipeline's deploy roles of this account, created here with the deployers' boundary
   * (in the account's first identity stack, beside the pipelines' boundary). @default - none
   */
  readonly deployRoles?: readonly IdentityStackDeployRole[];
}

/**
 * The AWS side of the trust path in one account: the Buildkite OIDC provider
 * and the pipeline roles' permissions boundary (in the account's first
 * identity stack) and the plan/apply roles of a shard of pipelines, each
 * carrying the boundary; `import` blocks for what it adopts and `removed`
 * blocks for what it hands over to another stack.
 */
export class IdentityStack extends ValidatedConfigStack {
  readonly roles: readonly BuildkitePipelineRoles[];
  /** The platform pipeline's deploy roles created here. */
  readonly deployRoles: readonly BuildkitePipelineRole[];

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id);
    addAwsProvider(this, props.aws);
    let provider: IBuildkiteOidcProvider = BuildkiteOidcProvider.fromAccount(props.aws.accountId, undefined, props.audiences);
    if (props.oidcProvider !== "reference") {
      const created = new BuildkiteOidcProvider(this, "buildkite-oidc", { accountId: props.aws.accountId, audiences: props.audiences });
      if (props.oidcProvider === "adopt") created.importExisting();
      provider = created;
    }
    const elsewhere = [...props.pipelines, ...(props.handedOver ?? [])].filter((p) => p.access.rolePath !== props.rolePath);
    if (elsewhere.length > 0) {
      throw new Error(
        `${this.node.path}: the roles of ${elsewhere.map((p) => p.access.pipeline).join(", ")} are under ${elsewhere[0].access.rolePath}, but the account's permissions boundary protects ${props.rolePath}: give every pipeline of the account the rolePath ${props.rolePath}.`,
      );
    }
    const boundaryProps = {
      accountId: props.aws.accountId,
      rolePath: props.rolePath,
      stateBucketArn: props.state.bucketArn,
      stateKmsKeyArn: props.state.kmsKeyArn,
      lockTableArn: props.state.lockTableArn,
      protectedSecrets: props.protectedSecrets,
    };
    const permissionsBoundary = props.createPermissionsBoundary
      ? new PipelinePermissionsBoundary(this, "pipeline-boundary", boundaryProps)
      : PipelinePermissionsBoundary.fromAccount(props.aws.accountId, boundaryProps.rolePath);
    const addRoles = (into: Construct, p: IdentityStackPipeline, oidc: IBuildkiteOidcProvider) =>
      new BuildkitePipelineRoles(into, p.access.pipeline, {
        access: p.access,
        provider: oidc,
        permissionsBoundary,
        state: props.state,
        plan: p.plan,
        apply: p.apply,
        preview: p.preview,
        tags: p.tags,
      });
    const deployers = props.deployRoles ?? [];
    if (deployers.length > 0) {
      const deployerBoundary = new PlatformDeployerBoundary(this, "deployer-boundary", {
        accountId: props.aws.accountId,
        rolePath: props.rolePath,
      });
      this.deployRoles = deployers.map(
        (r) =>
          new BuildkitePipelineRole(this, r.access.apply.roleName, {
            access: r.access,
            kind: "apply",
            provider,
            permissionsBoundary: deployerBoundary,
            state: props.state,
            statements: r.statements,
            description: r.description,
          }),
      );
    } else {
      this.deployRoles = [];
    }
    this.roles = props.pipelines.map((p) => {
      const roles = addRoles(this, p, provider);
      if (p.importExisting) roles.importExisting();
      return roles;
    });
    // Built as they were (the same paths give the same addresses), only to be forgotten here.
    const referenced = BuildkiteOidcProvider.fromAccount(props.aws.accountId, undefined, props.audiences);
    (props.handedOver ?? []).forEach((p) => forgetResources(this, (scratch) => addRoles(scratch, p, referenced)));
  }
}
