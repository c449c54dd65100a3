/**
 * Every declaration field that reaches a step's shell script, given hostile
 * values (backticks, `$()`, quotes, newlines, `;`, `$VAR`, `|` and `&`): each
 * value is either refused by validation, naming the field, or carried into
 * the scripts as a literal. The accepted ones are run as an agent would, in
 * dash, for pushes, pull requests, API-created and scheduled builds, with
 * fake `terraform`, `aws` and `buildkite-agent` recording their arguments and
 * a `canary` command that the hostile values try to run: it never runs, and
 * the values reach the commands and messages byte for byte.
 *
 * Not covered, on purpose: `setupCommands`, which are shell commands by
 * definition (reviewed in the declaration like code), and fields that only
 * reach the YAML (labels, queues, teams), which no shell reads.
 */
import { Testing } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { load } from "js-yaml";
import { TerraformPipelineSteps } from "../../../constructs/buildkite/terraform-pipeline-steps";
import { PlatformPipelineSteps } from "../../../constructs/buildkite/platform-pipeline-steps";
import { buildPlatform } from "../../../platform/build-platform";
import { PlatformDeclarationInput } from "../../../platform/declaration";
import { DeclarationError } from "../../../platform/declaration-error";
import { EXAMPLE_PLATFORM } from "../../../platform/example-platform";
import { validateDeclaration } from "../../../platform/validate";
import { SimulatedBuild } from "./support/buildkite-conditional";
import { runStep, StepRun } from "./support/step-runner";

/** What hostile input looks like; each tries to run `canary`. */
const PAYLOADS = ["`canary`", "$(canary)", "';canary;'", '";canary;"', "\ncanary\n", ";canary", "$CANARY_VALUE", "|canary&"];

type Declaration = PlatformDeclarationInput;
type Pipeline = Declaration["pipelines"][number];
const networking = (d: Declaration): Pipeline => d.pipelines.find((p) => p.slug === "networking")!;

/** A declaration field that reaches a script, and how to put a value into it (with whatever else must agree). */
interface Field {
  readonly path: string;
  readonly set: (d: Declaration, payload: string) => string;
}

const FIELDS: readonly Field[] = [
  {
    path: "pipelines[0].defaultBranch",
    set: (d, payload) => {
      const branch = `rel${payload}x`;
      Object.assign(networking(d), { defaultBranch: branch, apply: { ...networking(d).apply, branches: [branch] } });
      return branch;
    },
  },
  {
    path: "platformPipeline.defaultBranch",
    set: (d, payload) => {
      const branch = `rel${payload}x`;
      // Only its default branch may plan (its states hold the agent tokens).
      const { plan, apply } = d.platformPipeline!;
      Object.assign(d.platformPipeline!, { defaultBranch: branch, plan: { ...plan!, branches: [branch] }, apply: { ...apply, branches: [branch] } });
      return branch;
    },
  },
  { path: "pipelines[0].workingDirectory", set: (d, payload) => (networking(d).workingDirectory = `infra/${payload}`) },
  { path: "platformPipeline.workingDirectory", set: (d, payload) => (d.platformPipeline!.workingDirectory = `cdktf.out/${payload}`) },
  { path: "pipelines[0].slug", set: (d, payload) => (networking(d).slug = `net${payload}`) },
  { path: "pipelines[0].id", set: (d, payload) => (networking(d).id = `5d6e7f80-9a1b-4c2d-8e3f-${payload}`) },
  {
    path: "pipelines[0].plan.stepKey",
    set: (d, payload) => {
      networking(d).plan = { branches: ["*"], stepKey: `plan${payload}` };
      return `plan${payload}`;
    },
  },
  { path: "pipelines[0].apply.stepKey", set: (d, payload) => (networking(d).apply.stepKey = `apply${payload}`) },
  { path: "organization.slug", set: (d, payload) => (d.organization.slug = `acme${payload}`) },
  { path: "organization.id", set: (d, payload) => (d.organization.id = `0b7c3d5e-1f2a-4b6c-8d9e-${payload}`) },
  { path: "accounts[0].id", set: (d, payload) => (d.accounts[0].id = `1234${payload}`) },
  { path: "accounts[0].region", set: (d, payload) => (d.accounts[0].region = `eu-west-1${payload}`) },
  { path: "state.bucket", set: (d, payload) => (d.state.bucket = `acme${payload}`) },
  { path: "state.keyPrefix", set: (d, payload) => (d.state.keyPrefix = `pipelines${payload}`) },
  { path: "state.lockTable", set: (d, payload) => (d.state.lockTable = `locks${payload}`) },
  { path: "state.kmsKeyArn", set: (d, payload) => (d.state.kmsKeyArn = `arn:aws:kms:eu-west-1:123456789012:key/${payload}`) },
];

/** The builds a step is run for: the default branch pushed, a feature branch, a pull request, an API-created pull request build of the default branch, the schedule. */
const builds = (defaultBranch: string): SimulatedBuild[] => [
  { branch: defaultBranch },
  { branch: "feature/x" },
  { branch: "feature/x", pullRequest: 12 },
  { branch: defaultBranch, source: "api", pullRequest: 12 },
  { branch: defaultBranch, source: "schedule" },
];

/** Every generated Terraform pipeline of a declaration, as built (nothing synthesized). */
function terraformSteps(d: Declaration): (TerraformPipelineSteps | PlatformPipelineSteps)[] {
  const stacks = buildPlatform(Testing.app(), validateDeclaration(d), { offline: true });
  const main = stacks.buildkite!;
  return [...main.pipelines, ...(main.maintenancePipeline ? [main.maintenancePipeline] : []), ...stacks.buildkiteShards.flatMap((s) => s.pipelines)].map(
    (p) => p.terraformSteps,
  );
}

/**
 * Runs every command step of the pipeline for every build, in dash, with `terraform plan` exiting `planExitStatus`;
 * the steps of one build share their meta-data and S3 objects (the platform pipeline's selection), and the
 * platform's stacks are synthesized files in the checkout.
 */
function runAll(
  steps: TerraformPipelineSteps | PlatformPipelineSteps,
  workingDirectory: string,
  planExitStatus = 0,
): { build: SimulatedBuild; key: string; run: StepRun }[] {
  const commandSteps = (load(steps.yaml) as { steps: any[] }).steps.filter((s) => s.command);
  const stacks = steps instanceof PlatformPipelineSteps ? [...steps.stacks.keys()] : [];
  const files = Object.fromEntries(stacks.map((id) => [`${path.posix.dirname(workingDirectory)}/${id}/cdk.tf.json`, `{"stack":"${id}"}`]));
  return builds(steps.defaultBranch).flatMap((build) => {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-build-"));
    try {
      return commandSteps.map((step) => ({
        build,
        key: step.key as string,
        run: runStep(step.command, {
          ...build,
          defaultBranch: steps.defaultBranch,
          planExitStatus,
          shell: "dash",
          preexportedCredentials: step.plugins !== undefined,
          folders: [workingDirectory],
          files,
          state,
          // The platform pipeline's applies wait for its block step (policy always): unblocked by its owner team.
          unblocker: { id: "approver", teams: ["platform"] },
        }),
      }));
    } finally {
      fs.rmSync(state, { recursive: true, force: true });
    }
  });
}

const clone = (): Declaration => JSON.parse(JSON.stringify(EXAMPLE_PLATFORM));

/** A hostile value put into a field, and what validation made of it. */
interface Outcome {
  readonly field: Field;
  readonly payload: string;
  readonly value: string;
  readonly refusal?: unknown;
}

function validate(field: Field, payload: string): Outcome {
  const d = clone();
  const value = field.set(d, payload);
  try {
    validateDeclaration(d);
    return { field, payload, value };
  } catch (refusal) {
    return { field, payload, value, refusal };
  }
}

describe("hostile values in the declaration", () => {
  const outcomes = FIELDS.flatMap((field) => PAYLOADS.map((payload) => validate(field, payload)));
  const accepted = outcomes.filter((o) => o.refusal === undefined);

  it.each(outcomes.filter((o) => o.refusal !== undefined).map((o) => [o.field.path, JSON.stringify(o.payload), o] as const))(
    "%s = …%s… is refused at its field",
    (_path, _payload, o) => {
      expect(o.refusal).toBeInstanceOf(DeclarationError);
      const paths = (o.refusal as DeclarationError).issues.map((i) => i.path);
      // Refused where the value was written (a role's step key or branches with it).
      expect(paths.some((p) => p === o.field.path || p.startsWith(o.field.path.replace(/\.[^.]*$/, "")))).toBe(true);
    },
  );

  it("accepts only the values a script can carry literally: backticks, ';', '|' and '&' in branch names", () => {
    expect([...new Set(accepted.map((a) => a.field.path))].sort()).toEqual(["pipelines[0].defaultBranch", "platformPipeline.defaultBranch"]);
    expect(accepted.map((a) => a.payload).sort()).toEqual(["`canary`", "`canary`", "|canary&", "|canary&", ";canary", ";canary"].sort());
  });

  it("runs every script of every pipeline with the accepted values in dash: nothing runs the canary, the values arrive literally", () => {
    expect(accepted.length).toBeGreaterThan(0);
    let runs = 0;
    for (const { field, payload, value } of accepted) {
      const d = clone();
      field.set(d, payload);
      const pipelineSlug = field.path.startsWith("platformPipeline") ? d.platformPipeline!.slug : "networking";
      const workingDirectory = field.path.startsWith("platformPipeline") ? d.platformPipeline!.workingDirectory! : ".";
      const steps = terraformSteps(d).find((s) => s.slug === pipelineSlug)!;
      expect(steps.defaultBranch).toBe(value);
      const all = [...runAll(steps, workingDirectory), ...runAll(steps, workingDirectory, 2)];
      runs += all.length;
      for (const { build, key, run } of all) {
        const where = `${field.path}=${JSON.stringify(value)}, step ${key}, build ${JSON.stringify(build)}`;
        expect({ where, canary: run.callsOf("canary") }).toEqual({ where, canary: [] });
        // No shell trouble either (dash says "not found" or "Syntax error").
        expect({ where, stderr: run.stderr }).not.toEqual({ where, stderr: expect.stringMatching(/not found|[Ss]yntax error|unexpected/) });
      }
      const push = all.filter((r) => r.build.branch === value && r.build.pullRequest === undefined && r.build.source === undefined);
      const feature = all.filter((r) => r.build.branch === "feature/x" && r.build.pullRequest === undefined);
      const planOf = (runs: typeof all) => runs.find((r) => r.key === steps.planStepKey)!.run;
      const applyOf = (runs: typeof all) => runs.find((r) => r.key === steps.applyStepKey)!.run;
      if (steps instanceof PlatformPipelineSteps) {
        // The comparison with the default branch is literal: its push selects, plans and applies every stack...
        expect(push.flatMap((r) => r.run.callsOf("terraform", "apply"))).toHaveLength(2 * steps.stacks.size); // two runs of each build
        // ...and another branch's build selects nothing, saying so with the value byte for byte.
        expect(feature.flatMap((r) => r.run.callsOf("terraform"))).toEqual([]);
        expect(planOf(feature).stdout).toContain(`only by builds of ${value} that are not pull requests;`);
        continue;
      }
      expect(
        planOf(push)
          .callsOf("buildkite-agent", "artifact", "upload")
          .map((c) => c.args[2]),
      ).toEqual(["tfplan.json", "tfplan"]);
      expect(applyOf(push).callsOf("terraform", "apply")).toHaveLength(1);
      // ...the review asks whether the commit is on the literal branch...
      expect(applyOf(push).callsOf("git", "fetch")[0].args).toEqual(["fetch", "--quiet", "origin", `refs/heads/${value}`]);
      // ...other branches plan against the state the default branch applies to...
      const init = planOf(feature).callsOf("terraform", "init")[0].args;
      expect(init.find((a) => a.startsWith("-backend-config=key="))).toBe(
        `-backend-config=key=pipelines/${pipelineSlug}/${steps.stableWorkspace}/terraform.tfstate`,
      );
      // ...and the messages quote it byte for byte.
      expect(applyOf(feature).stdout).toContain(`This build does not apply: only builds of ${value} that are not pull requests apply;`);
      const drift = all.find((r) => r.key === steps.planStepKey && r.build.source === "schedule" && r.run.status !== 0);
      if (steps.schedule?.run.kind === "drift-check") expect(drift!.run.stderr).toContain(`the code of ${value}; see the plan above.`);
    }
    expect(runs).toBeGreaterThanOrEqual(100);
  });
});
