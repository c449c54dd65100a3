import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Cluster } from "../providers/buildkite/lib/cluster";
import { BuildkiteProvider } from "../providers/buildkite/lib/provider";

export interface BuildkiteStackProps {
  /** Buildkite organization slug. */
  readonly organization: string;
}

/** The Buildkite side of the trust path. */
export class BuildkiteStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: BuildkiteStackProps) {
    super(scope, id);
    new BuildkiteProvider(this, "buildkite", { organization: props.organization });
    new Cluster(this, "cluster", { name: "terraform" });
  }
}
