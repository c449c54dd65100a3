import { Construct } from "constructs";
import { DataBuildkiteSignedPipelineSteps } from "../../providers/buildkite/lib/data-buildkite-signed-pipeline-steps";
import { Pipeline } from "../../providers/buildkite/lib/pipeline";
import { PipelineSchedule } from "../../providers/buildkite/lib/pipeline-schedule";
import { PipelineTeam } from "../../providers/buildkite/lib/pipeline-team";
import { recordPipelineRoles, recordPipelineState } from "../guardrails/pipeline-roles";
import { checkFormat, FORMATS, ValidationError, withScope } from "../private/validation";
import { IStateBackend } from "../state/state-backend";
import { RoleAccess } from "../trust/role-access";
import { PipelineStep } from "./pipeline-steps";
import { ScheduledRun } from "./terraform-step-script";
import { TerraformPipelineSteps, TerraformPipelineStepsProps } from "./terraform-pipeline-steps";
import { PlatformPipelineSteps, PlatformPipelineStepsProps } from "./platform-pipeline-steps";

/** The stacks a platform pipeline applies, each with its own role (see {@link PlatformPipelineSteps}). */
export type PlatformPipelineStacks = Pick<PlatformPipelineStepsProps, "stacksDirectory" | "stacks">;

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
  /** The role of the preview steps, for a pipeline with preview environments. @default - no previews */
  readonly preview?: RoleAccess;
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

/** A Buildkite pipeline for one Terraform root module, and the roles its steps assume. */
export interface BuildkiteTerraformPipelineProps extends Omit<TerraformPipelineStepsProps, "plan" | "apply" | "preview" | "state"> {
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
  /** @default - none */
  readonly description?: string;
  /** ID of the Buildkite cluster whose agents run the steps. @default - unclustered */
  readonly clusterId?: string;
  /** Teams and their access to the pipeline. @default - none */
  readonly teams?: readonly PipelineTeamAccess[];
  /** Sign the steps. @default - unsigned */
  readonly signing?: StepSigningOptions;
  /** Tags of the pipeline in Buildkite. @default - none */
  readonly tags?: readonly string[];
  /**
   * Makes this the pipeline that applies a whole platform: a selection step with the plan role, then
   * a plan and an apply step per stack, each with the stack's role, instead of one plan and apply
   * (`stableWorkspace` and `workingDirectory` are then unused: each stack's state is the workspace
   * named after it). `scheduledApply` names the stack it targets with `scheduledApplyStack`.
   * @default - a Terraform pipeline for one root module
   */
  readonly platform?: PlatformPipelineStacks & {
    /** The stack `scheduledApply` plans and applies (with `-target`) in scheduled builds. @default - none */
    readonly scheduledApplyStack?: string;
  };
}

/**
 * One Buildkite pipeline for one Terraform root module, whose steps are
 * generated from the declaration of the roles they assume: its
 * {@link TerraformPipelineSteps} (plan on every admitted branch and pull
 * request, approval and apply on the default branch, the drift check or a
 * scheduled apply), stored in the pipeline settings, signed if asked, with
 * their schedule and the team grants.
 *
 * Pull requests from forks are never built: the pipeline settings turn them
 * off, every step's condition excludes them, and the scripts refuse fork
 * branch names. The pipeline records the roles its steps assume, so that the
 * guardrails of {@link BUILDKITE_PIPELINES_PACK} check the settings as
 * synthesized (overrides included) once {@link applyGuardrails} is applied.
 * Bad props throw a {@link ValidationError} naming the field, prefixed with
 * the construct's path.
 */
export class BuildkiteTerraformPipeline extends Construct {
  /**
   * The construct ID of the `buildkite_pipeline` under this construct: a stack that no longer holds the
   * construct names the resource by it in a `removed` block (same path, same Terraform address).
   */
  static readonly PIPELINE_ID = "pipeline";

  /**
   * The import ID of an existing Buildkite pipeline: its GraphQL ID, `Pipeline---<uuid>` in base64
   * (as Buildkite's own import guide shows them).
   */
  static importId(pipelineUuid: string): string {
    return Buffer.from(`Pipeline---${checkFormat(FORMATS.uuid, "pipelineUuid", pipelineUuid)}`).toString("base64");
  }

  /** The `buildkite_pipeline`. */
  readonly pipeline: Pipeline;
  /** The pipeline slug (the one the roles trust). */
  readonly slug: string;
  /** The branch that applies. */
  readonly defaultBranch: string;
  /** The steps and their schedule, as plain data. */
  readonly terraformSteps: TerraformPipelineSteps | PlatformPipelineSteps;
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
    const { plan, apply, preview } = props.access;
    this.terraformSteps = withScope(this.node.path, () => {
      const slug = pipelineSlug(props);
      // Checked here to name the prop; pipelineState would refuse it as its own `prefix`.
      checkFormat(FORMATS.stateKeyPrefix, "state.keyPrefix", props.state.keyPrefix);
      const state = props.state.pipelineState(slug, { stableWorkspace: props.stableWorkspace });
      if (props.platform === undefined) return new TerraformPipelineSteps({ ...props, plan, apply, preview, state });
      if (preview) {
        throw new ValidationError({
          code: "conflict",
          field: "access.preview",
          value: preview.roleName,
          problem: "is given to the platform pipeline, whose steps apply the platform's stacks and have no previews",
          fix: "declare previews on Terraform pipelines only",
        });
      }
      const { scheduledApplyStack, ...stacks } = props.platform;
      return new PlatformPipelineSteps({
        ...props,
        ...stacks,
        state,
        select: plan,
        scheduledApply: props.scheduledApply && scheduledApplyStack ? { ...props.scheduledApply, stack: scheduledApplyStack } : undefined,
      });
    });
    const steps = this.terraformSteps;
    this.slug = steps.slug;
    this.defaultBranch = steps.defaultBranch;
    this.steps = steps.steps;
    this.stepsYaml = steps.yaml;
    this.planStepKey = steps.planStepKey;
    this.applyStepKey = steps.applyStepKey;

    if (props.signing) {
      this.signedSteps = new DataBuildkiteSignedPipelineSteps(this, "signed-steps", {
        repository: props.repository,
        unsignedSteps: this.stepsYaml,
        jwksFile: props.signing.jwksFile,
        jwksKeyId: props.signing.jwksKeyId,
      });
    }

    this.pipeline = new Pipeline(this, BuildkiteTerraformPipeline.PIPELINE_ID, {
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
      // Its build history and its UUID (which trust may pin) cannot be re-created: Terraform refuses a plan that
      // destroys or replaces it. Retiring or moving it is a declared `removed` block (see the platform's fleet docs).
      lifecycle: { preventDestroy: true },
    });

    // One reference token for the schedules and team grants: each `pipeline.id` read creates a token (and captures a stack trace).
    const pipelineId = this.pipeline.id;
    const schedule = steps.schedule;
    this.schedules = schedule
      ? [
          new PipelineSchedule(this, SCHEDULE_IDS[schedule.run.kind], {
            pipelineId,
            branch: this.defaultBranch,
            cronline: schedule.cronline,
            label: schedule.label,
            enabled: true,
          }),
        ]
      : [];

    this.pipelineTeams = (props.teams ?? []).map(
      (team, i) => new PipelineTeam(this, `team-${i}`, { pipelineId, teamId: team.teamId, accessLevel: team.accessLevel }),
    );
    // The pipeline guardrails check the settings as synthesized (overrides included) against these roles.
    const stackRoles = (props.platform?.stacks ?? []).map((stack) => stack.role).filter((role) => role.roleArn !== apply.roleArn);
    recordPipelineRoles(this.pipeline, [plan, apply, ...(preview ? [preview] : []), ...new Map(stackRoles.map((role) => [role.roleArn, role])).values()]);
    const state = steps.state;
    recordPipelineState(this.pipeline, { bucket: state.backend.bucketName, pipelinePrefix: state.pipelinePrefix, defaultBranch: this.defaultBranch });
  }

  /**
   * Adopts the Buildkite pipeline that already exists with this UUID (an `import` block), keeping its
   * build history; also how a pipeline moves between stacks. Its schedule and team grants, which
   * Buildkite imports only by IDs no configuration knows, are created anew.
   */
  importExisting(pipelineUuid: string): void {
    this.pipeline.importFrom(BuildkiteTerraformPipeline.importId(pipelineUuid));
  }
}

/** Construct IDs of the schedules, by what the scheduled build does. */
const SCHEDULE_IDS: Record<ScheduledRun["kind"], string> = { "drift-check": "drift-detection", apply: "scheduled-apply" };

/** The slug: as given, or the pipeline the roles trust; the steps could not assume the roles of another pipeline. */
function pipelineSlug(props: BuildkiteTerraformPipelineProps): string {
  const trusted = props.access.pipeline;
  const slug = props.slug ?? trusted;
  if (slug === undefined) {
    throw new ValidationError({
      code: "empty",
      field: "slug",
      problem: "is not set and access names no pipeline",
      fix: "set slug to the pipeline slug the roles trust",
    });
  }
  if (trusted !== undefined && trusted !== slug) {
    throw new ValidationError({
      code: "conflict",
      field: "slug",
      value: slug,
      problem: `differs from "${trusted}", the pipeline the roles trust, so the steps could not assume them`,
      fix: `remove slug or set it to "${trusted}"`,
    });
  }
  return checkFormat(FORMATS.slug, "slug", slug);
}
