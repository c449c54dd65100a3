import { RoleAccess } from "../../trust/role-access";
import { PipelineForkSettings } from "./no-fork-builds-with-writable-roles";

/**
 * Each role may declare pipeline settings its trust policy relies on (for
 * example fork branch names prefixed with `owner:`, which the trust policy
 * refuses). Returns one violation per unmet setting.
 */
export function requiredPipelineSettings(settings: PipelineForkSettings, roles: readonly RoleAccess[]): string[] {
  const violations: string[] = [];
  for (const role of roles) {
    const required = role.requiredPipelineSettings;
    if (!required) continue;
    if (settings.buildPullRequestForks !== required.buildPullRequestForks) {
      violations.push(
        `role ${role.roleName} requires provider_settings.build_pull_request_forks = ${required.buildPullRequestForks}, found ${JSON.stringify(settings.buildPullRequestForks) ?? "not set"}`,
      );
    }
    if (settings.prefixPullRequestForkBranchNames !== required.prefixPullRequestForkBranchNames) {
      violations.push(
        `role ${role.roleName} requires provider_settings.prefix_pull_request_fork_branch_names = ${required.prefixPullRequestForkBranchNames}, ` +
          `found ${JSON.stringify(settings.prefixPullRequestForkBranchNames) ?? "not set"}; its trust policy refuses fork branches by their "owner:" prefix`,
      );
    }
  }
  return violations;
}
