/**
 * The app: synthesizes the platform declaration into cdktf.out/, then prints
 * the stacks and the access report. The declaration is the file named as the
 * argument (then recorded in cdktf.json for the cdktf CLI), BKTT_PLATFORM_FILE,
 * the file recorded in cdktf.json, or platform.yaml, in that order; the
 * embedded example only when there is none (see platform/declaration-file.ts).
 *
 * Environment: CDKTF_OUTDIR and CDKTF_CONTEXT_JSON (set by the cdktf CLI), BKTT_OFFLINE=1 (providers
 * configured for offline plans), BUILDKITE_* (build metadata tags, when the
 * declaration enables them), BKTT_SYNTH_PROCESSES (how many processes may
 * share a large synthesis; one per CPU unless set), CI (no progress lines on stderr;
 * they are printed only at a terminal).
 */
import { CONTEXT_ENV } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { accessReportText } from "./platform/access-report";
import { DeclarationError } from "./platform/declaration-error";
import { PlatformDeclaration } from "./platform/declaration";
import {
  cdktfCommand,
  CONVENTIONAL_PLATFORM_FILE,
  DeclarationFile,
  declarationName,
  findDeclarationFile,
  recordDeclarationFile,
} from "./platform/declaration-file";
import { declarationProvenance } from "./platform/declaration-provenance";
import { declarationErrorAt, loadDeclaration } from "./platform/load";
import { synthesisIssues, withoutSkipValidationAdvice } from "./platform/synthesis-refusal";
import { formatQuotaFinding, quotaFindings, shardFindings } from "./platform/quotas";
import { fleetRecordFileFor } from "./platform/fleet-record";
import { SynthesisInterrupted, synthesizePlatform } from "./platform/synthesize";
import { synthesisProgressPrinter } from "./platform/synthesis-progress";
import { pipelineStepListing } from "./platform/step-listing";
import { buildMetadataTags } from "./stacks/build-metadata";

const MAX_PIPELINES_PRINTED = 20;

/** How many processes may synthesize: BKTT_SYNTH_PROCESSES, or one per CPU. */
function synthesisProcesses(): number {
  const setting = process.env.BKTT_SYNTH_PROCESSES;
  if (setting === undefined) return os.availableParallelism();
  if (!/^[1-9][0-9]*$/.test(setting)) throw new Error(`BKTT_SYNTH_PROCESSES is "${setting}": set a whole number of processes, 1 or more`);
  return Number(setting);
}

const USAGE = `Usage: npm run synth -- [declaration.yaml|declaration.json]

Synthesizes the platform declaration into cdktf.out/ and writes access-report.md.
The declaration is, in this order: the file named here (recorded in cdktf.json, so
that a following npx cdktf synth/diff/deploy uses it too), BKTT_PLATFORM_FILE, the
file recorded in cdktf.json, ${CONVENTIONAL_PLATFORM_FILE}; the built-in example otherwise.

Options:
  --steps SLUG  print the steps of pipeline SLUG from cdktf.out/ as Buildkite stores
                them, each script decoded (npm run steps -- SLUG); synthesizes nothing
  --help        print this help
  --version     print the version

Environment: BKTT_OFFLINE=1 (providers for offline plans), BKTT_SYNTH_PROCESSES
(processes sharing a large synthesis), CDKTF_OUTDIR (the output folder).
`;

/** The declaration file named on the command line, or the pipeline whose steps to print; or an exit code for --help, --version and mistakes. */
function parseArguments(args: readonly string[]): { file?: string; steps?: string } | number {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.includes("--version")) {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { name: string; version: string };
    console.log(`${pkg.name} ${pkg.version}`);
    return 0;
  }
  const stepsAt = args.indexOf("--steps");
  if (stepsAt >= 0) {
    const rest = args.filter((_, i) => i !== stepsAt && i !== stepsAt + 1);
    if (args[stepsAt + 1] === undefined || args[stepsAt + 1].startsWith("-") || rest.length > 0) {
      console.error(`--steps takes one pipeline slug and nothing else (got ${args.join(" ")}) — for example: npm run steps -- data-platform`);
      return 2;
    }
    return { steps: args[stepsAt + 1] };
  }
  const unknown = args.find((a) => a.startsWith("-"));
  if (unknown !== undefined) {
    console.error(`unknown option ${unknown} — see --help`);
    return 2;
  }
  if (args.length > 1) {
    console.error(`one declaration file at a time, got ${args.length} (${args.join(", ")}) — name one file`);
    return 2;
  }
  return { file: args[0] };
}

/** The output folder as the user would type it. */
function outdirName(root: string): string {
  const relative = path.relative(root, path.resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out"));
  return `${relative.startsWith("..") ? process.env.CDKTF_OUTDIR : relative}/`;
}

/**
 * A refusal while synthesizing, as the declaration's errors are printed: at the pipeline and role
 * (and their line in the file) a construct check or guardrail is about.
 */
function synthesisRefusal(err: Error, declaration: PlatformDeclaration | undefined, found: DeclarationFile | undefined, root: string): string {
  const issues = declaration === undefined ? [] : synthesisIssues(err, declaration);
  if (issues.length === 0 || found === undefined) return `synthesis refused: ${withoutSkipValidationAdvice(err.message)}`;
  const name = declarationName(found, root);
  const error = found.file === undefined ? new DeclarationError(issues, name) : declarationErrorAt(issues, fs.readFileSync(found.file, "utf8"), name);
  return error.message;
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (typeof parsed === "number") return parsed;
  if (parsed.steps !== undefined) {
    try {
      process.stdout.write(pipelineStepListing(path.resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out"), parsed.steps));
      return 0;
    } catch (err) {
      console.error((err as Error).message);
      return 1;
    }
  }
  const root = process.cwd();
  let result;
  let found: DeclarationFile | undefined;
  let declaration: PlatformDeclaration | undefined;
  try {
    found = findDeclarationFile(parsed.file, process.env.BKTT_PLATFORM_FILE, root);
    if (found.file === undefined) console.error(`no ${CONVENTIONAL_PLATFORM_FILE}: synthesizing the built-in example`);
    declaration = loadDeclaration(found.file, declarationName(found, root));
    recordDeclarationFile(found, root);
    // Quota errors were refused by validation; what is left are warnings.
    [...quotaFindings(declaration), ...shardFindings(declaration)].forEach((finding) => console.warn(formatQuotaFinding(finding)));
    result = await synthesizePlatform(declaration, {
      outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out",
      offline: process.env.BKTT_OFFLINE === "1",
      buildMetadata: buildMetadataTags(process.env),
      processes: synthesisProcesses(),
      // The cdktf CLI (which sets its context variable) removes the folders of stacks that are gone itself.
      leaveRemovedStackFolders: process.env[CONTEXT_ENV] !== undefined,
      // The built-in example has no record: it is no fleet of anyone's.
      recordFile: found.file === undefined ? undefined : fleetRecordFileFor(found.file),
      provenance: declarationProvenance(found, root),
      onProgress: synthesisProgressPrinter(process.stderr, process.env),
    });
  } catch (err) {
    if (err instanceof SynthesisInterrupted) {
      console.error(err.message);
      // The status of a process the signal ended: 128 + the signal's number.
      return 128 + os.constants.signals[err.signal];
    }
    // Declaration mistakes, and construct checks and guardrail findings at the pipeline they are about.
    console.error(err instanceof DeclarationError ? err.message : synthesisRefusal(err as Error, declaration, found, root));
    console.error("Nothing was written.");
    return 1;
  }
  const printed = result.pipelines.slice(0, MAX_PIPELINES_PRINTED);
  process.stdout.write(accessReportText(result.stacks, printed));
  if (printed.length < result.pipelines.length) {
    console.log(`  ... and ${result.pipelines.length - printed.length} more pipelines`);
  }
  if (result.processes > 1) console.log(`\nSynthesized by ${result.processes} processes (BKTT_SYNTH_PROCESSES=1 for one).`);
  if (result.fleetChanges.length > 0) {
    console.log("\nFleet changes (remove movedFrom / previousShards once applied; keep a retired entry until then):");
    result.fleetChanges.forEach((change) => console.log(`  ${change}`));
  }
  const named = (file: string) => path.relative(root, file) || file;
  console.log(`\nAccess report for auditors: ${named(result.reportFile)} (as data: ${named(result.reportJsonFile)})`);
  if (result.recordFile) console.log(`Fleet record (commit it with the declaration): ${named(result.recordFile)}`);
  console.log(
    `\nSynthesized ${result.stacks.length} stack${result.stacks.length === 1 ? "" : "s"} to ${outdirName(root)} from ${declarationName(found, root)}`,
  );
  const next = result.pending ?? "npx cdktf diff, then npx cdktf deploy (the stacks in the order above)";
  console.log(`Next: ${next.replaceAll("npx cdktf", cdktfCommand(found, root))}`);
  return 0;
}

void main().then((code) => (process.exitCode = code));
