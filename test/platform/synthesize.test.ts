import { TerraformStack, Testing } from "cdktf";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MIN_PIPELINES_PER_PROCESS, removeStaleFolders, shareStacks, synthesizePlatform } from "../../platform/synthesize";
import { buildPlatform } from "../../platform/build-platform";
import { PlannedStack, platformStackPlan } from "../../platform/stack-plan";
import { shardedExample } from "./support/sharded-example";

/** What shareStacks weighs of a planned stack. */
type Weighed = Pick<PlannedStack, "id" | "kind" | "pipelines">;

describe("shareStacks", () => {
  const plan = (buildkitePipelines: number[], identityPipelines: number[]): Weighed[] => [
    { id: "state-backend", kind: "state-backend", pipelines: 0 },
    ...identityPipelines.map((pipelines, i): Weighed => ({ id: `identity-${i}`, kind: "identity", pipelines })),
    ...buildkitePipelines.map((pipelines, i): Weighed => ({ id: `buildkite-${i}`, kind: "buildkite", pipelines })),
  ];

  it("keeps everything in one process below the threshold of work per process", () => {
    const small = plan([100, 100], [100, 101]);
    const [only, ...others] = shareStacks(small, 8);
    expect(others).toEqual([]);
    expect(only.sort()).toEqual(small.map((s) => s.id).sort());
    expect(shareStacks(small, 8, 100)).toHaveLength(2);
    expect(MIN_PIPELINES_PER_PROCESS).toBeGreaterThan(100);
  });

  it("assigns every stack to exactly one share, giving this process, which starts first, the larger share", () => {
    const large = plan([100, 100, 100, 100, 100, 50], [100, 100, 100, 100, 100, 51]);
    const shares = shareStacks(large, 2);
    expect(shares).toHaveLength(2);
    expect(shares.flat().sort()).toEqual(large.map((s) => s.id).sort());
    const pipelinesOf = (ids: string[]) => ids.reduce((sum, id) => sum + large.find((s) => s.id === id)!.pipelines, 0);
    const [own, worker] = shares.map(pipelinesOf);
    expect(own).toBeGreaterThan(worker);
    expect(own - worker).toBeLessThanOrEqual(200);
  });

  it("never starts more processes than asked for, or than there are stacks", () => {
    const large = plan([1000], [1000]);
    expect(shareStacks(large, 1)).toHaveLength(1);
    expect(shareStacks(large, 16)).toHaveLength(3);
  });

  it("shares out the stacks buildPlatform builds, in its order", () => {
    const declaration = shardedExample();
    const app = Testing.app();
    buildPlatform(app, declaration, { offline: true });
    const built = app.node.children.filter((c) => TerraformStack.isStack(c)).map((c) => c.node.id);
    expect(platformStackPlan(declaration).map((s) => s.id)).toEqual(built);
    expect(built).toEqual([
      "state-backend",
      "identity-production",
      "identity-production-2",
      "identity-production-3",
      "identity-production-4",
      "buildkite",
      "buildkite-2",
      "buildkite-3",
    ]);
  });
});

describe("synthesizePlatform's folders", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-folders-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("removes the staging and share folders of synthesis processes that are gone, and only those", () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const names = [
      `cdktf.out.staging-${gone}-AbC123`, // its process is gone
      `cdktf.out.shares-${gone}-xYz789`,
      "cdktf.out.staging-Q1w2E3", // the former name, without a process ID
      `cdktf.out.staging-${process.pid}-LiVe42`, // a synthesis running in this process
      "cdktf.out.backup", // not a synthesis folder
    ];
    names.forEach((name) => fs.mkdirSync(path.join(dir, name)));
    expect(removeStaleFolders(path.join(dir, "cdktf.out")).sort()).toEqual(names.slice(0, 3).sort());
    expect(fs.readdirSync(dir).sort()).toEqual(["cdktf.out.backup", `cdktf.out.staging-${process.pid}-LiVe42`]);
  });

  it("leaves, for the cdktf CLI, an empty folder for each stack the previous output had and this one has not", async () => {
    const outdir = path.join(dir, "cdktf.out");
    await synthesizePlatform(shardedExample(), { outdir, offline: true });
    expect(fs.readdirSync(path.join(outdir, "stacks"))).toContain("buildkite-3");
    // Back to the bootstrap (no state key yet): only the state-backend stack. The CLI then removes the others' folders itself.
    const fewer = shardedExample((input) => {
      delete input.state.kmsKeyArn;
      input.state.migrated = false;
    });
    await synthesizePlatform(fewer, { outdir, offline: true, leaveRemovedStackFolders: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks)).toEqual(["state-backend"]);
    expect(fs.readdirSync(path.join(outdir, "stacks", "buildkite-3"))).toEqual([]);
    expect(fs.readdirSync(path.join(outdir, "stacks"))).toHaveLength(8);
  });
});
