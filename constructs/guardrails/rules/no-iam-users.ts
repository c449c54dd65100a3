import { GuardrailRule } from "../guardrail";

/** Resource types that create IAM users, their long-lived credentials, or attach anything to users. */
export const IAM_USER_RESOURCE_TYPES: readonly string[] = [
  "aws_iam_user",
  "aws_iam_access_key",
  "aws_iam_user_policy",
  "aws_iam_user_policy_attachment",
  "aws_iam_user_policies_exclusive",
  "aws_iam_user_policy_attachments_exclusive",
  "aws_iam_user_login_profile",
  "aws_iam_user_ssh_key",
  "aws_iam_user_group_membership",
  "aws_iam_group_membership",
  "aws_iam_service_specific_credential",
  "aws_iam_signing_certificate",
];

const FIX = "let CI assume a role through Buildkite OIDC (PipelineAccess and BuildkitePipelineRole) instead of holding static keys.";

/**
 * The app creates no IAM users and no static credentials: no user resources,
 * no access keys, no policy attachments to users, and no access keys in
 * provider configurations.
 */
export const noIamUsers: GuardrailRule = {
  id: "no-iam-users",
  description: "No IAM users, access keys or other static credentials anywhere in the app.",
  fix: FIX,
  severity: "error",
  exemptible: false,
  check(block) {
    if (block.kind === "resource" && (IAM_USER_RESOURCE_TYPES.includes(block.type) || block.type.startsWith("aws_iam_user"))) {
      return [{ message: `${block.type} creates an IAM user or a static credential.` }];
    }
    if (block.kind === "resource" && block.type === "aws_iam_policy_attachment" && Array.isArray(block.values.users) && block.values.users.length > 0) {
      return [{ message: "aws_iam_policy_attachment attaches a policy to IAM users." }];
    }
    if (block.kind === "provider" && block.type === "aws" && (block.values.access_key !== undefined || block.values.secret_key !== undefined)) {
      return [{ message: "the aws provider is configured with a static access key.", fix: "remove access_key and secret_key; " + FIX }];
    }
    return [];
  },
};
