import { PolicyDocument, policyDocument } from "../policy/policy-document";
import { PipelineAccount, pipelineAccountGrant } from "./pipeline-accounts";

/** What the resource policy of a state backend's DynamoDB lock table needs to know. */
export interface StateLockTablePolicyProps {
  /** ARN of the lock table (a Terraform reference is fine). */
  readonly tableArn: string;
  /** Name of the state bucket: every LockID starts with `<bucket>/`. */
  readonly bucketName: string;
  /** Partition of the accounts. */
  readonly partition: string;
  /** Folder of all pipeline states in the bucket, e.g. `pipelines`. */
  readonly keyPrefix: string;
  /** The principal tag naming a role's pipeline. */
  readonly principalTagKey: string;
  /** Accounts other than the table's whose pipeline roles lock their states in it. */
  readonly pipelineAccounts: readonly PipelineAccount[];
}

/**
 * The resource policy of the lock table, for pipeline roles of other accounts: DynamoDB, like S3 and KMS,
 * allows a request across accounts only when the resource's policy allows it too. One statement per
 * account, `PipelineLocksOfAccount<id>`: its roles under its role path, tagged with one of its pipelines,
 * may describe the table and get, put and delete the items whose LockID is in their own folder
 * (`<bucket>/<keyPrefix>/${aws:PrincipalTag/<tag>}/...`, the lock and the `-md5` digest); the plan roles'
 * identity policies still deny them every write (plans take no lock).
 */
export function stateLockTablePolicy(props: StateLockTablePolicyProps): PolicyDocument {
  const ownLockIds = `${props.bucketName}/${props.keyPrefix}/\${aws:PrincipalTag/${props.principalTagKey}}/*`;
  return policyDocument(
    props.pipelineAccounts.map((account) => ({
      Sid: `PipelineLocksOfAccount${account.accountId}`,
      Effect: "Allow",
      ...pipelineAccountGrant(account, props.partition, props.principalTagKey, { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [ownLockIds] } }),
      Action: ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
      Resource: props.tableArn,
    })),
  );
}
