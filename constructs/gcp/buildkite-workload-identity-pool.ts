import { IamWorkloadIdentityPool } from "@cdktf/provider-google/lib/iam-workload-identity-pool";
import { IamWorkloadIdentityPoolProvider } from "@cdktf/provider-google/lib/iam-workload-identity-pool-provider";
import { Construct } from "constructs";
import { BUILDKITE_OIDC_ISSUER } from "../trust/buildkite-oidc";
import { checkFormat, checkList, FORMATS, ValidationError } from "../private/validation";
import { DEFAULT_GCP_POOL_ID, DEFAULT_GCP_PROVIDER_ID } from "./gcp-pipeline-access";
import {
  ATTRIBUTE_CONDITION_MAX_LENGTH,
  attributeCondition,
  BUILDKITE_ATTRIBUTE_MAPPING,
  PoolProviderLocation,
  poolProviderAudience,
} from "./workload-identity";

/** A pipeline the pool admits, pinned to its UUID when given. */
export interface GcpPoolPipeline {
  /** Pipeline slug. */
  readonly pipeline: string;
  /** Pipeline UUID; pins the slug against a deleted and re-created pipeline. @default - not pinned */
  readonly pipelineId?: string;
}

/** Props of {@link BuildkiteWorkloadIdentityPool}. */
export interface BuildkiteWorkloadIdentityPoolProps {
  /** ID of the project the pool is created in. */
  readonly projectId: string;
  /** Number of that project (the audience and the principalSets name it). */
  readonly projectNumber: string;
  /** Pool ID. @default "buildkite" */
  readonly poolId?: string;
  /** Provider ID. @default "buildkite-agent" */
  readonly providerId?: string;
  /** Buildkite organization slug; tokens of other organizations are refused. */
  readonly organization: string;
  /** Organization UUID, recommended: slugs can be recycled. @default - not pinned */
  readonly organizationId?: string;
  /** The pipelines whose tokens the pool accepts; tokens of other pipelines are refused at the exchange. */
  readonly pipelines: readonly GcpPoolPipeline[];
}

/**
 * A workload identity pool and its OIDC provider for `https://agent.buildkite.com`,
 * one per project: the attribute mapping of Buildkite's claims
 * ({@link BUILDKITE_ATTRIBUTE_MAPPING}) and an attribute condition that admits
 * only the declared organization and pipelines, and no branch or step key with
 * a ":" (fork builds' `owner:branch`). The service accounts then grant
 * impersonation to the pool's `principalSet`s.
 */
export class BuildkiteWorkloadIdentityPool extends Construct {
  /** Where the pool provider lives (project number, pool and provider IDs). */
  readonly location: PoolProviderLocation;
  /** The audience the provider allows, and jobs request. */
  readonly audience: string;
  /** Slugs of the pipelines the pool admits. */
  readonly pipelines: readonly string[];
  /** The attribute condition, as written to the provider. */
  readonly attributeCondition: string;
  /** The Terraform pool resource. */
  readonly pool: IamWorkloadIdentityPool;
  /** The Terraform pool provider resource. */
  readonly provider: IamWorkloadIdentityPoolProvider;

  constructor(scope: Construct, id: string, props: BuildkiteWorkloadIdentityPoolProps) {
    super(scope, id);
    const projectId = checkFormat(FORMATS.gcpProjectId, "projectId", props.projectId);
    this.location = {
      projectNumber: checkFormat(FORMATS.gcpProjectNumber, "projectNumber", props.projectNumber),
      poolId: checkFormat(FORMATS.gcpPoolId, "poolId", props.poolId ?? DEFAULT_GCP_POOL_ID),
      providerId: checkFormat(FORMATS.gcpPoolId, "providerId", props.providerId ?? DEFAULT_GCP_PROVIDER_ID),
    };
    const organization = checkFormat(FORMATS.slug, "organization", props.organization);
    const organizationId = props.organizationId === undefined ? undefined : checkFormat(FORMATS.uuid, "organizationId", props.organizationId);
    const pipelines = checkList(
      "pipelines",
      props.pipelines.map((p) => p.pipeline),
      { nonEmpty: "name the pipelines whose jobs may use the pool" },
    ).map((pipeline, i) => {
      const pipelineId = props.pipelines[i].pipelineId;
      return {
        pipeline: checkFormat(FORMATS.slug, `pipelines[${i}].pipeline`, pipeline),
        ...(pipelineId === undefined ? {} : { pipelineId: checkFormat(FORMATS.uuid, `pipelines[${i}].pipelineId`, pipelineId) }),
      };
    });
    this.pipelines = pipelines.map((p) => p.pipeline);
    this.audience = poolProviderAudience(this.location);
    this.attributeCondition = attributeCondition({ organization, organizationId, pipelines });
    if (this.attributeCondition.length > ATTRIBUTE_CONDITION_MAX_LENGTH) {
      throw new ValidationError({
        code: "too-broad",
        field: "pipelines",
        value: this.attributeCondition.length,
        problem: `make an attribute condition of ${this.attributeCondition.length} characters, over Google's ${ATTRIBUTE_CONDITION_MAX_LENGTH}`,
        fix: "split the pipelines across pools (another poolId), or pin fewer of them by UUID",
      });
    }
    this.pool = new IamWorkloadIdentityPool(this, "Pool", {
      project: projectId,
      workloadIdentityPoolId: this.location.poolId,
      displayName: "Buildkite",
      description: `Buildkite organization ${organization}: jobs of its declared pipelines`,
    });
    this.provider = new IamWorkloadIdentityPoolProvider(this, "Provider", {
      project: projectId,
      workloadIdentityPoolId: this.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: this.location.providerId,
      displayName: "Buildkite agent OIDC",
      description: `Buildkite agent OIDC tokens of ${organization}`,
      attributeMapping: { ...BUILDKITE_ATTRIBUTE_MAPPING },
      attributeCondition: this.attributeCondition,
      oidc: { issuerUri: BUILDKITE_OIDC_ISSUER, allowedAudiences: [this.audience] },
    });
  }
}
