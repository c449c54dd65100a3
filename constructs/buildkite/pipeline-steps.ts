/**
 * Buildkite pipeline steps as typed objects, rendered to YAML with the `yaml`
 * library. Rendering checks what Buildkite would only reject at build time
 * (duplicate keys, dependencies on missing steps, half-configured concurrency)
 * and refuses upload-time interpolation syntax (see {@link findInterpolations}).
 */
import { dump } from "js-yaml";
import { checkFormat, FORMATS } from "../private/validation";
import { findInterpolations } from "../private/interpolation";
import { isAlwaysTrue, renderCondition, StepCondition } from "./step-condition";

/** A plugin reference with its configuration, for example `aws-assume-role-with-web-identity#v1.6.0`. */
export interface PluginUse {
  /** Plugin name with a pinned version tag (`name#vX.Y.Z`). */
  readonly name: string;
  /** The plugin's configuration. */
  readonly config: Record<string, unknown>;
}

/** Jobs of one concurrency group run at most `limit` at a time, across builds. */
export interface StepConcurrency {
  /** Group name, shared by every step that must not overlap (Buildkite: `concurrency_group`). */
  readonly group: string;
  /** @default 1 */
  readonly limit?: number;
  /** `ordered` runs jobs in the order they were created. @default "ordered" */
  readonly method?: "ordered" | "eager";
}

interface StepBase {
  /** Unique key of the step; other steps depend on it by this key, and OIDC tokens carry it as `step_key`. */
  readonly key: string;
  /** Run the step only when this holds. @default - always */
  readonly condition?: StepCondition;
  /** Keys of the steps this one waits for. @default - none */
  readonly dependsOn?: readonly string[];
}

/** A step that runs commands on an agent. */
export interface CommandStep extends StepBase {
  /** Discriminator. */
  readonly type: "command";
  /** Label shown in the build. */
  readonly label: string;
  /** Shell commands, run in order by the agent's shell. */
  readonly commands: readonly string[];
  /** @default - none */
  readonly plugins?: readonly PluginUse[];
  /** Environment of the job. @default - none */
  readonly env?: Readonly<Record<string, string>>;
  /** Agent targeting rules, for example `{ queue: "terraform" }`. @default - the cluster's default queue */
  readonly agents?: Readonly<Record<string, string>>;
  /** Files the agent uploads as artifacts after the commands. @default - none */
  readonly artifactPaths?: readonly string[];
  /** @default - no concurrency limit */
  readonly concurrency?: StepConcurrency;
  /** @default - the pipeline's default timeout */
  readonly timeoutInMinutes?: number;
}

/** A step that stops the build until a person unblocks it. */
export interface BlockStep extends StepBase {
  /** Discriminator. */
  readonly type: "block";
  /** Text of the block button. */
  readonly label: string;
  /** Question shown to whoever unblocks. @default - none */
  readonly prompt?: string;
  /** Team slugs or IDs allowed to unblock. @default - anyone who can build the pipeline */
  readonly allowedTeams?: readonly string[];
}

/** A step that waits for every earlier step. */
export interface WaitStep {
  /** Discriminator. */
  readonly type: "wait";
  /** @default - always */
  readonly condition?: StepCondition;
  /** @default false */
  readonly continueOnFailure?: boolean;
}

/** Any step of a pipeline. */
export type PipelineStep = CommandStep | BlockStep | WaitStep;

/** The steps as the `steps:` document of a pipeline. Throws on invalid steps. */
export function renderPipelineYaml(steps: readonly PipelineStep[]): string {
  checkSteps(steps);
  const yaml = dump({ steps: steps.map(renderStep) }, { lineWidth: -1, noRefs: true, quoteStyle: "double" });
  const interpolations = findInterpolations(yaml);
  if (interpolations.length > 0) {
    throw new Error(
      `pipeline steps contain Buildkite interpolation syntax (${interpolations.join(", ")}); ` +
        "steps stored in pipeline settings must read variables at run time (see interpolationFreeScript)",
    );
  }
  return yaml;
}

function checkSteps(steps: readonly PipelineStep[]): void {
  const keys = new Set<string>();
  steps.forEach((step, i) => {
    if (step.type === "wait") return;
    // The same rule as the roles' step keys: a ":" would break the OIDC `sub` claim's segments.
    checkFormat(FORMATS.stepKey, `steps[${i}].key`, step.key);
    if (keys.has(step.key)) throw new Error(`step key "${step.key}" is used twice; every step needs its own key`);
    keys.add(step.key);
  });
  for (const step of steps) {
    if (step.type === "wait") continue;
    for (const dependency of step.dependsOn ?? []) {
      if (!keys.has(dependency)) throw new Error(`step "${step.key}" depends on "${dependency}", which is not a step of this pipeline`);
    }
    if (step.type === "command") {
      if (step.commands.length === 0) throw new Error(`step "${step.key}" has no commands`);
      const limit = step.concurrency?.limit ?? 1;
      if (step.concurrency && (!Number.isInteger(limit) || limit < 1)) {
        throw new Error(`step "${step.key}": concurrency limit must be a positive integer, got ${limit}`);
      }
      for (const plugin of step.plugins ?? []) {
        if (!/#v\d+\.\d+\.\d+$/.test(plugin.name)) {
          throw new Error(`step "${step.key}": plugin "${plugin.name}" must be pinned to an exact version (name#vX.Y.Z)`);
        }
      }
    }
  }
}

function renderStep(step: PipelineStep): unknown {
  const condition = step.condition && !isAlwaysTrue(step.condition) ? renderCondition(step.condition) : undefined;
  switch (step.type) {
    case "wait":
      if (!condition && !step.continueOnFailure) return "wait";
      return compact({ wait: null, if: condition, continue_on_failure: step.continueOnFailure });
    case "block":
      return compact({
        block: step.label,
        key: step.key,
        prompt: step.prompt,
        if: condition,
        depends_on: nonEmpty(step.dependsOn),
        allowed_teams: nonEmpty(step.allowedTeams),
      });
    case "command":
      return compact({
        label: step.label,
        key: step.key,
        if: condition,
        depends_on: nonEmpty(step.dependsOn),
        agents: step.agents && Object.keys(step.agents).length > 0 ? { ...step.agents } : undefined,
        env: step.env && Object.keys(step.env).length > 0 ? { ...step.env } : undefined,
        plugins: nonEmpty(step.plugins?.map((p) => ({ [p.name]: p.config }))),
        command: [...step.commands],
        artifact_paths: nonEmpty(step.artifactPaths),
        concurrency: step.concurrency ? (step.concurrency.limit ?? 1) : undefined,
        concurrency_group: step.concurrency?.group,
        concurrency_method: step.concurrency ? (step.concurrency.method ?? "ordered") : undefined,
        timeout_in_minutes: step.timeoutInMinutes,
      });
  }
}

function nonEmpty<T>(list: readonly T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? [...list] : undefined;
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
