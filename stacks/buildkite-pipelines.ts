import { DataTerraformRemoteStateS3, Fn, TerraformOutput, Token } from "cdktf";
import { Construct } from "constructs";
import { BuildkiteTerraformPipeline, BuildkiteTerraformPipelineProps, PipelineTeamAccessLevel, S3StateSettings } from "../constructs/index";
import { Pipeline } from "../providers/buildkite/lib/pipeline";
import { RemovedResource } from "./removed-resources";

/** A pipeline of a Buildkite stack: the construct's props, with the cluster filled in and teams named by slug. */
export interface BuildkiteStackPipeline extends Omit<BuildkiteTerraformPipelineProps, "clusterId" | "teams" | "scheduledApply"> {
  /** Teams (by slug, from the stack's `teams`) and their access. @default - none */
  readonly teams?: readonly { readonly team: string; readonly accessLevel: PipelineTeamAccessLevel }[];
  /**
   * The UUID of the Buildkite pipeline that exists already (adopted, or moved here from another
   * stack): an `import` block takes it over, build history included. @default - created
   */
  readonly importPipelineId?: string;
}

/** What the pipelines of a stack share: the cluster and the teams, possibly from another stack. */
export interface SharedBuildkiteResources {
  /** ID of the cluster the pipelines run in. */
  readonly clusterId: string;
  /** Keys of the cluster's queues. */
  readonly queueKeys: readonly string[];
  /** Team IDs by slug. */
  readonly teamIds: Readonly<Record<string, string>>;
}

/** Where a shard finds what the main Buildkite stack shares: its state, and the names it shares. */
export interface SharedBuildkiteSource {
  /** The S3 backend settings of the main Buildkite stack's state, key included. */
  readonly state: S3StateSettings;
  /** Keys of the cluster's queues. */
  readonly queueKeys: readonly string[];
  /** Slugs of the teams the main stack manages. */
  readonly teamSlugs: readonly string[];
}

const CLUSTER_ID_OUTPUT = "cluster_id";
const TEAM_IDS_OUTPUT = "team_ids";

/**
 * Declares the outputs through which shards read the cluster and team IDs
 * ({@link importSharedResources}). Explicit outputs rather than cdktf's
 * implicit cross-stack references: each shard reads them through one remote
 * state, and every stack's configuration depends only on the declaration.
 */
export function exportSharedResources(scope: Construct, shared: SharedBuildkiteResources): void {
  new TerraformOutput(scope, CLUSTER_ID_OUTPUT, { value: shared.clusterId, description: "ID of the Buildkite cluster, for the pipeline shards" });
  new TerraformOutput(scope, TEAM_IDS_OUTPUT, { value: shared.teamIds, description: "Buildkite team IDs by slug, for the pipeline shards" });
}

/** The cluster and team IDs the main Buildkite stack exports, read from its state. */
export function importSharedResources(scope: Construct, source: SharedBuildkiteSource): SharedBuildkiteResources {
  // Reading a state takes no lock, so use_lockfile is not passed on.
  const { key, region, bucket, encrypt, kms_key_id, dynamodb_table } = source.state;
  const main = new DataTerraformRemoteStateS3(scope, "shared-buildkite", { bucket, key, region, encrypt, kmsKeyId: kms_key_id, dynamodbTable: dynamodb_table });
  const teamIds = main.get(TEAM_IDS_OUTPUT);
  return {
    clusterId: main.getString(CLUSTER_ID_OUTPUT),
    queueKeys: source.queueKeys,
    teamIds: Object.fromEntries(source.teamSlugs.map((slug) => [slug, Token.asString(Fn.lookup(teamIds, slug))])),
  };
}

/**
 * Adds Terraform pipelines to a stack, resolving their queues and teams
 * against the shared cluster and teams; names the stack and the fix on a bad reference.
 */
export function addTerraformPipelines(
  scope: Construct,
  shared: SharedBuildkiteResources,
  pipelines: readonly BuildkiteStackPipeline[],
  extra: Partial<BuildkiteTerraformPipelineProps> = {},
): BuildkiteTerraformPipeline[] {
  const at = scope.node.path;
  const slugs = new Set<string>();
  return pipelines.map((pipeline) => {
    const slug = pipeline.slug ?? pipeline.access.pipeline ?? pipeline.name;
    if (slugs.has(slug)) throw new Error(`${at}: pipeline "${slug}" is declared twice`);
    slugs.add(slug);
    for (const queue of [pipeline.queue, pipeline.applyQueue]) {
      if (queue !== undefined && !shared.queueKeys.includes(queue)) {
        throw new Error(`${at}: pipeline "${slug}" runs on queue "${queue}", which the cluster does not have (${shared.queueKeys.join(", ")})`);
      }
    }
    const teams = (pipeline.teams ?? []).map(({ team, accessLevel }) => {
      const teamId = shared.teamIds[team];
      if (!teamId) throw new Error(`${at}: pipeline "${slug}" names team "${team}", which is not in teams; declare it or fix the slug`);
      return { teamId, accessLevel };
    });
    const { importPipelineId, ...props } = pipeline;
    const created = new BuildkiteTerraformPipeline(scope, pipelineConstructId(slug), { ...props, clusterId: shared.clusterId, teams, ...extra });
    if (importPipelineId !== undefined) created.importExisting(importPipelineId);
    return created;
  });
}

function pipelineConstructId(slug: string): string {
  return `pipeline-${slug}`;
}

/**
 * Makes a stack forget the Buildkite pipelines with these slugs without deleting them (`removed`
 * blocks): retired pipelines whose history is kept, and pipelines handed over to another stack,
 * which imports them. Their schedules and team grants, left out of the configuration, are deleted.
 */
export function forgetBuildkitePipelines(scope: Construct, slugs: readonly string[]): void {
  for (const slug of slugs) {
    new RemovedResource(new Construct(scope, pipelineConstructId(slug)), BuildkiteTerraformPipeline.PIPELINE_ID, Pipeline.tfResourceType);
  }
}
