/**
 * No build can compute the state key of a platform stack or of the bootstrap state: branch and
 * pull request builds have their own workspace namespaces (`br-`, `pr-`), which no stable
 * workspace and no platform stack enters. Proven over every stack of a sharded two-account fleet
 * and branch names chosen to collide (the stacks' own names, names that sanitize to them, the
 * stable names, `pr-<n>` look-alikes). The shell twin of workspaceName is held to the same
 * outputs on these names by test/constructs/state/state-key.test.ts.
 */
import { isBuildWorkspace, stateKey, workspaceName } from "../../constructs/state/state-key";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { allPipelines, buildkiteShards, platformStackPlan, platformStateKey } from "../../platform/stack-plan";
import { validateDeclaration } from "../../platform/validate";
import { DEFAULT_OWN_STATE_KEY } from "../../stacks/state-backend-stack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { benchDeclaration } = require("../../scripts/bench/declarations") as {
  benchDeclaration(example: typeof EXAMPLE_PLATFORM, size: number, options?: { accounts?: number }): typeof EXAMPLE_PLATFORM & { buildkiteShards?: number };
};

/** 250 pipelines over two accounts (every other one in staging): four identity shards in both accounts and eight Buildkite shards. */
function shardedFleet() {
  const fleet = benchDeclaration(EXAMPLE_PLATFORM, 250, { accounts: 2 });
  fleet.accounts = fleet.accounts.map((account) => ({ ...account, shards: 4 }));
  fleet.buildkiteShards = 8;
  return validateDeclaration(fleet, "250 pipelines, 2 accounts");
}

const d = shardedFleet();
const stacks = platformStackPlan(d);
/** Every state key of the platform: the bootstrap state (the state-backend stack's) and each other stack's. */
const platformKeys = new Map<string, string>([
  [DEFAULT_OWN_STATE_KEY, "state-backend"],
  ...stacks.filter((s) => s.kind !== "state-backend").map((s): [string, string] => [platformStateKey(d, s.id), s.id]),
]);
const mainBuildkiteStack = buildkiteShards(d)[0].id;

/** Branch names meant to collide: stack IDs and what sanitizes to them, stable names, pull request look-alikes. */
const stackLike = stacks.flatMap((s) => [s.id, s.id.toUpperCase(), s.id.replace(/-/g, "/"), s.id.replace(/-/g, "_"), `br-${s.id}`, `./${s.id}/`]);
const ADVERSARIAL_BRANCHES = [
  ...stackLike,
  "identity-production",
  "buildkite",
  "state-backend",
  "bootstrap/state-backend",
  "../bootstrap/state-backend",
  "default",
  "Default",
  "DEFAULT",
  "pr-1",
  "PR-1",
  "pr/1",
  "pr-12345",
  "br-main",
  "main",
  "release",
  "platform-trust",
];
const PULL_REQUESTS = [undefined, 1, 12345];

describe("state keys of builds and of the platform", () => {
  it("covers a sharded fleet: identity shards in both accounts and several Buildkite shards", () => {
    expect(d.pipelines).toHaveLength(250);
    expect(stacks.filter((s) => s.kind === "identity").map((s) => s.id)).toEqual(
      expect.arrayContaining(["identity-production", "identity-production-2", "identity-staging", "identity-staging-2"]),
    );
    expect(stacks.filter((s) => s.kind === "buildkite").length).toBeGreaterThanOrEqual(6);
    expect(platformKeys.size).toBe(stacks.length);
  });

  it("files no platform stack in the namespace of branch or pull request builds", () => {
    for (const stack of stacks) expect({ stack: stack.id, buildWorkspace: isBuildWorkspace(stack.id) }).toEqual({ stack: stack.id, buildWorkspace: false });
  });

  it("gives no branch or pull request build of any pipeline a platform stack's key or the bootstrap key", () => {
    let probes = 0;
    const collisions: string[] = [];
    for (const p of allPipelines(d)) {
      const stableName = p === d.platformPipeline ? mainBuildkiteStack : undefined;
      for (const branch of ADVERSARIAL_BRANCHES) {
        for (const pullRequest of PULL_REQUESTS) {
          if (branch === p.defaultBranch && pullRequest === undefined) continue;
          const workspace = workspaceName({ branch, defaultBranch: p.defaultBranch, pullRequest, stableName });
          const key = stateKey({ prefix: d.state.keyPrefix, pipelineSlug: p.slug, workspace });
          probes++;
          if (!isBuildWorkspace(workspace) || platformKeys.has(key)) collisions.push(`${p.slug} ${branch} #${pullRequest}: ${key}`);
        }
      }
    }
    expect(collisions).toEqual([]);
    expect(probes).toBeGreaterThan(25_000);
  });

  it("lets only the platform pipeline's default branch reach a platform stack, its own main Buildkite stack", () => {
    const reached = allPipelines(d)
      .map((p) => {
        const stableName = p === d.platformPipeline ? mainBuildkiteStack : undefined;
        const workspace = workspaceName({ branch: p.defaultBranch, defaultBranch: p.defaultBranch, stableName });
        return [p.slug, platformKeys.get(stateKey({ prefix: d.state.keyPrefix, pipelineSlug: p.slug, workspace }))];
      })
      .filter(([, stack]) => stack !== undefined);
    expect(reached).toEqual([[d.platformPipeline!.slug, mainBuildkiteStack]]);
  });
});
