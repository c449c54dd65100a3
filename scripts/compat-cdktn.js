// npm run compat:cdktn — proves the project on cdktn, the community fork of cdktf (archived at 0.21.0),
// installed the way the README's "cdktf or cdktn" section tells a consumer to: `cdktf` aliased to
// cdktn, its constructs version, and overrides for the prebuilt provider packages that still ask for
// cdktf 0.21. In a temporary folder (removed at the end, also on failure or interruption) it:
//  1. synthesizes the example and the 100-pipeline fleet with this checkout's dist/ (cdktf 0.21): the reference;
//  2. copies the project's files (as git lists them, without node_modules), applies the README's manifest
//     fragment to its package.json, installs with npm (its cache, --prefer-offline), checks that one copy of
//     cdktf (cdktn) and of constructs is installed, builds (which type-checks the app and the library
//     against cdktn's types) and synthesizes the same declarations with scripts/synth-fixtures.js;
//  3. compares both semantically (scripts/compat/synth-comparison.js: only cdktf's version stamp may
//     differ) and fails with the first differing JSON paths and both values;
//  4. packs the library and installs the tarball into a copy of examples/consumer-app with the README's
//     fragment (so npm's resolver checks the library's peer range against cdktn), type-checks the consumer
//     and synthesizes it.
// The copy installs only what building and synthesizing need (the runtime dependencies, the pinned peers,
// typescript and @types/node), not the test and lint tools, which no consumer runs: installing every
// devDependency took 68 s here, against 8 s. Expects this checkout's dist/ to be built (`npm run
// compat:cdktn` builds first). `.ci/run` runs it after `npm test`, whose budget it would overrun; the
// unit tier tests its comparison (test/scripts/synth-comparison.test.ts) and the README's block.
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { readTree } = require("./compat/read-tree");
const { compareSynthOutputs, formatDifferences } = require("./compat/synth-comparison");

const ROOT = path.resolve(__dirname, "..");
const README = path.join(ROOT, "README.md");
const FRAGMENT = /<!-- cdktn-consumer:begin[^>]*-->\s*```json\n([\s\S]*?)```\s*<!-- cdktn-consumer:end -->/;
/** Besides the runtime dependencies and the peers: what compiling the copy needs (tsconfig.build.json, whose platform/declaration-reference.ts generates the JSON Schema). */
const BUILD_TOOLS = ["typescript", "@types/node", "@valibot/to-json-schema"];
const CHILD_TIMEOUT_MS = 5 * 60 * 1000;

/** The package.json fragment of the README's "cdktf or cdktn" section: `dependencies` and `overrides`. */
function cdktnFragment(readme = fs.readFileSync(README, "utf8")) {
  const match = FRAGMENT.exec(readme);
  if (!match)
    throw new Error(`${README} has no cdktn-consumer block (a json code block between <!-- cdktn-consumer:begin --> and <!-- cdktn-consumer:end -->)`);
  const fragment = JSON.parse(match[1]);
  const alias = /^npm:cdktn@(\d+\.\d+\.\d+)$/.exec(fragment.dependencies?.cdktf ?? "");
  if (!alias || !fragment.dependencies.constructs || !fragment.overrides) {
    throw new Error(
      `the README's cdktn-consumer block must set dependencies.cdktf to "npm:cdktn@<version>", dependencies.constructs and overrides; got ${match[1]}`,
    );
  }
  return { ...fragment, cdktnVersion: alias[1] };
}

/** The manifest with the fragment applied: its pins replace the manifest's wherever they are, its overrides are set. */
function withCdktn(manifest, fragment) {
  const result = structuredClone(manifest);
  for (const [name, spec] of Object.entries(fragment.dependencies)) {
    const section = ["dependencies", "devDependencies"].find((key) => result[key]?.[name] !== undefined) ?? "dependencies";
    result[section] = { ...result[section], [name]: spec };
  }
  result.overrides = fragment.overrides;
  return result;
}

/** The environment of child processes, without what `npm run`/`npm test` exports about this project. */
function childEnv() {
  const env = { CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "1" };
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

let running; // the child process of the current step, killed when this script is interrupted
let interrupted;

/** Runs a command to its end; resolves with its stdout, rejects with all of its output when it fails. */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], timeout: CHILD_TIMEOUT_MS });
    running = child;
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running = undefined;
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) ${signal ? `was ended by ${signal}` : `exited ${code}`}:\n${stdout}\n${stderr}`));
    });
  });
}

const npmInstall = (cwd) => run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"], cwd);
const tsc = (cwd, args) => run(process.execPath, [path.join(cwd, "node_modules/typescript/bin/tsc"), ...args], cwd);

/** The project's files as git would commit them (tracked and new, not ignored), without the node_modules link of a worktree. */
function copyProject(destination) {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${ROOT}: ${listed.stderr}`);
  const files = listed.stdout.split("\0").filter((file) => file && file.split("/")[0] !== "node_modules" && fs.existsSync(path.join(ROOT, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(destination, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(destination, file));
  }
  return files.length;
}

function rewriteManifest(dir, change) {
  const file = path.join(dir, "package.json");
  fs.writeFileSync(file, `${JSON.stringify(change(JSON.parse(fs.readFileSync(file, "utf8"))), null, 2)}\n`);
}

/** Fails unless exactly one cdktf (the aliased cdktn of the fragment) and one constructs are installed. */
async function expectOneCopy(dir, fragment) {
  const listed = await run("npm", ["ls", "cdktf", "constructs", "--all", "--parseable"], dir);
  for (const name of ["cdktf", "constructs"]) {
    const copies = [...new Set(listed.split("\n").filter((line) => path.basename(line) === name))];
    if (copies.length !== 1) throw new Error(`expected one installed ${name} in ${dir}, found ${copies.length}: ${copies.join(", ")}`);
  }
  const installed = JSON.parse(fs.readFileSync(path.join(dir, "node_modules/cdktf/package.json"), "utf8"));
  if (installed.name !== "cdktn" || installed.version !== fragment.cdktnVersion) {
    throw new Error(`node_modules/cdktf in ${dir} is ${installed.name}@${installed.version}, not cdktn@${fragment.cdktnVersion}`);
  }
}

async function main() {
  const fragment = cdktnFragment();
  const rootManifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  if (!fs.existsSync(path.join(ROOT, "dist/platform/synthesize.js")))
    throw new Error("dist/ is not built: run `npm run build` first (npm run compat:cdktn does)");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-compat-"));
  const timings = [];
  const step = async (label, action) => {
    if (interrupted) throw new Error(`interrupted by ${interrupted}`);
    const start = process.hrtime.bigint();
    const result = await action();
    timings.push(`${label} ${Math.round(Number(process.hrtime.bigint() - start) / 1e6)} ms`);
    return result;
  };
  try {
    const project = path.join(work, "project");
    const reference = path.join(work, "cdktf");
    const candidate = path.join(work, "cdktn");
    await step("reference synth (cdktf 0.21)", () => run(process.execPath, [path.join(ROOT, "scripts/synth-fixtures.js"), reference], ROOT));
    const copied = await step("copy", () => copyProject(project));
    const originalManifest = fs.readFileSync(path.join(project, "package.json"));
    rewriteManifest(project, (manifest) => {
      const needed = new Set([...Object.keys(manifest.peerDependencies ?? {}), ...BUILD_TOOLS]);
      const devDependencies = Object.fromEntries(Object.entries(manifest.devDependencies ?? {}).filter(([name]) => needed.has(name)));
      return withCdktn({ ...manifest, devDependencies }, fragment);
    });
    fs.rmSync(path.join(project, "package-lock.json"), { force: true });
    await step("install (cdktn)", () => npmInstall(project));
    await step("one copy check", () => expectOneCopy(project, fragment));
    await step("build (type-check on cdktn)", () => tsc(project, ["-p", "tsconfig.build.json"]));
    await step("synth (cdktn)", () => run(process.execPath, ["scripts/synth-fixtures.js", candidate], project));
    const comparison = compareSynthOutputs(readTree(reference), readTree(candidate));
    const stamps = [...new Set(comparison.ignoredStamps.map((stamp) => `${stamp.expected} -> ${stamp.actual}`))];
    const summary = `compared ${comparison.files} files (example, fleet-100): ${comparison.differences.length} differences; ignored ${comparison.ignoredStamps.length} cdktf version stamps (${stamps.join(", ") || "none"})`;
    if (comparison.differences.length > 0) {
      throw new Error(
        `${summary}\n${formatDifferences(comparison.differences, { expectedLabel: "cdktf 0.21:", actualLabel: `cdktn ${fragment.cdktnVersion}:` })}`,
      );
    }
    console.log(`copied ${copied} files; cdktn ${fragment.cdktnVersion} with constructs ${fragment.dependencies.constructs}, one copy of each`);
    console.log(summary);

    // The library as a consumer on cdktn gets it. The copy's build compiled the library with the options
    // of prepack (tsconfig.lib.json only narrows tsconfig.build.json), so the pack skips a second compile;
    // it packs the project's own package.json, not the copy's rewritten one.
    fs.writeFileSync(path.join(project, "package.json"), originalManifest);
    const packs = path.join(work, "packs");
    fs.mkdirSync(packs);
    const [pack] = JSON.parse(await step("pack", () => run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packs], project)));
    const consumer = path.join(work, "consumer-app");
    const skipped = new Set(["node_modules", "dist", "cdktf.out"]);
    const consumerSource = path.join(project, "examples/consumer-app");
    fs.cpSync(consumerSource, consumer, { recursive: true, filter: (source) => !skipped.has(path.relative(consumerSource, source).split(path.sep)[0]) });
    rewriteManifest(consumer, (manifest) =>
      withCdktn({ ...manifest, dependencies: { ...manifest.dependencies, [rootManifest.name]: `file:${path.join(packs, pack.filename)}` } }, fragment),
    );
    await step("consumer install (cdktn)", () => npmInstall(consumer));
    await step("consumer one copy check", () => expectOneCopy(consumer, fragment));
    await step("consumer build", () => tsc(consumer, ["-p", "tsconfig.json"]));
    await step("consumer synth", () => run(process.execPath, ["dist/main.js"], consumer));
    const manifest = JSON.parse(fs.readFileSync(path.join(consumer, "cdktf.out/manifest.json"), "utf8"));
    const stacks = Object.keys(manifest.stacks);
    if (stacks.length === 0 || manifest.version !== fragment.cdktnVersion) {
      throw new Error(
        `the consumer app synthesized ${stacks.length} stacks with version ${manifest.version}; expected stacks by cdktn ${fragment.cdktnVersion}`,
      );
    }
    console.log(
      `consumer app: ${pack.filename} installed with the README's fragment, type-checked, synthesized ${stacks.join(", ")} (cdktn ${manifest.version})`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    console.log(`timings: ${timings.join("; ")}`);
  }
}

if (require.main === module) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      interrupted = signal;
      running?.kill(signal);
    });
  }
  main().then(
    () => console.log("compat:cdktn passed"),
    (error) => {
      console.error(`compat:cdktn failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}

module.exports = { cdktnFragment, withCdktn };
