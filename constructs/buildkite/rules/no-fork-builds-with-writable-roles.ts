import { RoleAccess } from "../../trust/role-access";

/** The fork-related provider settings of a pipeline, as synthesized. */
export interface PipelineForkSettings {
  /** `provider_settings.build_pull_request_forks`. @default false (Buildkite's default) */
  readonly buildPullRequestForks?: unknown;
  /** `provider_settings.prefix_pull_request_fork_branch_names`. */
  readonly prefixPullRequestForkBranchNames?: unknown;
}

/**
 * A pull request from a fork runs under the same pipeline slug as the
 * repository's own branches, and nothing in its OIDC token says it comes from
 * a fork. A pipeline whose steps can assume a role that writes anything must
 * therefore never build forks. Returns the violation, or undefined.
 */
export function noForkBuildsWithWritableRoles(settings: PipelineForkSettings, roles: readonly RoleAccess[]): string | undefined {
  const writable = roles.filter((role) => role.canWrite).map((role) => role.roleName);
  if (writable.length === 0) return undefined;
  if (settings.buildPullRequestForks === false) return undefined;
  const found = settings.buildPullRequestForks === undefined ? "not set" : JSON.stringify(settings.buildPullRequestForks);
  return (
    `provider_settings.build_pull_request_forks is ${found}, but the pipeline's steps can assume ${writable.join(", ")}, which can write: ` +
    "set it to false explicitly (pull requests from forks run with the pipeline's identity)."
  );
}
