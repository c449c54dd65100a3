import { PolicyDocument } from "../policy/policy-document";

/**
 * What a Buildkite job must ask for when it mints its OIDC token, so that the
 * token passes the trust policy of the role it assumes:
 * `buildkite-agent oidc request-token --audience <audience> --claim <claims> --aws-session-tag <sessionTags>`.
 */
export interface JobTokenRequest {
  /** Value of `--audience`; the trust policy checks it against `agent.buildkite.com:aud`. */
  readonly audience: string;
  /** Optional claims to request with `--claim` (for example `organization_id`, `pipeline_id`). */
  readonly claims: readonly string[];
  /** Claims to copy into AWS session tags with `--aws-session-tag`. */
  readonly sessionTags: readonly string[];
  /** Token lifetime in seconds (`--lifetime`); undefined keeps the agent default. */
  readonly lifetimeSeconds?: number;
}

/**
 * Everything the job side needs to know about one role a pipeline may assume,
 * derived from the same declaration as the role's trust policy. The role ARN is
 * a literal (not a Terraform reference) so that stacks other than the one
 * holding the role can use it.
 */
export interface RoleAccess {
  /** IAM role name. */
  readonly roleName: string;
  /** IAM role ARN, known at synth time. */
  readonly roleArn: string;
  /** What the job must request when it mints its token. */
  readonly tokenRequest: JobTokenRequest;
  /** Maximum session duration of the role, in seconds. */
  readonly sessionDurationSeconds: number;
  /** Step keys the trust policy admits; empty means any step. */
  readonly stepKeys: readonly string[];
  /** Branch names or glob patterns the trust policy admits; `["*"]` means any branch. */
  readonly branches: readonly string[];
  /** True when the role's permissions can change anything (state or cloud resources). */
  readonly canWrite: boolean;
  /** The trust policy, as structured data. */
  readonly trustPolicy: PolicyDocument;
}
