/**
 * The main job as the README runs it: the compiled app (dist/, which the
 * global setup compiles), a fresh process, the real file system.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { dump } from "js-yaml";
import { EXAMPLE_PLATFORM } from "../platform/example-platform";

const ROOT = path.resolve(__dirname, "..");

function runApp(cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: path.join(cwd, "cdktf.out") };
  delete env.BKTT_PLATFORM_FILE;
  Object.assign(env, extraEnv);
  return spawnSync(process.execPath, [path.join(ROOT, "dist", "main.js"), ...args], { cwd, env, encoding: "utf8" });
}

describe("the main job (node dist/main.js)", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-main-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("synthesizes the embedded example, prints stacks and access, and writes the auditors' report", () => {
    const run = runApp(dir, []);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Stacks:\n {2}state-backend +\d+ resources/);
    expect(run.stdout).toMatch(/identity-production +\d+ resources +\(after state-backend\)/);
    expect(run.stdout).toMatch(/data-platform \(production\)\n {4}plan {2}-> bk-data-platform-plan\n.*who: +branches release, feature\/\*; step plan/);
    expect(fs.readdirSync(path.join(dir, "cdktf.out", "stacks")).sort()).toEqual(["buildkite", "identity-production", "state-backend"]);
    const report = fs.readFileSync(path.join(dir, "access-report.md"), "utf8");
    expect(report).toContain("| data-platform | production | apply: `bk-data-platform-apply` | branches release; step apply-data |");
    expect(report).toContain("- Declaration: `the built-in example` (no git commit: not in a git repository)\n");
    const json = JSON.parse(fs.readFileSync(path.join(dir, "access-report.json"), "utf8"));
    expect(json.declaration).toEqual({ file: "the built-in example", commit: null, uncommittedChanges: null });
    expect(run.stdout).toContain("Access report for auditors: access-report.md (as data: access-report.json)");
  });

  it("reads a declaration file given as argument, and refuses an invalid one without touching cdktf.out", () => {
    const good = path.join(dir, "platform.json");
    fs.writeFileSync(good, JSON.stringify({ ...EXAMPLE_PLATFORM, pipelines: EXAMPLE_PLATFORM.pipelines.slice(0, 1) }));
    expect(runApp(dir, [good]).status).toBe(0);
    const manifest = path.join(dir, "cdktf.out", "manifest.json");
    const before = fs.readFileSync(manifest, "utf8");

    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ ...EXAMPLE_PLATFORM, owner: "Platform Team" }));
    const run = runApp(dir, [bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.json is invalid \(1 problem\):\n.*bad\.json:\d+:\d+ owner: "Platform Team" is not a valid team slug — /);
    expect(run.stderr).toContain("Nothing was written.");
    expect(fs.readFileSync(manifest, "utf8")).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes("staging"))).toEqual([]);
  });

  it("names BKTT_PLATFORM_FILE in the next commands when that is how it found the declaration", () => {
    fs.writeFileSync(path.join(dir, "acme.json"), JSON.stringify({ ...EXAMPLE_PLATFORM, pipelines: EXAMPLE_PLATFORM.pipelines.slice(0, 1) }));
    const run = runApp(dir, [], { BKTT_PLATFORM_FILE: "acme.json" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Synthesized 3 stacks to cdktf\.out\/ from acme\.json$/m);
    expect(run.stdout).toContain(
      "Next: BKTT_PLATFORM_FILE=acme.json npx cdktf diff, then BKTT_PLATFORM_FILE=acme.json npx cdktf deploy (the stacks in the order above)\n",
    );
  });

  it("reports a guardrail's refusal at the pipeline's line in the declaration, without cdktf's advice to skip validation", () => {
    const declaration = JSON.parse(JSON.stringify(EXAMPLE_PLATFORM));
    declaration.pipelines[1].apply.permissions.managedPolicyArns = ["arn:aws:iam::aws:policy/AdministratorAccess"];
    const text = dump(declaration);
    fs.writeFileSync(path.join(dir, "platform.yaml"), text);
    const run = runApp(dir, []);
    expect(run.status).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes("AdministratorAccess")) + 1;
    const match = run.stderr.match(/^platform\.yaml:(\d+):\d+ pipelines\[1\]\.apply: guardrail no-admin-wildcard refuses .* — grant the actions/m);
    expect(match).not.toBeNull();
    // The apply role's line, above its managed policy.
    expect(Number(match![1])).toBeLessThan(line);
    expect(text.split("\n")[Number(match![1]) - 1]).toMatch(/^ {4}apply:/);
    expect(run.stderr).not.toContain("skipValidation");
    expect(fs.existsSync(path.join(dir, "cdktf.out"))).toBe(false);
  });

  it("refuses a BKTT_SYNTH_PROCESSES that is not a whole number of processes", () => {
    const run = runApp(dir, [], { BKTT_SYNTH_PROCESSES: "two" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('BKTT_SYNTH_PROCESSES is "two": set a whole number of processes, 1 or more');
    expect(run.stderr).toContain("Nothing was written.");
    expect(fs.existsSync(path.join(dir, "cdktf.out"))).toBe(false);
  });
});
