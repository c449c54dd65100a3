import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { synthesisProgressPrinter } from "../../platform/synthesis-progress";
import { SynthesisProgress, synthesizePlatform } from "../../platform/synthesize";
import { shardedExample } from "./support/sharded-example";

/** A stream that records what is written, a terminal or not. */
const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
};

describe("synthesisProgressPrinter", () => {
  it("says nothing when stderr is not a terminal, or under CI", () => {
    expect(synthesisProgressPrinter(stream(false), {})).toBeUndefined();
    expect(synthesisProgressPrinter(stream(true), { CI: "true" })).toBeUndefined();
    expect(synthesisProgressPrinter(stream(true), { CI: "1" })).toBeUndefined();
  });

  it("at a terminal, says what it synthesizes, each share as it is done and the move into place, with the time taken", () => {
    for (const env of [{}, { CI: "false" }, { CI: "" }]) {
      const terminal = stream(true);
      let clock = 1_000;
      const print = synthesisProgressPrinter(terminal, env, () => clock)!;
      print({ step: "started", stacks: 201, pipelines: 1000, processes: 2 });
      clock += 9_400;
      print({ step: "share-done", stacks: 120, process: 1, processes: 2 });
      clock += 1_250;
      print({ step: "share-done", stacks: 81, process: 2, processes: 2 });
      print({ step: "writing", outdir: "/x/cdktf.out" });
      expect(terminal.written).toEqual([
        "Synthesizing 201 stacks (1000 pipelines) in 2 processes...\n",
        "  process 1 of 2: 120 stacks done (9.4 s)\n",
        "  process 2 of 2: 81 stacks done (10.7 s)\n",
        "  checked; moving the output into place (10.7 s)\n",
      ]);
    }
  });

  it("does not speak of processes when there is one", () => {
    const terminal = stream(true);
    const print = synthesisProgressPrinter(terminal, {}, () => 0)!;
    print({ step: "started", stacks: 8, pipelines: 4, processes: 1 });
    print({ step: "share-done", stacks: 8, process: 1, processes: 1 });
    expect(terminal.written).toEqual(["Synthesizing 8 stacks (4 pipelines)...\n", "  built and synthesized 8 stacks (0.0 s)\n"]);
  });
});

describe("synthesizePlatform's progress", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-progress-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("tells the start (three pipelines and the platform pipeline), the share done and the move into place, in that order, before the output exists", async () => {
    const outdir = path.join(dir, "cdktf.out");
    const told: (SynthesisProgress & { outputExists: boolean })[] = [];
    await synthesizePlatform(shardedExample(), { outdir, offline: true, onProgress: (p) => told.push({ ...p, outputExists: fs.existsSync(outdir) }) });
    expect(told).toEqual([
      { step: "started", stacks: 8, pipelines: 4, processes: 1, outputExists: false },
      { step: "share-done", stacks: 8, process: 1, processes: 1, outputExists: false },
      { step: "writing", outdir, outputExists: false },
    ]);
  });
});
