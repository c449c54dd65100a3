import { PolicyConditions, PolicyDocument, PolicyStatement, policyDocument } from "../policy/policy-document";
import { PipelineAccount, pipelineAccountGrant } from "./pipeline-accounts";
import { accountRootArn, STATE_KEY_ADMINISTRATION_ACTIONS, StateAdministrators, unlessAdministrator } from "./state-administrators";
import { PIPELINE_PRINCIPAL_TAG_KEY } from "./state-bucket-policy";

/** Who may do what with the KMS key of a state backend. */
export interface StateKmsKeyPolicyProps extends StateAdministrators {
  /** Partition of the account, e.g. `aws`. */
  readonly partition: string;
  /** The account that owns the key. */
  readonly accountId: string;
  /** Region of the key and the bucket. */
  readonly region: string;
  /** ARN of the state bucket, for the encryption context S3 sends. */
  readonly bucketArn: string;
  /** Roles or users that read or write states through S3. */
  readonly stateUserArns: readonly string[];
  /**
   * Accounts other than the key's whose pipeline roles use the states: each may use the key through S3
   * for this bucket, for its roles under its role path tagged with one of its pipelines.
   * @default - none
   */
  readonly pipelineAccounts?: readonly PipelineAccount[];
  /**
   * The principal tag naming a role's pipeline.
   * @default "buildkite:pipeline" ({@link PIPELINE_PRINCIPAL_TAG_KEY})
   */
  readonly principalTagKey?: string;
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
 * - `DenyKeyAdministrationExceptAdministrators`: key administration that could weaken or destroy the key
 *   ({@link STATE_KEY_ADMINISTRATION_ACTIONS}: its policy, grants, disabling, deletion...) to everyone but the
 *   administrators and the account's root user, whatever their IAM policies allow (the root statement above
 *   would otherwise let any IAM policy of the account grant `kms:PutKeyPolicy`);
 * - `StateEncryptionThroughS3`: the state users may decrypt and generate data keys only when S3
 *   calls KMS for them (`kms:ViaService`) for this bucket. S3 Bucket Keys make the encryption context
 *   the bucket ARN; objects written without a bucket key carry their own ARN.
 *
 * The DynamoDB lock table needs no statement here: DynamoDB uses the key through the grant it
 * creates when the table is created, which IAM authorizes for the deploying principal (an
 * administrator, since creating grants is key administration) through the account-root statement.
 */
export function stateKmsKeyPolicy(props: StateKmsKeyPolicyProps): PolicyDocument {
  const throughS3: PolicyConditions = {
    StringEquals: { "kms:ViaService": `s3.${props.region}.amazonaws.com` },
    StringLike: { "kms:EncryptionContext:aws:s3:arn": [props.bucketArn, `${props.bucketArn}/*`] },
  };
  const statements: PolicyStatement[] = [
    {
      Sid: "EnableIamPolicies",
      Effect: "Allow",
      Principal: { AWS: accountRootArn(props.partition, props.accountId) },
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
  statements.push({
    Sid: "DenyKeyAdministrationExceptAdministrators",
    Effect: "Deny",
    Principal: "*",
    Action: [...STATE_KEY_ADMINISTRATION_ACTIONS],
    Resource: "*",
    Condition: unlessAdministrator(props),
  });
  if (props.stateUserArns.length > 0) {
    statements.push({
      Sid: "StateEncryptionThroughS3",
      Effect: "Allow",
      Principal: { AWS: [...props.stateUserArns] },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      Condition: throughS3,
    });
  }
  for (const account of props.pipelineAccounts ?? []) {
    statements.push({
      Sid: `StateEncryptionThroughS3ForAccount${account.accountId}`,
      Effect: "Allow",
      ...pipelineAccountGrant(account, props.partition, props.principalTagKey ?? PIPELINE_PRINCIPAL_TAG_KEY, throughS3),
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
    });
  }
  return policyDocument(statements);
}
