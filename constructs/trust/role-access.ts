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
  /** Token lifetime in seconds (`--lifetime`). @default - the agent's default (5 minutes) */
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
  /** Which of a pipeline's roles this is. */
  readonly kind?: "plan" | "apply" | "preview";
  /** Tag names or glob patterns whose tag builds the trust policy admits; empty or absent means none. */
  readonly tags?: readonly string[];
  /**
   * Pipeline settings the trust policy relies on. Nothing in a Buildkite token
   * marks a build of a pull request from a fork, so the pipeline must not
   * build forks, and must prefix fork branch names (`owner:branch`) so that the
   * trust policy can refuse them if fork builds are ever turned on.
   */
  readonly requiredPipelineSettings?: RequiredPipelineSettings;
}

/** Buildkite pipeline provider settings a role's trust policy relies on. */
export interface RequiredPipelineSettings {
  /** `provider_settings.build_pull_request_forks` must be false. */
  readonly buildPullRequestForks: false;
  /** `provider_settings.prefix_pull_request_fork_branch_names` must be true. */
  readonly prefixPullRequestForkBranchNames: true;
}
