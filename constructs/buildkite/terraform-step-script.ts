/**
 * The POSIX sh scripts of the Terraform steps. They run inside
 * {@link interpolationFreeScript}, so they read Buildkite's variables at run
 * time like any shell script.
 */
import { backendConfigArguments } from "../state/backend-config";
import { PipelineState } from "../state/state-backend";
import { STATE_FILE_NAME, workspaceNameShellFunction, WORKSPACE_SHELL_FUNCTION } from "../state/state-key";
import { shellQuote } from "../private/shell";

/** What every Terraform step script needs. */
export interface TerraformScriptContext {
  /** The branch that applies, and whose state is the stable workspace. */
  readonly defaultBranch: string;
  /** Terraform root module, relative to the checkout. */
  readonly workingDirectory: string;
  /**
   * The pipeline's states: each build's state key is `<pipelinePrefix><workspace>/terraform.tfstate`,
   * the workspace computed from the build at run time.
   */
  readonly state: PipelineState;
  /** Lines that give the job its AWS credentials (empty when a plugin does it). */
  readonly credentialLines: readonly string[];
  /** Lines that give the job its Google Cloud credentials (empty when the pipeline uses no Google Cloud project). */
  readonly googleCredentialLines: readonly string[];
  /** Commands run at the checkout root before Terraform (for example `npx cdktf synth`). */
  readonly setupCommands: readonly string[];
  /** How long the apply waits for the state lock (plans take none). */
  readonly lockTimeout: string;
}

/** Name of the saved plan file, in the working directory. */
export const PLAN_FILE = "tfplan";

/** Exit status of the plan step when a scheduled drift check finds changes. */
export const DRIFT_EXIT_STATUS = 3;

/** What a scheduled build of the pipeline does. */
export type ScheduledRun =
  | {
      /** `terraform plan -detailed-exitcode`; the step fails when there are changes. */
      readonly kind: "drift-check";
    }
  | {
      /** A plan limited to `targets`, which the apply step then applies. */
      readonly kind: "apply";
      /** Terraform resource addresses. */
      readonly targets: readonly string[];
    };

/**
 * The plan step: `terraform plan -lock=false -out` for the build's workspace. On the
 * default branch (not a pull request) the saved plan is uploaded as an
 * artifact for the apply step. In a scheduled build it is either the drift
 * check (`-detailed-exitcode`, failing when the infrastructure differs from
 * the code) or, for a scheduled apply, a plan limited to the targets.
 */
export function planScript(context: TerraformScriptContext, scheduled: ScheduledRun | undefined): string {
  // Plans take no lock (the plan role may not write one): they write nothing, and apply refuses a saved plan
  // whose state changed after it was made, so a lock would only let any branch block or break the apply's.
  const plan = `terraform plan -input=false -lock=false -out=${PLAN_FILE}`;
  const onSchedule =
    scheduled?.kind === "drift-check"
      ? [
          'echo "+++ :terraform: Drift check"',
          "status=0",
          `${plan} -detailed-exitcode || status=$?`,
          'case "$status" in',
          '  0) echo "No drift: the infrastructure matches the code." ;;',
          `  2) printf '%s\\n' ${shellQuote(`Drift: the infrastructure differs from the code of ${context.defaultBranch}; see the plan above.`)} >&2; exit ${DRIFT_EXIT_STATUS} ;;`,
          '  *) exit "$status" ;;',
          "esac",
        ]
      : scheduled?.kind === "apply"
        ? ['echo "+++ :terraform: Plan (scheduled, targeted)"', `${plan} ${scheduled.targets.map((t) => `-target=${shellQuote(t)}`).join(" ")}`]
        : undefined;
  const normal = ['echo "+++ :terraform: Plan"', plan];
  return [
    ...prologue(context, "from-build"),
    ...(onSchedule ? ['if [ "${BUILDKITE_SOURCE:-}" = schedule ]; then', ...indent(onSchedule), "else", ...indent(normal), "fi"] : normal),
    `if ${onDefaultBranch(context)}; then`,
    `  buildkite-agent artifact upload ${PLAN_FILE}`,
    "fi",
  ].join("\n");
}

/**
 * The apply step, which is in every build so that no other step can take its
 * key. It decides at run time, before it asks for any credential, whether
 * this build applies: only a build of the default branch that is not a pull
 * request does, and a scheduled build only when the schedule is a scheduled
 * apply (`scheduledApply`); any other build ends the step here, successfully,
 * without a token or Terraform. A build that applies downloads the plan the
 * plan step saved in this build and applies exactly that plan.
 */
export function applyScript(context: TerraformScriptContext, planStepKey: string, scheduledApply: boolean): string {
  return [
    `if ! { ${onDefaultBranch(context)}; }; then`,
    `  printf '%s\\n' ${shellQuote(`This build does not apply: only builds of ${context.defaultBranch} that are not pull requests apply;`)} "this is \${BUILDKITE_BRANCH} (pull request \${BUILDKITE_PULL_REQUEST:-false})."`,
    "  exit 0",
    "fi",
    ...(scheduledApply
      ? []
      : ['if [ "${BUILDKITE_SOURCE:-}" = schedule ]; then', '  echo "This scheduled build checks for drift; it does not apply."', "  exit 0", "fi"]),
    // Only the default branch applies, so the state is always the stable workspace.
    ...prologue(context, "stable"),
    `buildkite-agent artifact download ${PLAN_FILE} . --step ${shellQuote(planStepKey)}`,
    'echo "+++ :terraform: Apply"',
    `terraform apply -input=false -lock-timeout=${context.lockTimeout} ${PLAN_FILE}`,
  ].join("\n");
}

function onDefaultBranch(context: TerraformScriptContext): string {
  return `[ "\${BUILDKITE_BRANCH}" = ${shellQuote(context.defaultBranch)} ] && [ "\${BUILDKITE_PULL_REQUEST:-false}" = false ]`;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/**
 * Checks, credentials and `terraform init` of the build's state. The workspace is either computed
 * from the branch or pull request at run time, or the stable one (steps that only run on the default branch).
 */
function prologue(context: TerraformScriptContext, workspace: "from-build" | "stable"): string[] {
  const state = context.state;
  const stable = state.stableWorkspace;
  const key = state.pipelinePrefix;
  // The shared settings come from the state backend; only the key depends on the build.
  const backendArgs = [
    ...backendConfigArguments(state.backendConfig()).map(shellQuote),
    `${shellQuote(`-backend-config=key=${key}`)}"\${workspace}"${shellQuote(`/${STATE_FILE_NAME}`)}`,
  ];
  return [
    // Buildkite names fork branches `owner:branch`; a ':' cannot occur in a git branch of this repository.
    'case "${BUILDKITE_BRANCH}" in',
    '  *:*) echo "Refusing to run Terraform for ${BUILDKITE_BRANCH}: it is a pull request from a fork." >&2; exit 1 ;;',
    "esac",
    ...(context.setupCommands.length > 0 ? ['checkout_root="$(pwd)"', ...context.setupCommands, 'cd "${checkout_root}"'] : []),
    ...context.credentialLines,
    ...context.googleCredentialLines,
    ...(workspace === "stable"
      ? [`workspace=${shellQuote(stable)}`]
      : [
          workspaceNameShellFunction(),
          `workspace="$(${WORKSPACE_SHELL_FUNCTION} "\${BUILDKITE_BRANCH}" ${shellQuote(context.defaultBranch)} "\${BUILDKITE_PULL_REQUEST:-false}" ${shellQuote(stable)})"`,
        ]),
    `printf '%s\\n' ${shellQuote(`State: s3://${state.backend.bucketName}/${key}`)}"\${workspace}"${shellQuote(`/${STATE_FILE_NAME}`)}`,
    `cd ${shellQuote(context.workingDirectory)}`,
    'echo "--- :terraform: Init"',
    `terraform init -input=false -reconfigure ${backendArgs.join(" ")}`,
  ];
}
