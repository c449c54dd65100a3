/**
 * The fleet record: a file committed beside the declaration (`platform.fleet.json`
 * for `platform.yaml`, see {@link fleetRecordFileFor}) that says where
 * each pipeline's resources were last synthesized (its account, identity and
 * Buildkite stacks) and which pipelines are retired. The synthesis writes it
 * and reads the committed one first, so that a change which would destroy or
 * silently move what exists is refused with its fix:
 *
 * - a pipeline in the record that the declaration neither declares nor
 *   retires (an entry deleted by mistake, or on purpose: retire it instead);
 * - a pipeline whose stacks changed without a declared move (`movedFrom`,
 *   `previousShards`), which would destroy it in one state and create it in another.
 *
 * The declaration alone says what moves and what is retired (so the output is
 * a function of it, and the moves are reviewed with it); the record only keeps
 * a mistake from destroying anything. Without a record (a first synthesis)
 * nothing is checked, and the record is written.
 */
import * as fs from "fs";
import * as path from "path";
import { PlatformDeclaration } from "./declaration";
import { DeclarationIssue } from "./declaration-error";
import { declaredPipelines } from "./fleet-rules";
import { pipelineMoves, placementOf, previousPlacementOf, retiredBuildkiteStack } from "./stack-plan";

/**
 * The record of a declaration file: beside it, `<name>.fleet.json` (`platform.yaml` → `platform.fleet.json`),
 * so that it is committed with it and another declaration synthesized in the same folder has its own.
 */
export function fleetRecordFileFor(declarationFile: string): string {
  const parsed = path.parse(declarationFile);
  return path.join(parsed.dir, `${parsed.name}.fleet.json`);
}

/** Where one pipeline's resources were synthesized. */
export interface RecordedPipeline {
  readonly account: string;
  readonly identityStack: string;
  readonly buildkiteStack: string;
}

/** The content of the fleet record. */
export interface FleetRecord {
  /** Pipelines by slug, the platform pipeline included. */
  readonly pipelines: Readonly<Record<string, RecordedPipeline>>;
  /** Slugs of the retired pipelines the declaration still lists (their entries may go once the retirement is applied). */
  readonly retired: readonly string[];
}

/** At most this many pipelines are named one by one in a refusal; the rest are counted. */
const MAX_NAMED = 10;

/** The record a declaration's synthesis leaves: every pipeline where it is now, slugs sorted for stable diffs. */
export function fleetRecordOf(d: PlatformDeclaration): FleetRecord {
  const pipelines = declaredPipelines(d)
    .map(([p]) => [p.slug, placementOf(d, p)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return { pipelines: Object.fromEntries(pipelines), retired: d.retired.map((r) => r.slug).sort() };
}

/** Reads the record, or undefined when there is none yet; refuses a file that is not one. */
export function readFleetRecord(file: string): FleetRecord | undefined {
  if (!fs.existsSync(file)) return undefined;
  const fix = `restore it from version control (or delete it to synthesize without checks, which re-creates it)`;
  let parsed: Partial<FleetRecord>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<FleetRecord>;
  } catch (err) {
    throw new Error(`the fleet record ${file} is not valid JSON (${(err as Error).message}): ${fix}`, { cause: err });
  }
  if (typeof parsed.pipelines !== "object" || parsed.pipelines === null || !Array.isArray(parsed.retired)) {
    throw new Error(`the fleet record ${file} has no "pipelines" object and "retired" list: ${fix}`);
  }
  return parsed as FleetRecord;
}

/** Writes the record as a committed file: two-space JSON, a final newline. */
export function writeFleetRecord(file: string, record: FleetRecord): void {
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
}

/** What the declaration would destroy or move without saying so, against the committed record. */
export function fleetRecordIssues(d: PlatformDeclaration, record: FleetRecord, file: string): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const declared = declaredPipelines(d);
  const declaredSlugs = new Set(declared.map(([p]) => p.slug));
  // Retired now, or retired before and the entry since removed: both leave the fleet as declared.
  const retired = new Set([...d.retired.map((r) => r.slug), ...record.retired]);

  const dropped = Object.entries(record.pipelines).filter(([slug]) => !declaredSlugs.has(slug) && !retired.has(slug));
  dropped.slice(0, MAX_NAMED).forEach(([slug, was]) =>
    issues.push({
      path: "pipelines",
      message:
        `"${slug}" is in the fleet record (${file}: its roles in ${was.identityStack}, its Buildkite pipeline in ${was.buildkiteStack}) ` +
        "but no longer declared, so its roles and its Buildkite pipeline (with its build history) would be destroyed — " +
        `to take it out of the fleet, retire it: add { slug: ${slug}, reason: "<why>" } to retired (the Buildkite pipeline is kept; ` +
        "destroy: true deletes it); otherwise restore its entry",
    }),
  );
  if (dropped.length > MAX_NAMED) {
    issues.push({ path: "pipelines", message: `and ${dropped.length - MAX_NAMED} more recorded pipelines are no longer declared — the same fix` });
  }

  const undeclaredMoves: string[] = [];
  for (const [p, at] of declared) {
    const was = record.pipelines[p.slug];
    if (!was) continue;
    const from = previousPlacementOf(d, p);
    const to = placementOf(d, p);
    const explained = (side: "identityStack" | "buildkiteStack") => was[side] === from[side] || was[side] === to[side];
    if (explained("identityStack") && explained("buildkiteStack")) continue;
    undeclaredMoves.push(p.slug);
    if (undeclaredMoves.length > MAX_NAMED) continue;
    issues.push({
      path: at,
      message:
        `"${p.slug}" is in ${was.identityStack} and ${was.buildkiteStack} (fleet record ${file}), but the declaration puts it in ` +
        `${to.identityStack} and ${to.buildkiteStack} without declaring the move, which would destroy it in one state and create it in another — ` +
        "declare the move: movedFrom with the old values of the fields you changed (account, identityShard, buildkiteShard), or, " +
        "for a changed shard count, previousShards / previousBuildkiteShards with the old count; or undo the change",
    });
  }
  if (undeclaredMoves.length > MAX_NAMED) {
    issues.push({ path: "pipelines", message: `and ${undeclaredMoves.length - MAX_NAMED} more pipelines would move without a declared move — the same fix` });
  }

  d.retired.forEach((r, j) => {
    const was = record.pipelines[r.slug];
    const stack = retiredBuildkiteStack(d, r);
    if (was && !r.destroy && was.buildkiteStack !== stack) {
      issues.push({
        path: `retired[${j}]`,
        message: `"${r.slug}" was in ${was.buildkiteStack} (fleet record ${file}), not ${stack} — set buildkiteShard to that stack's number so the right stack keeps its Buildkite pipeline`,
      });
    }
  });
  return issues;
}

/**
 * The moves and retirements a declaration carries out, one line each, for the operator: which
 * stack forgets what (`removed` blocks) and which imports it (`import` blocks), and what is deleted.
 */
export function fleetChanges(d: PlatformDeclaration): string[] {
  const moved = (from: string, to: string) => (from === to ? undefined : `${from} → ${to}`);
  const moves = pipelineMoves(d).map(({ pipeline, from, to }) => {
    const sides = [moved(from.identityStack, to.identityStack), moved(from.buildkiteStack, to.buildkiteStack)].filter((s) => s !== undefined);
    return `move ${pipeline.slug}: ${sides.join(", ")} (the old stack forgets it with removed blocks, the new one imports it; nothing is destroyed)`;
  });
  const retirements = d.retired.map((r) =>
    r.destroy
      ? `retire ${r.slug}: its roles and its Buildkite pipeline (with its build history) are destroyed, as declared (${r.reason})`
      : `retire ${r.slug}: ${retiredBuildkiteStack(d, r)} forgets its Buildkite pipeline with a removed block (history kept); its roles are destroyed (${r.reason})`,
  );
  return [...moves, ...retirements];
}
