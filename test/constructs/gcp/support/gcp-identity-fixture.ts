/** Test support: one Google Cloud project's Buildkite federation, three pipelines with different scopes. */
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { BuildkiteServiceAccount, BuildkiteWorkloadIdentityPool, GcpPipelineAccess, GcpPipelineAccessProps } from "../../../../constructs";

export const PROJECT_ID = "acme-infra";
export const PROJECT_NUMBER = "123456789012";
export const ORGANIZATION = "acme";
export const ORGANIZATION_ID = "0184990a-4782-42b5-afc1-00000000000a";
export const NETWORKING_PIPELINE_ID = "0184990a-4782-42b5-afc1-000000000001";

const base = { projectId: PROJECT_ID, projectNumber: PROJECT_NUMBER, organization: ORGANIZATION };

/** The declarations: networking pinned by UUID with the default scopes; payments on two branches and steps; data plans from any step. */
export const DECLARED: Record<string, GcpPipelineAccessProps & { pipelineId?: string }> = {
  networking: { ...base, pipeline: "networking", pipelineId: NETWORKING_PIPELINE_ID },
  payments: {
    ...base,
    pipeline: "payments",
    plan: { branches: ["main", "release/2026"], stepKeys: ["plan", "plan-prod"] },
    apply: { branches: ["main", "release/2026"], stepKeys: ["apply"] },
  },
  data: { ...base, pipeline: "data", plan: { stepKeys: [] }, apply: { branches: ["main"], stepKeys: ["apply", "apply-late"] } },
};

export function accesses(): GcpPipelineAccess[] {
  return Object.values(DECLARED).map(({ pipelineId: _id, ...props }) => new GcpPipelineAccess(props));
}

/** A stack with the pool, and a plan and an apply service account per pipeline. */
export function gcpIdentityStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "gcp-identity");
  new GoogleProvider(stack, "google", { project: PROJECT_ID, region: "europe-west1" });
  const pool = new BuildkiteWorkloadIdentityPool(stack, "Pool", {
    projectId: PROJECT_ID,
    projectNumber: PROJECT_NUMBER,
    organization: ORGANIZATION,
    organizationId: ORGANIZATION_ID,
    pipelines: Object.values(DECLARED).map(({ pipeline, pipelineId }) => ({ pipeline, pipelineId })),
  });
  for (const access of accesses()) {
    new BuildkiteServiceAccount(stack, `${access.pipeline}-plan`, { access, kind: "plan", pool, roles: ["roles/viewer", "roles/iam.securityReviewer"] });
    new BuildkiteServiceAccount(stack, `${access.pipeline}-apply`, { access, kind: "apply", pool, roles: ["roles/compute.networkAdmin"] });
  }
  return stack;
}
