/**
 * The platform's stacks as a declaration determines them, before anything is
 * built: which stacks, which pipelines each holds, and where each stack keeps
 * its state. Pure functions of the declaration, shared by {@link buildPlatform},
 * the synthesis planner and the fleet record.
 *
 * Sharding: a pipeline's stacks depend on its own entry only, never on the
 * other pipelines or their order. Each account declares how many identity
 * stacks it has (`shards`, default 1) and the platform how many Buildkite
 * stacks (`buildkiteShards`, default 1); a pipeline goes to the shard its slug
 * hashes to (jump consistent hash), unless it pins one (`identityShard`,
 * `buildkiteShard`). Adding, removing or reordering pipelines therefore moves
 * nothing else, and adding a shard moves only the pipelines the new shard takes
 * (about 1/N of them), which the declaration then declares (`previousShards`).
 * Shard 1 keeps the plain names `identity-<account>` and `buildkite`; every
 * declared shard is a stack, empty or not, so that no stack (and its state)
 * vanishes because its last pipeline left.
 */
import { createHash } from "crypto";
import { stateKey } from "../constructs/index";
import { AccountDeclaration, DEFAULT_PLATFORM_SLUG, PipelineDeclaration, PlatformDeclaration, RetiredPipelineDeclaration } from "./declaration";

export const STATE_BACKEND_STACK_ID = "state-backend";
const BUILDKITE_STACK_ID = "buildkite";

/** A stack of the platform as the declaration determines it, before anything is built. */
export interface PlannedStack {
  readonly id: string;
  readonly kind: "state-backend" | "identity" | "gcp-identity" | "buildkite";
  /** How many pipelines the stack holds (roles for identity stacks, Buildkite pipelines otherwise). */
  readonly pipelines: number;
  /** The stacks deployed before this one (the cdktf stack dependencies, in manifest.json). */
  readonly dependsOn: readonly string[];
  /** The account whose resources the stack changes (the state account for the state backend, GCP and Buildkite stacks). */
  readonly account: string;
}

/** A shard of the fleet: the ID of its stack and its pipelines. */
export interface StackShard {
  readonly id: string;
  readonly pipelines: readonly PipelineDeclaration[];
}

/** An identity shard: its account and number too. */
export interface IdentityShard extends StackShard {
  readonly account: string;
  readonly shard: number;
}

/** Where a pipeline's resources live: its account, and the stacks of its roles and of its Buildkite pipeline. */
export interface PipelinePlacement {
  readonly account: string;
  readonly identityStack: string;
  readonly buildkiteStack: string;
}

/** A pipeline whose stacks change in this synthesis (a declared move): its resources are handed over, never re-created. */
export interface PipelineMove {
  readonly pipeline: PipelineDeclaration;
  readonly from: PipelinePlacement;
  readonly to: PipelinePlacement;
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

/**
 * The shard (1..`shards`) a slug hashes to: Lamping and Veach's jump consistent
 * hash of the first 64 bits of its SHA-256. Going from N to N+1 shards moves
 * only the slugs the new shard takes; going back moves only those.
 */
export function shardOfSlug(slug: string, shards: number): number {
  const mask = (1n << 64n) - 1n;
  let key = createHash("sha256").update(slug).digest().readBigUInt64BE(0);
  let bucket = -1;
  let next = 0;
  while (next < shards) {
    bucket = next;
    key = (key * 2862933555777941757n + 1n) & mask;
    next = Math.floor((bucket + 1) * (2 ** 31 / Number((key >> 33n) + 1n)));
  }
  return bucket + 1;
}

/** `base`, `base-2`, `base-3`, ...: the first shard keeps the plain name. */
function shardId(base: string, shard: number): string {
  return shard === 1 ? base : `${base}-${shard}`;
}

/** The ID of an account's identity stack number `shard`. */
export function identityStackId(account: string, shard: number): string {
  return shardId(`identity-${account}`, shard);
}

/** The ID of Buildkite stack number `shard`; the first (`buildkite`) also holds the cluster, the teams and the platform pipeline. */
export function buildkiteStackId(shard: number): string {
  return shardId(BUILDKITE_STACK_ID, shard);
}

function accountNamed(d: PlatformDeclaration, name: string): AccountDeclaration {
  const account = d.accounts.find((a) => a.name === name);
  if (!account) throw new Error(`unknown account "${name}"`); // validation refuses it first
  return account;
}

/** Where the platform pipeline's Buildkite pipeline lives: always the main stack, which it applies. */
function isPlatformPipeline(d: PlatformDeclaration, p: PipelineDeclaration): boolean {
  return d.platformPipeline !== undefined && p === d.platformPipeline;
}

/** Where a pipeline lives, as its entry declares it now. */
export function placementOf(d: PlatformDeclaration, p: PipelineDeclaration): PipelinePlacement {
  const account = accountNamed(d, p.account);
  return {
    account: p.account,
    identityStack: identityStackId(p.account, p.identityShard ?? shardOfSlug(p.slug, account.shards)),
    buildkiteStack: buildkiteStackId(isPlatformPipeline(d, p) ? 1 : (p.buildkiteShard ?? shardOfSlug(p.slug, d.buildkiteShards))),
  };
}

/**
 * Where a pipeline lived before the moves this declaration states: `movedFrom`
 * holds the old values of the fields it changed (account, pins), and a changed
 * shard count its old value (`previousShards`, `previousBuildkiteShards`).
 */
export function previousPlacementOf(d: PlatformDeclaration, p: PipelineDeclaration): PipelinePlacement {
  const accountName = p.movedFrom?.account ?? p.account;
  const account = accountNamed(d, accountName);
  const identityShard = p.movedFrom?.identityShard ?? p.identityShard ?? shardOfSlug(p.slug, account.previousShards ?? account.shards);
  const buildkiteShard = isPlatformPipeline(d, p) ? 1 : previousBuildkiteShard(d, p.slug, p.movedFrom?.buildkiteShard ?? p.buildkiteShard);
  return { account: accountName, identityStack: identityStackId(accountName, identityShard), buildkiteStack: buildkiteStackId(buildkiteShard) };
}

function previousBuildkiteShard(d: PlatformDeclaration, slug: string, pin: number | undefined): number {
  return pin ?? shardOfSlug(slug, d.previousBuildkiteShards ?? d.buildkiteShards);
}

/** The Buildkite stack that held a retired pipeline (whose `removed` block goes there). */
export function retiredBuildkiteStack(d: PlatformDeclaration, retired: RetiredPipelineDeclaration): string {
  return buildkiteStackId(previousBuildkiteShard(d, retired.slug, retired.buildkiteShard));
}

/** The pipelines whose identity or Buildkite stack this declaration changes. */
export function pipelineMoves(d: PlatformDeclaration): PipelineMove[] {
  return allPipelines(d)
    .map((pipeline) => ({ pipeline, from: previousPlacementOf(d, pipeline), to: placementOf(d, pipeline) }))
    .filter(({ from, to }) => from.identityStack !== to.identityStack || from.buildkiteStack !== to.buildkiteStack);
}

/**
 * Shards 1..count, each with the pipelines placed in it. A lowered count keeps its old shards
 * while the moves it causes are declared (`previous`): they only hand their pipelines over.
 */
function shardsOf<T extends StackShard>(
  count: number,
  previous: number | undefined,
  shard: (n: number) => T,
  pipelines: PipelineDeclaration[],
  placed: (p: PipelineDeclaration) => string,
): T[] {
  const shards = Array.from({ length: Math.max(count, previous ?? 0) }, (_, i) => shard(i + 1));
  const byId = new Map(shards.map((s) => [s.id, s.pipelines as PipelineDeclaration[]]));
  for (const p of pipelines) byId.get(placed(p))!.push(p);
  return shards;
}

/** Every identity stack of every account, in deploy order (shard 1 of an account holds its OIDC provider), with its pipelines. */
export function identityShards(d: PlatformDeclaration): IdentityShard[] {
  const all = allPipelines(d);
  return d.accounts.flatMap((account) =>
    shardsOf(
      account.shards,
      account.previousShards,
      (shard): IdentityShard => ({ id: identityStackId(account.name, shard), account: account.name, shard, pipelines: [] }),
      all.filter((p) => p.account === account.name),
      (p) => placementOf(d, p).identityStack,
    ),
  );
}

/** Pipelines of each GCP project's identity stack (`gcp-identity-<project>`), for the projects pipelines use. */
export function gcpIdentityStacks(d: PlatformDeclaration): StackShard[] {
  const all = allPipelines(d);
  return d.gcpProjects
    .map((project) => ({ id: `gcp-identity-${project.name}`, pipelines: all.filter((p) => p.gcpProject === project.name) }))
    .filter((stack) => stack.pipelines.length > 0);
}

/** Pipelines of the main Buildkite stack (shard 1, without the platform pipeline) and of each further shard. */
export function buildkiteShards(d: PlatformDeclaration): StackShard[] {
  return shardsOf(
    d.buildkiteShards,
    d.previousBuildkiteShards,
    (shard): StackShard => ({ id: buildkiteStackId(shard), pipelines: [] }),
    d.pipelines,
    (p) => placementOf(d, p).buildkiteStack,
  );
}

/**
 * The stacks {@link buildPlatform} builds for a declaration, in the same order, with their sizes and
 * dependencies: every stack after the state backend (whose bucket holds their states), an account's
 * later identity shards after its first (which creates the OIDC provider and the boundaries), the
 * main Buildkite stack after every identity stack (its key policy names their roles), the other
 * Buildkite shards after it (they read its cluster and teams).
 */
export function platformStackPlan(d: PlatformDeclaration): PlannedStack[] {
  const stateBackend: PlannedStack = { id: STATE_BACKEND_STACK_ID, kind: "state-backend", pipelines: 0, dependsOn: [], account: d.state.account };
  if (!d.state.kmsKeyArn) return [stateBackend];
  const afterState = [STATE_BACKEND_STACK_ID];
  const identity = identityShards(d).map(({ id, pipelines, account, shard }): PlannedStack => ({
    id,
    kind: "identity",
    pipelines: pipelines.length,
    dependsOn: shard === 1 ? afterState : [...afterState, identityStackId(account, 1)],
    account,
  }));
  const gcp = gcpIdentityStacks(d).map(({ id, pipelines }): PlannedStack => ({
    id,
    kind: "gcp-identity",
    pipelines: pipelines.length,
    dependsOn: afterState,
    account: d.state.account,
  }));
  const [main, ...shards] = buildkiteShards(d);
  return [
    stateBackend,
    ...identity,
    ...gcp,
    {
      id: main.id,
      kind: "buildkite",
      // The main stack also holds the platform pipeline.
      pipelines: main.pipelines.length + (d.platformPipeline ? 1 : 0),
      dependsOn: [...afterState, ...identity.map((s) => s.id), ...gcp.map((s) => s.id)],
      account: d.state.account,
    },
    ...shards.map(({ id, pipelines }): PlannedStack => ({
      id,
      kind: "buildkite",
      pipelines: pipelines.length,
      dependsOn: [...afterState, main.id],
      account: d.state.account,
    })),
  ];
}
