/**
 * Facts about a Buildkite pipeline that its synthesized block does not hold:
 * which roles its steps assume, and where its states are. The pipeline construct records them as
 * construct metadata (never synthesized into the configuration), and the
 * pipeline rules read them through {@link GuardrailContext.constructOf}.
 */
import { IConstruct } from "constructs";
import { RoleAccess } from "../trust/role-access";
import { SynthesizedJson } from "./guardrail";

const PIPELINE_ROLES_METADATA = "buildkite-terraform-trust:pipeline-roles";
const PIPELINE_STATE_METADATA = "buildkite-terraform-trust:pipeline-state";

/** Where a pipeline's Terraform states are, which its roles may read. */
export interface RecordedPipelineState {
  /** The state bucket. */
  readonly bucket: string;
  /** The pipeline's folder in it, `<keyPrefix>/<slug>/`: every state the pipeline's roles may read. */
  readonly pipelinePrefix: string;
  /** The branch that applies; its builds use the stable workspace. */
  readonly defaultBranch: string;
}

/**
 * Records on the construct of a `buildkite_pipeline` the roles its steps
 * assume, for the guardrails of {@link BUILDKITE_PIPELINES_PACK}.
 * {@link BuildkiteTerraformPipeline} does it; call it for a pipeline written
 * by hand whose steps assume roles.
 */
export function recordPipelineRoles(pipeline: IConstruct, roles: readonly RoleAccess[]): void {
  pipeline.node.addMetadata(PIPELINE_ROLES_METADATA, roles);
}

/** The roles recorded on a pipeline's construct, or undefined when none were recorded. */
export function pipelineRolesOf(pipeline: IConstruct | undefined): readonly RoleAccess[] | undefined {
  const recorded = pipeline?.node.metadata.filter((entry) => entry.type === PIPELINE_ROLES_METADATA);
  return recorded?.length ? recorded.flatMap((entry) => entry.data as RoleAccess[]) : undefined;
}

/**
 * Records on the construct of a `buildkite_pipeline` where its states are, for the guardrail
 * `secret-state-default-branch-only`. {@link BuildkiteTerraformPipeline} does it.
 */
export function recordPipelineState(pipeline: IConstruct, state: RecordedPipelineState): void {
  pipeline.node.addMetadata(PIPELINE_STATE_METADATA, state);
}

/** The states recorded on a pipeline's construct, or undefined when none were recorded. */
export function pipelineStateOf(pipeline: IConstruct | undefined): RecordedPipelineState | undefined {
  return pipeline?.node.metadata.find((entry) => entry.type === PIPELINE_STATE_METADATA)?.data as RecordedPipelineState | undefined;
}

/** The fork-related provider settings of a synthesized `buildkite_pipeline`. */
export interface PipelineForkSettings {
  /** `provider_settings.build_pull_request_forks`. @default false (Buildkite's default) */
  readonly buildPullRequestForks?: unknown;
  /** `provider_settings.prefix_pull_request_fork_branch_names`. */
  readonly prefixPullRequestForkBranchNames?: unknown;
}

/** The fork settings of a `buildkite_pipeline` block's arguments. */
export function pipelineForkSettings(values: Record<string, SynthesizedJson>): PipelineForkSettings {
  const raw = values.provider_settings ?? {};
  return { buildPullRequestForks: raw.build_pull_request_forks, prefixPullRequestForkBranchNames: raw.prefix_pull_request_fork_branch_names };
}
