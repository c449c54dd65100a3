/**
 * The platform pipeline applies the whole platform: a plan and an apply step for every synthesized stack,
 * in the stacks' dependency order (the cdktf stack dependencies, which manifest.json lists), independent
 * stacks in parallel, each stack's steps assuming a role of that stack's account that the stack's own
 * steps alone may assume. Over the example and a two-account sharded fleet.
 */
import { Testing, TerraformStack } from "cdktf";
import * as fs from "fs";
import { load } from "js-yaml";
import * as path from "path";
import { PlatformPipelineSteps, platformApprovalPolicy } from "../../constructs/buildkite/platform-pipeline-steps";
import { buildPlatform } from "../../platform/build-platform";
import { PlatformDeclaration } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { validateDeclaration } from "../../platform/validate";
import { resourcesOfType, synthJson } from "../support/synth";

/** examples/two-accounts.yaml with two identity shards per account and three Buildkite shards. */
function twoAccountShardedFleet(): PlatformDeclaration {
  const input = load(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "two-accounts.yaml"), "utf8")) as any;
  input.accounts.forEach((account: any) => (account.shards = 2));
  input.buildkiteShards = 3;
  return validateDeclaration(input);
}

const cases: [string, PlatformDeclaration][] = [
  ["the example", validateDeclaration(EXAMPLE_PLATFORM)],
  ["a two-account sharded fleet", twoAccountShardedFleet()],
];

describe.each(cases)("the platform pipeline of %s", (_name, d) => {
  const app = Testing.app();
  const platform = buildPlatform(app, d, { offline: true });
  const synthesized = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  const pipeline = platform.buildkite!.maintenancePipeline!;
  const steps = pipeline.terraformSteps as PlatformPipelineSteps;
  const yaml = (load(steps.yaml) as { steps: any[] }).steps;
  const step = (key: string) => yaml.find((s) => s.key === key);
  const accountOf = (stack: string) => {
    const identity = /^identity-(.*?)(-\d+)?$/.exec(stack);
    return d.accounts.find((a) => a.name === (identity ? identity[1] : d.state.account))!;
  };

  it("plans and applies every synthesized stack, each after the stacks it depends on", () => {
    expect(steps).toBeInstanceOf(PlatformPipelineSteps);
    expect([...steps.stacks.keys()]).toEqual(synthesized.map((s) => s.node.id));
    for (const stack of synthesized) {
      // What cdktf writes to manifest.json as the stack's dependencies.
      const dependencies = stack.dependencies.map((s) => s.node.id);
      expect(steps.stacks.get(stack.node.id)!.dependsOn).toEqual(dependencies);
      const plan = step(`plan-${stack.node.id}`);
      expect(plan.depends_on).toEqual([steps.planStepKey, ...dependencies.map((id) => `apply-${id}`)]);
      expect(step(`apply-${stack.node.id}`).depends_on).toEqual([`plan-${stack.node.id}`, "approve"]);
      // In the pipeline's order too: no step waits for a later one.
      const at = yaml.indexOf(plan);
      for (const id of dependencies) expect(yaml.indexOf(step(`apply-${id}`))).toBeLessThan(at);
    }
  });

  it("runs independent stacks in parallel: the identity stacks after the state backend and their account's first shard only", () => {
    const identity = synthesized.map((s) => s.node.id).filter((id) => id.startsWith("identity-"));
    for (const id of identity) {
      const first = `identity-${id.replace(/^identity-/, "").replace(/-\d+$/, "")}`;
      expect(steps.stacks.get(id)!.dependsOn).toEqual(id === first ? ["state-backend"] : ["state-backend", first]);
    }
  });

  it("gives each stack's steps a role of their own, in the stack's account, that admits those two steps of the default branch only", () => {
    const roleOf = new Map([...steps.stacks].map(([id, s]) => [id, s.role]));
    for (const [id, role] of roleOf) {
      // The main Buildkite stack's is the platform pipeline's apply role, in the pipeline's account.
      const account = id === "buildkite" ? d.accounts.find((a) => a.name === d.platformPipeline!.account)! : accountOf(id);
      expect({ id, account: role.roleArn.split(":")[4] }).toEqual({ id, account: account.id });
      expect(role.branches).toEqual([d.platformPipeline!.defaultBranch]);
      expect(role.stepKeys).toEqual([`plan-${id}`, `apply-${id}`]);
    }
    expect(new Set([...roleOf.values()].map((r) => r.roleArn)).size).toBe(roleOf.size);
  });

  it("creates each deploy role, with the trust its steps need, in the first identity stack of its account", () => {
    const deployers = platform.identity.flatMap((stack) => resourcesOfType(synthJson(stack), "aws_iam_role")).filter((r) => r.name.endsWith("-deployer"));
    expect(deployers).toHaveLength(steps.stacks.size - 1);
    for (const [id, { role, plan, apply }] of steps.stacks) {
      if (id === "buildkite") continue;
      const created = deployers.filter((r) => r.name === role.roleName);
      expect(created).toHaveLength(1);
      const subjects = created.flatMap((r) => [JSON.parse(r.assume_role_policy).Statement[0].Condition.StringLike["agent.buildkite.com:sub"]].flat());
      for (const key of [plan, apply]) expect(subjects.some((s: string) => s.endsWith(`:step:${key}`))).toBe(true);
    }
  });

  it("plans only on the default branch, never for forks or pull requests, and holds every apply step's key in every build", () => {
    for (const { plan, apply } of steps.stacks.values()) {
      expect(step(plan).if).toBe(
        `build.pull_request.repository.fork != true && build.branch == '${d.platformPipeline!.defaultBranch}' && build.pull_request.id == null`,
      );
      expect(step(apply).if).toBeUndefined();
    }
  });
});

describe("platformApprovalPolicy", () => {
  it("is one block step before every apply unless approval is off: a declared on-risk approves always, as the access report says", () => {
    expect(platformApprovalPolicy(undefined)).toBe("always");
    expect(platformApprovalPolicy({ policy: "on-risk", allowedTeams: ["platform"] })).toBe("always");
    expect(platformApprovalPolicy({ policy: "always" })).toBe("always");
    expect(platformApprovalPolicy({ policy: "never" })).toBe("never");
    expect(platformApprovalPolicy(false)).toBe("never");
  });
});
