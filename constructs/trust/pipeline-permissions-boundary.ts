import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { Construct } from "constructs";
import { PolicyDocument, policyDocument, PolicyStatement } from "../policy/policy-document";
import { addBoundaryPolicy } from "../private/boundary-policy";
import { checkFormat, FORMATS } from "../private/validation";
import { buildkiteOidcProviderArn } from "./buildkite-oidc";
import { buildkiteApiTokenReads } from "../buildkite/buildkite-api-token";

/** Name of the boundary policy, under the platform's IAM path. */
export const PIPELINE_BOUNDARY_POLICY_NAME = "bk-pipeline-boundary";

/** The tag namespace the platform names its roles with (`buildkite:pipeline`, `buildkite:role`...), which the state fence trusts. */
const PLATFORM_TAG_KEYS = "buildkite:*";

/** Every change IAM offers on a role. */
export const ROLE_CHANGES = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:DeleteRolePermissionsBoundary",
  "iam:TagRole",
  "iam:UntagRole",
];

/**
 * The role and user changes IAM can condition on the boundary the changed principal carries
 * (`iam:PermissionsBoundary`): a principal without this boundary is out of reach of these actions.
 */
export const BOUNDED_PRINCIPAL_CHANGES = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:CreateUser",
  "iam:PutUserPolicy",
  "iam:DeleteUserPolicy",
  "iam:AttachUserPolicy",
  "iam:DetachUserPolicy",
  "iam:PutUserPermissionsBoundary",
];

/** Changes of a managed policy: a new default version rewrites it for every principal it is attached to. */
export const MANAGED_POLICY_CHANGES = [
  "iam:CreatePolicy",
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
  "iam:TagPolicy",
  "iam:UntagPolicy",
];

/** Changes of an OIDC provider (its reads stay allowed). */
export const OIDC_PROVIDER_CHANGES = [
  "iam:CreateOpenIDConnectProvider",
  "iam:DeleteOpenIDConnectProvider",
  "iam:UpdateOpenIDConnectProviderThumbprint",
  "iam:AddClientIDToOpenIDConnectProvider",
  "iam:RemoveClientIDFromOpenIDConnectProvider",
  "iam:TagOpenIDConnectProvider",
  "iam:UntagOpenIDConnectProvider",
];

/** Bucket-level writes: policy, ACL, versioning, ownership, public-access block, logging, tags, encryption, lifecycle, replication, object lock..., and deletion. */
const BUCKET_CONFIGURATION_CHANGES = ["s3:PutBucket*", "s3:DeleteBucket*", "s3:Put*Configuration"];

/** Key administration that could hand the key to someone else or destroy it. */
const KEY_ADMINISTRATION = [
  "kms:PutKeyPolicy",
  "kms:CreateGrant",
  "kms:RevokeGrant",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:Disable*",
  "kms:Update*",
  "kms:ReplicateKey",
  "kms:TagResource",
  "kms:UntagResource",
];

/** Changes of the lock table that would take it away from every pipeline. */
const LOCK_TABLE_CHANGES = ["dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:PutResourcePolicy", "dynamodb:DeleteResourcePolicy"];

/** What the boundary keeps every pipeline role away from. */
export interface PipelineBoundaryProps {
  /** The account holding the pipeline roles and the boundary. */
  readonly accountId: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /**
   * IAM path of the platform's roles (`PipelineAccess.rolePath`, `/buildkite/<organization>/`): no role or
   * managed policy under it may be changed by a pipeline role, the boundary itself lives there.
   */
  readonly rolePath: string;
  /** The state bucket, whose configuration no pipeline role may change. @default - none protected */
  readonly stateBucketArn?: string;
  /** The state KMS key, which no pipeline role may administer. @default - none protected */
  readonly stateKmsKeyArn?: string;
  /** The DynamoDB lock table, which no pipeline role may delete or reconfigure. @default - none protected */
  readonly lockTableArn?: string;
  /**
   * Secrets of the account that only the named roles carrying this boundary may read, whatever the others'
   * identity policies allow (`ReadOnlyAccess` reads SSM parameters): the Buildkite API token, which only the
   * platform pipeline's apply role reads. @default - none
   */
  readonly protectedSecrets?: readonly ProtectedSecret[];
}

/** A secret (an SSM parameter or a Secrets Manager secret, by ARN) and the roles that may read it. */
export interface ProtectedSecret {
  /** ARN of the SSM parameter or the Secrets Manager secret. */
  readonly arn: string;
  /** ARNs of the roles that may read it. */
  readonly readerArns: readonly string[];
}

/** The ARN of the pipeline boundary of an account, `arn:<partition>:iam::<account>:policy<rolePath>bk-pipeline-boundary`. */
export function pipelineBoundaryArn(accountId: string, rolePath: string, partition = "aws"): string {
  checkFormat(FORMATS.accountId, "accountId", accountId);
  checkFormat(FORMATS.rolePath, "rolePath", rolePath);
  checkFormat(FORMATS.partition, "partition", partition);
  return `arn:${partition}:iam::${accountId}:policy${rolePath}${PIPELINE_BOUNDARY_POLICY_NAME}`;
}

/**
 * The permissions boundary of every pipeline role of an account. A boundary caps, identity policies grant:
 * it allows everything (`AllowWithinBoundary`) except what would let a pipeline escape its fence or reach
 * another pipeline's, whatever its identity policies say:
 *
 * - `DenyPlatformRoleChanges`: any change of a role under the platform's path (its own, another pipeline's):
 *   policies, trust, tags, boundary, deletion;
 * - `DenyPlatformTagsOnAnyPrincipal`: setting or removing `buildkite:*` tags on any role or user, which name a
 *   role's pipeline to the state bucket's fence;
 * - `DenyBoundaryRemoval`: removing the boundary of any role or user;
 * - `DenyPlatformPolicyChanges`: any change of a managed policy under the platform's path, this boundary included;
 * - `DenyOidcProviderChanges`: any change of the account's Buildkite OIDC provider;
 * - `DenyStateBucketConfiguration`, `DenyStateKeyAdministration`, `DenyLockTableChanges`: the state backend's
 *   configuration (its objects stay with the bucket policy's per-pipeline fence);
 * - `DenySecretReads<n>`: reading a protected secret (the Buildkite API token) but by its readers;
 * - `DenyPrincipalsWithoutThisBoundary`: creating or changing any role or user unless it carries this boundary
 *   (`iam:PermissionsBoundary`), so a role allowed to write IAM can only make principals as bounded as itself.
 */
export function pipelineBoundaryPolicy(props: PipelineBoundaryProps): PolicyDocument {
  const partition = props.partition ?? "aws";
  const boundaryArn = pipelineBoundaryArn(props.accountId, props.rolePath, partition);
  const iam = `arn:${partition}:iam::${props.accountId}`;
  const deny = (Sid: string, Action: string[], Resource: string | string[], Condition?: PolicyStatement["Condition"]): PolicyStatement => ({
    Sid,
    Effect: "Deny",
    Action,
    Resource,
    ...(Condition ? { Condition } : {}),
  });
  const statements: PolicyStatement[] = [
    { Sid: "AllowWithinBoundary", Effect: "Allow", Action: "*", Resource: "*" },
    deny("DenyPlatformRoleChanges", ROLE_CHANGES, `${iam}:role${props.rolePath}*`),
    deny("DenyPlatformTagsOnAnyPrincipal", ["iam:CreateRole", "iam:TagRole", "iam:UntagRole", "iam:CreateUser", "iam:TagUser", "iam:UntagUser"], "*", {
      "ForAnyValue:StringLike": { "aws:TagKeys": [PLATFORM_TAG_KEYS] },
    }),
    deny("DenyBoundaryRemoval", ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"], "*"),
    deny("DenyPlatformPolicyChanges", MANAGED_POLICY_CHANGES, `${iam}:policy${props.rolePath}*`),
    deny("DenyOidcProviderChanges", OIDC_PROVIDER_CHANGES, buildkiteOidcProviderArn(props.accountId, partition)),
  ];
  if (props.stateBucketArn !== undefined) statements.push(deny("DenyStateBucketConfiguration", BUCKET_CONFIGURATION_CHANGES, props.stateBucketArn));
  if (props.stateKmsKeyArn !== undefined) statements.push(deny("DenyStateKeyAdministration", KEY_ADMINISTRATION, props.stateKmsKeyArn));
  if (props.lockTableArn !== undefined) statements.push(deny("DenyLockTableChanges", LOCK_TABLE_CHANGES, props.lockTableArn));
  (props.protectedSecrets ?? []).forEach((secret, i) =>
    buildkiteApiTokenReads(secret.arn).forEach((reads, j) =>
      statements.push(
        deny(`DenySecretReads${i + 1}${"ABCDEFGH"[j]}`, reads.actions, reads.resources, { ArnNotEquals: { "aws:PrincipalArn": [...secret.readerArns] } }),
      ),
    ),
  );
  statements.push(
    deny("DenyPrincipalsWithoutThisBoundary", BOUNDED_PRINCIPAL_CHANGES, "*", {
      StringNotEquals: { "iam:PermissionsBoundary": boundaryArn },
    }),
  );
  return policyDocument(statements);
}

/** The permissions boundary of an account's pipeline roles, created here or elsewhere. */
export interface IPipelinePermissionsBoundary {
  /** ARN of the boundary policy, known at synth time. */
  readonly policyArn: string;
}

/** Props of {@link PipelinePermissionsBoundary}. */
export interface PipelinePermissionsBoundaryProps extends PipelineBoundaryProps {
  /** Tags of the policy. @default - none */
  readonly tags?: Record<string, string>;
}

/**
 * The managed policy every pipeline role of an account carries as its permissions boundary
 * ({@link pipelineBoundaryPolicy}). An account holds one: the first identity stack of the account creates
 * it, the others reference it with {@link PipelinePermissionsBoundary.fromAccount}.
 */
export class PipelinePermissionsBoundary extends Construct implements IPipelinePermissionsBoundary {
  /** References the boundary another stack created in `accountId`; creates nothing. */
  static fromAccount(accountId: string, rolePath: string, partition = "aws"): IPipelinePermissionsBoundary {
    return { policyArn: pipelineBoundaryArn(accountId, rolePath, partition) };
  }

  readonly policyArn: string;
  /** The boundary's statements. */
  readonly document: PolicyDocument;
  /** The Terraform resource. */
  readonly resource: IamPolicy;

  constructor(scope: Construct, id: string, props: PipelinePermissionsBoundaryProps) {
    super(scope, id);
    this.policyArn = pipelineBoundaryArn(props.accountId, props.rolePath, props.partition);
    this.document = pipelineBoundaryPolicy(props);
    this.resource = addBoundaryPolicy(this, {
      name: PIPELINE_BOUNDARY_POLICY_NAME,
      path: props.rolePath,
      description: "Permissions boundary of the Buildkite pipeline roles: no changes to the platform's roles, tags, OIDC provider and state backend",
      document: this.document,
      bounded: "the roles",
      tags: props.tags,
    });
  }
}
