import { GuardrailRule } from "../guardrail";
import { pipelineForkSettings, pipelineRolesOf } from "../pipeline-roles";

/**
 * A pull request from a fork runs under the same pipeline slug as the
 * repository's own branches, and nothing in its OIDC token says it comes from
 * a fork. A pipeline whose steps can assume a role that writes anything must
 * therefore never build forks. The roles come from the pipeline's construct
 * ({@link recordPipelineRoles}); pipelines without recorded roles are not checked.
 */
export const noForkBuildsWithWritableRoles: GuardrailRule = {
  id: "no-fork-builds-with-writable-roles",
  description: "Pipelines whose steps can assume a role that writes set provider_settings.build_pull_request_forks to false explicitly.",
  fix: "set provider_settings.build_pull_request_forks to false explicitly (pull requests from forks run with the pipeline's identity).",
  severity: "error",
  exemptible: false,
  check(block, context) {
    if (block.kind !== "resource" || block.type !== "buildkite_pipeline") return [];
    const writable = (pipelineRolesOf(context.constructOf(block)) ?? []).filter((role) => role.canWrite).map((role) => role.roleName);
    if (writable.length === 0) return [];
    const { buildPullRequestForks } = pipelineForkSettings(block.values);
    if (buildPullRequestForks === false) return [];
    const found = buildPullRequestForks === undefined ? "not set" : JSON.stringify(buildPullRequestForks);
    return [
      { message: `provider_settings.build_pull_request_forks is ${found}, but the pipeline's steps can assume ${writable.join(", ")}, which can write.` },
    ];
  },
};
