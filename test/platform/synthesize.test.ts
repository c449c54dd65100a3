import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { MIN_PIPELINES_PER_PROCESS, shareStacks, SynthesisResult, synthesizePlatform, SynthesizeOptions } from "../../platform/synthesize";
import { validateDeclaration } from "../../platform/validate";
import { buildPlatform, platformStackPlan, PlannedStack } from "../../stacks/platform";
import { readTree } from "../support/read-tree";

/** The worker as the app runs it: compiled by the global setup. */
const WORKER_SCRIPT = path.resolve(__dirname, "..", "..", "dist", "platform", "synthesis-worker.js");

/** The example with one pipeline per stack: seven stacks besides the state backend. */
function shardedExample(mutate: (d: any) => void = () => undefined) {
  const input = structuredClone(EXAMPLE_PLATFORM) as any;
  input.pipelinesPerStack = 1;
  mutate(input);
  return validateDeclaration(input);
}

describe("shareStacks", () => {
  const plan = (buildkitePipelines: number[], identityPipelines: number[]): PlannedStack[] => [
    { id: "state-backend", kind: "state-backend", pipelines: 0 },
    ...identityPipelines.map((pipelines, i): PlannedStack => ({ id: `identity-${i}`, kind: "identity", pipelines })),
    ...buildkitePipelines.map((pipelines, i): PlannedStack => ({ id: `buildkite-${i}`, kind: "buildkite", pipelines })),
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

describe("synthesizePlatform in several processes", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-synthesize-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (name: string, options: Partial<SynthesizeOptions>, declaration = shardedExample()): Promise<SynthesisResult> =>
    synthesizePlatform(declaration, {
      outdir: path.join(dir, name, "cdktf.out"),
      offline: true,
      workerScript: WORKER_SCRIPT,
      minPipelinesPerProcess: 1,
      ...options,
    });

  it("writes the same files and the same summary as one process", async () => {
    const single = await run("single", { processes: 1 });
    const shared = await run("shared", { processes: 3 });
    expect(single.processes).toBe(1);
    expect(shared.processes).toBe(3);
    const files = readTree(path.join(dir, "shared", "cdktf.out"));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["manifest.json", "stacks/identity-production-4/cdk.tf.json", "stacks/buildkite-3/cdk.tf.json"]));
    expect(files).toEqual(readTree(path.join(dir, "single", "cdktf.out")));
    expect(shared.stacks).toEqual(single.stacks);
    expect(shared.stacks.find((s) => s.name === "identity-production-3")!.resources).toBeGreaterThan(0);
    expect(fs.readFileSync(shared.reportFile, "utf8")).toBe(fs.readFileSync(single.reportFile, "utf8"));
    // Nothing but the output folder and the report is left.
    expect(fs.readdirSync(path.join(dir, "shared")).sort()).toEqual(["access-report.md", "cdktf.out"]);
  });

  it("refuses the whole synthesis with the worker's own message when a stack of another process fails, writing nothing", async () => {
    const declaration = shardedExample();
    const [, workerShare] = shareStacks(platformStackPlan(declaration), 3, 1);
    // A pipeline of a Buildkite stack the worker builds gets a working directory outside its repository. The
    // declaration schema refuses that too, so it is set on the validated declaration: only the construct sees it.
    const shardIndex = ["buildkite", "buildkite-2", "buildkite-3"].findIndex((id) => workerShare.includes(id));
    expect(shardIndex).toBeGreaterThanOrEqual(0);
    const broken = shardedExample();
    broken.pipelines[shardIndex].workingDirectory = "../elsewhere";
    await expect(run("broken", { processes: 3 }, broken)).rejects.toThrow(/workingDirectory "\.\.\/elsewhere" is not a path inside the repository/);
    expect(fs.readdirSync(path.join(dir, "broken"))).toEqual([]);
  });

  it("says how to fix a missing compiled worker instead of starting it", async () => {
    await expect(run("uncompiled", { processes: 2, workerScript: path.join(dir, "missing.js") })).rejects.toThrow(
      /needs the compiled app \(.*missing\.js is missing\): run npm run build, or use one process/,
    );
    expect(fs.readdirSync(path.join(dir, "uncompiled"))).toEqual([]);
  });
});
