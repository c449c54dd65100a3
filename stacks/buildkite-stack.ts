import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { BuildkiteCluster, BuildkiteClusterProps } from "../constructs/buildkite/buildkite-cluster";
import { BuildkiteTerraformPipeline, BuildkiteTerraformPipelineProps, PipelineTeamAccessLevel } from "../constructs/buildkite/buildkite-terraform-pipeline";
import { BuildkiteProvider } from "../providers/buildkite/lib/provider";
import { Team } from "../providers/buildkite/lib/team";
import { addAwsProvider, AwsProviderSettings } from "./aws-provider";

/** A Buildkite team this stack manages. */
export interface BuildkiteStackTeam {
  /** Slug the pipelines refer to the team by. */
  readonly slug: string;
  readonly name: string;
  /** @default - none */
  readonly description?: string;
  /** @default "VISIBLE" */
  readonly privacy?: "VISIBLE" | "SECRET";
}

/** A pipeline of the stack: the construct's props, with the cluster filled in and teams named by slug. */
export interface BuildkiteStackPipeline extends Omit<BuildkiteTerraformPipelineProps, "clusterId" | "teams" | "scheduledApply"> {
  /** Teams (by slug, from the stack's `teams`) and their access. @default - none */
  readonly teams?: readonly { readonly team: string; readonly accessLevel: PipelineTeamAccessLevel }[];
}

export interface BuildkiteStackProps {
  /** Buildkite organization slug. */
  readonly organization: string;
  /** The AWS account and region holding the agent-token parameters. */
  readonly aws: AwsProviderSettings;
  /** The cluster every pipeline runs in. */
  readonly cluster: BuildkiteClusterProps;
  /** @default - none */
  readonly teams?: readonly BuildkiteStackTeam[];
  /** The Terraform pipelines. */
  readonly pipelines: readonly BuildkiteStackPipeline[];
  /**
   * The pipeline that applies this stack. Its scheduled builds apply the
   * agent-token rotation without approval (a plan and apply limited to the
   * rotation resources), which is what keeps the tokens rotating.
   * @default - none: tokens rotate only when someone applies the stack
   */
  readonly maintenancePipeline?: BuildkiteStackPipeline;
}

/**
 * The Buildkite side of the trust path: the cluster with its queues and
 * rotating agent tokens, the teams, and one Terraform pipeline per repository.
 */
export class BuildkiteStack extends TerraformStack {
  readonly cluster: BuildkiteCluster;
  readonly teams: Readonly<Record<string, Team>>;
  readonly pipelines: readonly BuildkiteTerraformPipeline[];
  readonly maintenancePipeline?: BuildkiteTerraformPipeline;

  constructor(scope: Construct, id: string, props: BuildkiteStackProps) {
    super(scope, id);
    new BuildkiteProvider(this, "buildkite", { organization: props.organization });
    addAwsProvider(this, props.aws);
    new TimeProvider(this, "time");

    this.cluster = new BuildkiteCluster(this, "cluster", props.cluster);
    const teams: Record<string, Team> = {};
    for (const team of props.teams ?? []) {
      if (teams[team.slug]) throw new Error(`${this.node.path}: team "${team.slug}" is declared twice`);
      teams[team.slug] = new Team(this, `team-${team.slug}`, {
        name: team.name,
        description: team.description,
        privacy: team.privacy ?? "VISIBLE",
        defaultTeam: false,
        defaultMemberRole: "MEMBER",
      });
    }
    this.teams = teams;

    const slugs = new Set<string>();
    const addPipeline = (pipeline: BuildkiteStackPipeline, extra: Partial<BuildkiteTerraformPipelineProps>) => {
      const slug = pipeline.slug ?? pipeline.access.pipeline;
      if (slug && slugs.has(slug)) throw new Error(`${this.node.path}: pipeline "${slug}" is declared twice`);
      if (slug) slugs.add(slug);
      if (pipeline.queue !== undefined && !this.cluster.queues[pipeline.queue]) {
        throw new Error(`${this.node.path}: pipeline "${slug}" runs on queue "${pipeline.queue}", which the cluster does not have (${Object.keys(this.cluster.queues).join(", ")})`);
      }
      const pipelineTeams = (pipeline.teams ?? []).map(({ team, accessLevel }) => {
        const resource = teams[team];
        if (!resource) throw new Error(`${this.node.path}: pipeline "${slug}" names team "${team}", which is not in teams; declare it or fix the slug`);
        return { teamId: resource.id, accessLevel };
      });
      return new BuildkiteTerraformPipeline(this, `pipeline-${slug ?? pipeline.name}`, {
        ...pipeline,
        clusterId: this.cluster.cluster.id,
        teams: pipelineTeams,
        ...extra,
      });
    };
    this.pipelines = props.pipelines.map((pipeline) => addPipeline(pipeline, {}));
    if (props.maintenancePipeline) {
      this.maintenancePipeline = addPipeline(props.maintenancePipeline, { scheduledApply: this.cluster.rotationSchedule, driftDetection: false });
    }
  }
}
