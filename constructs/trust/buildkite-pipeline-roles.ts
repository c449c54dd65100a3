import { Construct } from "constructs";
import { IBuildkiteOidcProvider } from "./buildkite-oidc-provider";
import { IStateBackend } from "../state/state-backend";
import { BuildkitePipelineRole, PipelineRolePermissions } from "./buildkite-pipeline-role";
import { IPipelinePermissionsBoundary } from "./pipeline-permissions-boundary";
import { PipelineAccess } from "./pipeline-access";

/** Props of {@link BuildkitePipelineRoles}. */
export interface BuildkitePipelineRolesProps {
  /** The pipeline's access declaration. */
  readonly access: PipelineAccess;
  /** The account's Buildkite OIDC provider. @default - the provider named by the declaration's account, assumed to exist */
  readonly provider?: IBuildkiteOidcProvider;
  /**
   * The backend of the pipeline's Terraform states; plan only reads them (it takes no lock), apply writes them,
   * both only under `<keyPrefix>/<pipeline>/`. @default - no state access
   */
  readonly state?: IStateBackend;
  /** The account's pipeline permissions boundary, carried by both roles. @default - none (refused for roles that change IAM) */
  readonly permissionsBoundary?: IPipelinePermissionsBoundary;
  /** Permissions of the plan role; only read actions are accepted. @default - state access only */
  readonly plan?: PipelineRolePermissions;
  /** Permissions of the apply role. @default - state access only */
  readonly apply?: PipelineRolePermissions;
  /** Permissions of the preview role, when the access declares one (its state: its branch's workspace only). @default - state access only */
  readonly preview?: PipelineRolePermissions;
  /** Extra tags of both roles. @default - only the Buildkite tags */
  readonly tags?: Record<string, string>;
}

/**
 * The plan and apply roles of one Buildkite pipeline: plan for any
 * (non-fork) branch with read-only access, apply for the declared branches
 * and step with write access, each limited to the pipeline's own state.
 *
 * @example
 * const access = new PipelineAccess({ accountId, organization: "acme", pipeline: "networking" });
 * const state = TerraformStateBackend.fromAttributes(stack, "state", { bucketName, region, kmsKeyArn, lockMode: "lockfile" });
 * new BuildkitePipelineRoles(stack, "networking", {
 *   access,
 *   provider,
 *   state, // the roles may use pipelines/networking/ only
 *   plan: { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
 *   apply: { managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/NetworkAdministrator"] },
 * });
 */
export class BuildkitePipelineRoles extends Construct {
  /** The plan role. */
  readonly plan: BuildkitePipelineRole;
  /** The apply role. */
  readonly apply: BuildkitePipelineRole;
  /** The preview role, when the pipeline's access declares one. */
  readonly preview?: BuildkitePipelineRole;

  constructor(scope: Construct, id: string, props: BuildkitePipelineRolesProps) {
    super(scope, id);
    const shared = { access: props.access, provider: props.provider, permissionsBoundary: props.permissionsBoundary, state: props.state, tags: props.tags };
    this.plan = new BuildkitePipelineRole(this, "Plan", { ...shared, ...props.plan, kind: "plan" });
    this.apply = new BuildkitePipelineRole(this, "Apply", { ...shared, ...props.apply, kind: "apply" });
    if (props.access.preview) this.preview = new BuildkitePipelineRole(this, "Preview", { ...shared, ...props.preview, kind: "preview" });
    else if (props.preview) {
      throw new Error(
        `${this.node.path}: preview permissions are given, but the access of ${props.access.pipeline} declares no preview role: declare preview in its PipelineAccess`,
      );
    }
  }

  /** Adopts the roles where they already exist by name (see {@link BuildkitePipelineRole.importExisting}). */
  importExisting(): void {
    this.plan.importExisting();
    this.apply.importExisting();
    this.preview?.importExisting();
  }
}
