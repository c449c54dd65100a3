/**
 * A synthesis never leaves debris: the compiled app, synthesizing a
 * 1,000-pipeline declaration in two processes, is stopped by SIGTERM mid-way
 * (and a 400-pipeline one loses a worker). No process of it is left, no staging or share folder, and
 * the previous `cdktf.out/` is untouched.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";

// Plain Node module shared with scripts/bench.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { benchDeclaration } = require("../../scripts/bench/declarations") as {
  benchDeclaration(example: PlatformDeclarationInput, size: number): PlatformDeclarationInput;
};

const MAIN = path.resolve(__dirname, "..", "..", "dist", "main.js");

/** Process IDs whose command line mentions `text` (the test's folder: the app and its workers). */
function processesMentioning(text: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("an interrupted synthesis of 1,000 pipelines in two processes", () => {
  let dir: string;
  let app: ChildProcess | undefined;
  const previousOutput = () => fs.readdirSync(path.join(dir, "cdktf.out"));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-interrupted-"));
    fs.writeFileSync(path.join(dir, "platform.json"), JSON.stringify(benchDeclaration(EXAMPLE_PLATFORM, 1000)));
    // The output of an earlier synthesis, which an interrupted one must leave as it is.
    fs.mkdirSync(path.join(dir, "cdktf.out"));
    fs.writeFileSync(path.join(dir, "cdktf.out", "earlier.txt"), "the previous synthesis");
  });
  afterEach(() => {
    if (app?.exitCode === null) app.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the app and resolves once its worker runs (its share folder exists), with the app's exit. */
  async function startSynthesis(): Promise<{ exited: Promise<{ code: number | null; stderr: string }>; shares: string }> {
    const child = spawn(process.execPath, [MAIN, "platform.json"], {
      cwd: dir,
      env: { ...process.env, BKTT_SYNTH_PROCESSES: "2", BKTT_OFFLINE: "1", CDKTF_OUTDIR: path.join(dir, "cdktf.out") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    app = child;
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.resume();
    const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stderr })));
    const shares = await waitFor("the worker's share folder", () => fs.readdirSync(dir).find((name) => name.startsWith("cdktf.out.shares-")));
    await waitFor("the worker process", () => (processesMentioning(path.join(dir, shares)).length > 0 ? true : undefined));
    return { exited, shares };
  }

  it("stops every worker on SIGTERM, removes its folders and leaves cdktf.out/ untouched, exiting with the signal's status", async () => {
    const { exited } = await startSynthesis();
    expect(fs.readdirSync(dir).filter((name) => name.startsWith("cdktf.out.staging-"))).toHaveLength(1);
    app!.kill("SIGTERM");
    const { code, stderr } = await exited;
    expect(stderr).toMatch(/synthesis interrupted by SIGTERM: every worker was stopped and the staging folders removed/);
    expect(code).toBe(128 + os.constants.signals.SIGTERM);
    expect(processesMentioning(dir)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(["cdktf.out", "platform.json"]);
    expect(previousOutput()).toEqual(["earlier.txt"]);
  });

  it("stops and cleans up the same way when a worker dies", async () => {
    // A smaller fleet is enough here (still two processes): this process synthesizes its share to the end before it sees the death.
    fs.writeFileSync(path.join(dir, "platform.json"), JSON.stringify(benchDeclaration(EXAMPLE_PLATFORM, 400)));
    const { exited, shares } = await startSynthesis();
    for (const pid of processesMentioning(path.join(dir, shares))) process.kill(pid, "SIGKILL");
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/the synthesis worker for .* exited with null/);
    expect(processesMentioning(dir)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(["cdktf.out", "platform.json"]);
    expect(previousOutput()).toEqual(["earlier.txt"]);
  });
});
