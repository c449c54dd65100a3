import { ProjectIamMember } from "@cdktf/provider-google/lib/project-iam-member";
import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { ServiceAccountIamMember } from "@cdktf/provider-google/lib/service-account-iam-member";
import { Construct } from "constructs";
import { PipelineRoleKind } from "../trust/pipeline-access";
import { checkFormat, checkList, FORMATS, ValidationError } from "../private/validation";
import { BuildkiteWorkloadIdentityPool } from "./buildkite-workload-identity-pool";
import { GcpPipelineAccess, ServiceAccountAccess } from "./gcp-pipeline-access";

/** What a pipeline's service account may do in its project. */
export interface GcpServiceAccountPermissions {
  /**
   * Roles granted on the project. The plan account takes only read-only roles
   * ({@link isReadOnlyGcpRole}); `roles/owner` is refused for both.
   * @default - none
   */
  readonly roles?: readonly string[];
}

/** Props of {@link BuildkiteServiceAccount}. */
export interface BuildkiteServiceAccountProps extends GcpServiceAccountPermissions {
  /** The pipeline's access declaration; the account's ID and who may impersonate it come from it. */
  readonly access: GcpPipelineAccess;
  /** Which of the pipeline's accounts to create. */
  readonly kind: PipelineRoleKind;
  /**
   * The project's pool. When given, it must be the one the declaration names, and admit the pipeline.
   * @default - the pool named by the declaration, assumed to exist
   */
  readonly pool?: BuildkiteWorkloadIdentityPool;
}

/** The impersonation role federated identities get on a service account. */
export const WORKLOAD_IDENTITY_USER_ROLE = "roles/iam.workloadIdentityUser";

/** Predefined roles that only read, besides any `roles/<service>.viewer`. */
export const GCP_READ_ONLY_ROLES: readonly string[] = [
  "roles/viewer",
  "roles/browser",
  "roles/iam.securityReviewer",
  "roles/iam.roleViewer",
  "roles/iam.serviceAccountViewer",
  "roles/iam.workloadIdentityPoolViewer",
  "roles/storage.objectViewer",
  "roles/storage.legacyBucketReader",
  "roles/cloudasset.viewer",
];

/** Whether a plan service account may hold `role`: one of {@link GCP_READ_ONLY_ROLES} or a `roles/<service>.viewer`. */
export function isReadOnlyGcpRole(role: string): boolean {
  return GCP_READ_ONLY_ROLES.includes(role) || /^roles\/[a-zA-Z]+\.viewer$/.test(role);
}

/**
 * One service account of a Buildkite pipeline (plan or apply) in a Google Cloud project:
 * `roles/iam.workloadIdentityUser` on it is granted only to the `principalSet`s of its
 * {@link GcpPipelineAccess} (the pipeline, and for apply its branches and steps), and it holds
 * the declared project roles. No key is created; jobs impersonate it through the pool.
 */
export class BuildkiteServiceAccount extends Construct {
  /** The access the job side uses. */
  readonly access: ServiceAccountAccess;
  /** The account's e-mail (literal). */
  readonly email: string;
  /** The Terraform service account resource. */
  readonly serviceAccount: ServiceAccount;

  constructor(scope: Construct, id: string, props: BuildkiteServiceAccountProps) {
    super(scope, id);
    const { access: declaration, kind } = props;
    this.access = declaration.serviceAccount(kind);
    this.email = this.access.email;
    const roles = checkList("roles", props.roles ?? []).map((role, i) => checkRole(kind, `roles[${i}]`, role));
    if (props.pool && props.pool.audience !== declaration.audience) {
      throw new ValidationError({
        code: "conflict",
        field: "pool",
        value: props.pool.audience,
        problem: `is not the pool provider the declaration names (${declaration.audience})`,
        fix: "pass the pool of the project the service accounts are declared in, with the same poolId and providerId",
      });
    }
    if (props.pool && !props.pool.pipelines.includes(declaration.pipeline)) {
      throw new ValidationError({
        code: "conflict",
        field: "pool",
        value: declaration.pipeline,
        problem: "is not among the pipelines the pool admits, so its jobs would be refused at the token exchange",
        fix: "add the pipeline to the pool's pipelines",
      });
    }
    this.serviceAccount = new ServiceAccount(this, "ServiceAccount", {
      project: declaration.projectId,
      accountId: this.access.accountId,
      displayName: `Buildkite ${declaration.pipeline} ${kind}`,
      description: `Buildkite pipeline ${declaration.organization}/${declaration.pipeline}: ${kind} (Terraform ${kind})`,
    });
    const dependsOn = props.pool ? [props.pool.provider] : undefined;
    this.access.members.forEach((member, i) => {
      new ServiceAccountIamMember(this, `WorkloadIdentityUser${i}`, {
        serviceAccountId: this.serviceAccount.name,
        role: WORKLOAD_IDENTITY_USER_ROLE,
        member,
        dependsOn,
      });
    });
    for (const role of roles) {
      new ProjectIamMember(this, `Role-${role.replace(/[^A-Za-z0-9]+/g, "-")}`, {
        project: declaration.projectId,
        role,
        member: `serviceAccount:${this.serviceAccount.email}`,
      });
    }
  }
}

function checkRole(kind: PipelineRoleKind, field: string, role: string): string {
  checkFormat(FORMATS.gcpRole, field, role);
  if (role === "roles/owner") {
    throw new ValidationError({
      code: "too-broad",
      field,
      value: role,
      problem: "grants every permission in the project, including its IAM policy",
      fix: "grant the predefined roles of the services the pipeline manages, e.g. roles/compute.admin",
    });
  }
  if (kind === "plan" && !isReadOnlyGcpRole(role)) {
    throw new ValidationError({
      code: "too-broad",
      field,
      value: role,
      problem: "may change resources, but the plan service account is read-only",
      fix: `grant it to the apply account, and give plan a read-only role (${GCP_READ_ONLY_ROLES.slice(0, 3).join(", ")} or roles/<service>.viewer)`,
    });
  }
  return role;
}
