import { GuardrailRule } from "../guardrail";
import { stateBucketPolicyOf } from "../state-resources";
import { administratorsOnlyShortfall } from "../../private/configuration-deny";

/**
 * The bucket-level writes a state bucket policy must deny to everyone but its administrators: what keeps
 * the states private, encrypted and versioned, and the bucket in existence. Each is an action a role with
 * `s3:*` could otherwise use to take the policy, and with it every fence, away.
 */
const CONFIGURATION_ACTIONS = [
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutBucketOwnershipControls",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutEncryptionConfiguration",
  "s3:PutBucketVersioning",
  "s3:PutLifecycleConfiguration",
  "s3:PutReplicationConfiguration",
  "s3:PutBucketLogging",
  "s3:PutBucketObjectLockConfiguration",
  "s3:PutBucketTagging",
  "s3:DeleteBucket",
];

/** A bucket ARN (no object path, no wildcard), or every resource. */
const onBucket = (resources: string[]) => resources.some((r) => r === "*" || /^arn:aws[a-z-]*:s3:::[^/*]+$/.test(r));

/**
 * The bucket policy of a Terraform state bucket denies every configuration change of the bucket to all
 * principals but the named state administrators, whatever their IAM policies allow.
 */
export const stateBucketAdminOnly: GuardrailRule = {
  id: "state-bucket-admin-only",
  description:
    "The bucket policy of a Terraform state bucket denies its configuration (policy, ACL, encryption, versioning, lifecycle, deletion...) to all but named administrators.",
  fix: 'keep the policy TerraformStateBackend writes (DenyConfigurationExceptAdministrators, with the administrators in administratorArns), or add a Deny of "s3:PutBucket*", "s3:DeleteBucket*" and "s3:Put*Configuration" on the bucket to Principal "*" with only ArnNotLike "aws:PrincipalArn" = [administrator ARNs].',
  severity: "error",
  exemptible: false,
  check(block, context) {
    const policy = stateBucketPolicyOf(block, context);
    if (!policy) return [];
    if (!policy.document)
      return [{ message: "the state bucket's policy is not a JSON document the guardrails can read, so its administrators-only Deny cannot be checked." }];
    const shortfall = administratorsOnlyShortfall(policy.document, CONFIGURATION_ACTIONS, onBucket);
    return shortfall ? [{ message: `the state bucket's policy does not deny its configuration to all but named administrators: ${shortfall}.` }] : [];
  },
};
