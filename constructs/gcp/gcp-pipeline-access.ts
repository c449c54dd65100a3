import { PipelineRoleKind } from "../trust/pipeline-access";
import { JobTokenRequest } from "../trust/role-access";
import { checkFormat, checkList, FORMATS, ValidationError } from "../private/validation";
import { GCP_TOKEN_CLAIMS, PoolProviderLocation, poolProviderAudience, principalSetsFor } from "./workload-identity";

/** Which builds and steps may impersonate one of the pipeline's service accounts. */
export interface GcpServiceAccountScope {
  /**
   * Branch names whose builds may impersonate the account; `["*"]` admits any branch. Globs other
   * than `"*"` are refused: a `principalSet` matches an attribute value exactly.
   * @default - plan: ["*"]; apply: ["main"]
   */
  readonly branches?: readonly string[];
  /**
   * Step keys whose jobs may impersonate the account; an empty list admits any step (plan only).
   * @default - plan: ["plan"]; apply: ["apply"]
   */
  readonly stepKeys?: readonly string[];
  /** Service account ID (before the "@"). @default `<serviceAccountPrefix>-<kind>` */
  readonly serviceAccountId?: string;
}

/** Declares which Buildkite pipeline may impersonate its plan and apply service accounts in one Google Cloud project. */
export interface GcpPipelineAccessProps {
  /** ID of the project holding the service accounts and the pool. */
  readonly projectId: string;
  /** Number of that project (the pool's resource names use it). */
  readonly projectNumber: string;
  /** Workload identity pool ID. @default "buildkite" */
  readonly poolId?: string;
  /** Pool provider ID. @default "buildkite-agent" */
  readonly providerId?: string;
  /** Buildkite organization slug. */
  readonly organization: string;
  /** Buildkite pipeline slug. */
  readonly pipeline: string;
  /** Prefix of the default service account IDs. @default "bk-<pipeline>" */
  readonly serviceAccountPrefix?: string;
  /** Who may impersonate the plan account. @default - any branch, step "plan" */
  readonly plan?: GcpServiceAccountScope;
  /** Who may impersonate the apply account. @default - branch "main", step "apply" */
  readonly apply?: GcpServiceAccountScope;
}

/** One of a pipeline's service accounts, as the job side and the access report need it. */
export interface ServiceAccountAccess {
  /** plan or apply. */
  readonly kind: PipelineRoleKind;
  /** Service account ID. */
  readonly accountId: string;
  /** Service account e-mail, known at synth time. */
  readonly email: string;
  /** The `principalSet`s granted `roles/iam.workloadIdentityUser` on the account. */
  readonly members: readonly string[];
  /** Admitted branches (`["*"]` for any). */
  readonly branches: readonly string[];
  /** Admitted step keys (empty for any). */
  readonly stepKeys: readonly string[];
  /** What the job requests: the provider's audience and the optional claims the condition reads. */
  readonly tokenRequest: JobTokenRequest;
  /** Whether the account may change resources. */
  readonly canWrite: boolean;
}

/** Default pool ID. */
export const DEFAULT_GCP_POOL_ID = "buildkite";
/** Default pool provider ID. */
export const DEFAULT_GCP_PROVIDER_ID = "buildkite-agent";

const DEFAULT_SCOPES: Record<PipelineRoleKind, { branches: string[]; stepKeys: string[] }> = {
  plan: { branches: ["*"], stepKeys: ["plan"] },
  apply: { branches: ["main"], stepKeys: ["apply"] },
};

/**
 * The access of one Buildkite pipeline to one Google Cloud project, as plain data: service account
 * IDs and e-mails, the `principalSet`s that may impersonate them, and what the jobs request. Like
 * {@link PipelineAccess} it creates nothing, so the Buildkite side derives the same facts the
 * identity stack renders.
 */
export class GcpPipelineAccess {
  /** ID of the project holding the service accounts. */
  readonly projectId: string;
  /** Number of that project. */
  readonly projectNumber: string;
  /** The pool provider whose identities may impersonate the accounts. */
  readonly location: PoolProviderLocation;
  /** Buildkite organization slug. */
  readonly organization: string;
  /** Buildkite pipeline slug. */
  readonly pipeline: string;
  /** The audience jobs request: the pool provider's full resource name. */
  readonly audience: string;
  /** The plan service account: read-only roles. */
  readonly plan: ServiceAccountAccess;
  /** The apply service account: may change resources. */
  readonly apply: ServiceAccountAccess;

  constructor(props: GcpPipelineAccessProps) {
    this.projectId = checkFormat(FORMATS.gcpProjectId, "projectId", props.projectId);
    this.projectNumber = checkFormat(FORMATS.gcpProjectNumber, "projectNumber", props.projectNumber);
    this.location = {
      projectNumber: this.projectNumber,
      poolId: checkFormat(FORMATS.gcpPoolId, "poolId", props.poolId ?? DEFAULT_GCP_POOL_ID),
      providerId: checkFormat(FORMATS.gcpPoolId, "providerId", props.providerId ?? DEFAULT_GCP_PROVIDER_ID),
    };
    this.organization = checkFormat(FORMATS.slug, "organization", props.organization);
    this.pipeline = checkFormat(FORMATS.slug, "pipeline", props.pipeline);
    this.audience = poolProviderAudience(this.location);
    const prefix = props.serviceAccountPrefix ?? `bk-${this.pipeline}`;
    this.plan = this.build("plan", props.plan ?? {}, prefix);
    this.apply = this.build("apply", props.apply ?? {}, prefix);
    if (this.apply.branches.includes("*")) {
      throw new ValidationError({
        code: "too-broad",
        field: "apply.branches",
        value: this.apply.branches,
        problem: "admits every branch, so any branch could change the infrastructure",
        fix: 'name the branches that may apply, for example ["main"]',
      });
    }
    if (this.apply.stepKeys.length === 0) {
      throw new ValidationError({
        code: "too-broad",
        field: "apply.stepKeys",
        value: this.apply.stepKeys,
        problem: "is empty, so every step of an admitted build could impersonate the apply service account",
        fix: 'name the apply step, for example ["apply"]',
      });
    }
    if (this.plan.accountId === this.apply.accountId) {
      throw new ValidationError({
        code: "conflict",
        field: "plan.serviceAccountId",
        value: this.plan.accountId,
        problem: "is also apply.serviceAccountId",
        fix: "give the two service accounts different IDs",
      });
    }
  }

  /** The access of one of the pipeline's service accounts. */
  serviceAccount(kind: PipelineRoleKind): ServiceAccountAccess {
    return kind === "plan" ? this.plan : this.apply;
  }

  private build(kind: PipelineRoleKind, scope: GcpServiceAccountScope, prefix: string): ServiceAccountAccess {
    const branches = checkList(`${kind}.branches`, scope.branches ?? DEFAULT_SCOPES[kind].branches, {
      nonEmpty: 'name the branches whose builds may impersonate the account, or ["*"] for any',
    }).map((branch, i) => checkBranch(`${kind}.branches[${i}]`, branch));
    const stepKeys = checkList(`${kind}.stepKeys`, scope.stepKeys ?? DEFAULT_SCOPES[kind].stepKeys).map((key, i) =>
      checkFormat(FORMATS.stepKey, `${kind}.stepKeys[${i}]`, key),
    );
    const accountId = scope.serviceAccountId ?? `${prefix}-${kind}`;
    const refusal = FORMATS.gcpServiceAccountId.explain(accountId);
    if (refusal) {
      const derived = scope.serviceAccountId === undefined ? ` (derived from serviceAccountPrefix "${prefix}")` : "";
      throw new ValidationError({
        code: "invalid-gcp-id",
        field: `${kind}.serviceAccountId`,
        value: accountId,
        ...refusal,
        problem: `${refusal.problem}${derived}`,
      });
    }
    const anyBranch = branches.includes("*");
    return {
      kind,
      accountId,
      email: `${accountId}@${this.projectId}.iam.gserviceaccount.com`,
      members: principalSetsFor(this.location, { pipeline: this.pipeline, branches: anyBranch ? ["*"] : branches, stepKeys }),
      branches: anyBranch ? ["*"] : branches,
      stepKeys,
      tokenRequest: { audience: this.audience, claims: GCP_TOKEN_CLAIMS, sessionTags: [] },
      canWrite: kind === "apply",
    };
  }
}

/** A branch name, or "*": a `principalSet` compares values exactly, so other globs cannot be expressed. */
function checkBranch(field: string, branch: string): string {
  if (branch === "*") return branch;
  checkFormat(FORMATS.refPattern, field, branch);
  if (/[*?]/.test(branch)) {
    throw new ValidationError({
      code: "invalid-ref-pattern",
      field,
      value: branch,
      problem: "is a glob, which a Google principalSet cannot match (it compares an attribute value exactly)",
      fix: 'list the branch names, or use "*" for any branch (plan only)',
    });
  }
  return branch;
}
