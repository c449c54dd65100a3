import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { shareStacks, SynthesisResult, synthesizePlatform, SynthesizeOptions } from "../../platform/synthesize";
import { platformStackPlan } from "../../platform/stack-plan";
import { readTree } from "../support/read-tree";
import { shardedExample } from "./support/sharded-example";

/** The worker as the app runs it: compiled by the integration tier's global setup. */
const WORKER_SCRIPT = path.resolve(__dirname, "..", "..", "dist", "platform", "synthesis-worker.js");

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
    expect(fs.readFileSync(shared.reportJsonFile, "utf8")).toBe(fs.readFileSync(single.reportJsonFile, "utf8"));
    // Nothing but the output folder and the report is left.
    expect(fs.readdirSync(path.join(dir, "shared")).sort()).toEqual(["access-report.json", "access-report.md", "cdktf.out"]);
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
