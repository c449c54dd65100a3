/**
 * Named permission sets a declaration may grant to a pipeline role. Names keep
 * declarations short and reviewable; each maps to AWS managed policies.
 */
export const PERMISSION_SETS: Readonly<Record<string, { readonly description: string; readonly managedPolicies: readonly string[] }>> = {
  "read-only": { description: "read everything (plan)", managedPolicies: ["ReadOnlyAccess"] },
  "view-only": { description: "list and describe, no data reads", managedPolicies: ["job-function/ViewOnlyAccess"] },
  "network-admin": { description: "VPCs, subnets, routing, DNS", managedPolicies: ["job-function/NetworkAdministrator"] },
  "database-admin": { description: "RDS, DynamoDB and other databases", managedPolicies: ["job-function/DatabaseAdministrator"] },
  "ecs-deploy": { description: "ECS services and task definitions", managedPolicies: ["AmazonECS_FullAccess"] },
  "ecr-push": { description: "push images to ECR", managedPolicies: ["AmazonEC2ContainerRegistryPowerUser"] },
  "s3-admin": { description: "S3 buckets and objects", managedPolicies: ["AmazonS3FullAccess"] },
  "glue-admin": { description: "Glue catalog and jobs", managedPolicies: ["AWSGlueConsoleFullAccess"] },
  "lambda-deploy": { description: "Lambda functions", managedPolicies: ["AWSLambda_FullAccess"] },
};

/** The managed policy ARNs of a permission set, in the given partition. */
export function permissionSetPolicyArns(name: string, partition = "aws"): string[] {
  const set = PERMISSION_SETS[name];
  if (!set) throw new Error(`unknown permission set "${name}"`);
  return set.managedPolicies.map((policy) => `arn:${partition}:iam::aws:policy/${policy}`);
}
