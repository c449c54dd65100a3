import { notReadOnlyPolicyReason, PipelineRolePermissions, PolicyStatement } from "../constructs/index";
import { PipelineDeclaration } from "./declaration";

/**
 * Named permission sets a declaration may grant to a pipeline role. Names keep
 * declarations short and reviewable; each maps to AWS managed policies. A set is
 * read-only, and so fit for a plan role, when every one of its policies is on the
 * library's read-only list (READ_ONLY_MANAGED_POLICIES): see {@link isReadOnlySet}.
 */
export const PERMISSION_SETS: Readonly<Record<string, { readonly description: string; readonly managedPolicies: readonly string[] }>> = {
  "read-only": { description: "read everything (plan)", managedPolicies: ["ReadOnlyAccess"] },
  "view-only": { description: "list and describe, no data reads", managedPolicies: ["job-function/ViewOnlyAccess"] },
  "security-audit": { description: "read security configuration", managedPolicies: ["SecurityAudit"] },
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

/** Whether a permission set only reads (every policy on the read-only list), so a plan role may hold it. */
export function isReadOnlySet(name: string): boolean {
  return permissionSetPolicyArns(name).every((arn) => notReadOnlyPolicyReason(arn) === undefined);
}

/** The permission sets a plan role may hold. */
export function readOnlySets(): string[] {
  return Object.keys(PERMISSION_SETS).filter(isReadOnlySet);
}

/** The permissions of a pipeline role as the declaration states them. */
export type DeclaredPermissions = PipelineDeclaration["plan"]["permissions"];

/** The role permissions the identity stack gives a declared role: its sets' and named managed policies, and its statements. */
export function rolePermissions(permissions: DeclaredPermissions): PipelineRolePermissions {
  const admin = permissions.statements.find((s) => s.allowAdminReason);
  return {
    managedPolicyArns: [...permissions.sets.flatMap((set) => permissionSetPolicyArns(set)), ...permissions.managedPolicyArns],
    statements: permissions.statements.map((s) => ({
      ...(s.sid ? { Sid: s.sid } : {}),
      Effect: s.effect,
      Action: s.actions,
      Resource: s.resources,
    })),
    adminAccessReason: admin?.allowAdminReason,
  };
}

/** A declared role's permissions in a few words each, for the access report. */
export function permissionSummary(permissions: DeclaredPermissions): string[] {
  return [
    ...permissions.sets.map((set) => `set ${set}`),
    ...permissions.managedPolicyArns.map((arn) => `policy ${arn.split(":policy/")[1]}`),
    // The resources themselves (`*` too) and the reason for administrator access: what an auditor checks.
    ...permissions.statements.map(
      (s) =>
        statementSummary({ Effect: s.effect, Action: s.actions, Resource: s.resources }) +
        (s.allowAdminReason ? ` (administrator access: ${s.allowAdminReason})` : ""),
    ),
  ];
}

/** A statement in a few words, for the access report. */
export function statementSummary(statement: PolicyStatement): string {
  const list = (value: string | string[] | undefined) => [value ?? []].flat();
  return `${statement.Effect} ${list(statement.Action).join(" ")} on ${list(statement.Resource).join(" ")}`;
}
