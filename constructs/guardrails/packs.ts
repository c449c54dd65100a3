/**
 * The rule packs of this library. A pack is a plain object: consumers build
 * their own from these rules and theirs (`{ name, description, rules: [...AWS_TRUST_PACK.rules, myRule] }`).
 */
import { GuardrailPack, GuardrailRule } from "./guardrail";
import { applyStepsSignedAndIsolated } from "./rules/apply-steps-signed-and-isolated";
import { buildkiteSubjectFieldsBounded } from "./rules/buildkite-subject-fields-bounded";
import { buildkiteTrustPinned } from "./rules/buildkite-trust-pinned";
import { buildkiteWildcardsAnchored } from "./rules/buildkite-wildcards-anchored";
import { iamWritersBounded } from "./rules/iam-writers-bounded";
import { noAdminWildcard } from "./rules/no-admin-wildcard";
import { noForkBuildsWithWritableRoles } from "./rules/no-fork-builds-with-writable-roles";
import { noIamUsers } from "./rules/no-iam-users";
import { noServiceAccountKeys } from "./rules/no-service-account-keys";
import { planRoleReadOnly } from "./rules/plan-role-read-only";
import { requiredPipelineSettings } from "./rules/required-pipeline-settings";
import { roleName } from "./rules/role-name";
import { roleSessionDuration } from "./rules/role-session-duration";
import { secretStateDefaultBranchOnly } from "./rules/secret-state-default-branch-only";
import { stateBucketAdminOnly } from "./rules/state-bucket-admin-only";
import { stateKeyAdminOnly } from "./rules/state-key-admin-only";
import { trustPolicySize } from "./rules/trust-policy-size";

/** The AWS side: who may assume the pipelines' roles, what the roles may do, no static credentials. */
export const AWS_TRUST_PACK: GuardrailPack = {
  name: "aws-trust",
  description: "Roles trusted by Buildkite OIDC are pinned to one pipeline, valid for IAM and least-privileged; no static credentials.",
  rules: [
    buildkiteTrustPinned,
    buildkiteSubjectFieldsBounded,
    buildkiteWildcardsAnchored,
    trustPolicySize,
    roleSessionDuration,
    roleName,
    noIamUsers,
    noAdminWildcard,
    iamWritersBounded,
    planRoleReadOnly,
  ],
};

/** The Buildkite side: pipeline settings the roles' trust policies rely on, and who may read the states that hold secrets. */
export const BUILDKITE_PIPELINES_PACK: GuardrailPack = {
  name: "buildkite-pipelines",
  description:
    "Pipelines whose steps assume roles keep fork builds off and fork branch names prefixed, and apply from signed steps on a queue of their own; states holding secrets are read only from the default branch.",
  rules: [noForkBuildsWithWritableRoles, requiredPipelineSettings, secretStateDefaultBranchOnly, applyStepsSignedAndIsolated],
};

/** The state backend: only its administrators change how the bucket and the key protect the states. */
export const STATE_BACKEND_PACK: GuardrailPack = {
  name: "state-backend",
  description: "The state bucket's and key's configuration is denied to all but named administrators, whatever IAM allows.",
  rules: [stateBucketAdminOnly, stateKeyAdminOnly],
};

/** The Google Cloud side: no long-lived service account keys. */
export const GCP_TRUST_PACK: GuardrailPack = {
  name: "gcp-trust",
  description: "Service accounts are impersonated through workload identity federation; no service account keys.",
  rules: [noServiceAccountKeys],
};

/** Every rule of this library, in the order findings are reported. */
export const GUARDRAIL_RULES: readonly GuardrailRule[] = [
  ...AWS_TRUST_PACK.rules,
  ...BUILDKITE_PIPELINES_PACK.rules,
  ...GCP_TRUST_PACK.rules,
  ...STATE_BACKEND_PACK.rules,
];

/** Every rule of this library: what {@link applyGuardrails} runs unless told otherwise. */
export const RECOMMENDED_PACK: GuardrailPack = {
  name: "recommended",
  description: "Every guardrail of this library.",
  rules: GUARDRAIL_RULES,
};
