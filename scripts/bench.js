#!/usr/bin/env node
// `npm run bench`: how fast and how big the platform's synth is, at 1 to 1,000
// pipelines, against the import floor and a naive cdktf peer, plus offline
// `terraform plan` of the largest identity shard; writes BENCHMARKS.md and
// exits non-zero when a figure misses its target.
//
//   npm run bench                    full run (5 rounds), writes BENCHMARKS.md
//   npm run bench -- --quick         smoke test: 2 rounds, 1-100 pipelines, no npm test, no file written
//   npm run bench -- --no-tests      everything but the timed npm test
//   npm run bench -- --out FILE      write the report elsewhere
//   BENCH_ROUNDS=9 npm run bench     more rounds
//   BENCH_PLAN_RUNS=3 npm run bench  more timed plans per size (default 2, quick 1)
//   BENCH_KEEP=1 npm run bench       keep the temporary folder (declarations, outputs)
//
// Plain Node over the compiled app (npm run build). Every synth is a fresh
// process; variants and sizes are interleaved round-robin so that load from
// other work on the machine spreads over all of them.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const BENCH = path.join(__dirname, "bench");

const { benchDeclaration } = require("./bench/declarations");
const { EXAMPLE_PLATFORM } = require(path.join(DIST, "platform/example-platform"));
const { validateDeclaration } = require(path.join(DIST, "platform/validate"));
const { MIN_PIPELINES_PER_PROCESS } = require(path.join(DIST, "platform/synthesize"));
const { runTerraform, terraformVersion, withLocalBackend, withTerraformWorkdir } = require(path.join(DIST, "testing/terraform"));

/** The providers whose import cost is measured on its own (issue 18): the subpath modules the app loads of each. */
const PROVIDER_IMPORTS = ["@cdktf/provider-aws", "@cdktf/provider-google"];

/** The targets of issue 7, on the 2-core development machine. */
const TARGETS = {
  exampleOverFloor: 1.5,
  synth1000WallMs: 3000,
  synth1000PeakMiB: 400,
  naiveOverProject100: 5,
  identityPlan1000Ms: 20000,
  testSuiteMs: 120000,
  /** Issue 17: what `npm run synth` adds to `node dist/main.js` when nothing needs compiling. */
  npmSynthOverheadMs: 500,
  /** "Roughly constant" per-pipeline cost: the 100-1,000 slope within this factor of the 10-100 slope. */
  slopeFactor: 2,
};

function parseArgs(argv) {
  const quick = argv.includes("--quick");
  const timeTests = !quick && !argv.includes("--no-tests");
  const outAt = argv.indexOf("--out");
  const out = outAt >= 0 ? path.resolve(argv[outAt + 1]) : quick ? undefined : path.join(ROOT, "BENCHMARKS.md");
  const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 5));
  const planRuns = Number(process.env.BENCH_PLAN_RUNS ?? (quick ? 1 : 2));
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_ROUNDS must be a whole number >= 1 (got ${process.env.BENCH_ROUNDS})`);
  if (!Number.isInteger(planRuns) || planRuns < 1) throw new Error(`BENCH_PLAN_RUNS must be a whole number >= 1 (got ${process.env.BENCH_PLAN_RUNS})`);
  const sizes = quick ? [1, 10, 100] : [1, 10, 100, 1000];
  return { quick, timeTests, out, rounds, planRuns, sizes, naiveSizes: quick ? [100] : sizes, planSizes: quick ? [100] : sizes };
}

// ---------------------------------------------------------------- measuring

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Environment of every measured process: the caller's, minus what would change what the app does. */
function baseEnv(extra) {
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "1", ...extra };
  for (const name of ["BKTT_PLATFORM_FILE", "CDKTF_OUTDIR", "BKTT_OFFLINE", "BKTT_SYNTH_PROCESSES", "NODE_OPTIONS", "CDKTF_CONTEXT_JSON"]) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

/**
 * Runs a command to completion and returns its wall time (ms), the peak
 * resident set (KiB) of its whole Node process tree and the CPU time (ms) the
 * tree used, each Node process reporting its own through the peak-rss.js preload.
 */
function measure(tmp, command, args, { cwd, env }) {
  const rssFile = path.join(tmp, `rss-${process.hrtime.bigint()}`);
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd,
    env: { ...env, NODE_OPTIONS: `--require ${path.join(BENCH, "peak-rss.js")}`, BKTT_BENCH_RSS_FILE: rssFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  const usages = fs.existsSync(rssFile)
    ? fs
        .readFileSync(rssFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(" ").map(Number))
    : [];
  fs.rmSync(rssFile, { force: true });
  if (usages.length === 0) throw new Error(`${command} ${args.join(" ")} reported no peak memory (did NODE_OPTIONS reach it?)`);
  return {
    wallMs,
    peakKiB: Math.max(...usages.map(([rss]) => rss)),
    cpuMs: usages.reduce((sum, [, cpu]) => sum + cpu, 0) / 1000,
    stdout: result.stdout,
  };
}

// ---------------------------------------------------------------- the variants

/** The cdktf CLI's entry script, run with this Node. */
function cdktfCli() {
  return fs.realpathSync(path.join(ROOT, "node_modules/.bin/cdktf"));
}

function setUp(tmp, options) {
  const files = {};
  for (const size of options.sizes) {
    const declaration = benchDeclaration(EXAMPLE_PLATFORM, size);
    validateDeclaration(declaration, `the ${size}-pipeline benchmark declaration`);
    files[size] = path.join(tmp, `platform-${size}.json`);
    fs.writeFileSync(files[size], JSON.stringify(declaration, null, 2));
  }
  // The modules the app loads, captured once from the largest synth, for the import floor.
  const modulesFile = path.join(tmp, "loaded-modules.json");
  const largest = files[Math.max(...options.sizes)];
  const capture = spawnSync(process.execPath, ["--require", path.join(BENCH, "loaded-modules.js"), path.join(DIST, "main.js"), largest], {
    cwd: tmp,
    env: baseEnv({ CDKTF_OUTDIR: path.join(tmp, "capture", "cdktf.out"), BKTT_BENCH_MODULES_FILE: modulesFile, BKTT_SYNTH_PROCESSES: "1" }),
    encoding: "utf8",
  });
  if (capture.status !== 0) throw new Error(`synth of ${largest} failed:\n${capture.stderr}${capture.stdout}`);
  return { files, modulesFile, modules: JSON.parse(fs.readFileSync(modulesFile, "utf8")), largestShape: shapeOf(path.join(tmp, "capture", "cdktf.out")) };
}

/** How many stacks and resources (data sources included) a synthesized app has. */
function shapeOf(outdir) {
  const stacks = fs.readdirSync(path.join(outdir, "stacks"));
  let resources = 0;
  for (const stack of stacks) {
    const config = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
    for (const block of [config.resource, config.data]) for (const named of Object.values(block ?? {})) resources += Object.keys(named).length;
  }
  return { stacks: stacks.length, resources };
}

function tasks(tmp, setup, options) {
  const node = process.execPath;
  const main = path.join(DIST, "main.js");
  const list = [
    {
      key: "floor",
      label: "import floor",
      run: () => measure(tmp, node, [path.join(BENCH, "import-floor.js"), setup.modulesFile], { cwd: tmp, env: baseEnv({}) }),
    },
    {
      key: "imports-none",
      label: "import floor: cdktf and constructs only",
      run: () => measure(tmp, node, [path.join(BENCH, "import-floor.js"), setup.modulesFile, "none"], { cwd: tmp, env: baseEnv({}) }),
    },
    ...PROVIDER_IMPORTS.map((provider) => ({
      key: `imports-${provider}`,
      label: `import floor: cdktf, constructs and the ${setup.modules.filter((m) => m.includes(`node_modules/${provider}/`)).length} ${provider} subpath modules`,
      run: () => {
        const measured = measure(tmp, node, [path.join(BENCH, "import-floor.js"), setup.modulesFile, provider], { cwd: tmp, env: baseEnv({}) });
        return { ...measured, requireMs: JSON.parse(measured.stdout).requireMs };
      },
    })),
    {
      key: "example",
      label: "example declaration synth",
      run: () => measure(tmp, node, [main], { cwd: tmp, env: baseEnv({ CDKTF_OUTDIR: path.join(tmp, "example", "cdktf.out") }) }),
    },
    // The same synth run as an engineer does, from the project (its declaration, if it has one, in both).
    {
      key: "command-node",
      label: "node dist/main.js, in the project",
      run: () => measure(tmp, node, [main], { cwd: ROOT, env: baseEnv({ CDKTF_OUTDIR: path.join(tmp, "command-node", "cdktf.out") }) }),
    },
    {
      key: "command-npm",
      label: "npm run synth, in the project, nothing to compile",
      run: () => measure(tmp, "npm", ["run", "--silent", "synth"], { cwd: ROOT, env: baseEnv({ CDKTF_OUTDIR: path.join(tmp, "command-npm", "cdktf.out") }) }),
    },
  ];
  for (const size of options.sizes) {
    list.push({
      key: `project-${size}`,
      label: "project synth",
      size,
      run: () => measure(tmp, node, [main, setup.files[size]], { cwd: tmp, env: baseEnv({ CDKTF_OUTDIR: path.join(tmp, `project-${size}`, "cdktf.out") }) }),
    });
  }
  // The largest size again in one process, to show what sharing the stacks out among processes buys.
  const largest = Math.max(...options.sizes);
  list.push({
    key: `one-process-${largest}`,
    label: "project synth, one process (BKTT_SYNTH_PROCESSES=1)",
    size: largest,
    run: () =>
      measure(tmp, node, [main, setup.files[largest]], {
        cwd: tmp,
        env: baseEnv({ CDKTF_OUTDIR: path.join(tmp, `one-process-${largest}`, "cdktf.out"), BKTT_SYNTH_PROCESSES: "1" }),
      }),
  });
  // cdktf alone for as many resources and stacks as the largest platform: the floor under any app of that size.
  list.push({
    key: `resource-floor-${largest}`,
    label: `cdktf alone, ${setup.largestShape.resources.toLocaleString("en")} minimal resources in ${setup.largestShape.stacks} stacks`,
    size: largest,
    run: () =>
      measure(
        tmp,
        node,
        [path.join(BENCH, "resource-floor.js"), String(setup.largestShape.resources), String(setup.largestShape.stacks), path.join(tmp, "resource-floor")],
        {
          cwd: tmp,
          env: baseEnv({}),
        },
      ),
  });
  const cli = cdktfCli();
  for (const size of options.naiveSizes) {
    const dir = path.join(tmp, `naive-${size}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "cdktf.json"),
      JSON.stringify(
        { language: "typescript", app: `node ${JSON.stringify(path.join(BENCH, "naive-app.js"))}`, terraformProviders: [], terraformModules: [], context: {} },
        null,
        2,
      ),
    );
    list.push({
      key: `naive-${size}`,
      label: "naive peer (cdktf synth, barrel import)",
      size,
      // A newcomer's app synthesizes in one process.
      run: () =>
        measure(tmp, node, [cli, "synth", "--output", path.join(dir, "cdktf.out")], {
          cwd: dir,
          env: baseEnv({ BKTT_PLATFORM_FILE: setup.files[size], BKTT_SYNTH_PROCESSES: "1" }),
        }),
    });
  }
  return list;
}

function runRounds(list, rounds) {
  const results = Object.fromEntries(list.map((t) => [t.key, { ...t, walls: [], peaks: [], cpus: [], requires: [] }]));
  // One untimed run of each variant at its smallest size warms the file cache.
  const warm = new Set();
  for (const t of list) {
    const kind = t.key.replace(/-\d+$/, "");
    if (warm.has(kind)) continue;
    warm.add(kind);
    t.run();
  }
  const started = Date.now();
  for (let round = 0; round < rounds; round++) {
    // Round-robin, starting one variant later each round, so no variant always runs first or after the heaviest.
    const order = list.map((_, i) => list[(i + round) % list.length]);
    for (const t of order) {
      const { wallMs, peakKiB, cpuMs, requireMs } = t.run();
      if (requireMs !== undefined) results[t.key].requires.push(requireMs);
      results[t.key].walls.push(wallMs);
      results[t.key].peaks.push(peakKiB / 1024);
      results[t.key].cpus.push(cpuMs);
    }
    const elapsed = (Date.now() - started) / 1000;
    process.stderr.write(
      `round ${round + 1}/${rounds} done in ${elapsed.toFixed(0)} s (about ${((elapsed / (round + 1)) * (rounds - round - 1)).toFixed(0)} s to go)\n`,
    );
  }
  return results;
}

/** Offline plans of the largest identity shard of each size: init untimed, then `planRuns` timed plans. */
function timePlans(tmp, setup, options) {
  const plans = {};
  for (const size of options.planSizes) {
    const outdir = path.join(tmp, `offline-${size}`, "cdktf.out");
    const synth = spawnSync(process.execPath, [path.join(DIST, "main.js"), setup.files[size]], {
      cwd: tmp,
      env: baseEnv({ CDKTF_OUTDIR: outdir, BKTT_OFFLINE: "1" }),
      encoding: "utf8",
    });
    if (synth.status !== 0) throw new Error(`offline synth of ${size} pipelines failed:\n${synth.stderr}`);
    const shards = fs
      .readdirSync(path.join(outdir, "stacks"))
      .filter((name) => name.startsWith("identity-"))
      .map((name) => {
        const config = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", name, "cdk.tf.json"), "utf8"));
        const resources = Object.values(config.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
        return { name, resources };
      })
      .sort((a, b) => b.resources - a.resources);
    const shard = shards[0];
    const times = withTerraformWorkdir((dir, env) => {
      const work = path.join(dir, "stack");
      fs.cpSync(path.join(outdir, "stacks", shard.name), work, { recursive: true });
      withLocalBackend(path.join(work, "cdk.tf.json"));
      runTerraform(work, ["init", "-input=false", "-no-color"], env);
      return Array.from({ length: options.planRuns }, () => {
        const started = process.hrtime.bigint();
        runTerraform(work, ["plan", "-input=false", "-refresh=false", "-lock=false", "-no-color", "-out=plan.tfplan"], env);
        return Number(process.hrtime.bigint() - started) / 1e6;
      });
    });
    plans[size] = { shard: shard.name, resources: shard.resources, shards: shards.length, times };
    process.stderr.write(`plan of ${shard.name} (${shard.resources} resources, ${size} pipelines): ${times.map((t) => (t / 1000).toFixed(1)).join(", ")} s\n`);
  }
  return plans;
}

/**
 * The whole test suite as the README runs it (`npm test`: type-check, then jest), once, under `CI=true` so that
 * the terraform suites must run; its wall time against the target.
 */
function timeTestSuite() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const started = process.hrtime.bigint();
  const result = spawnSync(npm, ["test", "--silent"], { cwd: ROOT, env: baseEnv({ CI: "true" }), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm test failed (exit ${result.status}):\n${(result.stderr + result.stdout).slice(-4000)}`);
  const summary = `${result.stderr}${result.stdout}`.match(/^Tests:.*$/m)?.[0] ?? "";
  process.stderr.write(`npm test: ${(wallMs / 1000).toFixed(1)} s (${summary})\n`);
  return { wallMs, summary };
}

// ---------------------------------------------------------------- figures and report

function figures(results, plans, tests) {
  const wall = (key) => (results[key] ? median(results[key].walls) : undefined);
  const peak = (key) => (results[key] ? Math.max(...results[key].peaks) : undefined);
  const list = [];
  const add = (name, value, format, target, met) => list.push({ name, value, format, target, met });
  const ratio = (v) => `${v.toFixed(2)} x`;
  const ms = (v) => `${v.toFixed(0)} ms`;

  const example = wall("example");
  const floor = wall("floor");
  add("example synth / import floor (median wall)", example / floor, ratio, `<= ${TARGETS.exampleOverFloor} x`, example / floor <= TARGETS.exampleOverFloor);
  // Each provider's modules: their requires timed in the process, and the whole process over cdktf and constructs alone.
  const cpu = (key) => median(results[key].cpus);
  const rss = (key) => median(results[key].peaks);
  for (const provider of PROVIDER_IMPORTS) {
    const key = `imports-${provider}`;
    add(
      `${provider} subpath imports: in-process require; process wall, CPU and peak RSS over cdktf and constructs alone (medians)`,
      median(results[key].requires),
      (v) =>
        `${v.toFixed(0)} ms; ${(wall(key) - wall("imports-none")).toFixed(0)} ms wall, ${(cpu(key) - cpu("imports-none")).toFixed(0)} ms CPU, ` +
        `${(rss(key) - rss("imports-none")).toFixed(0)} MiB`,
      "reference",
      undefined,
    );
  }
  const overhead = wall("command-npm") - wall("command-node");
  add(
    "npm run synth over node dist/main.js, nothing to compile (difference of median walls)",
    overhead,
    ms,
    `< ${TARGETS.npmSynthOverheadMs} ms`,
    overhead < TARGETS.npmSynthOverheadMs,
  );
  if (results["project-1000"]) {
    add("1,000-pipeline synth, median wall", wall("project-1000"), ms, `<= ${TARGETS.synth1000WallMs} ms`, wall("project-1000") <= TARGETS.synth1000WallMs);
    if (results["resource-floor-1000"]) {
      add("cdktf alone, as many minimal resources and stacks as 1,000 pipelines, median wall", wall("resource-floor-1000"), ms, "reference", undefined);
    }
    add(
      "1,000-pipeline synth, peak RSS (highest run)",
      peak("project-1000"),
      (v) => `${v.toFixed(0)} MiB`,
      `<= ${TARGETS.synth1000PeakMiB} MiB`,
      peak("project-1000") <= TARGETS.synth1000PeakMiB,
    );
  }
  if (results["project-10"] && results["project-100"]) {
    const low = (wall("project-100") - wall("project-10")) / 90;
    add("per-pipeline slope, 10 -> 100 pipelines", low, (v) => `${v.toFixed(2)} ms/pipeline`, "reference", undefined);
    if (results["project-1000"]) {
      const high = (wall("project-1000") - wall("project-100")) / 900;
      add(
        "per-pipeline slope, 100 -> 1,000 pipelines",
        high,
        (v) => `${v.toFixed(2)} ms/pipeline (${(v / low).toFixed(2)} x the 10 -> 100 slope)`,
        `roughly constant: within ${TARGETS.slopeFactor} x of the 10 -> 100 slope`,
        high <= TARGETS.slopeFactor * low && high >= low / TARGETS.slopeFactor,
      );
    }
  }
  if (results["naive-100"]) {
    const r = wall("naive-100") / wall("project-100");
    add("naive peer / project at 100 pipelines (median wall)", r, ratio, `>= ${TARGETS.naiveOverProject100} x`, r >= TARGETS.naiveOverProject100);
  }
  if (tests) {
    add(`npm test in full (${tests.summary.replace(/^Tests:\s*/, "")})`, tests.wallMs, ms, `< ${TARGETS.testSuiteMs} ms`, tests.wallMs < TARGETS.testSuiteMs);
  }
  if (plans[1000]) {
    const p = median(plans[1000].times);
    add(
      `offline plan of ${plans[1000].shard} at 1,000 pipelines (median of ${plans[1000].times.length})`,
      p,
      ms,
      `< ${TARGETS.identityPlan1000Ms} ms`,
      p < TARGETS.identityPlan1000Ms,
    );
  }
  return list;
}

function machine() {
  const cpus = os.cpus();
  const uptime = spawnSync("uptime", [], { encoding: "utf8" });
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    terraform: terraformVersion() ?? "not found",
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os.loadavg(),
    uptime: uptime.status === 0 ? uptime.stdout.trim() : undefined,
  };
}

function report({ options, before, after, started, finished, results, plans, list, setup }) {
  const sec = (v) => (v / 1000).toFixed(2);
  const load = (l) => l.map((x) => x.toFixed(2)).join(", ");
  const lines = [
    "# Benchmarks",
    "",
    `Produced by \`npm run bench${options.quick ? " -- --quick" : ""}\` (scripts/bench.js) on ${finished.toISOString().slice(0, 10)}; ` +
      `${options.rounds} interleaved rounds, ${((finished - started) / 60000).toFixed(1)} min in all. Rerun it to refresh this file. ` +
      "Where the time goes, what was optimized and the shard size: [docs/performance.md](docs/performance.md).",
    "",
    "## Machine",
    "",
    `- CPU: ${before.cpu}, ${before.cores} cores; memory ${before.memoryGiB.toFixed(1)} GiB; ${before.os}`,
    `- Node ${before.node}; ${before.terraform}; cdktf ${require(path.join(ROOT, "node_modules/cdktf/package.json")).version}, ` +
      PROVIDER_IMPORTS.map((p) => `${p} ${require(path.join(ROOT, "node_modules", p, "package.json")).version}`).join(", "),
    `- Load average (1, 5, 15 min) at start: ${load(before.load)}; at end: ${load(after.load)}. ` +
      "The machine is shared: other people's builds and tests ran during the benchmark, so the spread columns matter.",
    "",
    "## Synth: wall time and peak memory",
    "",
    "Wall time of the whole process (start to exit), which the targets are about; CPU is the user + system time of all its Node processes " +
      "(less sensitive to other work on the machine, and above wall when the garbage collector's helper threads run on the second core); " +
      "peak memory is the largest maximum resident set of any Node process of the run (the naive peer's CLI starts the app as a child process).",
    "",
    "| measurement | pipelines | runs | wall median | wall min - max | CPU median | peak RSS median | peak RSS min - max |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const order = [
    "floor",
    "imports-none",
    ...PROVIDER_IMPORTS.map((p) => `imports-${p}`),
    "example",
    ...options.sizes.map((s) => `project-${s}`),
    `one-process-${Math.max(...options.sizes)}`,
    `resource-floor-${Math.max(...options.sizes)}`,
    ...options.naiveSizes.map((s) => `naive-${s}`),
  ];
  const examplePipelines = EXAMPLE_PLATFORM.pipelines.length + (EXAMPLE_PLATFORM.platformPipeline ? 1 : 0);
  for (const key of order) {
    const r = results[key];
    const pipelines =
      key === "floor" || key.startsWith("imports-") || key.startsWith("resource-floor")
        ? "-"
        : key === "example"
          ? `${examplePipelines}`
          : `${r.size.toLocaleString("en")}`;
    lines.push(
      `| ${r.label} | ${pipelines} | ${r.walls.length} | ${sec(median(r.walls))} s | ${sec(Math.min(...r.walls))} - ${sec(Math.max(...r.walls))} s | ${sec(median(r.cpus))} s | ` +
        `${median(r.peaks).toFixed(0)} MiB | ${Math.min(...r.peaks).toFixed(0)} - ${Math.max(...r.peaks).toFixed(0)} MiB |`,
    );
  }
  lines.push(
    "",
    "## Offline terraform plan of the largest identity shard",
    "",
    `\`terraform plan -refresh=false\` with the provider mirror (the test harness's CLI configuration and environment), init not timed; ${options.planRuns} timed plan(s) per size.`,
    "",
    "| pipelines | identity shards | shard planned | resources | plan median | plan min - max |",
    "| ---: | ---: | --- | ---: | ---: | ---: |",
  );
  for (const size of options.planSizes) {
    const p = plans[size];
    lines.push(
      `| ${size.toLocaleString("en")} | ${p.shards} | ${p.shard} | ${p.resources} | ${sec(median(p.times))} s | ${sec(Math.min(...p.times))} - ${sec(Math.max(...p.times))} s |`,
    );
  }
  lines.push("", "## Figures against the targets", "", "| figure | value | target | met |", "| --- | ---: | --- | --- |");
  for (const f of list) lines.push(`| ${f.name} | ${f.format(f.value)} | ${f.target} | ${f.met === undefined ? "-" : f.met ? "yes" : "**no**"} |`);
  lines.push(
    "",
    "## Commands",
    "",
    "Each measurement is a fresh process started by scripts/bench.js, with `NODE_OPTIONS=--require scripts/bench/peak-rss.js`, " +
      "`CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1`, in a temporary folder:",
    "",
    "```sh",
    "# declarations: scripts/bench/declarations.js, the example's account, state, cluster and platform pipeline with N generated pipelines",
    `# project synth: one process per CPU (${os.availableParallelism()} here) may share the stacks out, when each gets >= ${MIN_PIPELINES_PER_PROCESS} pipelines' worth of work`,
    "CDKTF_OUTDIR=$TMP/project-N/cdktf.out node dist/main.js $TMP/platform-N.json",
    "# the same in one process",
    "BKTT_SYNTH_PROCESSES=1 CDKTF_OUTDIR=$TMP/one-process-N/cdktf.out node dist/main.js $TMP/platform-N.json",
    "# example declaration synth",
    "CDKTF_OUTDIR=$TMP/example/cdktf.out node dist/main.js",
    "# the engineer's command against the app alone, in the project folder (dist/ up to date: npm run bench builds it first)",
    "CDKTF_OUTDIR=$TMP/command-node/cdktf.out node dist/main.js",
    "CDKTF_OUTDIR=$TMP/command-npm/cdktf.out npm run --silent synth",
    `# import floor: require() each of the ${setup.modules.length} cdktf, constructs and provider modules the app loaded`,
    "# (captured once with --require scripts/bench/loaded-modules.js), nothing else",
    "node scripts/bench/import-floor.js $TMP/loaded-modules.json",
    `# the same for cdktf and constructs only, then with one provider's modules (${PROVIDER_IMPORTS.join(", ")})`,
    "node scripts/bench/import-floor.js $TMP/loaded-modules.json none",
    "node scripts/bench/import-floor.js $TMP/loaded-modules.json @cdktf/provider-google",
    "# cdktf alone: as many minimal resources and stacks as the largest platform, cdktf's own app.synth()",
    "node scripts/bench/resource-floor.js RESOURCES STACKS $TMP/resource-floor",
    '# naive peer: the cdktf CLI, cdktf.json app = node scripts/bench/naive-app.js (require("@cdktf/provider-aws") barrel, then dist/main.js)',
    "BKTT_SYNTH_PROCESSES=1 BKTT_PLATFORM_FILE=$TMP/platform-N.json node_modules/.bin/cdktf synth --output $TMP/naive-N/cdktf.out",
    "# test suite, once, after the rest (skipped with --quick or --no-tests)",
    "CI=true npm test",
    "# plan: BKTT_OFFLINE=1 synth, then in a copy of the largest identity shard with a local backend",
    "terraform init -input=false && terraform plan -input=false -refresh=false -lock=false -out=plan.tfplan   # plan timed",
    "```",
    "",
  );
  if (before.uptime || after.uptime) lines.push(`\`uptime\` at start: \`${before.uptime}\`; at end: \`${after.uptime}\``, "");
  return lines.join("\n");
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(DIST, "main.js"))) throw new Error("dist/main.js is missing: run `npm run build` (npm run bench does)");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-bench-"));
  const started = new Date();
  const before = machine();
  process.stderr.write(`benchmark in ${tmp}: ${options.rounds} rounds, sizes ${options.sizes.join(", ")}, naive peer at ${options.naiveSizes.join(", ")}\n`);
  try {
    const setup = setUp(tmp, options);
    const results = runRounds(tasks(tmp, setup, options), options.rounds);
    const plans = timePlans(tmp, setup, options);
    const tests = options.timeTests ? timeTestSuite() : undefined;
    const after = machine();
    const list = figures(results, plans, tests);
    const text = report({ options, before, after, started, finished: new Date(), results, plans, list, setup });
    if (options.out) {
      fs.writeFileSync(options.out, text);
      process.stderr.write(`wrote ${path.relative(process.cwd(), options.out) || options.out}\n`);
    }
    process.stdout.write(text);
    const missed = list.filter((f) => f.met === false);
    for (const f of missed) console.error(`target missed: ${f.name} = ${f.format(f.value)} (target ${f.target})`);
    return missed.length ? 1 : 0;
  } finally {
    if (process.env.BENCH_KEEP === "1") process.stderr.write(`kept ${tmp}\n`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = main();
