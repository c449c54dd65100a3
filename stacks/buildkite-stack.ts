import { Construct } from "constructs";
import { addRotationTriggerProvider, BuildkiteCluster, BuildkiteClusterProps, BuildkiteTerraformPipeline } from "../constructs/index";
import { BuildkiteProvider } from "../providers/buildkite/lib/provider";
import { Team } from "../providers/buildkite/lib/team";
import { addAwsProvider, AwsProviderSettings } from "./aws-provider";
import {
  addTerraformPipelines,
  forgetBuildkitePipelines,
  BuildkiteStackPipeline,
  exportSharedResources,
  SharedBuildkiteResources,
} from "./buildkite-pipelines";
import { ValidatedConfigStack } from "./validated-config-stack";

export type { BuildkiteStackPipeline } from "./buildkite-pipelines";

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

export interface BuildkiteStackProps {
  /**
   * Slugs of Buildkite pipelines this stack held and forgets without deleting them (`removed`
   * blocks): retired pipelines whose history is kept, and pipelines moved to another stack. @default - none
   */
  readonly forgottenPipelines?: readonly string[];
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
export class BuildkiteStack extends ValidatedConfigStack {
  readonly cluster: BuildkiteCluster;
  readonly teams: Readonly<Record<string, Team>>;
  readonly pipelines: readonly BuildkiteTerraformPipeline[];
  readonly maintenancePipeline?: BuildkiteTerraformPipeline;
  /** The cluster and teams; also exported as outputs for the pipeline shards ({@link BuildkitePipelinesStack}). */
  readonly shared: SharedBuildkiteResources;

  constructor(scope: Construct, id: string, props: BuildkiteStackProps) {
    super(scope, id);
    new BuildkiteProvider(this, "buildkite", { organization: props.organization });
    addAwsProvider(this, props.aws);
    addRotationTriggerProvider(this);

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

    this.shared = {
      clusterId: this.cluster.cluster.id,
      queueKeys: Object.keys(this.cluster.queues),
      teamIds: Object.fromEntries(Object.entries(teams).map(([slug, team]) => [slug, team.id])),
    };
    exportSharedResources(this, this.shared);
    this.pipelines = addTerraformPipelines(this, this.shared, props.pipelines);
    forgetBuildkitePipelines(this, props.forgottenPipelines ?? []);
    if (props.maintenancePipeline) {
      [this.maintenancePipeline] = addTerraformPipelines(this, this.shared, [props.maintenancePipeline], {
        scheduledApply: this.cluster.rotationSchedule,
        driftDetection: false,
      });
    }
  }
}
