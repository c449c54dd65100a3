import { GuardrailRule, GuardrailViolation } from "../guardrail";
import { pipelineForkSettings, pipelineRolesOf } from "../pipeline-roles";

/**
 * Each role may declare pipeline settings its trust policy relies on (for
 * example fork branch names prefixed with `owner:`, which the trust policy
 * refuses); the pipelines whose steps assume it must have them. The roles come
 * from the pipeline's construct ({@link recordPipelineRoles}).
 */
export const requiredPipelineSettings: GuardrailRule = {
  id: "required-pipeline-settings",
  description: "Pipelines have the provider settings the trust policies of their roles rely on (no fork builds, fork branch names prefixed).",
  fix: "keep the provider settings BuildkiteTerraformPipeline generates: build_pull_request_forks = false, prefix_pull_request_fork_branch_names = true.",
  severity: "error",
  exemptible: false,
  check(block, context) {
    if (block.kind !== "resource" || block.type !== "buildkite_pipeline") return [];
    const settings = pipelineForkSettings(block.values);
    const violations: GuardrailViolation[] = [];
    for (const role of pipelineRolesOf(context.constructOf(block)) ?? []) {
      const required = role.requiredPipelineSettings;
      if (!required) continue;
      if (settings.buildPullRequestForks !== required.buildPullRequestForks) {
        violations.push({
          message: `role ${role.roleName} requires provider_settings.build_pull_request_forks = ${required.buildPullRequestForks}, found ${JSON.stringify(settings.buildPullRequestForks) ?? "not set"}.`,
        });
      }
      if (settings.prefixPullRequestForkBranchNames !== required.prefixPullRequestForkBranchNames) {
        violations.push({
          message:
            `role ${role.roleName} requires provider_settings.prefix_pull_request_fork_branch_names = ${required.prefixPullRequestForkBranchNames}, ` +
            `found ${JSON.stringify(settings.prefixPullRequestForkBranchNames) ?? "not set"}; its trust policy refuses fork branches by their "owner:" prefix.`,
        });
      }
    }
    return violations;
  },
};
