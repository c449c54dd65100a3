import { load } from "js-yaml";
import { blockAddress, GuardrailRule, GuardrailViolation, SynthesizedBlock, SynthesizedJson } from "../guardrail";
import { pipelineRolesOf } from "../pipeline-roles";

const SIGNED_STEPS = "buildkite_signed_pipeline_steps";

/**
 * A pipeline whose steps can assume an apply role runs its apply step where
 * only signed, reviewed steps run: the steps are signed (so agents that
 * verify signatures refuse anything uploaded into a build), and the apply
 * step's queue is not the queue of the plan steps, whose agents run the code
 * of every branch (`terraform plan` runs providers and `external` data
 * sources). A warning, exemptible with a reason: signing needs a JWKS file
 * where Terraform runs, and a separate queue needs agents of its own.
 */
export const applyStepsSignedAndIsolated: GuardrailRule = {
  id: "apply-steps-signed-and-isolated",
  description: "Pipelines with an apply role sign their steps and run the apply step on a queue no plan step of theirs uses.",
  fix: "set signing (a JWKS file and key ID) and an applyQueue whose agents verify signatures (docs/buildkite.md), or exempt the pipeline with the reason.",
  severity: "warning",
  exemptible: true,
  check(block, context) {
    if (block.kind !== "resource" || block.type !== "buildkite_pipeline") return [];
    const roles = pipelineRolesOf(context.constructOf(block)) ?? [];
    const applyRoles = roles.filter((role) => role.kind === "apply");
    if (applyRoles.length === 0) return [];
    const violations: GuardrailViolation[] = [];
    const signedSteps = signedStepsOf(block, context.blocks);
    if (!signedSteps) {
      violations.push({
        message: `the steps are not signed (steps is not the output of a ${SIGNED_STEPS} data source), so agents cannot tell them from steps uploaded into a build.`,
        fix: "set signing with the JWKS file and key ID, and verification-jwks-file on the apply queue's agents.",
      });
    }
    const stepsYaml = signedSteps ? signedSteps.values.unsigned_steps : block.values.steps;
    const steps = commandSteps(stepsYaml);
    if (steps === undefined) return violations;
    const applyKeys = new Set(applyRoles.flatMap((role) => role.stepKeys));
    const applySteps = steps.filter((step) => applyKeys.has(step.key));
    const planQueues = new Set(steps.filter((step) => !applyKeys.has(step.key)).map((step) => step.queue));
    for (const step of applySteps) {
      if (!planQueues.has(step.queue)) continue;
      const queue = step.queue === undefined ? "the cluster's default queue" : `queue "${step.queue}"`;
      violations.push({
        message: `the apply step "${step.key}" runs on ${queue}, which plan steps of this pipeline use too: agents there run the code of every branch.`,
        fix: "set applyQueue to a queue of its own, whose agents run only apply steps and refuse unsigned ones.",
      });
    }
    return violations;
  },
};

/** The signed-steps data source the pipeline's `steps` refers to, if any. */
function signedStepsOf(pipeline: SynthesizedBlock, blocks: readonly SynthesizedBlock[]): SynthesizedBlock | undefined {
  const steps = pipeline.values.steps;
  if (typeof steps !== "string") return undefined;
  return blocks.find((b) => b.kind === "data" && b.type === SIGNED_STEPS && steps === `\${${blockAddress(b)}.steps}`);
}

/** The command steps of a steps document with their key and queue (undefined: the default queue), or undefined when it is not literal YAML. */
function commandSteps(yaml: SynthesizedJson): { key: string; queue?: string }[] | undefined {
  if (typeof yaml !== "string" || yaml.includes("${")) return undefined;
  const document = load(yaml) as { steps?: SynthesizedJson[] } | undefined;
  return (document?.steps ?? [])
    .filter((step) => step && typeof step === "object" && ("command" in step || "commands" in step))
    .map((step) => ({ key: step.key ?? step.id, queue: step.agents?.queue }));
}
