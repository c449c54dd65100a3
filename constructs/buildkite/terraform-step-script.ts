/**
 * The POSIX sh scripts of the Terraform steps. They run inside
 * {@link interpolationFreeScript}, so they read Buildkite's variables at run
 * time like any shell script.
 */
import { backendConfigArguments } from "../state/backend-config";
import { PipelineState } from "../state/state-backend";
import { BRANCH_WORKSPACE_PREFIX, NOT_A_WORKSPACE_NAME_PATTERN, STATE_FILE_NAME, UNALTERED_BRANCH_MAX_LENGTH, WORKSPACE_MAX_LENGTH } from "../state/state-key";
import { shellQuote } from "../private/shell";
import { annotationLines, approverCheckLines, PLAN_JSON_FILE, PlanReviewOptions, reviewShellFunction, toolCheckLines } from "./plan-review";

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
  /** How plans are reviewed: the approval policy, the declared risky types, the approving teams. */
  readonly review: PlanReviewOptions;
  /**
   * The block step the plan step uploads when the plan needs approval (`on-risk`), as pipeline YAML;
   * undefined when the pipeline's steps hold a block step of their own (`always`) or none (`never`).
   */
  readonly uploadedBlockStep?: string;
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
 * The plan step: `terraform plan -lock=false -out` against the stable workspace, the state merging
 * would change, whatever the branch or pull request (the plan role reads it and takes no lock). Then
 * the review: the JSON plan uploaded as an artifact, an annotation with the counts, the destroyed and
 * replaced resources first, the decision of the approval policy and the full rendered plan; on the
 * default branch (not a pull request), the saved plan uploaded for the apply step and, when the plan
 * needs approval and the policy is `on-risk`, the block step added to the build. In a scheduled build
 * it is either the drift check (`-detailed-exitcode`, failing when the infrastructure differs from the
 * code) or, for a scheduled apply, a plan limited to the targets.
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
  // As the apply step decides: the default branch, not a pull request, and a scheduled build only for a scheduled apply.
  const applies = scheduled?.kind === "apply" ? onDefaultBranch(context) : `${onDefaultBranch(context)} && [ "\${BUILDKITE_SOURCE:-}" != schedule ]`;
  return [
    ...prologue(context),
    ...(onSchedule ? ['if [ "${BUILDKITE_SOURCE:-}" = schedule ]; then', ...indent(onSchedule), "else", ...indent(normal), "fi"] : normal),
    'echo "--- :terraform: Review"',
    ...reviewShellFunction(context.review, context.defaultBranch),
    `if ${applies}; then bktt_review_plan check-commit; else bktt_review_plan; fi`,
    ...(scheduled?.kind === "apply"
      ? ['if [ "${BUILDKITE_SOURCE:-}" = schedule ]; then review_reasons=""; fi # a scheduled apply applies without approval, by design']
      : []),
    ...annotationLines(context.state.pipeline, context.state.stableWorkspace, applies),
    `if [ -s ${PLAN_JSON_FILE} ]; then buildkite-agent artifact upload ${PLAN_JSON_FILE}; fi`,
    // Only a build that applies saves the plan where the apply step takes it from.
    `if ${applies}; then`,
    `  buildkite-agent artifact upload ${PLAN_FILE}`,
    ...(context.uploadedBlockStep
      ? ['  if [ -n "${review_reasons}" ]; then', `    printf '%s' ${shellQuote(context.uploadedBlockStep)} | buildkite-agent pipeline upload`, "  fi"]
      : []),
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
 * plan step saved in this build, reviews that very plan again (the plan step
 * ran the build's code, so nothing it said is trusted) and, when the plan
 * needs approval, applies only if a member of an approving team unblocked
 * the build; then it applies exactly that plan.
 */
export function applyScript(context: TerraformScriptContext, planStepKey: string, scheduledApply: boolean): string {
  const review =
    context.review.policy === "never"
      ? []
      : [
          'echo "--- :terraform: Approval"',
          ...reviewShellFunction(context.review, context.defaultBranch),
          ...(scheduledApply
            ? [
                'if [ "${BUILDKITE_SOURCE:-}" = schedule ]; then',
                '  review_reasons=""',
                '  echo "A scheduled apply applies without approval."',
                "else",
                "  bktt_review_plan check-commit",
                "fi",
              ]
            : ["bktt_review_plan check-commit"]),
          'if [ -n "${review_reasons}" ]; then',
          `  printf '%s\\n' "This plan needs approval:" "\${review_reasons}"`,
          ...indent(approverCheckLines(context.review.approvers)),
          '  printf \'Approved by %s (teams %s).\\n\' "${BUILDKITE_UNBLOCKER:-}" "${BUILDKITE_UNBLOCKER_TEAMS:-}"',
          "else",
          '  echo "This plan needs no approval: it destroys and replaces nothing and changes no IAM, KMS key policy or declared risky type."',
          "fi",
        ];
  return [
    `if ! { ${onDefaultBranch(context)}; }; then`,
    `  printf '%s\\n' ${shellQuote(`This build does not apply: only builds of ${context.defaultBranch} that are not pull requests apply;`)} "this is \${BUILDKITE_BRANCH} (pull request \${BUILDKITE_PULL_REQUEST:-false})."`,
    "  exit 0",
    "fi",
    ...(scheduledApply
      ? []
      : ['if [ "${BUILDKITE_SOURCE:-}" = schedule ]; then', '  echo "This scheduled build checks for drift; it does not apply."', "  exit 0", "fi"]),
    ...prologue(context),
    `buildkite-agent artifact download ${PLAN_FILE} . --step ${shellQuote(planStepKey)}`,
    ...review,
    'echo "+++ :terraform: Apply"',
    `terraform apply -input=false -lock-timeout=${context.lockTimeout} ${PLAN_FILE}`,
  ].join("\n");
}

/**
 * The build variable that turns a build of a preview branch into the destruction of its preview: a build created
 * (UI, API) on the branch with `BKTT_PREVIEW_DESTROY=true` destroys it; no push can set it.
 */
export const PREVIEW_DESTROY_VARIABLE = "BKTT_PREVIEW_DESTROY";

/** What a preview step does once it has decided that the build previews: apply the branch, or destroy its preview. */
export type PreviewRun = "apply" | "destroy";

/** The annotation context of a preview of one workspace; stable, so a re-run replaces it. */
export function previewAnnotationContext(slug: string, workspace: string): string {
  return `terraform-preview-${slug}-${workspace}`;
}

/**
 * The preview step (`apply`) and the preview-destroy step (`destroy`), which are in every build so that no other
 * step can take their keys. Each decides at run time, before any credential, whether this build previews: only a
 * build of a branch of `branches` (names or prefixes ending in `*`, FORMATS `previewBranch`) that is not a pull
 * request does, and, of those, a build with `BKTT_PREVIEW_DESTROY=true` destroys (the destroy step) instead of
 * applying (the preview step); every other build ends the step here, successfully, without a token. A branch that
 * matches but whose name is not its own workspace name (`br-<branch>`: lowercase letters, digits and single `-`)
 * is refused: the preview role's state policy names exactly that workspace. Then, with the preview role, into
 * `br-<branch>`: `terraform apply -auto-approve` (a plan and its apply under one state lock) or `terraform destroy`.
 */
export function previewScript(context: TerraformScriptContext, branches: readonly string[], run: PreviewRun): string {
  const state = context.state;
  const listed = branches.join(", ");
  const destroyRequested = `[ "\${${PREVIEW_DESTROY_VARIABLE}:-}" = true ]`;
  const workspace = `"${BRANCH_WORKSPACE_PREFIX}\${BUILDKITE_BRANCH}"`;
  const verb = run === "apply" ? "Applied" : "Destroyed";
  return [
    'if [ "${BUILDKITE_PULL_REQUEST:-false}" != false ]; then',
    '  echo "This build does not preview: it is a pull request build; previews are applied by branch builds of a preview branch."',
    "  exit 0",
    "fi",
    'case "${BUILDKITE_BRANCH}" in',
    `  ${branches.map(shellCasePattern).join("|")}) ;;`,
    `  *) printf '%s\\n' "This build does not preview: \${BUILDKITE_BRANCH} is not a preview branch (${listed})."; exit 0 ;;`,
    "esac",
    ...(run === "apply"
      ? [
          `if ${destroyRequested}; then`,
          `  echo "This build destroys the preview (${PREVIEW_DESTROY_VARIABLE}=true): the preview-destroy step does, not this one."`,
          "  exit 0",
          "fi",
        ]
      : [
          `if ! ${destroyRequested}; then`,
          `  echo "This build does not destroy the preview: only a build of the branch created with ${PREVIEW_DESTROY_VARIABLE}=true does."`,
          "  exit 0",
          "fi",
        ]),
    // The preview role's state policy names br-<branch> exactly: a name the workspace convention would alter gets nothing.
    'case "${BUILDKITE_BRANCH}" in',
    `  ${NOT_A_WORKSPACE_NAME_PATTERN}) printf '%s\\n' "Refusing to preview \${BUILDKITE_BRANCH}: a preview branch's name must be lowercase letters, digits and single \\"-\\" (its state is the workspace br-<branch>); rename the branch." >&2; exit 1 ;;`,
    "esac",
    `if [ "\${#BUILDKITE_BRANCH}" -gt ${UNALTERED_BRANCH_MAX_LENGTH} ]; then`,
    `  printf '%s\\n' "Refusing to preview \${BUILDKITE_BRANCH}: a preview branch's name has at most ${UNALTERED_BRANCH_MAX_LENGTH} characters (its workspace br-<branch> at most ${WORKSPACE_MAX_LENGTH}); rename the branch." >&2`,
    "  exit 1",
    "fi",
    ...prologue(context, workspace),
    run === "apply" ? 'echo "+++ :terraform: Preview: apply"' : 'echo "+++ :terraform: Preview: destroy"',
    `terraform ${run} -input=false -auto-approve -lock-timeout=${context.lockTimeout}`,
    `printf '### :terraform: Preview of %s (workspace %s)\\n\\n%s %s at %s into its own state, %s.\\n' ${shellQuote(state.pipeline)} "\${workspace}" ${shellQuote(verb)} "\${BUILDKITE_BRANCH}" "$(git rev-parse --short HEAD 2>/dev/null || echo HEAD)" ${shellQuote(`s3://${state.backend.bucketName}/${state.pipelinePrefix}`)}"\${workspace}"${shellQuote(`/${STATE_FILE_NAME}`)} |`,
    `  buildkite-agent annotate --context ${shellQuote(previewAnnotationContext(state.pipeline, ""))}"\${workspace}" --style ${run === "apply" ? "success" : "info"}`,
  ].join("\n");
}

/** A preview branch as a `case` pattern: the literal quoted, a trailing `*` left a wildcard. */
function shellCasePattern(branch: string): string {
  return branch.endsWith("*") ? `${shellQuote(branch.slice(0, -1))}*` : shellQuote(branch);
}

function onDefaultBranch(context: TerraformScriptContext): string {
  return `[ "\${BUILDKITE_BRANCH}" = ${shellQuote(context.defaultBranch)} ] && [ "\${BUILDKITE_PULL_REQUEST:-false}" = false ]`;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/**
 * Checks, credentials and `terraform init` of a workspace's state: the stable workspace (plans of every branch
 * and pull request read the state merging would change, and only the default branch applies), or, for the
 * preview steps, `workspace` (a sh word, the branch's own workspace).
 */
function prologue(context: TerraformScriptContext, workspace = shellQuote(context.state.stableWorkspace)): string[] {
  const state = context.state;
  const key = state.pipelinePrefix;
  // The shared settings come from the state backend; only the key depends on the build.
  const backendArgs = [
    ...backendConfigArguments(state.backendConfig()).map(shellQuote),
    `${shellQuote(`-backend-config=key=${key}`)}"\${workspace}"${shellQuote(`/${STATE_FILE_NAME}`)}`,
  ];
  // The plugin (no credential lines) runs aws itself, in its hook.
  const tools = ["terraform", ...(context.credentialLines.length > 0 ? ["aws"] : [])];
  return [
    // Buildkite names fork branches `owner:branch`; a ':' cannot occur in a git branch of this repository.
    'case "${BUILDKITE_BRANCH}" in',
    '  *:*) echo "Refusing to run Terraform for ${BUILDKITE_BRANCH}: it is a pull request from a fork." >&2; exit 1 ;;',
    "esac",
    ...toolCheckLines(tools),
    ...(context.setupCommands.length > 0 ? ['checkout_root="$(pwd)"', ...context.setupCommands, 'cd "${checkout_root}"'] : []),
    ...context.credentialLines,
    ...context.googleCredentialLines,
    `workspace=${workspace}`,
    `printf '%s\\n' ${shellQuote(`State: s3://${state.backend.bucketName}/${key}`)}"\${workspace}"${shellQuote(`/${STATE_FILE_NAME}`)}`,
    `cd ${shellQuote(context.workingDirectory)}`,
    'echo "--- :terraform: Init"',
    `terraform init -input=false -reconfigure ${backendArgs.join(" ")}`,
  ];
}
