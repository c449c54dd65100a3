/**
 * The public API of buildkite-terraform-trust: the constructs and their props.
 * Everything not exported here is internal; every name is exported by name
 * (never `export *`), and api-report.md lists them (`npm run api-report`).
 */
export type { PolicyConditions, PolicyDocument, PolicyPrincipal, PolicyStatement } from "./policy/policy-document";
export { policyDocument, renderPolicy, renderTerraformPolicy } from "./policy/policy-document";
export type { NotReadOnlyAction } from "./policy/read-only";
export {
  notReadOnlyActions,
  notReadOnlyPolicyReason,
  READ_ONLY_ACTIONS,
  READ_ONLY_MANAGED_POLICIES,
  READ_ONLY_VERBS,
  SECRET_OR_CREDENTIAL_ACTIONS,
} from "./policy/read-only";
export { LOCK_FILE_SUFFIX, STATE_DIGEST_SUFFIX, stateAccessStatements } from "./state/state-access-policy";
export type { GrantPipelineStateOptions, IStateBackend, IStateGrantee, PipelineStateOptions, StateAccess, StateAccessOptions } from "./state/state-backend";
export { PipelineState } from "./state/state-backend";
export type { StateKeyInput, WorkspaceNameInput } from "./state/state-key";
export {
  BUILD_WORKSPACE_PREFIXES,
  DEFAULT_STABLE_WORKSPACE,
  EMPTY_BRANCH_PLACEHOLDER,
  isBuildWorkspace,
  pipelineStatePrefix,
  STATE_FILE_NAME,
  stateKey,
  WORKSPACE_HASH_LENGTH,
  WORKSPACE_MAX_LENGTH,
  WORKSPACE_SHELL_FUNCTION,
  workspaceName,
  workspaceNameShellCommand,
  workspaceNameShellFunction,
} from "./state/state-key";
export type { JobTokenRequest, RequiredPipelineSettings, RoleAccess } from "./trust/role-access";
export {
  BUILDKITE_OIDC_ISSUER,
  BUILDKITE_SUBJECT_FIELDS,
  buildkiteOidcProviderArn,
  DEFAULT_BUILDKITE_AUDIENCE,
  SUBJECT_OVERFLOW_PATTERN,
} from "./trust/buildkite-oidc";
export type { BuildkiteTrustProps, ClaimCheck } from "./trust/buildkite-trust";
export { BuildkiteTrust, CLAIM_CHECKS, DEFAULT_CLAIM_CHECK } from "./trust/buildkite-trust";
export type { PipelineAccessProps, PipelineAwsRoleKind, PipelineRoleKind, PipelineRoleScope } from "./trust/pipeline-access";
export { DEFAULT_PREVIEW_STEP_KEYS, defaultPipelineRolePath, PipelineAccess } from "./trust/pipeline-access";
export type { BuildkiteOidcProviderProps, IBuildkiteOidcProvider } from "./trust/buildkite-oidc-provider";
export { BuildkiteOidcProvider } from "./trust/buildkite-oidc-provider";
export type {
  IPipelinePermissionsBoundary,
  PipelineBoundaryProps,
  PipelinePermissionsBoundaryProps,
  ProtectedSecret,
} from "./trust/pipeline-permissions-boundary";
export { PIPELINE_BOUNDARY_POLICY_NAME, PipelinePermissionsBoundary, pipelineBoundaryArn, pipelineBoundaryPolicy } from "./trust/pipeline-permissions-boundary";
export type { PlatformDeployerBoundaryConstructProps, PlatformDeployerBoundaryProps } from "./trust/platform-deployer-boundary";
export {
  PLATFORM_DEPLOYER_BOUNDARY_POLICY_NAME,
  PLATFORM_DEPLOYER_ROLE_SUFFIX,
  PlatformDeployerBoundary,
  platformDeployerBoundaryArn,
  platformDeployerBoundaryPolicy,
} from "./trust/platform-deployer-boundary";
export type { IdentityDeployerScope } from "./trust/platform-deployer-permissions";
export { identityDeployerStatements, stateBackendDeployerStatements } from "./trust/platform-deployer-permissions";
export { grantsIamWriteOn, iamWriteActions } from "./policy/iam-writes";
export type { BuildkitePipelineRoleProps, PipelineRolePermissions } from "./trust/buildkite-pipeline-role";
export { BuildkitePipelineRole, INLINE_POLICIES_SIZE_LIMIT } from "./trust/buildkite-pipeline-role";
export type { BuildkitePipelineRolesProps } from "./trust/buildkite-pipeline-roles";
export { BuildkitePipelineRoles } from "./trust/buildkite-pipeline-roles";
export type {
  GuardrailContext,
  GuardrailFinding,
  GuardrailOptions,
  GuardrailPack,
  GuardrailRule,
  GuardrailSeverity,
  GuardrailViolation,
  SynthesizedBackend,
  SynthesizedBlock,
  SynthesizedJson,
} from "./guardrails/guardrail";
export { blockAddress, formatFinding, isExpression } from "./guardrails/guardrail";
export type { GuardrailExemption } from "./guardrails/guardrails";
export { applyGuardrails, checkGuardrails, Guardrails } from "./guardrails/guardrails";
export { AWS_TRUST_PACK, BUILDKITE_PIPELINES_PACK, GCP_TRUST_PACK, GUARDRAIL_RULES, RECOMMENDED_PACK, STATE_BACKEND_PACK } from "./guardrails/packs";
export type { PipelineForkSettings, RecordedPipelineState } from "./guardrails/pipeline-roles";
export { pipelineRolesOf, pipelineStateOf, recordPipelineRoles, recordPipelineState } from "./guardrails/pipeline-roles";
export type { StateResourceKind } from "./guardrails/state-resources";
export { recordStateResource } from "./guardrails/state-resources";
export { SENSITIVE_DATA_ATTRIBUTES, SENSITIVE_RESOURCE_ATTRIBUTES, secretAttributesOf } from "./guardrails/secret-attributes";
export { iamWritersBounded } from "./guardrails/rules/iam-writers-bounded";
export { secretStateDefaultBranchOnly } from "./guardrails/rules/secret-state-default-branch-only";
export { applyStepsSignedAndIsolated } from "./guardrails/rules/apply-steps-signed-and-isolated";
export { buildkiteSubjectFieldsBounded } from "./guardrails/rules/buildkite-subject-fields-bounded";
export { buildkiteTrustPinned } from "./guardrails/rules/buildkite-trust-pinned";
export { buildkiteWildcardsAnchored } from "./guardrails/rules/buildkite-wildcards-anchored";
export { administratorAccess, grantsAdministrator, noAdminWildcard } from "./guardrails/rules/no-admin-wildcard";
export { noForkBuildsWithWritableRoles } from "./guardrails/rules/no-fork-builds-with-writable-roles";
export { noIamUsers } from "./guardrails/rules/no-iam-users";
export { noServiceAccountKeys } from "./guardrails/rules/no-service-account-keys";
export { planRoleReadOnly } from "./guardrails/rules/plan-role-read-only";
export { requiredPipelineSettings } from "./guardrails/rules/required-pipeline-settings";
export { roleName } from "./guardrails/rules/role-name";
export { roleSessionDuration } from "./guardrails/rules/role-session-duration";
export { stateBucketAdminOnly } from "./guardrails/rules/state-bucket-admin-only";
export { stateKeyAdminOnly } from "./guardrails/rules/state-key-admin-only";
export { trustPolicySize } from "./guardrails/rules/trust-policy-size";
export type { BackendConfigValue, S3BackendSettings, S3BackendWithLockfileConfig, S3StateSettings, StateLockMode } from "./state/backend-config";
export { addS3Backend, backendConfigArguments, renderBackendHcl, S3BackendWithLockfile } from "./state/backend-config";
export type {
  NoncurrentVersionExpiration,
  StateBackendAttributes,
  StateBucketAccessLogging,
  TerraformStateBackendProps,
} from "./state/terraform-state-backend";
export { DEFAULT_STATE_KEY_PREFIX, StateBackendBase, TerraformStateBackend } from "./state/terraform-state-backend";
export type { PipelineStateFence, PipelineStateFenceOptions, StateBucketPolicyProps } from "./state/state-bucket-policy";
export { PIPELINE_PRINCIPAL_TAG_KEY, PIPELINE_ROLE_KIND_TAG_KEY, stateBucketPolicy } from "./state/state-bucket-policy";
export type { StateKmsKeyPolicyProps } from "./state/state-kms-key-policy";
export { stateKmsKeyPolicy } from "./state/state-kms-key-policy";
export type { StateAdministrators } from "./state/state-administrators";
export { STATE_BUCKET_CONFIGURATION_ACTIONS, STATE_KEY_ADMINISTRATION_ACTIONS } from "./state/state-administrators";
export type { PipelineAccount } from "./state/pipeline-accounts";
export type { StateLockTablePolicyProps } from "./state/state-lock-table-policy";
export { stateLockTablePolicy } from "./state/state-lock-table-policy";
export type { BuildSource, StepCondition } from "./buildkite/step-condition";
export {
  allOfConditions,
  anyOfConditions,
  branchEquals,
  branchMatchesAny,
  notCondition,
  notFork,
  notPullRequest,
  renderCondition,
  sourceIs,
} from "./buildkite/step-condition";
export type { BlockStep, CommandStep, PipelineStep, PluginUse, StepConcurrency, WaitStep } from "./buildkite/pipeline-steps";
// How reviewers and auditors read a stored step's script (docs/buildkite.md, "Why the step scripts look escaped").
export { carriedScript } from "./private/interpolation";
export { renderPipelineYaml } from "./buildkite/pipeline-steps";
export type { CredentialMethod } from "./buildkite/step-credentials";
export type { BuildkiteAgentTokenProps, BuildkiteClusterProps, BuildkiteClusterQueueProps, RotationSchedule } from "./buildkite/buildkite-cluster";
export { BuildkiteCluster } from "./buildkite/buildkite-cluster";
export type { AgentTokenKeyAccess } from "./buildkite/agent-token-access";
export { agentTokenKeyPolicy, agentTokenParameterArns, agentTokenParameterPrefix, agentTokenManagementStatements } from "./buildkite/agent-token-access";
export { addRotationTriggerProvider, rotationTrigger } from "./buildkite/rotation-trigger";
export type { ScheduledRun } from "./buildkite/terraform-step-script";
export type { ApprovalPolicy } from "./buildkite/plan-review";
export { APPROVAL_POLICIES, DEFAULT_APPROVAL_POLICY, PLAN_JSON_FILE, planAnnotationContext } from "./buildkite/plan-review";
export type {
  ApprovalOptions,
  DriftDetectionOptions,
  ScheduledApplyOptions,
  TerraformPipelineSchedule,
  TerraformPipelineStepsProps,
  TerraformStepKeys,
} from "./buildkite/terraform-pipeline-steps";
export { DEFAULT_DRIFT_CRONLINE, TerraformPipelineSteps } from "./buildkite/terraform-pipeline-steps";
export type {
  BuildkiteTerraformPipelineProps,
  PipelineRoles,
  PipelineTeamAccess,
  PipelineTeamAccessLevel,
  PlatformPipelineStacks,
  StepSigningOptions,
} from "./buildkite/buildkite-terraform-pipeline";
export { BuildkiteTerraformPipeline } from "./buildkite/buildkite-terraform-pipeline";
export type { PlatformPipelineStepsProps, PlatformStack, PlatformStackStepKeys } from "./buildkite/platform-pipeline-steps";
export { PlatformPipelineSteps, platformApplyStepKey, platformApprovalPolicy, platformPlanStepKey } from "./buildkite/platform-pipeline-steps";
export type { SelectedStack } from "./buildkite/platform-step-script";
export type { BuildkiteApiTokenSource, SecretReads } from "./buildkite/buildkite-api-token";
export {
  API_TOKEN_AGE_CONTEXT,
  buildkiteApiTokenLines,
  buildkiteApiTokenReads,
  buildkiteApiTokenReadStatements,
  ssmParameterArn,
} from "./buildkite/buildkite-api-token";
export { APPLIED_CONFIGURATION_HASH_FILE, APPLY_ALL_VARIABLE, changedStackMetaDataKey, STACK_CONFIGURATION_FILE } from "./buildkite/platform-step-script";
export { FORMATS, ValidationError } from "./private/validation";
export type { Format, FormatRefusal, ValidationCode, ValidationErrorProps } from "./private/validation";
export { branchAdmitted } from "./buildkite/branch-glob";
export type { AttributeConditionInput, PoolProviderLocation, ServiceAccountScope } from "./gcp/workload-identity";
export {
  ATTRIBUTE_CONDITION_MAX_LENGTH,
  attributeCondition,
  BUILDKITE_ATTRIBUTE_MAPPING,
  externalAccountCredentials,
  GCP_TOKEN_CLAIMS,
  GOOGLE_SUBJECT_MAX_BYTES,
  poolProviderAudience,
  poolResourceName,
  principalSet,
  principalSetsFor,
} from "./gcp/workload-identity";
export type { GcpPipelineAccessProps, GcpServiceAccountScope, ServiceAccountAccess } from "./gcp/gcp-pipeline-access";
export { DEFAULT_GCP_POOL_ID, DEFAULT_GCP_PROVIDER_ID, GcpPipelineAccess } from "./gcp/gcp-pipeline-access";
export type { BuildkiteWorkloadIdentityPoolProps, GcpPoolPipeline } from "./gcp/buildkite-workload-identity-pool";
export { BuildkiteWorkloadIdentityPool } from "./gcp/buildkite-workload-identity-pool";
export type { BuildkiteServiceAccountProps, GcpServiceAccountPermissions } from "./gcp/buildkite-service-account";
export { BuildkiteServiceAccount, GCP_READ_ONLY_ROLES, isReadOnlyGcpRole, WORKLOAD_IDENTITY_USER_ROLE } from "./gcp/buildkite-service-account";
