import { Construct } from "constructs";
import { BuildkiteTerraformPipeline, BuildkiteTerraformPipelineProps, PipelineTeamAccessLevel } from "../constructs/buildkite/buildkite-terraform-pipeline";

/** A pipeline of a Buildkite stack: the construct's props, with the cluster filled in and teams named by slug. */
export interface BuildkiteStackPipeline extends Omit<BuildkiteTerraformPipelineProps, "clusterId" | "teams" | "scheduledApply"> {
  /** Teams (by slug, from the stack's `teams`) and their access. @default - none */
  readonly teams?: readonly { readonly team: string; readonly accessLevel: PipelineTeamAccessLevel }[];
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
    if (pipeline.queue !== undefined && !shared.queueKeys.includes(pipeline.queue)) {
      throw new Error(`${at}: pipeline "${slug}" runs on queue "${pipeline.queue}", which the cluster does not have (${shared.queueKeys.join(", ")})`);
    }
    const teams = (pipeline.teams ?? []).map(({ team, accessLevel }) => {
      const teamId = shared.teamIds[team];
      if (!teamId) throw new Error(`${at}: pipeline "${slug}" names team "${team}", which is not in teams; declare it or fix the slug`);
      return { teamId, accessLevel };
    });
    return new BuildkiteTerraformPipeline(scope, `pipeline-${slug}`, { ...pipeline, clusterId: shared.clusterId, teams, ...extra });
  });
}
