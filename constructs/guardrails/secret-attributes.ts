/**
 * Which synthesized blocks put secrets into their stack's Terraform state: the
 * attributes their provider schema marks `sensitive`. Terraform stores those in
 * the state in plain text (sensitive only hides them from plan output), so
 * whoever reads the state reads the secret.
 */
import { SynthesizedBlock } from "./guardrail";

/**
 * Sensitive attributes by resource type: the Buildkite provider's, as its schema
 * (providers/buildkite/schema.json) marks them, which a test holds this list to;
 * and, since the AWS provider's schema is not in this repository, the AWS
 * resources most often found holding secrets.
 */
export const SENSITIVE_RESOURCE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  buildkite_agent_token: ["token"],
  buildkite_cluster_agent_token: ["token"],
  buildkite_cluster_secret: ["value", "value_wo"],
  buildkite_portal: ["token"],
  buildkite_test_suite: ["api_token"],
  aws_ssm_parameter: ["value"],
  aws_secretsmanager_secret_version: ["secret_string", "secret_binary"],
  aws_iam_access_key: ["secret", "ses_smtp_password_v4"],
  aws_db_instance: ["password"],
  aws_rds_cluster: ["master_password"],
};

/** Sensitive arguments of data sources: they hold a secret only when the configuration sets them. */
export const SENSITIVE_DATA_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  buildkite_signed_pipeline_steps: ["jwks"],
};

/** The sensitive attributes a block brings into its stack's state; empty when it brings none. */
export function secretAttributesOf(block: SynthesizedBlock): string[] {
  if (block.kind === "resource") return [...(SENSITIVE_RESOURCE_ATTRIBUTES[block.type] ?? [])];
  if (block.kind === "data") return (SENSITIVE_DATA_ATTRIBUTES[block.type] ?? []).filter((attribute) => block.values[attribute] !== undefined);
  return [];
}
