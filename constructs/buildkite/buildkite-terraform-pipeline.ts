import { Construct } from "constructs";
import { DataBuildkiteSignedPipelineSteps } from "../../providers/buildkite/lib/data-buildkite-signed-pipeline-steps";
import { Pipeline } from "../../providers/buildkite/lib/pipeline";
import { PipelineSchedule } from "../../providers/buildkite/lib/pipeline-schedule";
import { PipelineTeam } from "../../providers/buildkite/lib/pipeline-team";
import { recordPipelineRoles } from "../guardrails/pipeline-roles";
import { checkFormat, FORMATS, normalizeWorkingDirectory } from "../private/validation";
import { IStateBackend, PipelineState } from "../state/state-backend";
import { workspaceName } from "../state/state-key";
import { RoleAccess } from "../trust/role-access";
import { branchAdmitted } from "./branch-glob";
import { interpolationFreeScript } from "../private/interpolation";
import { BlockStep, CommandStep, PipelineStep, renderPipelineYaml } from "./pipeline-steps";
import { CredentialMethod, stepCredentials } from "./step-credentials";
import { allOfConditions, branchEquals, branchMatchesAny, notCondition, notFork, notPullRequest, sourceIs, StepCondition } from "./step-condition";
import { applyScript, planScript, ScheduledRun, TerraformScriptContext } from "./terraform-step-script";

/**
 * The roles a pipeline's steps assume, each described by the same
 * declaration as its trust policy. A `PipelineAccess` is one.
 */
export interface PipelineRoles {
  /** The pipeline slug the roles trust. @default - taken from the pipeline props */
  readonly pipeline?: string;
  /** The role of the plan step (and the scheduled drift check). */
  readonly plan: RoleAccess;
  /** The role of the apply step. */
  readonly apply: RoleAccess;
}

/** Access levels of a team on a pipeline. */
export type PipelineTeamAccessLevel = "READ_ONLY" | "BUILD_AND_READ" | "MANAGE_BUILD_AND_READ";

/** A team's access to the pipeline. */
export interface PipelineTeamAccess {
  /** Team ID (the `id` of a `buildkite_team`, a GraphQL ID). */
  readonly teamId: string;
  /** What the team may do with the pipeline. */
  readonly accessLevel: PipelineTeamAccessLevel;
}

/** The manual approval between plan and apply. */
export interface ApprovalOptions {
  /** Question shown on the block step. @default "Apply the reviewed plan?" */
  readonly prompt?: string;
  /** Team slugs or IDs allowed to unblock the apply. @default - anyone who can build the pipeline */
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

/** Sign the steps stored in the pipeline settings (Buildkite signed pipelines). */
export interface StepSigningOptions {
  /**
   * Path, on the machine running Terraform, of the JWKS with the private
   * signing key. A file keeps the key out of the Terraform state. Use an
   * EdDSA (Ed25519) key: PS512 and ES512 signatures differ on every run and
   * show as a change to the pipeline on every plan.
   */
  readonly jwksFile: string;
  /** Key ID in the JWKS. @default - the only key of the set */
  readonly jwksKeyId?: string;
}

/** Keys of the generated steps. */
export interface TerraformStepKeys {
  /** @default - the plan role's only step key, or "plan" */
  readonly plan?: string;
  /** @default "approve" */
  readonly approval?: string;
  /** @default - the apply role's first step key */
  readonly apply?: string;
}

/** A Buildkite pipeline for one Terraform root module, and the roles its steps assume. */
export interface BuildkiteTerraformPipelineProps {
  /** Pipeline name shown in Buildkite. */
  readonly name: string;
  /** Pipeline slug; the roles' trust policies name it. @default - `access.pipeline` */
  readonly slug?: string;
  /** Git repository URL the pipeline builds. */
  readonly repository: string;
  /** The plan and apply roles, from the same declaration as their trust policies. */
  readonly access: PipelineRoles;
  /**
   * The backend of the pipeline's Terraform states; each build's state key is
   * `<keyPrefix>/<slug>/<workspace>/terraform.tfstate`, the workspace computed from the build at run time.
   * Its settings must be literals (import a backend created in another stack with `TerraformStateBackend.fromAttributes`).
   */
  readonly state: IStateBackend;
  /** Workspace of the default branch (lowercase letters, digits and single `-`). @default "default" */
  readonly stableWorkspace?: string;
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
  /** @default - none */
  readonly description?: string;
  /** ID of the Buildkite cluster whose agents run the steps. @default - unclustered */
  readonly clusterId?: string;
  /** Queue key the steps run on. @default - the cluster's default queue */
  readonly queue?: string;
  /** A block step between plan and apply, or `false` to apply without approval. @default - approval by anyone who can build */
  readonly approval?: ApprovalOptions | false;
  /** Scheduled drift check, or `false` for none. @default - nightly at 03:00 */
  readonly driftDetection?: DriftDetectionOptions | false;
  /** Scheduled targeted applies instead of the drift check. @default - none */
  readonly scheduledApply?: ScheduledApplyOptions;
  /** Teams and their access to the pipeline. @default - none */
  readonly teams?: readonly PipelineTeamAccess[];
  /** Sign the steps. @default - unsigned */
  readonly signing?: StepSigningOptions;
  /** How steps get credentials; `auto` uses the assume-role plugin where it can mint the expected token. @default "auto" */
  readonly credentials?: CredentialMethod;
  /** @default - derived from the roles */
  readonly stepKeys?: TerraformStepKeys;
  /** How long Terraform waits for the state lock (`-lock-timeout`). @default "5m" */
  readonly lockTimeout?: string;
  /** Tags of the pipeline in Buildkite. @default - none */
  readonly tags?: readonly string[];
}

/**
 * One Buildkite pipeline for one Terraform root module, whose steps are
 * generated from the declaration of the roles they assume:
 *
 * - `plan` on every admitted branch and pull request, never for forks, with
 *   the plan role; on the default branch it saves the plan as an artifact;
 * - on the default branch only: an optional `block` step, then `apply` with
 *   the apply role, applying exactly the saved plan, in a concurrency group
 *   per state so two applies never overlap;
 * - scheduled builds on the default branch run the drift check in the plan
 *   step (or, with `scheduledApply`, a targeted plan and apply).
 *
 * Each step requests the OIDC token its role's trust policy checks (audience,
 * claims, session tags come from the same {@link RoleAccess}), carries the
 * step key the role admits, and runs only on branches the role admits.
 * Pull requests from forks are never built: the pipeline settings turn them
 * off, every step's condition excludes them, and the scripts refuse fork
 * branch names. The pipeline records the roles its steps assume, so that the
 * guardrails of {@link BUILDKITE_PIPELINES_PACK} check the settings as
 * synthesized (overrides included) once {@link applyGuardrails} is applied.
 */
export class BuildkiteTerraformPipeline extends Construct {
  /** The `buildkite_pipeline`. */
  readonly pipeline: Pipeline;
  /** The pipeline slug (the one the roles trust). */
  readonly slug: string;
  /** The branch that applies. */
  readonly defaultBranch: string;
  /** The steps, as typed objects. */
  readonly steps: readonly PipelineStep[];
  /** The steps as stored in the pipeline settings (before signing). */
  readonly stepsYaml: string;
  /** Key of the plan step (admitted by the plan role). */
  readonly planStepKey: string;
  /** Key of the apply step (admitted by the apply role). */
  readonly applyStepKey: string;
  /** The drift-detection or scheduled-apply schedule, if any. */
  readonly schedules: readonly PipelineSchedule[];
  /** The team grants. */
  readonly pipelineTeams: readonly PipelineTeam[];
  /** The signing data source, when the steps are signed. */
  readonly signedSteps?: DataBuildkiteSignedPipelineSteps;

  constructor(scope: Construct, id: string, props: BuildkiteTerraformPipelineProps) {
    super(scope, id);
    const path = this.node.path;
    const { plan, apply } = props.access;
    this.slug = resolveSlug(path, props);
    this.defaultBranch = props.defaultBranch ?? "main";
    const workingDirectory = normalizeWorkingDirectory(checkFormat(FORMATS.workingDirectory, "workingDirectory", props.workingDirectory ?? ".", path));
    let state: PipelineState;
    try {
      state = props.state.pipelineState(this.slug, { stableWorkspace: props.stableWorkspace });
      state.backendConfig();
      workspaceName({ branch: this.defaultBranch, defaultBranch: this.defaultBranch, stableName: state.stableWorkspace });
    } catch (error) {
      throw new Error(`${path}: state: ${(error as Error).message}`);
    }
    const lockTimeout = props.lockTimeout ?? "5m";
    if (!/^\d+[smh]$/.test(lockTimeout)) throw new Error(`${path}: lockTimeout "${lockTimeout}" must be a duration like "5m", "90s" or "1h"`);

    for (const [kind, role] of [["plan", plan], ["apply", apply]] as const) {
      if (!branchAdmitted(role.branches, this.defaultBranch)) {
        throw new Error(
          `${path}: the ${kind} role ${role.roleName} admits branches [${role.branches.join(", ")}], not the default branch "${this.defaultBranch}", ` +
            `which the ${kind} step runs on; add it to the ${kind} role's branches or change defaultBranch`,
        );
      }
    }
    if (props.scheduledApply && props.driftDetection) {
      throw new Error(`${path}: driftDetection and scheduledApply both use the pipeline's scheduled builds; set driftDetection: false with scheduledApply`);
    }
    if (props.driftDetection && props.driftDetection.cronline !== undefined) checkFormat(FORMATS.cronline, "driftDetection.cronline", props.driftDetection.cronline, path);
    if (props.scheduledApply) checkFormat(FORMATS.cronline, "scheduledApply.cronline", props.scheduledApply.cronline, path);
    if (props.scheduledApply && props.scheduledApply.targets.length === 0) {
      throw new Error(`${path}: scheduledApply.targets is empty; name the resources the scheduled apply may change`);
    }

    this.planStepKey = chooseStepKey(path, "plan", plan, props.stepKeys?.plan ?? (plan.stepKeys.length === 1 ? plan.stepKeys[0] : "plan"));
    this.applyStepKey = chooseStepKey(path, "apply", apply, props.stepKeys?.apply ?? apply.stepKeys[0] ?? "apply");
    const approvalKey = props.stepKeys?.approval ?? "approve";

    const region = props.region ?? props.state.region;
    const scheduled: ScheduledRun | undefined = props.scheduledApply
      ? { kind: "apply", targets: props.scheduledApply.targets }
      : props.driftDetection === false
        ? undefined
        : { kind: "drift-check" };
    const agents = props.queue ? { queue: props.queue } : undefined;
    const env = { TF_IN_AUTOMATION: "true", TF_INPUT: "false" };
    const context = (credentialLines: readonly string[]): TerraformScriptContext => ({
      defaultBranch: this.defaultBranch,
      workingDirectory,
      state,
      credentialLines,
      setupCommands: props.setupCommands ?? [],
      lockTimeout,
    });

    const onDefaultBranch = allOfConditions([notFork(), notPullRequest(), branchEquals(this.defaultBranch)]);
    const notScheduled = notCondition(sourceIs("schedule"));

    const planCredentials = stepCredentials(plan, region, props.credentials);
    const planStep: CommandStep = {
      type: "command",
      key: this.planStepKey,
      label: ":terraform: Plan",
      condition: allOfConditions([notFork(), branchMatchesAny(plan.branches)]),
      agents,
      env,
      plugins: planCredentials.plugins,
      commands: [interpolationFreeScript(planScript(context(planCredentials.scriptLines), scheduled))],
      timeoutInMinutes: Math.floor(plan.sessionDurationSeconds / 60),
    };

    const approval: BlockStep | undefined =
      props.approval === false
        ? undefined
        : {
            type: "block",
            key: approvalKey,
            label: ":terraform: Apply?",
            prompt: props.approval?.prompt ?? "Apply the reviewed plan?",
            allowedTeams: props.approval?.allowedTeams,
            condition: allOfConditions([onDefaultBranch, notScheduled]),
            dependsOn: [this.planStepKey],
          };

    const applyCredentials = stepCredentials(apply, region, props.credentials);
    const applyCondition: StepCondition = props.scheduledApply ? onDefaultBranch : allOfConditions([onDefaultBranch, notScheduled]);
    const applyStep: CommandStep = {
      type: "command",
      key: this.applyStepKey,
      label: ":terraform: Apply",
      condition: applyCondition,
      dependsOn: approval ? [this.planStepKey, approval.key] : [this.planStepKey],
      agents,
      env,
      plugins: applyCredentials.plugins,
      commands: [interpolationFreeScript(applyScript(context(applyCredentials.scriptLines), this.planStepKey))],
      concurrency: { group: `terraform-state/${this.slug}/${state.stableWorkspace}`, limit: 1, method: "ordered" },
      timeoutInMinutes: Math.floor(apply.sessionDurationSeconds / 60),
    };

    this.steps = approval ? [planStep, approval, applyStep] : [planStep, applyStep];
    this.stepsYaml = renderPipelineYaml(this.steps);

    if (props.signing) {
      this.signedSteps = new DataBuildkiteSignedPipelineSteps(this, "signed-steps", {
        repository: props.repository,
        unsignedSteps: this.stepsYaml,
        jwksFile: props.signing.jwksFile,
        jwksKeyId: props.signing.jwksKeyId,
      });
    }

    this.pipeline = new Pipeline(this, "pipeline", {
      name: props.name,
      slug: this.slug,
      repository: props.repository,
      description: props.description,
      clusterId: props.clusterId,
      defaultBranch: this.defaultBranch,
      steps: this.signedSteps ? this.signedSteps.steps : this.stepsYaml,
      tags: props.tags ? [...props.tags] : undefined,
      // Never cancel or skip a build that may be applying.
      cancelIntermediateBuilds: false,
      skipIntermediateBuilds: false,
      providerSettings: {
        triggerMode: "code",
        buildBranches: true,
        buildPullRequests: true,
        buildPullRequestForks: false,
        prefixPullRequestForkBranchNames: true,
        buildTags: false,
        publishCommitStatus: true,
      },
    });

    // One reference token for the schedules and team grants: each `pipeline.id` read creates a token (and captures a stack trace).
    const pipelineId = this.pipeline.id;
    const schedules: PipelineSchedule[] = [];
    if (props.scheduledApply) {
      schedules.push(
        new PipelineSchedule(this, "scheduled-apply", {
          pipelineId,
          branch: this.defaultBranch,
          cronline: props.scheduledApply.cronline,
          label: props.scheduledApply.label,
          enabled: true,
        }),
      );
    } else if (scheduled) {
      schedules.push(
        new PipelineSchedule(this, "drift-detection", {
          pipelineId,
          branch: this.defaultBranch,
          cronline: (props.driftDetection ? props.driftDetection.cronline : undefined) ?? DEFAULT_DRIFT_CRONLINE,
          label: `Drift detection: ${props.name}`,
          enabled: true,
        }),
      );
    }
    this.schedules = schedules;

    this.pipelineTeams = (props.teams ?? []).map(
      (team, i) => new PipelineTeam(this, `team-${i}`, { pipelineId, teamId: team.teamId, accessLevel: team.accessLevel }),
    );
    // The pipeline guardrails check the settings as synthesized (overrides included) against these roles.
    recordPipelineRoles(this.pipeline, [plan, apply]);
  }
}

function resolveSlug(path: string, props: BuildkiteTerraformPipelineProps): string {
  const slug = props.slug ?? props.access.pipeline;
  if (slug === undefined) throw new Error(`${path}: slug is not set and access names no pipeline; set slug to the pipeline slug the roles trust`);
  if (props.access.pipeline !== undefined && props.access.pipeline !== slug) {
    throw new Error(`${path}: slug "${slug}" differs from "${props.access.pipeline}", the pipeline the roles trust; the steps could not assume them`);
  }
  return checkFormat(FORMATS.slug, "slug", slug, path);
}

function chooseStepKey(path: string, kind: string, role: RoleAccess, key: string): string {
  if (role.stepKeys.length > 0 && !role.stepKeys.includes(key)) {
    throw new Error(
      `${path}: the ${kind} step key "${key}" is not one the ${kind} role ${role.roleName} admits ([${role.stepKeys.join(", ")}]); ` +
        `use one of those in stepKeys.${kind} or add "${key}" to the role's step keys`,
    );
  }
  return key;
}
