import { Construct } from "constructs";
import { BuildkiteTerraformPipeline } from "../constructs/index";
import { BuildkiteProvider } from "../providers/buildkite/lib/provider";
import { addTerraformPipelines, forgetBuildkitePipelines, BuildkiteStackPipeline, importSharedResources, SharedBuildkiteSource } from "./buildkite-pipelines";
import { ValidatedConfigStack } from "./validated-config-stack";

/** Props of {@link BuildkitePipelinesStack}. */
export interface BuildkitePipelinesStackProps {
  /**
   * Slugs of Buildkite pipelines this stack held and forgets without deleting them (`removed`
   * blocks): retired pipelines whose history is kept, and pipelines moved to another stack. @default - none
   */
  readonly forgottenPipelines?: readonly string[];
  /** Buildkite organization slug. */
  readonly organization: string;
  /** Where the cluster and teams of the main {@link BuildkiteStack} are read from (its outputs, through remote state). */
  readonly shared: SharedBuildkiteSource;
  readonly pipelines: readonly BuildkiteStackPipeline[];
}

/**
 * A shard of Terraform pipelines beside the main Buildkite stack, so that no
 * single Terraform state holds an unbounded number of pipelines.
 */
export class BuildkitePipelinesStack extends ValidatedConfigStack {
  readonly pipelines: readonly BuildkiteTerraformPipeline[];

  constructor(scope: Construct, id: string, props: BuildkitePipelinesStackProps) {
    super(scope, id);
    new BuildkiteProvider(this, "buildkite", { organization: props.organization });
    this.pipelines = addTerraformPipelines(this, importSharedResources(this, props.shared), props.pipelines);
    forgetBuildkitePipelines(this, props.forgottenPipelines ?? []);
  }
}
