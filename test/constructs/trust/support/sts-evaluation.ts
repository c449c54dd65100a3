/**
 * Test support: mints Buildkite-shaped OIDC claims for a job and evaluates an
 * `sts:AssumeRoleWithWebIdentity` call with them against a trust policy, using
 * the IAM policy evaluator of @cloud-copilot/iam-simulate (AGPL, test-only).
 *
 * The evaluator's validated entry point drops `agent.buildkite.com:aud` and
 * `:sub` as unknown context keys, so the trust policy is pre-validated with
 * @cloud-copilot/iam-policy and run through `runUnsafeSimulation`.
 */
import { createValidatedPolicy, validateTrustPolicy } from "@cloud-copilot/iam-policy";
import { runUnsafeSimulation } from "@cloud-copilot/iam-simulate";
import { ClaimCheck } from "../../../../constructs/trust/buildkite-trust";
import { JobTokenRequest } from "../../../../constructs/trust/role-access";

/** What is true of a Buildkite job, whatever it asks for in its token. */
export interface BuildkiteJob {
  readonly organization: string;
  readonly pipeline: string;
  readonly organizationId: string;
  readonly pipelineId: string;
  readonly clusterId: string;
  /** Branch of the build; a fork build with prefixed branch names has `<owner>:<branch>`. */
  readonly branch: string;
  /** Tag of a tag build. */
  readonly tag?: string;
  readonly commit: string;
  /** Step key, or undefined for a step without a key. */
  readonly stepKey?: string;
  /** The ref of the subject when it is not the branch's or tag's, e.g. `refs/pull/42/head`. @default - from branch or tag */
  readonly ref?: string;
}

/** Claims of a minted token (the subset the trust policies can see). */
export type BuildkiteClaims = Record<string, string>;

/** Claims AWS exposes as `agent.buildkite.com:<claim>` condition keys on AssumeRoleWithWebIdentity. */
const AWS_BUILDKITE_KEYS = ["organization_slug", "pipeline_slug", "build_branch", "organization_id", "pipeline_id", "cluster_id", "cluster_name"];
const OPTIONAL_CLAIMS: Record<string, keyof BuildkiteJob> = { organization_id: "organizationId", pipeline_id: "pipelineId", cluster_id: "clusterId" };

/** A token as Buildkite mints it for `request` (audience undefined: the job omitted `--audience`). */
export interface MintedToken {
  readonly claims: BuildkiteClaims;
  /** Session tags copied from claims (`--aws-session-tag`). */
  readonly sessionTags: Record<string, string>;
}

/** Mints the claims Buildkite would put in the job's token for this request. */
export function mintToken(job: BuildkiteJob, request: Partial<JobTokenRequest>): MintedToken {
  const ref = job.ref ?? (job.tag !== undefined ? `refs/tags/${job.tag}` : `refs/heads/${job.branch}`);
  const claims: BuildkiteClaims = {
    iss: "https://agent.buildkite.com",
    sub: `organization:${job.organization}:pipeline:${job.pipeline}:ref:${ref}:commit:${job.commit}:step:${job.stepKey ?? ""}`,
    // without --audience the API picks https://buildkite.com/<org>
    aud: request.audience ?? `https://buildkite.com/${job.organization}`,
    organization_slug: job.organization,
    pipeline_slug: job.pipeline,
    build_branch: job.branch,
    build_commit: job.commit,
    step_key: job.stepKey ?? "",
    ...(job.tag !== undefined ? { build_tag: job.tag } : {}),
  };
  for (const claim of request.claims ?? []) {
    const fact = OPTIONAL_CLAIMS[claim];
    if (!fact) throw new Error(`the test token minter does not know the optional claim ${claim}`);
    claims[claim] = String(job[fact]);
  }
  const sessionTags: Record<string, string> = {};
  for (const tag of request.sessionTags ?? []) {
    const fact = OPTIONAL_CLAIMS[tag];
    sessionTags[tag] = claims[tag] ?? (fact ? String(job[fact]) : "");
  }
  return { claims, sessionTags };
}

/**
 * The request context AWS STS evaluates a trust policy with, for a token. `aud` and `sub` are always
 * there (IAM's keys for every OIDC provider). `sources` says what else: the `agent.buildkite.com:*`
 * keys AWS's service authorization reference lists (`condition-keys`), the token's session tags as
 * `aws:RequestTag/*` (`session-tags`), or both (the default). A context with one source proves that
 * a trust policy of that claim check decides on that source alone.
 */
export function stsContext(token: MintedToken, sources: ClaimCheck = "both"): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {
    "agent.buildkite.com:aud": token.claims.aud,
    "agent.buildkite.com:sub": token.claims.sub,
  };
  if (sources !== "session-tags") {
    for (const key of AWS_BUILDKITE_KEYS) {
      if (token.claims[key] !== undefined) context[`agent.buildkite.com:${key}`] = token.claims[key];
    }
  }
  const tagKeys = sources === "condition-keys" ? [] : Object.keys(token.sessionTags);
  for (const key of tagKeys) context[`aws:RequestTag/${key}`] = token.sessionTags[key];
  if (tagKeys.length) context["aws:TagKeys"] = tagKeys;
  return context;
}

/** Where the call lands: the role, and the OIDC provider the token is presented through. */
export interface AssumeTarget {
  readonly roleArn: string;
  readonly providerArn: string;
}

/** Trust policies validated once each (the validation costs more than an evaluation). */
const validatedPolicies = new WeakMap<object, ReturnType<typeof createValidatedPolicy>>();

function validatedTrustPolicy(trustPolicy: unknown): ReturnType<typeof createValidatedPolicy> {
  const cached = typeof trustPolicy === "object" && trustPolicy !== null ? validatedPolicies.get(trustPolicy) : undefined;
  if (cached) return cached;
  const validated = createValidatedPolicy(trustPolicy, validateTrustPolicy, { name: "trust-policy" });
  if (validated.errors.length) throw new Error(`the evaluator refuses the trust policy: ${JSON.stringify(validated.errors)}`);
  if (typeof trustPolicy === "object" && trustPolicy !== null) validatedPolicies.set(trustPolicy, validated);
  return validated;
}

/** The evaluator's decision for one action with one request context. */
export function evaluate(trustPolicy: unknown, target: AssumeTarget, action: string, context: Record<string, string | string[]>): string {
  const accountId = target.roleArn.split(":")[4];
  const validated = validatedTrustPolicy(trustPolicy);
  return runUnsafeSimulation(
    {
      request: { principal: target.providerArn, action, resource: { resource: target.roleArn, accountId }, contextVariables: context },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: validated,
    },
    {},
  );
}

/**
 * Whether STS lets the token assume the role: AssumeRoleWithWebIdentity must
 * be allowed, and TagSession too when the token carries session tags.
 */
export function canAssume(trustPolicy: unknown, target: AssumeTarget, token: MintedToken, sources: ClaimCheck = "both"): boolean {
  const context = stsContext(token, sources);
  const actions = ["sts:AssumeRoleWithWebIdentity", ...(Object.keys(token.sessionTags).length ? ["sts:TagSession"] : [])];
  return actions.every((action) => evaluate(trustPolicy, target, action, context) === "Allowed");
}
