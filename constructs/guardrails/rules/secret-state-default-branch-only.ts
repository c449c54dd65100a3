import { blockAddress, GuardrailRule, GuardrailViolation } from "../guardrail";
import { pipelineRolesOf, pipelineStateOf } from "../pipeline-roles";
import { secretAttributesOf } from "../secret-attributes";

/**
 * A stack whose state holds secrets (an agent token, any attribute its provider schema marks sensitive, see
 * secret-attributes.ts) is applied by a pipeline whose roles only builds of the default branch can assume.
 * A pipeline's roles may read every state under the pipeline's folder, the stable workspace included; a role
 * that a branch build can assume would hand the secrets to whoever can push a branch.
 *
 * It checks the `buildkite_pipeline` blocks of the stack whose recorded states ({@link recordPipelineState})
 * contain the stack's own S3 backend key, against the roles the pipeline's steps assume. It cannot see a role
 * granted the state by other policies, a pipeline defined in another stack, or secrets that a pipeline's own
 * Terraform code (outside this app) puts in its state; the bucket policy's per-pipeline fence is what keeps
 * other pipelines' roles out.
 */
export const secretStateDefaultBranchOnly: GuardrailRule = {
  id: "secret-state-default-branch-only",
  description: "A stack whose state holds secrets is applied by a pipeline whose roles only its default branch can assume.",
  fix: "restrict the pipeline's plan role to the default branch (branches: [<default branch>]), or keep the secrets out of this stack's state.",
  severity: "error",
  exemptible: false,
  check(block, context) {
    if (block.kind !== "resource" || block.type !== "buildkite_pipeline") return [];
    const construct = context.constructOf(block);
    const state = pipelineStateOf(construct);
    const roles = pipelineRolesOf(construct);
    const key = context.backend?.type === "s3" ? context.backend.values.key : undefined;
    if (!state || !roles || typeof key !== "string" || context.backend?.values.bucket !== state.bucket || !key.startsWith(state.pipelinePrefix)) return [];
    const secrets = context.blocks.flatMap((b) => secretAttributesOf(b).map((attribute) => `${blockAddress(b)}.${attribute}`));
    if (secrets.length === 0) return [];
    const shown = secrets.length > 3 ? [...secrets.slice(0, 3), `${secrets.length - 3} more`] : secrets;
    return roles
      .filter((role) => role.branches.some((branch) => branch !== state.defaultBranch) || (role.tags ?? []).length > 0)
      .map((role): GuardrailViolation => ({
        message:
          `this stack's state ${key} holds secrets (${shown.join(", ")}) and is one of the pipeline's states, which its ` +
          `${role.kind ? `${role.kind} ` : ""}role ${role.roleName} may read, but that role admits builds other than of ${state.defaultBranch} ` +
          `(branches [${role.branches.join(", ")}]${role.tags?.length ? `, tags [${role.tags.join(", ")}]` : ""}).`,
      }));
  },
};
