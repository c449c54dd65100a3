import { checkFormat, checkWithin, FORMATS, normalizeWorkingDirectory, ValidationError } from "../private/validation";
import { interpolationFreeScript } from "../private/interpolation";
import { PipelineState } from "../state/state-backend";
import { RoleAccess } from "../trust/role-access";
import { BlockStep, CommandStep, PipelineStep, renderPipelineYaml } from "./pipeline-steps";
import { APPLIED_CONFIGURATION_HASH_FILE, recordAppliedLines, selectionLines, unlessSelectedLines } from "./platform-step-script";
import { allOfConditions, branchEquals, notCondition, notFork, notPullRequest, sourceIs } from "./step-condition";
import { stepCredentials } from "./step-credentials";
import { ApprovalOptions, ScheduledApplyOptions, TerraformPipelineSchedule } from "./terraform-pipeline-steps";
import { applyScript, planScript, TerraformScriptContext } from "./terraform-step-script";
import { ApprovalPolicy, PlanReviewOptions } from "./plan-review";

/** One stack the platform pipeline plans and applies. */
export interface PlatformStack {
  /** The stack's ID: its folder under `stacksDirectory` and its state's workspace. */
  readonly id: string;
  /** The stacks applied before it (its cdktf stack dependencies); each must be one of `stacks`. @default - none */
  readonly dependsOn?: readonly string[];
  /** The role the stack's plan and apply steps assume: one that can change only this stack's resources. */
  readonly role: RoleAccess;
  /** AWS region of the role's account (`AWS_REGION`, STS endpoint). */
  readonly region: string;
  /** Environment of the stack's steps. @default - none */
  readonly env?: Readonly<Record<string, string>>;
  /** sh lines run after the credentials, before Terraform (for example reading a provider's API token). @default - none */
  readonly credentialLines?: readonly string[];
}

/** What the platform pipeline's steps are made from. */
export interface PlatformPipelineStepsProps {
  /** The platform's states: each stack's state is the workspace named after it. */
  readonly state: PipelineState;
  /** The role of the selection step: reads the recorded hashes next to the states (a read-only plan role). */
  readonly select: RoleAccess;
  /** Region of the selection role. @default - the state bucket's region */
  readonly region?: string;
  /** The folder holding the synthesized stacks' folders (`cdktf.out/stacks`), relative to the checkout. */
  readonly stacksDirectory: string;
  /** The stacks, in deploy order. */
  readonly stacks: readonly PlatformStack[];
  /** The branch that applies; the only one that plans. @default "main" */
  readonly defaultBranch?: string;
  /** sh commands that synthesize the platform, at the checkout root. @default - none */
  readonly setupCommands?: readonly string[];
  /** Queue of the selection step. @default - the cluster's default queue */
  readonly queue?: string;
  /** Queue of every step that assumes a stack's role (they can write). @default - `queue` */
  readonly applyQueue?: string;
  /** One block step after the selection, before any apply. @default - approval by anyone who can build */
  readonly approval?: ApprovalOptions | false;
  /** Scheduled builds that plan and apply only some resources of one stack (agent-token rotation). @default - none */
  readonly scheduledApply?: ScheduledApplyOptions & {
    /** The stack the scheduled builds plan and apply. */
    readonly stack: string;
  };
  /** How long an apply waits for its state's lock. @default "5m" */
  readonly lockTimeout?: string;
}

/** The steps of one stack of a {@link PlatformPipelineSteps}. */
export interface PlatformStackStepKeys {
  /** Key of the stack's plan step. */
  readonly plan: string;
  /** Key of the stack's apply step. */
  readonly apply: string;
  /** The role both steps assume. */
  readonly role: RoleAccess;
  /** The stacks whose apply steps its plan step waits for. */
  readonly dependsOn: readonly string[];
}

/** Key of a stack's plan step. */
export function platformPlanStepKey(stackId: string): string {
  return `plan-${stackId}`;
}
/** Key of a stack's apply step. */
export function platformApplyStepKey(stackId: string): string {
  return `apply-${stackId}`;
}

/**
 * The steps of the pipeline that applies a whole platform, as plain data:
 *
 * - `select` (the read-only role): hashes each stack's synthesized `cdk.tf.json` and marks, in the
 *   build's meta-data, the stacks whose hash differs from the one recorded next to their state after
 *   their last successful apply;
 * - an optional block step;
 * - per stack, `plan-<stack>` and `apply-<stack>`, each assuming the stack's own role, the plan
 *   waiting for the applies of the stacks it depends on (independent stacks run in parallel); both
 *   end at once for an unmarked stack. The apply step is the Terraform steps' (it decides at run time
 *   that the build applies, applies the saved plan) and then records the applied configuration's hash.
 *
 * Only builds of the default branch plan; every apply step is in every build (no step uploaded into
 * a build can take its key), like {@link TerraformPipelineSteps}.
 */
export class PlatformPipelineSteps {
  /** The platform pipeline's slug. */
  readonly slug: string;
  /** The branch that plans and applies. */
  readonly defaultBranch: string;
  /** The platform's states. */
  readonly state: PipelineState;
  /** Key of the selection step. */
  readonly planStepKey: string;
  /** Key of the block step, if any. */
  readonly approvalStepKey?: string;
  /** Key of the apply step of the scheduled stack, else of the last stack. */
  readonly applyStepKey: string;
  /** Each stack's steps, by stack ID, in deploy order: their keys, the role both assume, the stacks applied before. */
  readonly stacks: ReadonlyMap<string, PlatformStackStepKeys>;
  /** The steps, in order, as typed objects. */
  readonly steps: readonly PipelineStep[];
  /** The steps as stored in the pipeline settings (before signing). */
  readonly yaml: string;
  /** The scheduled apply's schedule, if any. */
  readonly schedule?: TerraformPipelineSchedule;

  constructor(props: PlatformPipelineStepsProps) {
    const { state, select } = props;
    this.slug = state.pipeline;
    this.state = state;
    this.defaultBranch = checkFormat(FORMATS.branchName, "defaultBranch", props.defaultBranch ?? "main");
    const stacksDirectory = normalizeWorkingDirectory(checkFormat(FORMATS.workingDirectory, "stacksDirectory", props.stacksDirectory));
    const lockTimeout = checkFormat(FORMATS.lockTimeout, "lockTimeout", props.lockTimeout ?? "5m");
    const queue = props.queue === undefined ? undefined : checkFormat(FORMATS.queueKey, "queue", props.queue);
    const applyQueue = props.applyQueue === undefined ? queue : checkFormat(FORMATS.queueKey, "applyQueue", props.applyQueue);
    const agents = (key: string | undefined) => (key ? { queue: key } : undefined);
    const ids = new Set<string>();
    props.stacks.forEach((stack, i) => {
      if (ids.has(stack.id))
        throw new ValidationError({ code: "duplicate", field: `stacks[${i}].id`, value: stack.id, problem: "is declared twice", fix: "list every stack once" });
      (stack.dependsOn ?? []).forEach((dependency, j) => {
        if (!ids.has(dependency)) {
          throw new ValidationError({
            code: "conflict",
            field: `stacks[${i}].dependsOn[${j}]`,
            value: dependency,
            problem: `is not a stack listed before ${stack.id}`,
            fix: "list the stacks in deploy order, each after the stacks it depends on",
          });
        }
      });
      ids.add(stack.id);
    });
    const scheduled = props.scheduledApply;
    if (scheduled && !ids.has(scheduled.stack)) {
      throw new ValidationError({
        code: "conflict",
        field: "scheduledApply.stack",
        value: scheduled.stack,
        problem: "is not one of the stacks",
        fix: "name the stack the schedule applies",
      });
    }
    const stackState = (id: string) => checkWithin(`stacks.${id}`, () => state.backend.pipelineState(state.pipeline, { stableWorkspace: id }));
    const directory = (id: string) => `${stacksDirectory}/${id}`;
    const appliedHashUri = (id: string) => `s3://${state.backend.bucketName}/${state.pipelinePrefix}${id}/${APPLIED_CONFIGURATION_HASH_FILE}`;
    const env = { TF_IN_AUTOMATION: "true", TF_INPUT: "false" };
    const onDefaultBranch = allOfConditions([notFork(), branchEquals(this.defaultBranch), notPullRequest()]);

    this.planStepKey = checkFormat(FORMATS.stepKey, "select.stepKeys", select.stepKeys.length === 1 ? select.stepKeys[0] : "select");
    const selectCredentials = stepCredentials(select, props.region ?? state.backend.region);
    const setup = props.setupCommands ?? [];
    const selectStep: CommandStep = {
      type: "command",
      key: this.planStepKey,
      label: ":mag: Changed stacks",
      condition: onDefaultBranch,
      agents: agents(queue),
      env,
      plugins: selectCredentials.plugins,
      commands: [
        interpolationFreeScript(
          [
            ...(setup.length > 0 ? ['checkout_root="$(pwd)"', ...setup, 'cd "${checkout_root}"'] : []),
            ...selectCredentials.scriptLines,
            ...selectionLines(
              props.stacks.map((s) => ({ id: s.id, directory: directory(s.id), appliedHashUri: appliedHashUri(s.id) })),
              this.defaultBranch,
              scheduled?.stack,
            ),
          ].join("\n"),
        ),
      ],
      timeoutInMinutes: Math.floor(select.sessionDurationSeconds / 60),
    };

    const policy = platformApprovalPolicy(props.approval);
    const approvalOptions = props.approval === false ? undefined : props.approval;
    const review: PlanReviewOptions = { policy, riskyTypes: [], approvers: approvalOptions?.allowedTeams };
    const approval: BlockStep | undefined =
      policy === "never"
        ? undefined
        : {
            type: "block",
            key: "approve",
            label: ":terraform: Apply the changed stacks?",
            prompt: approvalOptions?.prompt ?? "Apply the stacks the selection step lists (their plans follow, in deploy order)?",
            allowedTeams: approvalOptions?.allowedTeams,
            condition: scheduled ? notCondition(sourceIs("schedule")) : undefined,
            dependsOn: [this.planStepKey],
          };
    this.approvalStepKey = approval?.key;

    const keys = new Map<string, PlatformStackStepKeys>();
    const stackSteps = props.stacks.flatMap((stack): CommandStep[] => {
      const planKey = checkFormat(FORMATS.stepKey, `stacks.${stack.id}`, platformPlanStepKey(stack.id));
      const applyKey = checkFormat(FORMATS.stepKey, `stacks.${stack.id}`, platformApplyStepKey(stack.id));
      for (const key of [planKey, applyKey]) {
        if (stack.role.stepKeys.length > 0 && !stack.role.stepKeys.includes(key)) {
          throw new ValidationError({
            code: "conflict",
            field: `stacks.${stack.id}.role`,
            value: stack.role.roleName,
            problem: `does not admit the step key "${key}" ([${stack.role.stepKeys.join(", ")}])`,
            fix: `add "${key}" to the role's step keys`,
          });
        }
      }
      keys.set(stack.id, { plan: planKey, apply: applyKey, role: stack.role, dependsOn: stack.dependsOn ?? [] });
      // Never the plugin: the role can write, and the steps decide first whether there is anything to do.
      const credentials = stepCredentials(stack.role, stack.region, "script");
      const context: TerraformScriptContext = {
        defaultBranch: this.defaultBranch,
        workingDirectory: directory(stack.id),
        state: stackState(stack.id),
        credentialLines: [...credentials.scriptLines, ...(stack.credentialLines ?? [])],
        // The platform's GCP identity stacks get no Google credentials from these steps yet (docs/buildkite.md).
        googleCredentialLines: [],
        review,
        setupCommands: setup,
        lockTimeout,
      };
      const isScheduled = scheduled?.stack === stack.id;
      const stackEnv = { ...env, ...stack.env };
      const timeoutInMinutes = Math.floor(stack.role.sessionDurationSeconds / 60);
      const planStep: CommandStep = {
        type: "command",
        key: planKey,
        label: `:terraform: ${stack.id}: plan`,
        condition: onDefaultBranch,
        dependsOn: [this.planStepKey, ...(stack.dependsOn ?? []).map(platformApplyStepKey)],
        agents: agents(applyQueue),
        env: stackEnv,
        commands: [
          interpolationFreeScript(
            [...unlessSelectedLines(stack.id, "plan"), planScript(context, isScheduled ? { kind: "apply", targets: scheduled.targets } : undefined)].join("\n"),
          ),
        ],
        timeoutInMinutes,
      };
      const applyStep: CommandStep = {
        type: "command",
        key: applyKey,
        label: `:terraform: ${stack.id}: apply`,
        dependsOn: approval ? [planKey, approval.key] : [planKey],
        agents: agents(applyQueue),
        env: stackEnv,
        commands: [
          interpolationFreeScript(
            [...unlessSelectedLines(stack.id, "apply"), applyScript(context, planKey, isScheduled), ...recordAppliedLines(appliedHashUri(stack.id))].join("\n"),
          ),
        ],
        concurrency: { group: `terraform-state/${this.slug}/${stack.id}`, limit: 1, method: "ordered" },
        timeoutInMinutes,
      };
      return [planStep, applyStep];
    });
    this.stacks = keys;
    const last = props.stacks[props.stacks.length - 1];
    if (last === undefined) throw new ValidationError({ code: "empty", field: "stacks", value: [], problem: "is empty", fix: "list the platform's stacks" });
    this.applyStepKey = platformApplyStepKey(scheduled?.stack ?? last.id);
    this.schedule = scheduled && {
      run: { kind: "apply", targets: scheduled.targets },
      cronline: checkFormat(FORMATS.cronline, "scheduledApply.cronline", scheduled.cronline),
      label: scheduled.label,
    };
    this.steps = [selectStep, ...(approval ? [approval] : []), ...stackSteps];
    this.yaml = renderPipelineYaml(this.steps);
  }
}

/**
 * When the platform pipeline's applies wait for approval: one block step before every apply (`always`) or none
 * (`never`). Per-stack `on-risk` uploads are not done here (each stack's plan would upload a block step with the
 * same key), so a declared `on-risk` approves `always`.
 */
export function platformApprovalPolicy(approval: ApprovalOptions | false | undefined): ApprovalPolicy {
  return approval === false || approval?.policy === "never" ? "never" : "always";
}
