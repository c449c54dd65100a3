import { ApprovalPolicy, DEFAULT_APPROVAL_POLICY, PipelineAccess } from "../constructs/index";
import { PipelineDeclaration, PlatformDeclaration } from "./declaration";
import { PLATFORM_APPLY_ROLE_STACK, platformStepKeys } from "./platform-roles";

/**
 * The pure access declaration of a declared pipeline: the same object feeds
 * its IAM roles (identity stack) and its steps (Buildkite stack). The platform
 * pipeline's apply role admits the plan and apply steps of the main Buildkite
 * stack, which it applies (platform/platform-roles.ts).
 */
export function pipelineAccess(d: PlatformDeclaration, p: PipelineDeclaration): PipelineAccess {
  const account = d.accounts.find((a) => a.name === p.account);
  if (!account) throw new Error(`unknown account "${p.account}"`);
  return new PipelineAccess({
    accountId: account.id,
    organization: d.organization.slug,
    organizationId: d.organization.id,
    pipeline: p.slug,
    pipelineId: p.id,
    claimCheck: p.claimCheck ?? d.claimCheck,
    plan: { branches: p.plan.branches, stepKeys: [p.plan.stepKey ?? "plan"], sessionDurationSeconds: p.plan.sessionDurationSeconds },
    apply: {
      branches: p.apply.branches,
      stepKeys: p === d.platformPipeline ? platformStepKeys([PLATFORM_APPLY_ROLE_STACK]) : [p.apply.stepKey ?? "apply"],
      sessionDurationSeconds: p.apply.sessionDurationSeconds,
    },
    preview: p.previews ? { branches: p.previews.branches } : undefined,
  });
}

/** When a pipeline's apply waits for approval (`never` with `approval: false`). */
export function approvalPolicy(p: PipelineDeclaration): ApprovalPolicy {
  if (p.approval === false) return "never";
  // The schema checked that the policy is one of APPROVAL_POLICIES.
  return p.approval === true ? DEFAULT_APPROVAL_POLICY : (p.approval.policy as ApprovalPolicy);
}

/**
 * The teams whose members may approve a pipeline's apply, or false when it applies without approval
 * (`approval: false` or `policy: never`). Validation refused approval without a team: the owner team
 * approves unless `approval` names teams.
 */
export function approvingTeams(p: PipelineDeclaration): readonly string[] | false {
  if (p.approval === false) return false;
  if (approvalPolicy(p) === "never") return false;
  return (typeof p.approval === "object" ? p.approval.teams : undefined) ?? [p.owner!];
}
