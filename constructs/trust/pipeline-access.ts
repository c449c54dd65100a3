import { buildkiteOidcProviderArn } from "./buildkite-oidc";
import { BuildkiteTrust, ClaimCheck } from "./buildkite-trust";
import { RequiredPipelineSettings, RoleAccess } from "./role-access";
import { checkFormat, FORMATS, ValidationError } from "../private/validation";

/** The two roles of a pipeline: `plan` reads, `apply` changes. */
export type PipelineRoleKind = "plan" | "apply";

/**
 * The AWS roles a pipeline may have: its plan and apply roles, and the preview role of a pipeline with
 * preview environments, which applies preview branches into their own workspace's state.
 */
export type PipelineAwsRoleKind = PipelineRoleKind | "preview";

/** The step keys the preview role admits unless told otherwise: the preview step and the preview-destroy step. */
export const DEFAULT_PREVIEW_STEP_KEYS: readonly string[] = ["preview", "preview-destroy"];

/** Which builds and steps of the pipeline may assume one of its roles. */
export interface PipelineRoleScope {
  /**
   * Branch names or glob patterns (`*`, `?`) whose builds may assume the role; `["*"]` admits any branch.
   * @default - plan: ["*"]; apply: ["main"]
   */
  readonly branches?: readonly string[];
  /**
   * Tag names or glob patterns whose tag builds may assume the role.
   * @default - none
   */
  readonly tags?: readonly string[];
  /**
   * Step keys whose jobs may assume the role; an empty list admits any step (plan only).
   * @default - plan: ["plan"]; apply: ["apply"]
   */
  readonly stepKeys?: readonly string[];
  /** IAM role name. @default `<roleNamePrefix>-<kind>` */
  readonly roleName?: string;
  /** Maximum session duration in seconds (3600-43200). @default - the pipeline's `sessionDurationSeconds` */
  readonly sessionDurationSeconds?: number;
}

/** Declares which Buildkite pipeline may assume its plan and apply roles in one AWS account. */
export interface PipelineAccessProps {
  /** The AWS account that holds the roles and the Buildkite OIDC provider. */
  readonly accountId: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** Buildkite organization slug. */
  readonly organization: string;
  /** Buildkite pipeline slug. */
  readonly pipeline: string;
  /**
   * Immutable organization UUID; recommended, since slugs can be recycled.
   * @default - not pinned
   */
  readonly organizationId?: string;
  /**
   * Immutable pipeline UUID; recommended once the pipeline exists.
   * @default - not pinned
   */
  readonly pipelineId?: string;
  /** Cluster UUID whose agents may assume the roles. @default - any cluster */
  readonly clusterId?: string;
  /** Token audience. @default "sts.amazonaws.com" */
  readonly audience?: string;
  /** How claims besides `aud` and `sub` are checked. @default "condition-keys" */
  readonly claimCheck?: ClaimCheck;
  /** IAM path of both roles. @default "/buildkite/<organization>/" */
  readonly rolePath?: string;
  /** Prefix of the default role names. @default "bk-<pipeline>" */
  readonly roleNamePrefix?: string;
  /** Maximum session duration of both roles, in seconds (3600-43200). @default 3600 */
  readonly sessionDurationSeconds?: number;
  /** Token lifetime the jobs request (`--lifetime`). @default - the agent's default (5 minutes) */
  readonly tokenLifetimeSeconds?: number;
  /** Who may assume the plan role. @default - any branch, step "plan" */
  readonly plan?: PipelineRoleScope;
  /** Who may assume the apply role. @default - branch "main", step "apply" */
  readonly apply?: PipelineRoleScope;
  /**
   * The preview role, for preview environments: builds of these branches (each a name or a prefix ending in `*`,
   * of lowercase letters, digits and single `-`: {@link FORMATS} `previewBranch`) apply into their own workspace,
   * `br-<branch>`, and the role reaches no other state. Its token carries `build_branch` as a session tag, which
   * its state policy reads. No tags; at least one step key.
   * @default - no preview role; steps "preview" and "preview-destroy" when given
   */
  readonly preview?: PipelineRoleScope;
}

const DEFAULT_SCOPES: Record<PipelineAwsRoleKind, { branches: readonly string[]; stepKeys: readonly string[] }> = {
  plan: { branches: ["*"], stepKeys: ["plan"] },
  apply: { branches: ["main"], stepKeys: ["apply"] },
  preview: { branches: [], stepKeys: DEFAULT_PREVIEW_STEP_KEYS },
};

const DEFAULT_SESSION_DURATION_SECONDS = 3600;

/** What the trust policies of every pipeline role rely on, on the Buildkite side. */
export const REQUIRED_PIPELINE_SETTINGS: RequiredPipelineSettings = {
  buildPullRequestForks: false,
  prefixPullRequestForkBranchNames: true,
};

/** The IAM path of a pipeline's roles unless told otherwise: `/buildkite/<organization>/`. */
export function defaultPipelineRolePath(organization: string): string {
  return `/buildkite/${organization}/`;
}

/**
 * The access of one Buildkite pipeline to one AWS account, as plain data:
 * role names and ARNs, trust policies and what the jobs must request. It
 * creates no resources, so a Buildkite stack in another Terraform state can
 * derive exactly the same {@link RoleAccess} that the IAM stack renders
 * ({@link BuildkitePipelineRoles} builds its roles from this object).
 *
 * @example
 * const access = new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking" });
 * access.plan.roleArn;          // arn:aws:iam::111111111111:role/buildkite/acme/bk-networking-plan
 * access.apply.tokenRequest;    // { audience: "sts.amazonaws.com", claims: [], sessionTags: [] }
 */
export class PipelineAccess {
  /** The account holding the roles. */
  readonly accountId: string;
  /** AWS partition of the ARNs. */
  readonly partition: string;
  /** Buildkite organization slug. */
  readonly organization: string;
  /** Buildkite pipeline slug. */
  readonly pipeline: string;
  /** IAM path of both roles. */
  readonly rolePath: string;
  /** ARN of the account's Buildkite OIDC provider, which both trust policies name. */
  readonly providerArn: string;
  /** The plan role: read-only cloud access, may take the state lock, may not write state. */
  readonly plan: RoleAccess;
  /** The apply role: may change cloud resources and write state. */
  readonly apply: RoleAccess;
  /** The preview role, when the pipeline has preview environments: applies its preview branches into their own workspace. */
  readonly preview?: RoleAccess;
  /** The trust declarations behind {@link plan}, {@link apply} and {@link preview}. */
  readonly trust: Readonly<Record<PipelineRoleKind, BuildkiteTrust>> & {
    /** The trust declaration behind {@link preview}, when the pipeline has a preview role. */
    readonly preview?: BuildkiteTrust;
  };

  constructor(props: PipelineAccessProps) {
    this.accountId = checkFormat(FORMATS.accountId, "accountId", props.accountId);
    this.partition = checkFormat(FORMATS.partition, "partition", props.partition ?? "aws");
    this.organization = checkFormat(FORMATS.slug, "organization", props.organization);
    this.pipeline = checkFormat(FORMATS.slug, "pipeline", props.pipeline);
    this.rolePath = checkFormat(FORMATS.rolePath, "rolePath", props.rolePath ?? defaultPipelineRolePath(this.organization));
    this.providerArn = buildkiteOidcProviderArn(this.accountId, this.partition);
    const sessionDuration = checkFormat(FORMATS.sessionDuration, "sessionDurationSeconds", props.sessionDurationSeconds ?? DEFAULT_SESSION_DURATION_SECONDS);
    const prefix = props.roleNamePrefix ?? `bk-${this.pipeline}`;

    const build = (kind: PipelineAwsRoleKind): [BuildkiteTrust, RoleAccess] => {
      const scope = props[kind] ?? {};
      const defaults = DEFAULT_SCOPES[kind];
      const trust = new BuildkiteTrust(
        {
          providerArn: this.providerArn,
          organization: this.organization,
          pipeline: this.pipeline,
          organizationId: props.organizationId,
          pipelineId: props.pipelineId,
          clusterId: props.clusterId,
          audience: props.audience,
          claimCheck: props.claimCheck,
          tokenLifetimeSeconds: props.tokenLifetimeSeconds,
          branches: scope.branches ?? (scope.tags ? [] : defaults.branches),
          tags: scope.tags,
          stepKeys: scope.stepKeys ?? defaults.stepKeys,
          // The preview role's state policy names the branch's own workspace through this tag.
          branchSessionTag: kind === "preview" ? true : undefined,
        },
        kind,
      );
      const roleName = checkRoleName(kind, scope.roleName, prefix);
      const access: RoleAccess = {
        kind,
        roleName,
        roleArn: `arn:${this.partition}:iam::${this.accountId}:role${this.rolePath}${roleName}`,
        tokenRequest: trust.tokenRequest,
        sessionDurationSeconds:
          scope.sessionDurationSeconds === undefined
            ? sessionDuration
            : checkFormat(FORMATS.sessionDuration, `${kind}.sessionDurationSeconds`, scope.sessionDurationSeconds),
        stepKeys: trust.stepKeys,
        branches: trust.anyBranch ? ["*"] : trust.branches,
        tags: trust.tags,
        canWrite: kind !== "plan",
        trustPolicy: trust.trustPolicy,
        requiredPipelineSettings: REQUIRED_PIPELINE_SETTINGS,
      };
      return [trust, access];
    };

    const [planTrust, plan] = build("plan");
    const [applyTrust, apply] = build("apply");
    if (applyTrust.anyBranch) {
      throw new ValidationError({
        code: "too-broad",
        field: "apply.branches",
        value: applyTrust.branches,
        problem: `admits every branch (${JSON.stringify(applyTrust.anyBranchPattern)}), so any branch could change the infrastructure`,
        fix: 'name the branches that may apply, for example ["main"]',
      });
    }
    if (applyTrust.stepKeys.length === 0) {
      throw new ValidationError({
        code: "too-broad",
        field: "apply.stepKeys",
        value: applyTrust.stepKeys,
        problem: "is empty, so every step of an admitted build could assume the apply role",
        fix: 'name the apply step, for example ["apply"]',
      });
    }
    if (plan.roleName === apply.roleName) {
      throw new ValidationError({
        code: "conflict",
        field: "plan.roleName",
        value: plan.roleName,
        problem: "is also apply.roleName",
        fix: "give the two roles different names",
      });
    }
    this.plan = plan;
    this.apply = apply;
    if (props.preview === undefined) {
      this.trust = { plan: planTrust, apply: applyTrust };
      return;
    }
    checkPreviewScope(props.preview);
    const [previewTrust, preview] = build("preview");
    if (previewTrust.stepKeys.length === 0) {
      throw new ValidationError({
        code: "too-broad",
        field: "preview.stepKeys",
        value: previewTrust.stepKeys,
        problem: "is empty, so every step of a preview branch's build could assume the preview role",
        fix: `name the preview steps, for example ${JSON.stringify(DEFAULT_PREVIEW_STEP_KEYS)}`,
      });
    }
    const other = [plan, apply].find((role) => role.roleName === preview.roleName);
    if (other) {
      throw new ValidationError({
        code: "conflict",
        field: "preview.roleName",
        value: preview.roleName,
        problem: `is also ${other.kind}.roleName`,
        fix: "give every role its own name",
      });
    }
    this.preview = preview;
    this.trust = { plan: planTrust, apply: applyTrust, preview: previewTrust };
  }

  /** The access of one of the pipeline's roles; the preview role only when the pipeline has one. */
  role(kind: PipelineAwsRoleKind): RoleAccess {
    if (kind !== "preview") return kind === "plan" ? this.plan : this.apply;
    if (this.preview === undefined) throw new Error(`pipeline ${this.pipeline} has no preview role: declare preview in its PipelineAccess`);
    return this.preview;
  }
}

/**
 * The preview role's scope: branches only, each a preview branch ({@link FORMATS} `previewBranch`), so that the
 * branch is its own workspace's name and the trust can never admit every branch.
 */
function checkPreviewScope(scope: PipelineRoleScope): void {
  if (scope.tags !== undefined && scope.tags.length > 0) {
    throw new ValidationError({
      code: "conflict",
      field: "preview.tags",
      value: scope.tags,
      problem: "names tags, and previews are of branches (a tag build has no branch workspace)",
      fix: "remove preview.tags",
    });
  }
  if (scope.branches === undefined || scope.branches.length === 0) {
    throw new ValidationError({
      code: "empty",
      field: "preview.branches",
      value: scope.branches,
      problem: "names no branch",
      fix: 'name the preview branches, for example ["preview-*"]',
    });
  }
  scope.branches.forEach((branch, i) => checkFormat(FORMATS.previewBranch, `preview.branches[${i}]`, branch));
}

/** The role's name as given, or derived from the prefix (then the message says so: the prefix is what to shorten). */
function checkRoleName(kind: PipelineAwsRoleKind, given: string | undefined, prefix: string): string {
  const name = given ?? `${prefix}-${kind}`;
  const refusal = FORMATS.roleName.explain(name);
  if (refusal) {
    const derived = given === undefined ? ` (derived from roleNamePrefix "${prefix}")` : "";
    throw new ValidationError({ code: FORMATS.roleName.code, field: `${kind}.roleName`, value: name, ...refusal, problem: `${refusal.problem}${derived}` });
  }
  return name;
}
