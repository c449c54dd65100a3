import { checkFormat, checkWithin, FORMATS, normalizeWorkingDirectory, ValidationError } from "../private/validation";
import { PipelineState } from "../state/state-backend";
import { workspaceName } from "../state/state-key";
import { RoleAccess } from "../trust/role-access";
import { branchAdmitted } from "./branch-glob";
import { interpolationFreeScript } from "../private/interpolation";
import { BlockStep, CommandStep, PipelineStep, renderPipelineYaml } from "./pipeline-steps";
import { CredentialMethod, stepCredentials } from "./step-credentials";
import { GcpPipelineAccess } from "../gcp/gcp-pipeline-access";
import { googleCredentialLines } from "./google-step-credentials";
import { allOfConditions, branchMatchesAny, notCondition, notFork, sourceIs } from "./step-condition";
import { applyScript, planScript, previewScript, ScheduledRun, TerraformScriptContext } from "./terraform-step-script";
import { APPROVAL_POLICIES, ApprovalPolicy, DEFAULT_APPROVAL_POLICY, PlanReviewOptions } from "./plan-review";

/** The manual approval between plan and apply. */
export interface ApprovalOptions {
  /**
   * When the apply waits for a person: `always`; `never` (no block step, as `approval: false`); or
   * `on-risk`, only when the plan destroys or replaces anything, changes IAM (`aws_iam_*`), a KMS key
   * policy (`aws_kms_key` policy changes, `aws_kms_key_policy`) or a type of `riskyResourceTypes`, when
   * the commit is not on the default branch, or when the plan cannot be read. The plan step adds the
   * block step to the build when it is needed; the apply step reviews the plan it applies again and
   * refuses it unless a member of `allowedTeams` unblocked the build (docs/buildkite.md).
   * @default "on-risk"
   */
  readonly policy?: ApprovalPolicy;
  /**
   * Resource types whose changes need approval under `on-risk`, besides the built-in rules; a type,
   * or a prefix ending in `*` (`aws_rds_*`).
   * @default - none
   */
  readonly riskyResourceTypes?: readonly string[];
  /** Question shown on the block step. @default "Apply the reviewed plan?" */
  readonly prompt?: string;
  /**
   * Slugs of the teams whose members may unblock the apply (Buildkite's `allowed_teams`; the apply
   * step checks them against `BUILDKITE_UNBLOCKER_TEAMS`, which lists slugs, so not UUIDs); at least
   * one when given. Without it, whoever can build the pipeline can approve their own build.
   * @default - anyone who can build the pipeline
   */
  readonly allowedTeams?: readonly string[];
}

/** When the drift check runs unless told otherwise: nightly at 03:00. */
export const DEFAULT_DRIFT_CRONLINE = "0 3 * * *";

/** A nightly check that the infrastructure still matches the default branch. */
export interface DriftDetectionOptions {
  /** Cron line of the schedule (Buildkite syntax, UTC unless a zone is given). @default "0 3 * * *" */
  readonly cronline?: string;
}

/** Scheduled builds that plan and apply without approval, limited to some resources (token rotation). */
export interface ScheduledApplyOptions {
  /** Cron line of the schedule (Buildkite syntax). */
  readonly cronline: string;
  /** Label of the schedule in Buildkite. */
  readonly label: string;
  /** Terraform resource addresses the scheduled plan targets; at least one. */
  readonly targets: readonly string[];
}

/** Keys of the generated steps. */
export interface TerraformStepKeys {
  /** @default - the plan role's only step key, or "plan" */
  readonly plan?: string;
  /** @default "approve" */
  readonly approval?: string;
  /** @default - the apply role's first step key */
  readonly apply?: string;
  /** @default "preview" */
  readonly preview?: string;
  /** @default "preview-destroy" */
  readonly previewDestroy?: string;
}

/** What the steps of a Terraform pipeline are made from. */
export interface TerraformPipelineStepsProps {
  /** Pipeline name shown in Buildkite; it labels the drift-detection schedule. */
  readonly name: string;
  /** The role of the plan step (and the scheduled drift check). */
  readonly plan: RoleAccess;
  /** The role of the apply step. */
  readonly apply: RoleAccess;
  /**
   * The preview role: with it, builds of its branches (preview branches, FORMATS `previewBranch`; never the default
   * branch) apply into their own workspace, `br-<branch>`, in a `preview` step, and a build created with
   * `BKTT_PREVIEW_DESTROY=true` destroys that preview in a `preview-destroy` step. Both steps are in every build.
   * @default - no preview environments
   */
  readonly preview?: RoleAccess;
  /**
   * The pipeline's Terraform states; its `pipeline` is the pipeline slug. Each build's state key is
   * `<pipelinePrefix><workspace>/terraform.tfstate`, the workspace computed from the build at run time.
   */
  readonly state: PipelineState;
  /** AWS region the jobs work in (`AWS_REGION`, STS endpoint). @default - the state bucket's region */
  readonly region?: string;
  /** The branch that applies. @default "main" */
  readonly defaultBranch?: string;
  /** Terraform root module, relative to the repository root. @default "." */
  readonly workingDirectory?: string;
  /**
   * POSIX sh commands run at the repository root before Terraform, for
   * example `npm ci` and `npx cdktf synth` for a cdktf repository.
   * @default - none
   */
  readonly setupCommands?: readonly string[];
  /** Queue key the plan step runs on (and the apply step, unless `applyQueue` is set). @default - the cluster's default queue */
  readonly queue?: string;
  /**
   * Queue key the apply step runs on: a queue whose agents run nothing but apply
   * steps, verify step signatures and refuse unsigned ones (see docs/buildkite.md),
   * so that the code of unreviewed branches, which every plan runs, never runs where
   * the apply role's credentials do.
   * @default - `queue`
   */
  readonly applyQueue?: string;
  /**
   * The approval between plan and apply, or `false` to apply without one (`policy: "never"`).
   * @default - on-risk approval by anyone who can build
   */
  readonly approval?: ApprovalOptions | false;
  /** Scheduled drift check, or `false` for none. @default - nightly at 03:00 */
  readonly driftDetection?: DriftDetectionOptions | false;
  /** Scheduled targeted applies instead of the drift check. @default - none */
  readonly scheduledApply?: ScheduledApplyOptions;
  /**
   * How the plan step gets credentials; `auto` uses the assume-role plugin where it can mint the expected token.
   * The apply step always writes its token request out, after its run-time check that the build applies:
   * a plugin's hook would assume the role before any command could decide.
   * @default "auto"
   */
  readonly credentials?: CredentialMethod;
  /** @default - derived from the roles */
  readonly stepKeys?: TerraformStepKeys;
  /**
   * The pipeline's Google Cloud service accounts: the plan and apply steps also impersonate their own
   * account, keyless, beside their AWS role (the apply step only once it has decided that the build applies).
   * @default - no Google Cloud credentials
   */
  readonly gcp?: GcpPipelineAccess;
  /** How long the apply waits for the state lock (`-lock-timeout`); plans take no lock. @default "5m" */
  readonly lockTimeout?: string;
}

/** The scheduled build of the default branch a pipeline needs. */
export interface TerraformPipelineSchedule {
  /** What the plan step does in the scheduled build (the apply step follows only a scheduled apply). */
  readonly run: ScheduledRun;
  /** Cron line of the schedule (Buildkite syntax). */
  readonly cronline: string;
  /** Label of the schedule in Buildkite. */
  readonly label: string;
}

/**
 * The steps of a Buildkite pipeline for one Terraform root module, as plain
 * data: it creates no resources, so it can be built and inspected without a
 * stack ({@link BuildkiteTerraformPipeline} stores it in a pipeline). The
 * constructor checks every input once and throws a {@link ValidationError}
 * naming the field.
 *
 * - `plan` on every branch and pull request the plan role admits, never for
 *   forks; on the default branch it saves the plan as an artifact;
 * - an optional `block` step, then `apply` with the apply role, applying
 *   exactly the saved plan, in a concurrency group per state so two applies
 *   never overlap. Both are in every build, unconditioned, so that no step
 *   uploaded into a build can take their keys (a step an `if` leaves out of a
 *   build frees its key, and a dependency on it counts as met); the apply
 *   step decides at run time, before any credential, that only a build of
 *   the default branch that is not a pull request applies. The one exception:
 *   with `scheduledApply`, scheduled builds leave the block step out, since
 *   they apply without approval by design and run the default branch's head;
 * - scheduled builds on the default branch run the drift check in the plan
 *   step (or, with `scheduledApply`, a targeted plan and apply).
 *
 * Each step requests the OIDC token its role's trust policy checks (audience,
 * claims, session tags come from the same {@link RoleAccess}), carries the
 * step key the role admits, and runs only on branches the role admits.
 *
 * @example
 * const access = new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking" });
 * const steps = new TerraformPipelineSteps({ name: "Networking", plan: access.plan, apply: access.apply, state: backend.pipelineState("networking") });
 * steps.steps.map((step) => step.type); // ["command", "block", "command"]
 * steps.yaml;                           // "steps:\n  - label: ..."
 */
export class TerraformPipelineSteps {
  /** The pipeline slug (the pipeline of the states, and the one the roles trust). */
  readonly slug: string;
  /** The branch that applies. */
  readonly defaultBranch: string;
  /** The pipeline's Terraform states. */
  readonly state: PipelineState;
  /** Workspace of the default branch's state, the one the apply step changes. */
  readonly stableWorkspace: string;
  /** Key of the plan step (admitted by the plan role). */
  readonly planStepKey: string;
  /**
   * Key of the block step, unless the pipeline applies without approval: in the steps with
   * `always`, added to the build by the plan step when the plan needs it with `on-risk`.
   */
  readonly approvalStepKey?: string;
  /** When the apply waits for approval. */
  readonly approvalPolicy: ApprovalPolicy;
  /** Key of the apply step (admitted by the apply role). */
  readonly applyStepKey: string;
  /** Key of the preview step (admitted by the preview role), when the pipeline has previews. */
  readonly previewStepKey?: string;
  /** Key of the preview-destroy step (admitted by the preview role), when the pipeline has previews. */
  readonly previewDestroyStepKey?: string;
  /** The steps, in order, as typed objects. */
  readonly steps: readonly PipelineStep[];
  /** The steps as stored in the pipeline settings (before signing). */
  readonly yaml: string;
  /** The drift-detection or scheduled-apply schedule, if any. */
  readonly schedule?: TerraformPipelineSchedule;

  constructor(props: TerraformPipelineStepsProps) {
    const { plan, apply, state } = props;
    this.slug = state.pipeline;
    this.state = state;
    // The scripts quote it; the format refuses what a step condition could not carry.
    this.defaultBranch = checkFormat(FORMATS.branchName, "defaultBranch", props.defaultBranch ?? "main");
    const workingDirectory = normalizeWorkingDirectory(checkFormat(FORMATS.workingDirectory, "workingDirectory", props.workingDirectory ?? "."));
    // The scripts pass the backend's settings to `terraform init`: they must be literals, and valid.
    checkWithin("state", () => state.backendConfig());
    this.stableWorkspace = checkWithin("state", () =>
      workspaceName({ branch: this.defaultBranch, defaultBranch: this.defaultBranch, stableName: state.stableWorkspace }),
    );
    const lockTimeout = checkFormat(FORMATS.lockTimeout, "lockTimeout", props.lockTimeout ?? "5m");
    const queue = props.queue === undefined ? undefined : checkFormat(FORMATS.queueKey, "queue", props.queue);
    const applyQueue = props.applyQueue === undefined ? queue : checkFormat(FORMATS.queueKey, "applyQueue", props.applyQueue);
    checkRunsOnDefaultBranch("plan", plan, this.defaultBranch);
    checkRunsOnDefaultBranch("apply", apply, this.defaultBranch);
    this.schedule = schedule(props);

    this.planStepKey = checkStepKey("plan", plan, props.stepKeys?.plan ?? (plan.stepKeys.length === 1 ? plan.stepKeys[0] : "plan"));
    this.applyStepKey = checkStepKey("apply", apply, props.stepKeys?.apply ?? apply.stepKeys[0] ?? "apply");

    const region = props.region === undefined ? state.backend.region : checkFormat(FORMATS.region, "region", props.region);
    const agents = (key: string | undefined) => (key ? { queue: key } : undefined);
    const env = { TF_IN_AUTOMATION: "true", TF_INPUT: "false" };
    const approvalOptions = props.approval === false ? { policy: "never" as const } : (props.approval ?? {});
    this.approvalPolicy = approvalPolicy(approvalOptions.policy);
    const approvalKey = checkFormat(FORMATS.stepKey, "stepKeys.approval", props.stepKeys?.approval ?? "approve");
    const review: PlanReviewOptions = {
      policy: this.approvalPolicy,
      riskyTypes: riskyTypes(this.approvalPolicy, approvalOptions.riskyResourceTypes),
      approvers: approvers(approvalOptions.allowedTeams),
    };
    const blockStep = (condition: BlockStep["condition"], dependsOn: readonly string[] | undefined): BlockStep => ({
      type: "block",
      key: approvalKey,
      label: ":terraform: Apply?",
      prompt: approvalOptions.prompt ?? "Apply the reviewed plan?",
      allowedTeams: review.approvers,
      condition,
      dependsOn,
    });
    // on-risk: the plan step uploads the block step (no dependency: an uploaded step waits for the step that uploads it).
    const uploadedBlockStep = this.approvalPolicy === "on-risk" ? renderPipelineYaml([blockStep(undefined, undefined)]) : undefined;
    const context = (credentialLines: readonly string[], googleCredentials: readonly string[]): TerraformScriptContext => ({
      defaultBranch: this.defaultBranch,
      workingDirectory,
      state,
      credentialLines,
      googleCredentialLines: googleCredentials,
      setupCommands: props.setupCommands ?? [],
      lockTimeout,
      review,
      uploadedBlockStep,
    });

    const planCredentials = stepCredentials(plan, region, props.credentials);
    const planGoogleCredentials = googleCredentialLines(props.gcp, "plan", { pipeline: this.slug, stepKey: this.planStepKey, branches: plan.branches });
    const planStep: CommandStep = {
      type: "command",
      key: this.planStepKey,
      label: ":terraform: Plan",
      condition: allOfConditions([notFork(), branchMatchesAny(plan.branches)]),
      agents: agents(queue),
      env,
      plugins: planCredentials.plugins,
      commands: [interpolationFreeScript(planScript(context(planCredentials.scriptLines, planGoogleCredentials), this.schedule?.run))],
      timeoutInMinutes: Math.floor(plan.sessionDurationSeconds / 60),
    };

    // always: a block step in every build. Only a scheduled apply's scheduled builds go without approval; the key they free is useless there (see above).
    const approval: BlockStep | undefined =
      this.approvalPolicy === "always" ? blockStep(props.scheduledApply ? notCondition(sourceIs("schedule")) : undefined, [this.planStepKey]) : undefined;
    this.approvalStepKey = this.approvalPolicy === "never" ? undefined : approvalKey;
    const preview = props.preview && checkPreviewRole(props.preview, this.defaultBranch, props.gcp);
    this.previewStepKey = preview && checkStepKey("preview", preview, props.stepKeys?.preview ?? "preview");
    this.previewDestroyStepKey = preview && checkStepKey("preview", preview, props.stepKeys?.previewDestroy ?? "preview-destroy", "stepKeys.previewDestroy");
    checkDistinctStepKeys([
      ["plan", this.planStepKey],
      ["apply", this.applyStepKey],
      ["approval", this.approvalStepKey],
      ["preview", this.previewStepKey],
      ["previewDestroy", this.previewDestroyStepKey],
    ]);

    // Never the plugin: its hook would assume the role before the script decides whether this build applies.
    const applyCredentials = stepCredentials(apply, region, "script");
    // Only the default branch applies.
    const applyGoogleCredentials = googleCredentialLines(props.gcp, "apply", {
      pipeline: this.slug,
      stepKey: this.applyStepKey,
      branches: [this.defaultBranch],
    });
    // No condition: the step holds its key in every build and decides at run time (applyScript).
    const applyStep: CommandStep = {
      type: "command",
      key: this.applyStepKey,
      label: ":terraform: Apply",
      dependsOn: approval ? [this.planStepKey, approval.key] : [this.planStepKey],
      agents: agents(applyQueue),
      env,
      commands: [
        interpolationFreeScript(
          applyScript(context(applyCredentials.scriptLines, applyGoogleCredentials), this.planStepKey, props.scheduledApply !== undefined),
        ),
      ],
      concurrency: { group: `terraform-state/${this.slug}/${this.stableWorkspace}`, limit: 1, method: "ordered" },
      timeoutInMinutes: Math.floor(apply.sessionDurationSeconds / 60),
    };

    // No condition either: both hold their keys in every build and decide at run time (previewScript), on the plan
    // queue (they run the preview branch's code, which nobody reviewed), never with the plugin (it would assume first).
    const previewSteps: CommandStep[] = [];
    if (preview) {
      const previewContext = context(stepCredentials(preview, region, "script").scriptLines, []);
      const previewStep = (key: string, label: string, run: "apply" | "destroy", dependsOn?: readonly string[]): CommandStep => ({
        type: "command",
        key,
        label,
        dependsOn,
        agents: agents(queue),
        env,
        commands: [interpolationFreeScript(previewScript(previewContext, preview.branches, run))],
        timeoutInMinutes: Math.floor(preview.sessionDurationSeconds / 60),
      });
      previewSteps.push(
        previewStep(this.previewStepKey!, ":terraform: Preview", "apply"),
        previewStep(this.previewDestroyStepKey!, ":terraform: Destroy preview", "destroy", [this.previewStepKey!]),
      );
    }

    this.steps = [...(approval ? [planStep, approval, applyStep] : [planStep, applyStep]), ...previewSteps];
    this.yaml = renderPipelineYaml(this.steps);
  }
}

/** The teams allowed to unblock, each a slug; an empty list is refused rather than read as "anyone". */
function approvers(teams: readonly string[] | undefined): readonly string[] | undefined {
  if (teams === undefined) return undefined;
  if (teams.length === 0) {
    throw new ValidationError({
      code: "empty",
      field: "approval.allowedTeams",
      value: teams,
      problem: "is empty",
      fix: "name the teams whose members may approve the apply, or leave allowedTeams out to let anyone who can build approve",
    });
  }
  return teams.map((team, i) => {
    checkFormat(FORMATS.team, `approval.allowedTeams[${i}]`, team);
    if (FORMATS.uuid.test(team)) {
      throw new ValidationError({
        code: "invalid-team",
        field: `approval.allowedTeams[${i}]`,
        value: team,
        problem: "is a team UUID, and the apply step checks its approver against BUILDKITE_UNBLOCKER_TEAMS, which lists team slugs",
        fix: "name the team by its slug",
      });
    }
    return team;
  });
}

/** The approval policy, checked (it reaches the scripts). */
function approvalPolicy(policy: ApprovalPolicy | undefined): ApprovalPolicy {
  if (policy === undefined) return DEFAULT_APPROVAL_POLICY;
  if (APPROVAL_POLICIES.includes(policy)) return policy;
  throw new ValidationError({
    code: "conflict",
    field: "approval.policy",
    value: policy,
    problem: "is not an approval policy",
    fix: `use one of ${APPROVAL_POLICIES.map((p) => `"${p}"`).join(", ")}`,
  });
}

/** The declared risky types, which only `on-risk` reads. */
function riskyTypes(policy: ApprovalPolicy, types: readonly string[] | undefined): readonly string[] {
  if (types === undefined) return [];
  if (policy !== "on-risk") {
    throw new ValidationError({
      code: "conflict",
      field: "approval.riskyResourceTypes",
      value: types,
      problem: `only matter with policy "on-risk", and the policy is "${policy}"`,
      fix: 'remove riskyResourceTypes or use policy "on-risk"',
    });
  }
  return types.map((type, i) => checkFormat(FORMATS.resourceTypePattern, `approval.riskyResourceTypes[${i}]`, type));
}

/** The plan and apply steps both run on the default branch, so both roles must admit it. */
function checkRunsOnDefaultBranch(kind: "plan" | "apply", role: RoleAccess, defaultBranch: string): void {
  if (branchAdmitted(role.branches, defaultBranch)) return;
  throw new ValidationError({
    code: "conflict",
    field: "defaultBranch",
    value: defaultBranch,
    problem: `is not a branch the ${kind} role ${role.roleName} admits ([${role.branches.join(", ")}]), and the ${kind} step runs on it`,
    fix: `add it to the ${kind} role's branches or change defaultBranch`,
  });
}

/**
 * The preview role, checked: preview branches only (so that each branch is its own workspace's name), none of
 * them the default branch, which applies into the stable workspace with the apply role; AWS credentials only.
 */
function checkPreviewRole(role: RoleAccess, defaultBranch: string, gcp: GcpPipelineAccess | undefined): RoleAccess {
  role.branches.forEach((branch, i) => checkFormat(FORMATS.previewBranch, `preview.branches[${i}]`, branch));
  if (branchAdmitted(role.branches, defaultBranch)) {
    throw new ValidationError({
      code: "conflict",
      field: "preview.branches",
      value: [...role.branches],
      problem: `admit the default branch "${defaultBranch}", which applies into the stable workspace with the apply role`,
      fix: `name preview branches that do not match "${defaultBranch}", for example ["preview-*"]`,
    });
  }
  if (gcp !== undefined) {
    throw new ValidationError({
      code: "conflict",
      field: "preview",
      problem: "is given with gcp, and the preview steps get AWS credentials only (no Google Cloud service account for previews yet)",
      fix: "remove preview or gcp",
    });
  }
  return role;
}

/** The step key, if the role admits it (a role without step keys admits any). */
function checkStepKey(kind: "plan" | "apply" | "preview", role: RoleAccess, key: string, field = `stepKeys.${kind}`): string {
  checkFormat(FORMATS.stepKey, field, key);
  if (role.stepKeys.length > 0 && !role.stepKeys.includes(key)) {
    throw new ValidationError({
      code: "conflict",
      field,
      value: key,
      problem: `is not a step key the ${kind} role ${role.roleName} admits ([${role.stepKeys.join(", ")}])`,
      fix: `use one of those in stepKeys.${kind} or add "${key}" to the role's step keys`,
    });
  }
  return key;
}

/** Steps depend on each other by key, and the roles tell the steps apart by key: no two steps may share one. */
function checkDistinctStepKeys(keys: readonly (readonly [string, string | undefined])[]): void {
  const seen = new Map<string, string>();
  for (const [step, key] of keys) {
    if (key === undefined) continue;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ValidationError({
        code: "duplicate",
        field: `stepKeys.${step}`,
        value: key,
        problem: `is also the ${other} step's key`,
        fix: "give every step its own key",
      });
    }
    seen.set(key, step);
  }
}

/** The pipeline's one schedule: a scheduled apply, else the drift check unless it is off. */
function schedule(props: TerraformPipelineStepsProps): TerraformPipelineSchedule | undefined {
  const { scheduledApply, driftDetection } = props;
  if (scheduledApply) {
    if (driftDetection) {
      throw new ValidationError({
        code: "conflict",
        field: "driftDetection",
        problem: "and scheduledApply both use the pipeline's scheduled builds",
        fix: "set driftDetection: false with scheduledApply",
      });
    }
    if (scheduledApply.targets.length === 0) {
      throw new ValidationError({
        code: "empty",
        field: "scheduledApply.targets",
        value: scheduledApply.targets,
        problem: "is empty",
        fix: "name the resources the scheduled apply may change",
      });
    }
    return {
      run: { kind: "apply", targets: scheduledApply.targets },
      cronline: checkFormat(FORMATS.cronline, "scheduledApply.cronline", scheduledApply.cronline),
      label: scheduledApply.label,
    };
  }
  if (driftDetection === false) return undefined;
  return {
    run: { kind: "drift-check" },
    cronline: checkFormat(FORMATS.cronline, "driftDetection.cronline", driftDetection?.cronline ?? DEFAULT_DRIFT_CRONLINE),
    label: `Drift detection: ${props.name}`,
  };
}
