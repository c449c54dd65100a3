import { Testing } from "cdktf";
import { Construct } from "constructs";
import { dump } from "js-yaml";
import { recordPipelineRoles } from "../../../../constructs/guardrails/pipeline-roles";
import { applyStepsSignedAndIsolated } from "../../../../constructs/guardrails/rules/apply-steps-signed-and-isolated";
import { PipelineAccess } from "../../../../constructs/trust/pipeline-access";
import { check, data, resource } from "./support/blocks";

const access = new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "net" });

/** Steps YAML with a plan step and an apply step on these queues (undefined: the default queue). */
const stepsYaml = (planQueue?: string, applyQueue?: string) =>
  dump({
    steps: [
      { label: "Plan", key: "plan", command: ["plan"], ...(planQueue ? { agents: { queue: planQueue } } : {}) },
      { block: "Apply?", key: "approve" },
      { label: "Apply", key: "apply", command: ["apply"], ...(applyQueue ? { agents: { queue: applyQueue } } : {}) },
    ],
  });

/** A pipeline block whose steps are these, signed through a data source or not, with the example's roles recorded. */
function checkPipeline(yaml: string, signed: boolean, roles = [access.plan, access.apply]) {
  const construct = new Construct(Testing.app(), "pipeline");
  recordPipelineRoles(construct, roles);
  const signer = data(
    "buildkite_signed_pipeline_steps",
    { repository: "git@github.com:acme/net.git", unsigned_steps: yaml, jwks_file: "/keys/jwks.json" },
    "signed",
  );
  const pipeline = resource("buildkite_pipeline", { slug: "net", steps: signed ? "${data.buildkite_signed_pipeline_steps.signed.steps}" : yaml });
  return check(applyStepsSignedAndIsolated, pipeline, signed ? [signer] : [], 2048, construct);
}

describe("guardrail apply-steps-signed-and-isolated", () => {
  it("passes signed steps whose apply step has a queue of its own", () => {
    expect(checkPipeline(stepsYaml("terraform", "terraform-apply"), true)).toEqual([]);
    expect(checkPipeline(stepsYaml(undefined, "terraform-apply"), true)).toEqual([]);
  });

  it("warns when the steps are not signed", () => {
    const violations = checkPipeline(stepsYaml("terraform", "terraform-apply"), false);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toMatch(/the steps are not signed \(steps is not the output of a buildkite_signed_pipeline_steps data source\)/);
    expect(violations[0].fix).toMatch(/set signing/);
  });

  it("warns when the apply step shares the plan step's queue, the default queue included", () => {
    const named = checkPipeline(stepsYaml("terraform", "terraform"), true);
    expect(named.map((v) => v.message)).toEqual([
      'the apply step "apply" runs on queue "terraform", which plan steps of this pipeline use too: agents there run the code of every branch.',
    ]);
    expect(checkPipeline(stepsYaml(), true)[0].message).toMatch(/runs on the cluster's default queue/);
    expect(checkPipeline(stepsYaml(), false)).toHaveLength(2);
  });

  it("checks only pipelines whose steps assume an apply role", () => {
    expect(checkPipeline(stepsYaml(), false, [access.plan])).toEqual([]);
    expect(checkPipeline(stepsYaml(), false, [])).toEqual([]);
  });

  it("is a warning that a pipeline can be exempted from, with a reason", () => {
    expect(applyStepsSignedAndIsolated.severity).toBe("warning");
    expect(applyStepsSignedAndIsolated.exemptible).toBe(true);
  });
});
