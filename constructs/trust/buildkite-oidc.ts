/**
 * Facts about Buildkite's OIDC issuer that both the AWS side (trust policies)
 * and the job side (token requests) rely on.
 */

/** Host of the Buildkite agent OIDC issuer; also the prefix of its IAM condition keys. */
export const BUILDKITE_OIDC_HOST = "agent.buildkite.com";

/** Issuer URL of Buildkite agent OIDC tokens. */
export const BUILDKITE_OIDC_ISSUER = `https://${BUILDKITE_OIDC_HOST}`;

/** The audience AWS STS expects; jobs request it with `--audience`. */
export const DEFAULT_BUILDKITE_AUDIENCE = "sts.amazonaws.com";

/**
 * Claims AWS exposes as `agent.buildkite.com:<claim>` condition keys on
 * `sts:AssumeRoleWithWebIdentity` (besides `aud` and `sub`).
 */
export type BuildkiteConditionClaim =
  "organization_slug" | "pipeline_slug" | "build_branch" | "organization_id" | "pipeline_id" | "cluster_id" | "cluster_name";

/** Claims that are only in the token when the job asks for them with `--claim`. */
export const OPTIONAL_BUILDKITE_CLAIMS: readonly string[] = [
  "organization_id",
  "pipeline_id",
  "build_id",
  "cluster_id",
  "cluster_name",
  "queue_id",
  "queue_key",
];

/** The IAM condition key of a Buildkite token claim, for example `agent.buildkite.com:sub`. */
export function buildkiteConditionKey(claim: "aud" | "sub" | BuildkiteConditionClaim): string {
  return `${BUILDKITE_OIDC_HOST}:${claim}`;
}

/** ARN of the account's IAM OIDC provider for Buildkite (there is at most one per account). */
export function buildkiteOidcProviderArn(accountId: string, partition = "aws"): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${BUILDKITE_OIDC_HOST}`;
}
