import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { Construct } from "constructs";
import { BuildkiteServiceAccount, BuildkiteWorkloadIdentityPool, GcpPipelineAccess } from "../constructs/index";
import { ValidatedConfigStack } from "./validated-config-stack";

/** One pipeline's service accounts in a GCP identity stack. */
export interface GcpIdentityStackPipeline {
  readonly access: GcpPipelineAccess;
  /** Pipeline UUID, pinned in the pool's attribute condition. @default - not pinned */
  readonly pipelineId?: string;
  /** Project roles of the plan account (read-only roles). */
  readonly planRoles: readonly string[];
  /** Project roles of the apply account. */
  readonly applyRoles: readonly string[];
}

/** Props of {@link GcpIdentityStack}. */
export interface GcpIdentityStackProps {
  readonly projectId: string;
  readonly projectNumber: string;
  /** Default region of the google provider. @default - none */
  readonly region?: string;
  readonly organization: string;
  /** Organization UUID, pinned in the pool's attribute condition. @default - not pinned */
  readonly organizationId?: string;
  readonly pipelines: readonly GcpIdentityStackPipeline[];
}

/**
 * The Google Cloud side of the trust path in one project: the Buildkite
 * workload identity pool and provider, and the plan/apply service accounts of
 * the pipelines that use the project. Authenticates like the jobs do (the
 * google provider reads the environment's Application Default Credentials).
 */
export class GcpIdentityStack extends ValidatedConfigStack {
  readonly pool: BuildkiteWorkloadIdentityPool;
  readonly serviceAccounts: readonly BuildkiteServiceAccount[];

  constructor(scope: Construct, id: string, props: GcpIdentityStackProps) {
    super(scope, id);
    new GoogleProvider(this, "google", { project: props.projectId, region: props.region });
    this.pool = new BuildkiteWorkloadIdentityPool(this, "buildkite-pool", {
      projectId: props.projectId,
      projectNumber: props.projectNumber,
      organization: props.organization,
      organizationId: props.organizationId,
      pipelines: props.pipelines.map((p) => ({ pipeline: p.access.pipeline, pipelineId: p.pipelineId })),
    });
    this.serviceAccounts = props.pipelines.flatMap((p) => [
      new BuildkiteServiceAccount(this, `${p.access.pipeline}-plan`, { access: p.access, kind: "plan", pool: this.pool, roles: p.planRoles }),
      new BuildkiteServiceAccount(this, `${p.access.pipeline}-apply`, { access: p.access, kind: "apply", pool: this.pool, roles: p.applyRoles }),
    ]);
  }
}
