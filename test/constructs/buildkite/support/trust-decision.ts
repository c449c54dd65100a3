/**
 * Decides, with @cloud-copilot/iam-simulate (test-only), whether a role's
 * trust policy lets a Buildkite job assume the role with the token the job
 * minted. The token is described by its claims, as Buildkite would issue
 * them for the build and step, plus the session tags the job asked for.
 */
import { createValidatedPolicy, validateResourcePolicy } from "@cloud-copilot/iam-policy";
import { runUnsafeSimulation, Simulation } from "@cloud-copilot/iam-simulate";
import { PolicyDocument } from "../../../../constructs/policy/policy-document";

/** Claims AWS exposes as `agent.buildkite.com:<claim>` condition keys. */
const EXPOSED_CLAIMS = ["organization_slug", "pipeline_slug", "build_branch", "organization_id", "pipeline_id", "cluster_id", "cluster_name"];

/** A minted Buildkite OIDC token. */
export interface MintedToken {
  readonly aud: string;
  /** Every claim in the token besides `aud` (including `sub`). */
  readonly claims: Readonly<Record<string, string>>;
  /** Claims copied into AWS session tags (`--aws-session-tag`). */
  readonly sessionTags: readonly string[];
}

/** The facts about a build Buildkite puts in tokens. */
export interface BuildFacts {
  readonly organizationSlug: string;
  readonly organizationId: string;
  readonly pipelineSlug: string;
  readonly pipelineId: string;
  readonly clusterId: string;
  readonly branch: string;
  readonly commit: string;
  readonly stepKey: string;
}

/**
 * The token Buildkite issues for `buildkite-agent oidc request-token
 * --audience <audience> --claim <claims> --aws-session-tag <sessionTags>` in
 * a job of this build: the always-present claims, plus the optional claims
 * that were requested.
 */
export function mintToken(build: BuildFacts, request: { audience: string; claims: readonly string[]; sessionTags: readonly string[] }): MintedToken {
  const always: Record<string, string> = {
    sub: `organization:${build.organizationSlug}:pipeline:${build.pipelineSlug}:ref:refs/heads/${build.branch}:commit:${build.commit}:step:${build.stepKey}`,
    organization_slug: build.organizationSlug,
    pipeline_slug: build.pipelineSlug,
    build_branch: build.branch,
    build_commit: build.commit,
    step_key: build.stepKey,
  };
  const optional: Record<string, string> = { organization_id: build.organizationId, pipeline_id: build.pipelineId, cluster_id: build.clusterId };
  const claims = { ...always };
  for (const claim of request.claims) {
    if (!(claim in optional)) throw new Error(`test cannot mint optional claim ${claim}`);
    claims[claim] = optional[claim];
  }
  for (const tag of request.sessionTags) {
    if (!(tag in claims)) throw new Error(`session tag ${tag} names a claim the token does not carry (request it with --claim)`);
  }
  return { aud: request.audience, claims, sessionTags: request.sessionTags };
}

/** Whether the trust policy admits the token for `sts:AssumeRoleWithWebIdentity` (and `sts:TagSession` when tags are passed). */
export function trustAdmits(trustPolicy: PolicyDocument, roleArn: string, providerArn: string, token: MintedToken): boolean {
  const context: Record<string, string | string[]> = {
    "agent.buildkite.com:aud": token.aud,
    "agent.buildkite.com:sub": token.claims.sub,
  };
  for (const claim of EXPOSED_CLAIMS) {
    if (token.claims[claim] !== undefined) context[`agent.buildkite.com:${claim}`] = token.claims[claim];
  }
  for (const tag of token.sessionTags) context[`aws:RequestTag/${tag}`] = token.claims[tag];
  if (token.sessionTags.length > 0) context["aws:TagKeys"] = [...token.sessionTags];
  const actions = token.sessionTags.length > 0 ? ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"] : ["sts:AssumeRoleWithWebIdentity"];
  for (const action of actions) {
    const simulation: Simulation = {
      request: { principal: providerArn, action, resource: { resource: roleArn, accountId: roleArn.split(":")[4] }, contextVariables: context },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      // The validating entry point drops agent.buildkite.com keys as unknown, so the pre-validated policy goes to the unsafe one.
      resourcePolicy: createValidatedPolicy(trustPolicy, validateResourcePolicy, { name: "trust-policy" }),
    };
    if (runUnsafeSimulation(simulation, {}) !== "Allowed") return false;
  }
  return true;
}
