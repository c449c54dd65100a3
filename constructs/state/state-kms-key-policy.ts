import { PolicyDocument, PolicyStatement, policyDocument } from "../policy/policy-document";

/** Who may do what with the KMS key of a state backend. */
export interface StateKmsKeyPolicyProps {
  /** Partition of the account, e.g. `aws`. */
  readonly partition: string;
  /** The account that owns the key. */
  readonly accountId: string;
  /** Region of the key and the bucket. */
  readonly region: string;
  /** ARN of the state bucket, for the encryption context S3 sends. */
  readonly bucketArn: string;
  /** Roles or users that administer the key (no cryptographic use). */
  readonly administratorArns: readonly string[];
  /** Roles or users that read or write states through S3. */
  readonly stateUserArns: readonly string[];
}

/** Key administration without cryptographic use, as in the AWS default key policy for administrators. */
const ADMINISTRATION_ACTIONS = [
  "kms:Create*",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];

/**
 * The key policy of a state key:
 *
 * - `EnableIamPolicies`: the account-root statement, which keeps the key manageable and lets IAM
 *   policies of the account grant its use (without it, a key whose listed principals are deleted is
 *   unrecoverable);
 * - `KeyAdministration`: the administrators, without cryptographic use;
 * - `StateEncryptionThroughS3`: the state users may decrypt and generate data keys only when S3
 *   calls KMS for them (`kms:ViaService`) for this bucket. S3 Bucket Keys make the encryption context
 *   the bucket ARN; objects written without a bucket key carry their own ARN.
 *
 * The DynamoDB lock table needs no statement here: DynamoDB uses the key through the grant it
 * creates when the table is created, which IAM authorizes for the deploying principal through the
 * account-root statement.
 */
export function stateKmsKeyPolicy(props: StateKmsKeyPolicyProps): PolicyDocument {
  const statements: PolicyStatement[] = [
    {
      Sid: "EnableIamPolicies",
      Effect: "Allow",
      Principal: { AWS: `arn:${props.partition}:iam::${props.accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
  ];
  if (props.administratorArns.length > 0) {
    statements.push({
      Sid: "KeyAdministration",
      Effect: "Allow",
      Principal: { AWS: [...props.administratorArns] },
      Action: ADMINISTRATION_ACTIONS,
      Resource: "*",
    });
  }
  if (props.stateUserArns.length > 0) {
    statements.push({
      Sid: "StateEncryptionThroughS3",
      Effect: "Allow",
      Principal: { AWS: [...props.stateUserArns] },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      Condition: {
        StringEquals: { "kms:ViaService": `s3.${props.region}.amazonaws.com` },
        StringLike: { "kms:EncryptionContext:aws:s3:arn": [props.bucketArn, `${props.bucketArn}/*`] },
      },
    });
  }
  return policyDocument(statements);
}
