/**
 * Facts about Google Cloud Workload Identity Federation for Buildkite tokens
 * that both the Google side (pool provider, service account bindings) and the
 * job side (token request, credential configuration) rely on.
 *
 * How a token becomes a service account: Google's STS checks the token's
 * signature, issuer and audience, evaluates the provider's attribute mapping
 * (CEL over `assertion`, the token's claims) and then its attribute condition
 * (CEL over `assertion` and `attribute`); the federated identity it issues is a
 * member of every `principalSet://.../attribute.<name>/<value>` whose attribute
 * equals the value. IAM Conditions cannot read those attributes, so the scoping
 * of a service account to a pipeline, branch and step lives in composite
 * attributes (`pipeline_branch_step`) that the mapping builds; they are
 * unambiguous because the attribute condition refuses every token whose
 * branch or step key contains the ":" that joins them.
 */
/** Google's limit on the mapped `google.subject`, in bytes; a longer one fails the token exchange. */
export const GOOGLE_SUBJECT_MAX_BYTES = 127;

/** Google's limit on a pool provider's attribute condition, in characters. */
export const ATTRIBUTE_CONDITION_MAX_LENGTH = 4096;

/** The optional Buildkite claims every GCP job requests: the condition pins the organization by UUID and pipelines by UUID. */
export const GCP_TOKEN_CLAIMS: readonly string[] = ["organization_id", "pipeline_id"];

/** A step key as the mapping sees it: "" for a step without a key (the claim is null then). */
const STEP_KEY = '(assertion.step_key == null ? "" : assertion.step_key)';

/**
 * The attribute mapping of every Buildkite pool provider. `google.subject` is the token's `sub`
 * (what audit logs show) while it fits Google's 127 bytes, else the job's UUID: Buildkite's
 * subject embeds the branch and step key and can be longer. The composite attributes are what
 * the service accounts' `principalSet`s match (see {@link principalSetsFor}).
 */
export const BUILDKITE_ATTRIBUTE_MAPPING: Readonly<Record<string, string>> = Object.freeze({
  "google.subject": `bytes(assertion.sub).size() <= ${GOOGLE_SUBJECT_MAX_BYTES} ? assertion.sub : "job_id:" + assertion.job_id`,
  "attribute.organization_slug": "assertion.organization_slug",
  "attribute.organization_id": "assertion.organization_id",
  "attribute.pipeline_slug": "assertion.pipeline_slug",
  "attribute.pipeline_id": "assertion.pipeline_id",
  "attribute.build_branch": "assertion.build_branch",
  "attribute.step_key": STEP_KEY,
  "attribute.pipeline_branch": 'assertion.pipeline_slug + ":" + assertion.build_branch',
  "attribute.pipeline_step": `assertion.pipeline_slug + ":" + ${STEP_KEY}`,
  "attribute.pipeline_branch_step": `assertion.pipeline_slug + ":" + assertion.build_branch + ":" + ${STEP_KEY}`,
});

/** What the attribute condition admits: one organization, and only its declared pipelines. */
export interface AttributeConditionInput {
  /** Organization slug. */
  readonly organization: string;
  /** Organization UUID, pinned when given. @default - not pinned */
  readonly organizationId?: string;
  /** The pipelines that may use the pool, each pinned to its UUID when given. */
  readonly pipelines: readonly {
    /** Pipeline slug. */
    readonly pipeline: string;
    /** Pipeline UUID, pinned when given. */
    readonly pipelineId?: string;
  }[];
}

/**
 * The provider's attribute condition: the organization (by slug, and by UUID when declared),
 * one of the declared pipelines (each by UUID when declared), and no ":" in the branch (a fork
 * build's `owner:branch`, and the separator of the composite attributes) or in the step key.
 */
export function attributeCondition(input: AttributeConditionInput): string {
  const lit = (value: string) => JSON.stringify(value);
  const clauses = [`assertion.organization_slug == ${lit(input.organization)}`];
  if (input.organizationId !== undefined) clauses.push(`assertion.organization_id == ${lit(input.organizationId)}`);
  clauses.push(`assertion.pipeline_slug in [${input.pipelines.map((p) => lit(p.pipeline)).join(", ")}]`);
  for (const { pipeline, pipelineId } of input.pipelines) {
    if (pipelineId !== undefined) clauses.push(`(assertion.pipeline_slug != ${lit(pipeline)} || assertion.pipeline_id == ${lit(pipelineId)})`);
  }
  clauses.push('!assertion.build_branch.contains(":")', '(assertion.step_key == null || !assertion.step_key.contains(":"))');
  return clauses.join(" && ");
}

/** Where a workload identity pool provider lives. */
export interface PoolProviderLocation {
  /** Number of the project holding the pool. */
  readonly projectNumber: string;
  /** Pool ID. */
  readonly poolId: string;
  /** Provider ID. */
  readonly providerId: string;
}

/** The pool's resource name, the prefix of its `principalSet`s. */
export function poolResourceName(location: Pick<PoolProviderLocation, "projectNumber" | "poolId">): string {
  return `projects/${location.projectNumber}/locations/global/workloadIdentityPools/${location.poolId}`;
}

/** The audience jobs request and the provider allows: the provider's full resource name. */
export function poolProviderAudience(location: PoolProviderLocation): string {
  return `//iam.googleapis.com/${poolResourceName(location)}/providers/${location.providerId}`;
}

/** The `principalSet` of every federated identity of the pool whose `attribute.<name>` is `value`. */
export function principalSet(location: Pick<PoolProviderLocation, "projectNumber" | "poolId">, name: string, value: string): string {
  return `principalSet://iam.googleapis.com/${poolResourceName(location)}/attribute.${name}/${value}`;
}

/** Which builds and steps of a pipeline a service account admits. */
export interface ServiceAccountScope {
  /** Pipeline slug. */
  readonly pipeline: string;
  /** Branch names, or `["*"]` for any branch. */
  readonly branches: readonly string[];
  /** Step keys; empty for any step. */
  readonly stepKeys: readonly string[];
}

/** The `principalSet`s that admit exactly the scope's jobs: one per branch and step, through the narrowest composite attribute. */
export function principalSetsFor(location: Pick<PoolProviderLocation, "projectNumber" | "poolId">, scope: ServiceAccountScope): string[] {
  const anyBranch = scope.branches.includes("*");
  const set = (name: string, value: string) => principalSet(location, name, value);
  if (anyBranch && scope.stepKeys.length === 0) return [set("pipeline_slug", scope.pipeline)];
  if (anyBranch) return scope.stepKeys.map((step) => set("pipeline_step", `${scope.pipeline}:${step}`));
  if (scope.stepKeys.length === 0) return scope.branches.map((branch) => set("pipeline_branch", `${scope.pipeline}:${branch}`));
  return scope.branches.flatMap((branch) => scope.stepKeys.map((step) => set("pipeline_branch_step", `${scope.pipeline}:${branch}:${step}`)));
}

/**
 * The external-account credential configuration a job writes (what `gcloud iam
 * workload-identity-pools create-cred-config` prints): Google's client libraries,
 * Terraform's google provider and gcloud exchange the Buildkite token in
 * `tokenFile` at STS and impersonate `serviceAccountEmail`. No key is involved.
 */
export function externalAccountCredentials(audience: string, serviceAccountEmail: string, tokenFile: string): Record<string, unknown> {
  return {
    type: "external_account",
    audience,
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    token_url: "https://sts.googleapis.com/v1/token",
    service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${serviceAccountEmail}:generateAccessToken`,
    credential_source: { file: tokenFile },
  };
}
