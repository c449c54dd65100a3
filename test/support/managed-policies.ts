/**
 * The AWS managed policies of the permission sets, as far as they reach the state backend and IAM: the
 * statements of each on S3, KMS, DynamoDB and IAM, for IAM evaluations of the pipeline roles. Where the
 * real policy is narrower (a resource pattern, a condition), the excerpt is at least as wide, so a fence
 * that holds against the excerpt holds against the policy. Services that cannot touch the state (EC2, ECS,
 * Glue...) are left out. A policy missing here fails the evaluation that meets it.
 */
import { PolicyStatement } from "../../constructs/policy/policy-document";

const allow = (Action: string[]): PolicyStatement => ({ Effect: "Allow", Action, Resource: "*" });

/** Reads of every kind on the services of the state backend and on IAM. */
const READ_EVERYTHING = allow([
  "s3:Get*",
  "s3:List*",
  "s3:Describe*",
  "kms:Describe*",
  "kms:Get*",
  "kms:List*",
  "dynamodb:BatchGet*",
  "dynamodb:Describe*",
  "dynamodb:Get*",
  "dynamodb:List*",
  "dynamodb:Query",
  "dynamodb:Scan",
  "iam:Get*",
  "iam:List*",
]);
/** Listing and describing without data reads. */
const VIEW = allow(["s3:List*", "s3:GetBucket*", "kms:DescribeKey", "kms:List*", "dynamodb:Describe*", "dynamodb:List*", "iam:Get*", "iam:List*"]);
/** Passing service roles and creating service-linked roles, as the service-admin policies do (for their own roles; here for any). */
const PASS_SERVICE_ROLES = allow(["iam:PassRole", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:ListRoles"]);

/** The excerpts by managed policy ARN. */
export const MANAGED_POLICY_EXCERPTS: Readonly<Record<string, readonly PolicyStatement[]>> = {
  "arn:aws:iam::aws:policy/ReadOnlyAccess": [READ_EVERYTHING],
  "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess": [VIEW],
  "arn:aws:iam::aws:policy/job-function/NetworkAdministrator": [VIEW, PASS_SERVICE_ROLES],
  "arn:aws:iam::aws:policy/job-function/DatabaseAdministrator": [
    allow(["dynamodb:*", "s3:List*", "s3:GetBucket*", "kms:ListKeys", "kms:ListAliases"]),
    PASS_SERVICE_ROLES,
  ],
  "arn:aws:iam::aws:policy/AmazonECS_FullAccess": [PASS_SERVICE_ROLES],
  "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser": [],
  "arn:aws:iam::aws:policy/AmazonS3FullAccess": [allow(["s3:*", "s3-object-lambda:*"])],
  // Its S3 object statements name aws-glue-* buckets; widened to every bucket here.
  "arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess": [
    allow(["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:ListAllMyBuckets", "s3:GetBucketAcl", "s3:GetBucketLocation", "s3:CreateBucket"]),
    allow(["kms:ListAliases", "kms:DescribeKey"]),
    PASS_SERVICE_ROLES,
  ],
  "arn:aws:iam::aws:policy/AWSLambda_FullAccess": [allow(["s3:GetObject", "s3:ListBucket", "s3:ListAllMyBuckets", "kms:ListAliases"]), PASS_SERVICE_ROLES],
  "arn:aws:iam::aws:policy/AdministratorAccess": [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/** The excerpt of a managed policy; throws for one this file does not know, so no role is evaluated without its policies. */
export function managedPolicyExcerpt(arn: string): readonly PolicyStatement[] {
  const excerpt = MANAGED_POLICY_EXCERPTS[arn];
  if (!excerpt) throw new Error(`no excerpt of the managed policy ${arn} in test/support/managed-policies.ts: add its S3, KMS, DynamoDB and IAM statements`);
  return excerpt;
}
