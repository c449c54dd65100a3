/**
 * The platform's stacks as a declaration determines them, before anything is
 * built: which stacks, which pipelines each holds (the fleet is sharded by
 * `pipelinesPerStack`), and where each stack keeps its state. Pure functions of
 * the declaration, shared by {@link buildPlatform} and the synthesis planner.
 */
import { stateKey } from "../constructs/index";
import { DEFAULT_PLATFORM_SLUG, PipelineDeclaration, PlatformDeclaration } from "./declaration";

export const STATE_BACKEND_STACK_ID = "state-backend";
const BUILDKITE_STACK_ID = "buildkite";

/** A stack of the platform as the declaration determines it, before anything is built. */
export interface PlannedStack {
  readonly id: string;
  readonly kind: "state-backend" | "identity" | "gcp-identity" | "buildkite";
  /** How many pipelines the stack holds (roles for identity stacks, Buildkite pipelines otherwise). */
  readonly pipelines: number;
}

/** A shard of the fleet: the ID of its stack and its pipelines. */
export interface StackShard {
  readonly id: string;
  readonly pipelines: readonly PipelineDeclaration[];
}

/**
 * Key of a platform stack's state: the stacks are the workspaces of the
 * platform pipeline, `<keyPrefix>/<platform-slug>/<stack>/terraform.tfstate`,
 * so that pipeline's roles (and the bucket's per-pipeline fence) cover them.
 */
export function platformStateKey(d: PlatformDeclaration, stackId: string): string {
  return stateKey({ prefix: d.state.keyPrefix, pipelineSlug: d.platformPipeline?.slug ?? DEFAULT_PLATFORM_SLUG, workspace: stackId });
}

/** The declared pipelines, the platform pipeline last. */
export function allPipelines(d: PlatformDeclaration): PipelineDeclaration[] {
  return d.platformPipeline ? [...d.pipelines, d.platformPipeline] : [...d.pipelines];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** `base`, `base-2`, `base-3`, ...: the first shard keeps the plain name. */
function shardId(base: string, index: number): string {
  return index === 0 ? base : `${base}-${index + 1}`;
}

/** Pipelines of each identity shard, by account, in deploy order. */
export function identityShards(d: PlatformDeclaration): StackShard[] {
  const all = allPipelines(d);
  return d.accounts.flatMap((account) =>
    chunk(
      all.filter((p) => p.account === account.name),
      d.pipelinesPerStack,
    ).map((pipelines, index) => ({ id: shardId(`identity-${account.name}`, index), pipelines })),
  );
}

/** Pipelines of each GCP project's identity stack (`gcp-identity-<project>`), for the projects pipelines use. */
export function gcpIdentityStacks(d: PlatformDeclaration): StackShard[] {
  const all = allPipelines(d);
  return d.gcpProjects
    .map((project) => ({ id: `gcp-identity-${project.name}`, pipelines: all.filter((p) => p.gcpProject === project.name) }))
    .filter((stack) => stack.pipelines.length > 0);
}

/** Pipelines of the main Buildkite stack (the first shard) and of each further shard. */
export function buildkiteShards(d: PlatformDeclaration): StackShard[] {
  const shards = chunk(d.pipelines, d.pipelinesPerStack);
  return (shards.length > 0 ? shards : [[]]).map((pipelines, index) => ({ id: shardId(BUILDKITE_STACK_ID, index), pipelines }));
}

/** The stacks {@link buildPlatform} builds for a declaration, in the same order, with their sizes. */
export function platformStackPlan(d: PlatformDeclaration): PlannedStack[] {
  const stateBackend: PlannedStack = { id: STATE_BACKEND_STACK_ID, kind: "state-backend", pipelines: 0 };
  if (!d.state.kmsKeyArn) return [stateBackend];
  return [
    stateBackend,
    ...identityShards(d).map(({ id, pipelines }): PlannedStack => ({ id, kind: "identity", pipelines: pipelines.length })),
    ...gcpIdentityStacks(d).map(({ id, pipelines }): PlannedStack => ({ id, kind: "gcp-identity", pipelines: pipelines.length })),
    ...buildkiteShards(d).map(({ id, pipelines }, index): PlannedStack => ({
      id,
      kind: "buildkite",
      // The main stack also holds the platform pipeline.
      pipelines: pipelines.length + (index === 0 && d.platformPipeline ? 1 : 0),
    })),
  ];
}
