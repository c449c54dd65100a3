/**
 * What the platform pipeline's deploy roles are granted: each only the resources of the stacks it
 * applies, in its own account. Their boundary ({@link platformDeployerBoundaryPolicy}) caps the grants.
 */
import { PolicyStatement } from "../policy/policy-document";
import { checkFormat, FORMATS } from "../private/validation";
import { IStateBackend } from "../state/state-backend";
import { buildkiteOidcProviderArn } from "./buildkite-oidc";
import { OIDC_PROVIDER_CHANGES, ROLE_CHANGES } from "./pipeline-permissions-boundary";
import { STATE_BUCKET_CONFIGURATION_ACTIONS, STATE_KEY_ADMINISTRATION_ACTIONS } from "../state/state-administrators";

/** The lock table's configuration, without its items. */
const LOCK_TABLE_CONFIGURATION = [
  "dynamodb:Describe*",
  "dynamodb:List*",
  "dynamodb:CreateTable",
  "dynamodb:UpdateTable",
  "dynamodb:DeleteTable",
  "dynamodb:UpdateContinuousBackups",
  "dynamodb:UpdateTimeToLive",
  "dynamodb:TagResource",
  "dynamodb:UntagResource",
  "dynamodb:GetResourcePolicy",
  "dynamodb:PutResourcePolicy",
  "dynamodb:DeleteResourcePolicy",
];

/** Where an account's identity stacks put what they create. */
export interface IdentityDeployerScope {
  /** The account of the identity stacks. */
  readonly accountId: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** IAM path of the pipeline roles (`PipelineAccess.rolePath`). */
  readonly rolePath: string;
  /**
   * Name patterns of the pipeline roles under `rolePath` (IAM wildcards): the deployer's own name must
   * match none, so that its grant never reaches itself. @default ["*-plan", "*-apply"] (PipelineAccess's names)
   */
  readonly roleNamePatterns?: readonly string[];
}

/**
 * The identity deployer of an account (it applies the account's identity stacks): reads IAM, and
 * changes the pipeline roles (`roleNamePatterns` under `rolePath`) and the account's Buildkite OIDC provider. It creates
 * no managed policy and changes no boundary; its boundary lets it create or change a role only with
 * the pipelines' boundary attached, and never a deploy role.
 */
export function identityDeployerStatements(scope: IdentityDeployerScope): PolicyStatement[] {
  const partition = scope.partition ?? "aws";
  const accountId = checkFormat(FORMATS.accountId, "accountId", scope.accountId);
  const rolePath = checkFormat(FORMATS.rolePath, "rolePath", scope.rolePath);
  return [
    { Sid: "ReadIam", Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" },
    {
      Sid: "PipelineRoles",
      Effect: "Allow",
      Action: ROLE_CHANGES.filter((action) => action !== "iam:DeleteRolePermissionsBoundary"),
      Resource: (scope.roleNamePatterns ?? ["*-plan", "*-apply"]).map((name) => `arn:${partition}:iam::${accountId}:role${rolePath}${name}`),
    },
    { Sid: "BuildkiteOidcProvider", Effect: "Allow", Action: OIDC_PROVIDER_CHANGES, Resource: buildkiteOidcProviderArn(accountId, partition) },
  ];
}

/**
 * The state-backend deployer (it applies the state-backend stack): the configuration of the state bucket,
 * of its KMS key (and the key's aliases) and of the lock table, nothing else: no object, no cryptographic
 * use, no lock item (its own state it reaches as the platform's). The bucket and key policies still deny
 * their configuration to anyone but the state administrators: the platform names this role among
 * them once the backend's own state is migrated.
 */
export function stateBackendDeployerStatements(backend: IStateBackend): PolicyStatement[] {
  const kmsKeyArn = backend.kmsKeyArn;
  const account = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):key\//.exec(kmsKeyArn);
  if (!account) throw new Error(`the state backend's kmsKeyArn must be a literal KMS key ARN, got "${kmsKeyArn}"`);
  const [, partition, region, accountId] = account;
  // Configuration only: the bucket (not its objects, which the fence governs), the key's administration (not its
  // cryptographic use), the table (not its items, which hold every pipeline's locks).
  const statements: PolicyStatement[] = [
    { Sid: "StateBucket", Effect: "Allow", Action: ["s3:Get*", "s3:List*", ...STATE_BUCKET_CONFIGURATION_ACTIONS], Resource: backend.bucketArn },
    { Sid: "StateKey", Effect: "Allow", Action: ["kms:Describe*", "kms:Get*", "kms:List*", ...STATE_KEY_ADMINISTRATION_ACTIONS], Resource: kmsKeyArn },
    {
      Sid: "StateKeyAliases",
      Effect: "Allow",
      Action: ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"],
      Resource: `arn:${partition}:kms:${region}:${accountId}:alias/*`,
    },
    { Sid: "ReadKms", Effect: "Allow", Action: ["kms:ListAliases", "kms:ListKeys"], Resource: "*" },
  ];
  if (backend.lockTableArn !== undefined)
    statements.push({ Sid: "LockTable", Effect: "Allow", Action: LOCK_TABLE_CONFIGURATION, Resource: backend.lockTableArn });
  return statements;
}
