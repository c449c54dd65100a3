import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DISABLE_STACK_TRACE_IN_METADATA, StackManifest, TerraformResource, TerraformStack } from "cdktf";
import { ValidatedConfigApp } from "../stacks/validated-config-stack";
import { accessReport, accessReportJson, accessReportMarkdown, DeclarationProvenance, ReportedPipeline, ReportedStack } from "./access-report";
import { buildPlatform, PlatformOptions, PlatformStacks } from "./build-platform";
import { PlatformDeclaration } from "./declaration";
import { DeclarationError } from "./declaration-error";
import { fleetChanges, fleetRecordIssues, fleetRecordOf, readFleetRecord, writeFleetRecord } from "./fleet-record";
import { allPipelines, PlannedStack, platformStackPlan } from "./stack-plan";

/** Where and how the platform is synthesized. */
export interface SynthesizeOptions extends Omit<PlatformOptions, "only"> {
  /** The cdktf output folder; replaced only when the whole synthesis succeeds. */
  readonly outdir: string;
  /**
   * The auditors' Markdown report; the same report as JSON goes beside it, with `.json` for `.md`.
   * @default "access-report.md" beside `outdir`
   */
  readonly reportFile?: string;
  /**
   * Which declaration file this is, and its git commit, for the report (main.ts finds it: declaration-provenance.ts).
   * @default - the report says it was not recorded
   */
  readonly provenance?: DeclarationProvenance;
  /**
   * How many processes may synthesize the stacks, this one included. The
   * stacks are shared out only when each process gets at least
   * `minPipelinesPerProcess` pipelines' worth of work; the other processes
   * run the compiled app (`dist/`).
   * @default 1
   */
  readonly processes?: number;
  /**
   * The least work, in pipelines, worth a process of its own.
   * @default MIN_PIPELINES_PER_PROCESS
   */
  readonly minPipelinesPerProcess?: number;
  /**
   * The script the other processes run.
   * @default - `synthesis-worker.js` beside this module (in `dist/platform/`)
   */
  readonly workerScript?: string;
  /**
   * The fleet record of the declaration (fleet-record.ts: `platform.fleet.json` beside `platform.yaml`): read first,
   * to refuse a change that would destroy or silently move what exists, and rewritten once the stacks
   * are synthesized.
   * @default - none: nothing is checked or recorded (the built-in example)
   */
  readonly recordFile?: string;
  /**
   * Leave an empty folder in `outdir/stacks/` for each stack of the previous output that this
   * synthesis no longer has. The cdktf CLI, when it runs the app, removes those folders itself
   * afterwards, and fails on one that is missing (`ENOENT ... lstat 'cdktf.out/stacks/<stack>'`).
   * @default false
   */
  readonly leaveRemovedStackFolders?: boolean;
  /**
   * Told what the synthesis is doing as it goes (main.ts prints it on stderr for a person at a terminal).
   * @default - nothing is told
   */
  readonly onProgress?: (progress: SynthesisProgress) => void;
}

/** A step of a synthesis, as it happens. */
export type SynthesisProgress =
  | { readonly step: "started"; readonly stacks: number; readonly pipelines: number; readonly processes: number }
  | { readonly step: "share-done"; readonly stacks: number; readonly process: number; readonly processes: number }
  | { readonly step: "writing"; readonly outdir: string };

/** A synthesis stopped by a signal: every worker was stopped and every folder it had made removed. */
export class SynthesisInterrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`synthesis interrupted by ${signal}: every worker was stopped and the staging folders removed; the output folder is untouched`);
    this.name = "SynthesisInterrupted";
  }
}

/** What one synthesis produced. */
export interface SynthesisResult {
  readonly stacks: readonly ReportedStack[];
  readonly pipelines: readonly ReportedPipeline[];
  readonly reportFile: string;
  /** The same report as JSON (`AccessReport`). */
  readonly reportJsonFile: string;
  /** What the operator must do before the remaining stacks can be synthesized, if anything. */
  readonly pending?: string;
  /** How many processes synthesized the stacks. */
  readonly processes: number;
  /** The fleet record written, when there is one and the identity and Buildkite stacks were synthesized. */
  readonly recordFile?: string;
  /** The declared moves and retirements this synthesis carries out, as the operator should read them. */
  readonly fleetChanges: readonly string[];
}

/**
 * Below this many pipelines per process, starting another process (~0.4 s to
 * load cdktf and the providers) costs more than it saves.
 */
export const MIN_PIPELINES_PER_PROCESS = 150;

/** A worker starts on its share later than this process, by about two thirds of the least work worth a process. */
const WORKER_START_FRACTION = 2 / 3;

/** What a synthesis worker is asked to do (written to a file whose path is its argument). */
export interface WorkerRequest {
  readonly declaration: PlatformDeclaration;
  readonly options: Omit<PlatformOptions, "only">;
  readonly outdir: string;
  readonly stacks: readonly string[];
}

/** What a synthesis worker answers on its standard output. */
export type WorkerAnswer = { readonly stacks: readonly ReportedStack[] } | { readonly error: string };

/** Measured: building and synthesizing an identity stack costs about 1.1 times a Buildkite stack of as many pipelines. */
const IDENTITY_STACK_WEIGHT = 1.1;

/** The share of one process: an app whose other stacks are left empty, synthesized into `outdir`. */
interface SynthesizedShare {
  readonly app: ValidatedConfigApp;
  readonly platform: PlatformStacks;
  /** Every stack of the app, in order; resources are counted for the built ones only. */
  readonly stacks: readonly ReportedStack[];
}

function resourceCount(stack: TerraformStack): number {
  return stack.node.findAll().filter((c) => TerraformResource.isTerraformResource(c)).length;
}

/** Builds the platform (or only the stacks in `only`) and synthesizes it into `outdir`. */
export function synthesizeShare(declaration: PlatformDeclaration, options: PlatformOptions, outdir: string): SynthesizedShare {
  // No stack traces in the manifest's annotations (the guardrails' warnings): they name this machine's paths and
  // differ between one process and several, and the files must be the same.
  const app = new ValidatedConfigApp({ outdir, context: { [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  const platform = buildPlatform(app, declaration, options);
  app.synth();
  const stacks = app.node.children
    .filter((c): c is TerraformStack => TerraformStack.isStack(c))
    .map((s) => ({ name: s.node.id, resources: resourceCount(s), dependsOn: s.dependencies.map((d) => d.node.id) }));
  return { app, platform, stacks };
}

/**
 * Shares the stacks out among at most `processes` processes, heaviest first
 * to the least loaded, or returns a single share when more processes would
 * not pay. The first share is this process's: it starts on it first, so the
 * others count their later start as work already done.
 */
export function shareStacks(
  plan: readonly Pick<PlannedStack, "id" | "kind" | "pipelines">[],
  processes: number,
  minPipelinesPerProcess = MIN_PIPELINES_PER_PROCESS,
): string[][] {
  const weight = (s: Pick<PlannedStack, "kind" | "pipelines">) => (s.kind === "identity" ? IDENTITY_STACK_WEIGHT : 1) * s.pipelines;
  const pipelines = plan.reduce((sum, s) => sum + (s.kind === "buildkite" ? s.pipelines : 0), 0);
  const count = Math.max(1, Math.min(processes, Math.floor(pipelines / minPipelinesPerProcess), plan.length));
  const workerStart = WORKER_START_FRACTION * minPipelinesPerProcess;
  const shares = Array.from({ length: count }, (_, index) => ({ stacks: [] as string[], weight: index === 0 ? 0 : workerStart }));
  for (const stack of [...plan].sort((a, b) => weight(b) - weight(a))) {
    const lightest = shares.reduce((min, share) => (share.weight < min.weight ? share : min));
    lightest.stacks.push(stack.id);
    lightest.weight += weight(stack);
  }
  return shares.map((share) => share.stacks).filter((stacks) => stacks.length > 0);
}

/** A synthesis worker, started with its request written to a file first. */
function startWorker(script: string, request: WorkerRequest, requestFile: string): { readonly answer: Promise<readonly ReportedStack[]>; kill(): void } {
  fs.writeFileSync(requestFile, JSON.stringify(request));
  // With this process's Node options (a larger heap, say), as child_process.fork would start it.
  const child = spawn(process.execPath, [...process.execArgv, script, requestFile], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const answer = new Promise<readonly ReportedStack[]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      let parsed: WorkerAnswer | undefined;
      try {
        parsed = JSON.parse(stdout) as WorkerAnswer;
      } catch {
        parsed = undefined;
      }
      if (parsed && "stacks" in parsed && code === 0) resolve(parsed.stacks);
      else if (parsed && "error" in parsed) reject(new Error(parsed.error));
      else reject(new Error(`the synthesis worker for ${request.stacks.join(", ")} exited with ${code}: ${stderr.trim() || stdout.trim()}`));
    });
  });
  return { answer, kill: () => child.kill() };
}

/**
 * Synthesizes every stack of a validated declaration into a staging folder
 * and moves it into place only when the whole app (guardrails included)
 * synthesized, so an invalid platform never leaves a partial `cdktf.out/`.
 * With `processes` > 1, large platforms are synthesized in several
 * processes, each building its share of the stacks; the files are the same
 * as a single process writes.
 */
export async function synthesizePlatform(declaration: PlatformDeclaration, options: SynthesizeOptions): Promise<SynthesisResult> {
  const outdir = path.resolve(options.outdir);
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  removeStaleFolders(outdir);
  const recordFile = options.recordFile;
  const record = recordFile === undefined ? undefined : readFleetRecord(recordFile);
  const recordIssues = record ? fleetRecordIssues(declaration, record, path.basename(recordFile!)) : [];
  if (recordIssues.length > 0) throw new DeclarationError(recordIssues, "the declaration, against the fleet record,");

  const interruption = watchSignals();
  const staging = fs.mkdtempSync(`${outdir}.staging-${process.pid}-`);
  const platformOptions = { offline: options.offline, buildMetadata: options.buildMetadata };
  let sharesDir: string | undefined;
  let workers: (ReturnType<typeof startWorker> & { readonly outdir: string })[] = [];
  interruption.onSignal(() => workers.forEach((worker) => worker.kill()));
  try {
    const plan = platformStackPlan(declaration);
    const [own, ...others] = shareStacks(plan, options.processes ?? 1, options.minPipelinesPerProcess);
    const processes = others.length + 1;
    const progress = options.onProgress ?? (() => undefined);
    progress({ step: "started", stacks: plan.length, pipelines: allPipelines(declaration).length, processes });
    if (others.length > 0) {
      const script = options.workerScript ?? path.join(__dirname, "synthesis-worker.js");
      if (!fs.existsSync(script)) {
        throw new Error(`synthesis in ${others.length + 1} processes needs the compiled app (${script} is missing): run npm run build, or use one process`);
      }
      const dir = (sharesDir = fs.mkdtempSync(`${outdir}.shares-${process.pid}-`));
      workers = others.map((stacks, index) => {
        const request: WorkerRequest = { declaration, options: platformOptions, outdir: path.join(dir, `share-${index + 2}`), stacks };
        const worker = startWorker(script, request, path.join(dir, `request-${index + 2}.json`));
        void worker.answer.then(
          () => progress({ step: "share-done", stacks: stacks.length, process: index + 2, processes }),
          () => undefined,
        );
        return { outdir: request.outdir, ...worker };
      });
    }
    const share = synthesizeShare(declaration, { ...platformOptions, only: others.length > 0 ? new Set(own) : undefined }, staging);
    progress({ step: "share-done", stacks: own.length, process: 1, processes });
    // A signal that came while this process synthesized is handled now, before anything is moved into place.
    await new Promise((resolve) => setImmediate(resolve));
    interruption.throwIfSignalled();
    const answers = await Promise.all(workers.map((worker) => worker.answer)).catch((error: Error) => {
      interruption.throwIfSignalled();
      throw error;
    });
    const counted = new Map<string, ReportedStack>();
    answers.forEach((built, index) => {
      mergeWorkerStacks(
        share.app,
        staging,
        workers[index].outdir,
        built.map((stack) => stack.name),
      );
      built.forEach((stack) => counted.set(stack.name, stack));
    });
    if (workers.length > 0) share.app.manifest.writeToFile();
    const stacks = share.stacks.map((stack) => counted.get(stack.name) ?? stack);
    interruption.throwIfSignalled();

    progress({ step: "writing", outdir });
    const previousStacks = stackFolders(outdir);
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.renameSync(staging, outdir);
    if (options.leaveRemovedStackFolders) {
      const current = new Set(stackFolders(outdir));
      previousStacks.filter((name) => !current.has(name)).forEach((name) => fs.mkdirSync(path.join(outdir, "stacks", name)));
    }
    const reportFile = options.reportFile ?? path.join(path.dirname(outdir), "access-report.md");
    const reportJsonFile = reportFile.replace(/(\.md)?$/, ".json");
    const report = accessReport(declaration, stacks, share.platform.pipelines, options.provenance);
    fs.writeFileSync(reportFile, accessReportMarkdown(report));
    fs.writeFileSync(reportJsonFile, accessReportJson(report));
    const pending = share.platform.pending;
    // The record says what exists once the stacks that hold the pipelines are synthesized.
    const recorded = pending || recordFile === undefined ? undefined : recordFile;
    if (recorded) writeFleetRecord(recorded, fleetRecordOf(declaration));
    return {
      stacks,
      pipelines: share.platform.pipelines,
      reportFile,
      reportJsonFile,
      pending,
      processes: workers.length + 1,
      recordFile: recorded,
      fleetChanges: pending ? [] : fleetChanges(declaration),
    };
  } finally {
    // After a failure or a signal, no worker may go on writing into a folder that is about to be removed.
    workers.forEach((worker) => worker.kill());
    await Promise.allSettled(workers.map((worker) => worker.answer));
    fs.rmSync(staging, { recursive: true, force: true });
    if (sharesDir) fs.rmSync(sharesDir, { recursive: true, force: true });
    interruption.dispose();
  }
}

/** The stack folders of an output folder (none when there is none). */
function stackFolders(outdir: string): string[] {
  const stacks = path.join(outdir, "stacks");
  return fs.existsSync(stacks)
    ? fs
        .readdirSync(stacks, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];
}

/** The signals that stop a synthesis (Ctrl-C, a CI job's cancellation). */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/**
 * Catches SIGINT and SIGTERM while a synthesis runs, so that it stops its workers and removes its
 * folders before the process ends (the caller exits with the signal's status), instead of dying
 * with them left behind.
 */
function watchSignals(): { onSignal(fn: () => void): void; throwIfSignalled(): void; dispose(): void } {
  let received: NodeJS.Signals | undefined;
  const callbacks: (() => void)[] = [];
  const handler = (signal: NodeJS.Signals) => {
    received ??= signal;
    callbacks.forEach((fn) => fn());
  };
  STOP_SIGNALS.forEach((signal) => process.on(signal, handler));
  return {
    onSignal: (fn) => callbacks.push(fn),
    throwIfSignalled: () => {
      if (received) throw new SynthesisInterrupted(received);
    },
    dispose: () => STOP_SIGNALS.forEach((signal) => process.off(signal, handler)),
  };
}

/**
 * Removes the staging and share folders of synthesis processes that are gone (killed before they
 * could clean up): their names carry the process ID (`cdktf.out.staging-<pid>-XXXXXX`). Folders of a
 * live process (a synthesis running beside this one) stay.
 */
export function removeStaleFolders(outdir: string): string[] {
  const prefix = `${path.basename(outdir)}.`;
  const pattern = /^(staging|shares)-(?:(\d+)-)?[A-Za-z0-9]{6}$/;
  const removed: string[] = [];
  for (const name of fs.readdirSync(path.dirname(outdir))) {
    const match = name.startsWith(prefix) ? pattern.exec(name.slice(prefix.length)) : null;
    if (!match || (match[2] !== undefined && processAlive(Number(match[2])))) continue;
    fs.rmSync(path.join(path.dirname(outdir), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Moves the stacks a worker synthesized in place of the empty ones this
 * process wrote, and takes the worker's manifest entries for them (their
 * annotations: the guardrails' warnings). The rest of each entry must agree.
 */
function mergeWorkerStacks(app: ValidatedConfigApp, staging: string, shareOutdir: string, names: readonly string[]): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(shareOutdir, "manifest.json"), "utf8")) as { stacks: Record<string, StackManifest> };
  for (const name of names) {
    const theirs = manifest.stacks[name];
    const ours = app.manifest.stacks[name];
    const agree = (a: StackManifest, b: StackManifest) =>
      (["constructPath", "synthesizedStackPath", "stackMetadataPath", "workingDirectory"] as const).every((key) => a[key] === b[key]) &&
      a.dependencies.join() === b.dependencies.join();
    if (!theirs || !ours || !agree(theirs, ours)) {
      throw new Error(`the synthesis worker's manifest entry for stack ${name} differs from this process's: both must build the same app`);
    }
    const folder = path.join(staging, theirs.workingDirectory);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.renameSync(path.join(shareOutdir, theirs.workingDirectory), folder);
    app.manifest.stacks[name] = theirs;
  }
}
