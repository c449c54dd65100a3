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

/**
 * How many `:`-separated fields Buildkite's `sub` claim has:
 * `organization:<org>:pipeline:<pipeline>:ref:<ref>:commit:<commit>:step:<step key>`.
 */
export const BUILDKITE_SUBJECT_FIELDS = 10;

/**
 * A `sub` pattern that matches exactly the subjects with more fields than
 * Buildkite's format has: eleven `*` joined by `:` need ten colons, and IAM's
 * `*` matches any run of characters, colons included. A subject whose values
 * hold no `:` has nine colons and does not match; one whose step key, commit
 * or ref carries a `:` (`step:pwn:step:apply`) has ten or more and always
 * matches, so `StringNotLike` on this pattern refuses every smuggled subject.
 * With it, each `*` of an admitted subject pattern stays inside its own field.
 */
export const SUBJECT_OVERFLOW_PATTERN = Array.from({ length: BUILDKITE_SUBJECT_FIELDS + 1 }, () => "*").join(":");

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
