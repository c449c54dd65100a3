import { PolicyConditions, PolicyDocument, policyDocument } from "../policy/policy-document";
import {
  BUILDKITE_OIDC_HOST,
  BuildkiteConditionClaim,
  buildkiteConditionKey,
  DEFAULT_BUILDKITE_AUDIENCE,
  OPTIONAL_BUILDKITE_CLAIMS,
  SUBJECT_OVERFLOW_PATTERN,
} from "./buildkite-oidc";
import { JobTokenRequest } from "./role-access";
import { checkFormat, checkList, checkTokenLifetime, FORMATS, ValidationError } from "../private/validation";

/**
 * How the trust policy checks the claims besides `aud` and `sub`:
 * - `condition-keys`: through the `agent.buildkite.com:<claim>` keys AWS
 *   puts in the request context of `sts:AssumeRoleWithWebIdentity` (AWS's
 *   service authorization reference lists `organization_slug`, `pipeline_slug`,
 *   `build_branch`, `organization_id`, `pipeline_id`, `cluster_id` and
 *   `cluster_name`); nothing to request but the optional claims;
 * - `session-tags`: through `aws:RequestTag/<claim>`: the job copies the claims
 *   into session tags (`--aws-session-tag`, agent v3.83.0 or later), the trust
 *   policy also allows `sts:TagSession`, and the tags show up in CloudTrail.
 *   Session tags carry what no condition key does: the step key, which the
 *   trust then checks with `StringEquals` besides `sub`;
 * - `both`: every check through both, so neither mechanism alone decides.
 *
 * A claim AWS leaves out of the request context fails every `StringEquals` and
 * `StringLike` on it, so each mode fails closed.
 */
export type ClaimCheck = "condition-keys" | "session-tags" | "both";

/** Every {@link ClaimCheck}, for schemas and loops. */
export const CLAIM_CHECKS: readonly ClaimCheck[] = ["condition-keys", "session-tags", "both"];

/**
 * The claim check when none is declared: the condition keys, which AWS documents for STS, need no
 * agent version or `sts:TagSession`, and put no restriction on branch names' characters (session tag
 * values allow only letters, digits, spaces and `_.:/=+-@`).
 */
export const DEFAULT_CLAIM_CHECK: ClaimCheck = "condition-keys";

/** The session tag of a claim, as `--aws-session-tag` sets it and the trust policy reads it. */
function requestTagKey(claim: string): string {
  return `aws:RequestTag/${claim}`;
}

/** Who may assume a role: one Buildkite pipeline, narrowed by ref and step. */
export interface BuildkiteTrustProps {
  /** ARN of the account's IAM OIDC provider for `agent.buildkite.com`. */
  readonly providerArn: string;
  /** Buildkite organization slug. */
  readonly organization: string;
  /** Buildkite pipeline slug. */
  readonly pipeline: string;
  /**
   * Immutable organization UUID; pins the trust against a recycled slug.
   * The job must request the `organization_id` claim (it is in {@link BuildkiteTrust.tokenRequest}).
   * @default - not pinned
   */
  readonly organizationId?: string;
  /**
   * Immutable pipeline UUID; pins the trust against a deleted and re-created pipeline of the same slug.
   * @default - not pinned
   */
  readonly pipelineId?: string;
  /**
   * Cluster UUID the job's agent must belong to.
   * @default - any cluster
   */
  readonly clusterId?: string;
  /** Token audience. @default "sts.amazonaws.com" */
  readonly audience?: string;
  /**
   * Branch names or glob patterns (`*`, `?`) whose builds may assume the role; `["*"]` admits any branch.
   * @default - no branch (then `tags` must name some)
   */
  readonly branches?: readonly string[];
  /**
   * Tag names or glob patterns whose tag builds may assume the role.
   * @default - no tag
   */
  readonly tags?: readonly string[];
  /**
   * Step keys whose jobs may assume the role; an empty list admits any step.
   * @default - any step
   */
  readonly stepKeys?: readonly string[];
  /** How the claims besides `aud` and `sub` are checked. @default "condition-keys" ({@link DEFAULT_CLAIM_CHECK}) */
  readonly claimCheck?: ClaimCheck;
  /** Token lifetime the job requests (`--lifetime`). @default - the agent's default (5 minutes) */
  readonly tokenLifetimeSeconds?: number;
  /** Statement ID of the trust statement (letters and digits). @default - none */
  readonly sid?: string;
  /**
   * Whether the job copies `build_branch` into a session tag whatever the claim check, and the trust checks it
   * there too (`aws:RequestTag/build_branch`, with `sts:TagSession`): the role's policies can then name the
   * branch's own resources with `${aws:PrincipalTag/build_branch}` (the preview role's state). A token without
   * the tag is refused, so the policy variable is always set for the role's sessions.
   * @default - only with the claim checks `session-tags` and `both`
   */
  readonly branchSessionTag?: boolean;
}

/** Pattern IAM uses to refuse branch names that carry a fork owner prefix (`owner:branch`). */
export const FORK_BRANCH_PATTERN = "*:*";

/**
 * A trust declaration for one role, rendered to both sides from the same
 * validated input: the trust policy (AWS) and the token request (job).
 *
 * The trust policy checks, all of which must hold:
 * - `aud` equals the audience;
 * - `sub` matches `organization:<org>:pipeline:<pipeline>:ref:<ref>:commit:*:step:<key>`,
 *   with `<ref>` `refs/heads/<branch>` or `refs/tags/<tag>` (Buildkite's format),
 *   every segment literal or a glob;
 * - `sub` does not have more fields than Buildkite's format
 *   ({@link SUBJECT_OVERFLOW_PATTERN}): a `:` in a step key, commit or ref
 *   would otherwise let `commit:*` swallow `<sha>:step:pwn` and leave
 *   `step:apply` to an uploaded step keyed `pwn:step:apply`;
 * - organization and pipeline slugs, and the pinned UUIDs and cluster, equal
 *   the declared ones (condition keys, session tags, or both);
 * - with session tags, the step key equals a declared one (`step_key` tag);
 * - `build_branch` matches the declared branches and tags, and does not carry
 *   a fork owner prefix (`owner:branch`, what Buildkite sets for fork pull
 *   requests when the pipeline prefixes fork branch names).
 */
export class BuildkiteTrust {
  /** ARN of the OIDC provider the trust policy names. */
  readonly providerArn: string;
  /** Organization slug the subject is pinned to. */
  readonly organization: string;
  /** Pipeline slug the subject is pinned to. */
  readonly pipeline: string;
  /** Pinned organization UUID, if any. */
  readonly organizationId?: string;
  /** Pinned pipeline UUID, if any. */
  readonly pipelineId?: string;
  /** Pinned cluster UUID, if any. */
  readonly clusterId?: string;
  /** Audience the trust policy requires. */
  readonly audience: string;
  /** Admitted branch names or globs (`["*"]` for any). */
  readonly branches: readonly string[];
  /** Admitted tag names or globs. */
  readonly tags: readonly string[];
  /** Admitted step keys (empty for any). */
  readonly stepKeys: readonly string[];
  /** How claims besides `aud` and `sub` are checked. */
  readonly claimCheck: ClaimCheck;
  /** The `sub` patterns the trust policy admits. */
  readonly subjectPatterns: readonly string[];
  /** The trust policy, as structured data. */
  readonly trustPolicy: PolicyDocument;
  /** What the job must request when it mints its token. */
  readonly tokenRequest: JobTokenRequest;
  /** Whether `build_branch` is a session tag even with the claim check `condition-keys` (see {@link BuildkiteTrustProps.branchSessionTag}). */
  private readonly branchSessionTag: boolean;

  constructor(props: BuildkiteTrustProps, field = "trust") {
    if (!props.providerArn.endsWith(`:oidc-provider/${BUILDKITE_OIDC_HOST}`)) {
      throw new ValidationError({
        code: "invalid-value",
        field: `${field}.providerArn`,
        value: props.providerArn,
        problem: "is not a Buildkite OIDC provider ARN",
        fix: `use BuildkiteOidcProvider.arnFor(accountId) (arn:aws:iam::<account>:oidc-provider/${BUILDKITE_OIDC_HOST})`,
      });
    }
    this.providerArn = props.providerArn;
    this.organization = checkFormat(FORMATS.slug, `${field}.organization`, props.organization);
    this.pipeline = checkFormat(FORMATS.slug, `${field}.pipeline`, props.pipeline);
    const uuid = (name: string, value: string | undefined) => (value === undefined ? undefined : checkFormat(FORMATS.uuid, `${field}.${name}`, value));
    this.organizationId = uuid("organizationId", props.organizationId);
    this.pipelineId = uuid("pipelineId", props.pipelineId);
    this.clusterId = uuid("clusterId", props.clusterId);
    this.audience = checkFormat(FORMATS.audience, `${field}.audience`, props.audience ?? DEFAULT_BUILDKITE_AUDIENCE);
    this.branches = checkList(`${field}.branches`, props.branches ?? []).map((b, i) => checkFormat(FORMATS.refPattern, `${field}.branches[${i}]`, b));
    this.tags = checkList(`${field}.tags`, props.tags ?? []).map((t, i) => checkFormat(FORMATS.refPattern, `${field}.tags[${i}]`, t));
    if (this.branches.length === 0 && this.tags.length === 0) {
      throw new ValidationError({
        code: "empty",
        field: `${field}.branches`,
        value: this.branches,
        problem: `and ${field}.tags are both empty`,
        fix: 'name the branches (for example ["main"]) or tags whose builds may assume the role',
      });
    }
    this.stepKeys = checkList(`${field}.stepKeys`, props.stepKeys ?? []).map((k, i) => checkFormat(FORMATS.stepKey, `${field}.stepKeys[${i}]`, k));
    this.claimCheck = props.claimCheck ?? DEFAULT_CLAIM_CHECK;
    if (!CLAIM_CHECKS.includes(this.claimCheck)) {
      throw new ValidationError({
        code: "invalid-value",
        field: `${field}.claimCheck`,
        value: this.claimCheck,
        problem: "is not a claim check",
        fix: `use one of ${CLAIM_CHECKS.map((c) => `"${c}"`).join(", ")}`,
      });
    }
    if (props.sid !== undefined && !/^[A-Za-z0-9]+$/.test(props.sid)) {
      throw new ValidationError({
        code: "invalid-value",
        field: `${field}.sid`,
        value: props.sid,
        problem: "is not a statement ID",
        fix: "use only letters and digits",
      });
    }
    this.branchSessionTag = props.branchSessionTag ?? false;
    const lifetime = props.tokenLifetimeSeconds === undefined ? undefined : checkTokenLifetime(`${field}.tokenLifetimeSeconds`, props.tokenLifetimeSeconds);

    this.subjectPatterns = this.renderSubjectPatterns();
    const pinned = this.pinnedClaims();
    const optionalClaims = Object.keys(pinned).filter((claim) => OPTIONAL_BUILDKITE_CLAIMS.includes(claim));
    const tagged: string[] = [...Object.keys(pinned), "build_branch", ...(this.stepKeys.length > 0 ? ["step_key"] : [])];
    this.tokenRequest = {
      audience: this.audience,
      claims: optionalClaims,
      sessionTags: this.usesSessionTags ? tagged : this.branchSessionTag ? ["build_branch"] : [],
      ...(lifetime === undefined ? {} : { lifetimeSeconds: lifetime }),
    };
    this.trustPolicy = policyDocument([
      {
        ...(props.sid === undefined ? {} : { Sid: props.sid }),
        Effect: "Allow",
        Principal: { Federated: this.providerArn },
        Action: this.tokenRequest.sessionTags.length > 0 ? ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"] : "sts:AssumeRoleWithWebIdentity",
        Condition: this.renderConditions(pinned),
      },
    ]);
  }

  /** The declared branch pattern that admits every branch (wildcards only: `*`, `**`, `*?`), if any. */
  get anyBranchPattern(): string | undefined {
    return this.branches.find((branch) => /^[*?]*\*[*?]*$/.test(branch));
  }

  /** True when the trust admits builds of every branch. */
  get anyBranch(): boolean {
    return this.anyBranchPattern !== undefined;
  }

  /** The claim values the trust policy requires to be equal to the declared ones. */
  private pinnedClaims(): Partial<Record<BuildkiteConditionClaim, string>> {
    return {
      organization_slug: this.organization,
      pipeline_slug: this.pipeline,
      ...(this.organizationId === undefined ? {} : { organization_id: this.organizationId }),
      ...(this.pipelineId === undefined ? {} : { pipeline_id: this.pipelineId }),
      ...(this.clusterId === undefined ? {} : { cluster_id: this.clusterId }),
    };
  }

  /** Whether the trust reads claims from session tags (`session-tags` or `both`). */
  get usesSessionTags(): boolean {
    return this.claimCheck !== "condition-keys";
  }

  /** The keys a claim is checked through: its condition key, its session tag, or both. */
  private claimKeys(claim: BuildkiteConditionClaim): string[] {
    return [...(this.claimCheck === "session-tags" ? [] : [buildkiteConditionKey(claim)]), ...(this.usesSessionTags ? [requestTagKey(claim)] : [])];
  }

  private renderSubjectPatterns(): string[] {
    const refs = [...(this.anyBranch ? ["refs/heads/*"] : this.branches.map((b) => `refs/heads/${b}`)), ...this.tags.map((t) => `refs/tags/${t}`)];
    const steps = this.stepKeys.length === 0 ? ["*"] : this.stepKeys;
    const prefix = `organization:${this.organization}:pipeline:${this.pipeline}`;
    return refs.flatMap((ref) => steps.map((step) => `${prefix}:ref:${ref}:commit:*:step:${step}`));
  }

  private renderConditions(pinned: Partial<Record<BuildkiteConditionClaim, string>>): PolicyConditions {
    const refNames = this.anyBranch ? ["*", ...this.tags] : [...this.branches, ...this.tags];
    const refGlob = refNames.some((name) => /[*?]/.test(name));
    const stringEquals: Record<string, string | string[]> = { [buildkiteConditionKey("aud")]: this.audience };
    for (const [claim, value] of Object.entries(pinned)) {
      for (const key of this.claimKeys(claim as BuildkiteConditionClaim)) stringEquals[key] = value;
    }
    // No condition key carries the step key; its session tag does, compared whole (no glob can span fields).
    if (this.usesSessionTags && this.stepKeys.length > 0) stringEquals[requestTagKey("step_key")] = single(this.stepKeys);
    const stringLike: Record<string, string | string[]> = { [buildkiteConditionKey("sub")]: single(this.subjectPatterns) };
    const stringNotLike: Record<string, string | string[]> = { [buildkiteConditionKey("sub")]: SUBJECT_OVERFLOW_PATTERN };
    const branchKeys = this.claimKeys("build_branch");
    if (this.branchSessionTag && !this.usesSessionTags) branchKeys.push(requestTagKey("build_branch"));
    for (const key of branchKeys) {
      (refGlob ? stringLike : stringEquals)[key] = single(refNames);
      stringNotLike[key] = FORK_BRANCH_PATTERN;
    }
    return { StringEquals: stringEquals, StringLike: stringLike, StringNotLike: stringNotLike };
  }
}

function single(values: readonly string[]): string | string[] {
  return values.length === 1 ? values[0] : [...values];
}
