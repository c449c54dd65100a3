/**
 * The POSIX sh pieces of the platform pipeline that are its own: selecting the stacks whose
 * synthesized configuration changed since their last successful apply, skipping the others,
 * recording what was applied, and reading the Buildkite API token at job time. The Terraform
 * commands themselves are the Terraform steps' ({@link planScript}, {@link applyScript}).
 */
import { shellQuote } from "../private/shell";

/** The synthesized configuration of a stack, in its folder: what is hashed. */
export const STACK_CONFIGURATION_FILE = "cdk.tf.json";
/** Name of the object, next to a stack's state, that holds the SHA-256 of the configuration last applied. */
export const APPLIED_CONFIGURATION_HASH_FILE = "cdk.tf.json.sha256";
/** The build meta-data key that marks a stack to plan and apply in this build (its value: the configuration's hash). */
export function changedStackMetaDataKey(stackId: string): string {
  return `bktt-changed-${stackId}`;
}
/** Set to `true` in a build's environment (a new build's "Environment Variables") to plan and apply every stack. */
export const APPLY_ALL_VARIABLE = "BKTT_APPLY_ALL";

/** A stack the selection looks at. */
export interface SelectedStack {
  /** The stack's ID. */
  readonly id: string;
  /** Its folder in the checkout (holding `cdk.tf.json`). */
  readonly directory: string;
  /** `s3://<bucket>/<key>` of its applied configuration's hash (next to its state). */
  readonly appliedHashUri: string;
}

/**
 * The selection: for each stack, the SHA-256 of its `cdk.tf.json` against the hash recorded after
 * its last successful apply; a stack whose hashes differ, or that has none (never applied, or the
 * object could not be read), is marked in the build's meta-data. Only builds of the default branch
 * that are not pull requests select anything. Scheduled builds mark only
 * `scheduledStack` (the agent-token rotation) and hash nothing.
 */
export function selectionLines(stacks: readonly SelectedStack[], defaultBranch: string, scheduledStack: string | undefined): string[] {
  // The step's condition says so too; the script holds without it (a build created through the API with a pull request number).
  const onlyDefaultBranch = [
    `if ! { [ "\${BUILDKITE_BRANCH}" = ${shellQuote(defaultBranch)} ] && [ "\${BUILDKITE_PULL_REQUEST:-false}" = false ]; }; then`,
    `  printf '%s\\n' ${shellQuote(`The platform is planned and applied only by builds of ${defaultBranch} that are not pull requests;`)} "this is \${BUILDKITE_BRANCH} (pull request \${BUILDKITE_PULL_REQUEST:-false}): no stack is selected."`,
    "  exit 0",
    "fi",
  ];
  const schedule = scheduledStack
    ? [
        'if [ "${BUILDKITE_SOURCE:-}" = schedule ]; then',
        `  printf '%s\\n' ${shellQuote(`Scheduled build: only the scheduled apply of ${scheduledStack} runs.`)}`,
        `  buildkite-agent meta-data set ${shellQuote(changedStackMetaDataKey(scheduledStack))} scheduled`,
        "  exit 0",
        "fi",
      ]
    : [];
  return [
    ...onlyDefaultBranch,
    ...schedule,
    'echo "+++ :mag: Stacks whose configuration changed since their last successful apply"',
    "selected=''",
    "select_stack() {",
    `  if [ ! -f "$2/${STACK_CONFIGURATION_FILE}" ]; then`,
    `    printf '%s\\n' "$2/${STACK_CONFIGURATION_FILE} is missing: the setup commands must synthesize the platform." >&2`,
    "    exit 1",
    "  fi",
    `  current="$(sha256sum "$2/${STACK_CONFIGURATION_FILE}" | cut -d ' ' -f 1)"`,
    // A hash that cannot be read selects the stack: a missing or unreadable record never skips one.
    '  applied="$(aws s3 cp "$3" - 2>/dev/null || true)"',
    `  if [ "\${${APPLY_ALL_VARIABLE}:-false}" != true ] && [ "\${current}" = "\${applied}" ]; then`,
    "    printf '%s: unchanged since its last successful apply\\n' \"$1\"",
    "  else",
    '    printf \'%s: changed (configuration %s, last applied %s)\\n\' "$1" "${current}" "${applied:-never}"',
    `    buildkite-agent meta-data set "${changedStackMetaDataKey("")}$1" "\${current}"`,
    '    selected="${selected} $1"',
    "  fi",
    "}",
    ...stacks.map((s) => `select_stack ${shellQuote(s.id)} ${shellQuote(s.directory)} ${shellQuote(s.appliedHashUri)}`),
    'if [ -z "${selected}" ]; then',
    '  buildkite-agent annotate --context platform-stacks --style info "No stack changed since its last successful apply: nothing to plan or apply."',
    "else",
    '  buildkite-agent annotate --context platform-stacks --style info "Stacks to plan and apply:${selected}"',
    "fi",
  ];
}

/** The first lines of a stack's plan and apply steps: nothing to do unless the selection marked the stack. */
export function unlessSelectedLines(stackId: string, what: "plan" | "apply"): string[] {
  return [
    `if [ -z "$(buildkite-agent meta-data get ${shellQuote(changedStackMetaDataKey(stackId))} --default '')" ]; then`,
    `  printf '%s\\n' ${shellQuote(`${stackId}: unchanged since its last successful apply, nothing to ${what}.`)}`,
    "  exit 0",
    "fi",
  ];
}

/**
 * The last lines of a stack's apply step, in its folder after a successful apply: the hash of the
 * configuration applied, next to the state. Not after a scheduled (targeted) apply, which applies
 * only part of it.
 */
export function recordAppliedLines(appliedHashUri: string): string[] {
  return [
    'if [ "${BUILDKITE_SOURCE:-}" != schedule ]; then',
    // Not in a pipe, whose status would be the upload's: no hash is recorded unless the file was read.
    `  applied_hash="$(sha256sum ${STACK_CONFIGURATION_FILE})"`,
    `  printf '%s\\n' "\${applied_hash%% *}" | aws s3 cp - ${shellQuote(appliedHashUri)}`,
    "fi",
  ];
}
