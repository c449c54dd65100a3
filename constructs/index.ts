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
export type { GuardrailContext, GuardrailFinding, GuardrailOptions, GuardrailRule, GuardrailViolation, SynthesizedBlock } from "./guardrails/guardrail";
export * from "./guardrails/buildkite-guardrails";
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
export * from "./buildkite/rules/no-fork-builds-with-writable-roles";
export * from "./buildkite/rules/required-pipeline-settings";
export { FORMATS, ValidationError } from "./private/validation";
export type { Format, FormatRefusal, ValidationCode, ValidationErrorProps } from "./private/validation";
export { branchAdmitted } from "./buildkite/branch-glob";
export { grantsAdministrator } from "./guardrails/no-admin-wildcard";
