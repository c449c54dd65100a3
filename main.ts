/**
 * The app: synthesizes the platform declared in the file named by the first
 * argument or BKTT_PLATFORM_FILE (the embedded example otherwise) into
 * cdktf.out/, then prints the stacks and the access report.
 *
 * Environment: CDKTF_OUTDIR (set by the cdktf CLI), BKTT_OFFLINE=1 (providers
 * configured for offline plans), BUILDKITE_* (build metadata tags, when the
 * declaration enables them), BKTT_SYNTH_PROCESSES (how many processes may
 * share a large synthesis; one per CPU unless set).
 */
import * as os from "os";
import { accessReportText } from "./platform/access-report";
import { DeclarationError } from "./platform/declaration-error";
import { loadDeclaration } from "./platform/load";
import { formatQuotaFinding, quotaFindings } from "./platform/quotas";
import { synthesizePlatform } from "./platform/synthesize";
import { buildMetadataTags } from "./stacks/build-metadata";

const MAX_PIPELINES_PRINTED = 20;

/** How many processes may synthesize: BKTT_SYNTH_PROCESSES, or one per CPU. */
function synthesisProcesses(): number {
  const setting = process.env.BKTT_SYNTH_PROCESSES;
  if (setting === undefined) return os.availableParallelism();
  if (!/^[1-9][0-9]*$/.test(setting)) throw new Error(`BKTT_SYNTH_PROCESSES is "${setting}": set a whole number of processes, 1 or more`);
  return Number(setting);
}

async function main(): Promise<number> {
  const file = process.argv[2] ?? process.env.BKTT_PLATFORM_FILE;
  let result;
  try {
    const declaration = loadDeclaration(file);
    // Quota errors were refused by validation; what is left are warnings.
    quotaFindings(declaration).forEach((finding) => console.warn(formatQuotaFinding(finding)));
    result = await synthesizePlatform(declaration, {
      outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out",
      offline: process.env.BKTT_OFFLINE === "1",
      buildMetadata: buildMetadataTags(process.env),
      processes: synthesisProcesses(),
    });
  } catch (err) {
    // Declaration mistakes and guardrail findings: their messages name the field or construct and the fix.
    console.error(err instanceof DeclarationError ? err.message : `synthesis refused: ${(err as Error).message}`);
    console.error("Nothing was written.");
    return 1;
  }
  const printed = result.pipelines.slice(0, MAX_PIPELINES_PRINTED);
  process.stdout.write(accessReportText(result.stacks, printed));
  if (printed.length < result.pipelines.length) {
    console.log(`  ... and ${result.pipelines.length - printed.length} more pipelines`);
  }
  if (result.processes > 1) console.log(`\nSynthesized by ${result.processes} processes (BKTT_SYNTH_PROCESSES=1 for one).`);
  console.log(`\nAccess report for auditors: ${result.reportFile}`);
  if (result.pending) console.log(`\nNext: ${result.pending}`);
  return 0;
}

void main().then((code) => (process.exitCode = code));
