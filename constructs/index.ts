/**
 * The public API of buildkite-terraform-trust: the constructs and their props.
 * Everything not exported here is internal.
 */
export * from "./policy/policy-document";
export * from "./state/state-access-policy";
export * from "./state/state-key";
export * from "./trust/role-access";
export * from "./trust/buildkite-oidc";
export * from "./trust/buildkite-trust";
export * from "./trust/pipeline-access";
export * from "./trust/buildkite-oidc-provider";
export * from "./trust/buildkite-pipeline-role";
export * from "./trust/buildkite-pipeline-roles";
export type {
  GuardrailContext,
  GuardrailFinding,
  GuardrailOptions,
  GuardrailPack,
  GuardrailRule,
  GuardrailSeverity,
  GuardrailViolation,
  SynthesizedBlock,
} from "./guardrails/guardrail";
export { blockAddress, formatFinding, isExpression } from "./guardrails/guardrail";
export type { GuardrailExemption } from "./guardrails/guardrails";
export { applyGuardrails, checkGuardrails, Guardrails } from "./guardrails/guardrails";
export { AWS_TRUST_PACK, BUILDKITE_PIPELINES_PACK, GUARDRAIL_RULES, RECOMMENDED_PACK } from "./guardrails/packs";
export type { PipelineForkSettings } from "./guardrails/pipeline-roles";
export { pipelineRolesOf, recordPipelineRoles } from "./guardrails/pipeline-roles";
export { buildkiteTrustPinned } from "./guardrails/rules/buildkite-trust-pinned";
export { buildkiteWildcardsAnchored } from "./guardrails/rules/buildkite-wildcards-anchored";
export { grantsAdministrator, noAdminWildcard } from "./guardrails/rules/no-admin-wildcard";
export { noForkBuildsWithWritableRoles } from "./guardrails/rules/no-fork-builds-with-writable-roles";
export { noIamUsers } from "./guardrails/rules/no-iam-users";
export { planRoleReadOnly } from "./guardrails/rules/plan-role-read-only";
export { requiredPipelineSettings } from "./guardrails/rules/required-pipeline-settings";
export { roleName } from "./guardrails/rules/role-name";
export { roleSessionDuration } from "./guardrails/rules/role-session-duration";
export { trustPolicySize } from "./guardrails/rules/trust-policy-size";
export * from "./state/backend-config";
export * from "./state/terraform-state-backend";
export * from "./state/state-bucket-policy";
export * from "./state/state-kms-key-policy";
export * from "./buildkite/step-condition";
export * from "./buildkite/pipeline-steps";
export * from "./buildkite/step-credentials";
export type { PipelineStateBackend } from "./buildkite/terraform-step-script";
export * from "./buildkite/buildkite-cluster";
export * from "./buildkite/buildkite-terraform-pipeline";
export { FORMATS, ValidationError } from "./private/validation";
export type { Format, FormatRefusal, ValidationCode, ValidationErrorProps } from "./private/validation";
export { branchAdmitted } from "./buildkite/branch-glob";
