/**
 * The day-one path in a fresh copy of the project (its tracked files, node_modules linked): a
 * declaration named once to `npm run synth` is the one a following plain `npx cdktf synth` synthesizes,
 * not the built-in example.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { dump, load } from "js-yaml";
import { EXAMPLE_PLATFORM } from "../platform/example-platform";

const ROOT = path.resolve(__dirname, "..");

function freshCopy(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-day-one-"));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter((f) => f !== "" && f !== "node_modules" && fs.existsSync(path.join(ROOT, f)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"));
  return copy;
}

function run(cwd: string, command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "1" };
  delete env.BKTT_PLATFORM_FILE;
  delete env.CDKTF_OUTDIR;
  return spawnSync(command, args, { cwd, env, encoding: "utf8" });
}

const stacksOf = (project: string): string[] =>
  Object.keys(JSON.parse(fs.readFileSync(path.join(project, "cdktf.out", "manifest.json"), "utf8")).stacks).sort();

describe("one declaration for every command", () => {
  let project: string;
  beforeAll(() => (project = freshCopy()));
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it("synthesizes the built-in example, saying so on stderr, when there is no declaration", () => {
    const synth = run(project, "npm", ["run", "--silent", "synth"]);
    expect(synth.status).toBe(0);
    expect(synth.stderr).toContain("no platform.yaml: synthesizing the built-in example");
    expect(stacksOf(project)).toEqual(["buildkite", "identity-production", "state-backend"]);
  }, 120_000);

  it("npm run synth -- <file>, then a plain npx cdktf synth, synthesizes that file's stacks", () => {
    const declaration = {
      ...EXAMPLE_PLATFORM,
      accounts: [{ ...EXAMPLE_PLATFORM.accounts[0], name: "sandbox" }],
      state: { ...EXAMPLE_PLATFORM.state, account: "sandbox" },
      pipelines: EXAMPLE_PLATFORM.pipelines.map((p) => ({ ...p, account: "sandbox" })),
      platformPipeline: EXAMPLE_PLATFORM.platformPipeline && { ...EXAMPLE_PLATFORM.platformPipeline, account: "sandbox" },
    };
    fs.mkdirSync(path.join(project, "declarations"));
    fs.writeFileSync(path.join(project, "declarations", "sandbox.yaml"), dump(declaration));

    const synth = run(project, "npm", ["run", "--silent", "synth", "--", "declarations/sandbox.yaml"]);
    expect(synth.status).toBe(0);
    expect(synth.stdout).toMatch(/^Synthesized 3 stacks to cdktf\.out\/ from declarations\/sandbox\.yaml$/m);
    expect(synth.stdout).toMatch(/^Next: npx cdktf diff/m);
    expect(stacksOf(project)).toEqual(["buildkite", "identity-sandbox", "state-backend"]);

    fs.rmSync(path.join(project, "cdktf.out"), { recursive: true });
    const cli = run(project, path.join(project, "node_modules", ".bin", "cdktf"), ["synth"]);
    expect(cli.status).toBe(0);
    expect(cli.stderr).not.toContain("built-in example");
    expect(stacksOf(project)).toEqual(["buildkite", "identity-sandbox", "state-backend"]);
  }, 240_000);

  it("npx cdktf synth works after a synthesis that had more stacks (the CLI removes the folders of the stacks that went)", () => {
    // Back to the bootstrap: without the state key, only the state-backend stack (the earlier output has three).
    const file = path.join(project, "declarations", "sandbox.yaml");
    const declaration = load(fs.readFileSync(file, "utf8")) as any;
    delete declaration.state.kmsKeyArn;
    declaration.state.migrated = false;
    fs.writeFileSync(file, dump(declaration));
    expect(fs.readdirSync(path.join(project, "cdktf.out", "stacks")).sort()).toEqual(["buildkite", "identity-sandbox", "state-backend"]);

    const cli = run(project, path.join(project, "node_modules", ".bin", "cdktf"), ["synth"]);
    expect(`${cli.stdout}${cli.stderr}`).not.toContain("ENOENT");
    expect(cli.status).toBe(0);
    expect(stacksOf(project)).toEqual(["state-backend"]);
    expect(fs.readdirSync(path.join(project, "cdktf.out", "stacks"))).toEqual(["state-backend"]);
  }, 240_000);
});
