import { GcpPipelineAccess } from "../constructs/index";
import { PipelineDeclaration, PlatformDeclaration } from "./declaration";

/**
 * The pure Google Cloud access declaration of a declared pipeline that names a `gcpProject`:
 * the same object feeds its service accounts (GCP identity stack) and the access report.
 */
export function gcpPipelineAccess(d: PlatformDeclaration, p: PipelineDeclaration): GcpPipelineAccess | undefined {
  if (p.gcpProject === undefined) return undefined;
  const project = d.gcpProjects.find((g) => g.name === p.gcpProject);
  if (!project) throw new Error(`unknown GCP project "${p.gcpProject}"`);
  return new GcpPipelineAccess({
    projectId: project.projectId,
    projectNumber: project.projectNumber,
    organization: d.organization.slug,
    pipeline: p.slug,
    plan: { branches: p.plan.branches, stepKeys: [p.plan.stepKey ?? "plan"] },
    apply: { branches: p.apply.branches, stepKeys: [p.apply.stepKey ?? "apply"] },
  });
}
