/**
 * Who may use the agent tokens a {@link BuildkiteCluster} keeps in SSM: the key policy of their KMS key,
 * and the identity statements of the roles that read or manage them. The key policy is the gate: it names
 * every principal that may decrypt, so an IAM policy alone (`kms:Decrypt` on `*`) never reads a token.
 */
import { PolicyDocument, policyDocument, PolicyStatement } from "../policy/policy-document";

/** Who may do what with the agent tokens' KMS key. */
export interface AgentTokenKeyAccess {
  /** The account that holds the key and the parameters. */
  readonly accountId: string;
  /** Region of the key and the parameters. */
  readonly region: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /**
   * Roles that read the tokens: the agents' instance roles (they also need `ssm:GetParameter`, see
   * `agentTokenReadStatements`), and the role that plans the cluster's stack (Terraform reads the parameters
   * back when it refreshes them). They may decrypt through SSM, for these parameters only, and describe the key.
   * Every one must exist when the key policy is set: KMS refuses a policy naming an unknown principal.
   * @default - none
   */
  readonly readerArns?: readonly string[];
  /**
   * Roles that apply the cluster's stack: they write and read the tokens through SSM and administer the key.
   * @default - none
   */
  readonly managerArns?: readonly string[];
  /**
   * Roles that administer the key, and write and read the tokens through SSM (the first apply of the
   * cluster's stack, before any pipeline exists, is theirs). Without any, the account root may administer the
   * key through IAM policies (never use it), which keeps the key manageable but leaves the first apply to a manager.
   * @default - the account root, administration only
   */
  readonly administratorArns?: readonly string[];
}

/** Administration without cryptographic use, and without grants, which could give use to anyone. */
const KEY_ADMINISTRATION = [
  "kms:Describe*",
  "kms:Get*",
  "kms:List*",
  "kms:PutKeyPolicy",
  "kms:Enable*",
  "kms:Disable*",
  "kms:Update*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:RevokeGrant",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];
/** What Terraform reads of the key when it refreshes it. */
const KEY_DESCRIPTION = ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"];

/** The SSM name prefix of a cluster's agent tokens unless told otherwise: `/buildkite/clusters/<cluster name, sanitized>/agent-tokens/`. */
export function agentTokenParameterPrefix(clusterName: string): string {
  const sanitized =
    clusterName
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "cluster";
  return `/buildkite/clusters/${sanitized}/agent-tokens/`;
}

/** Parameters under a prefix (`/buildkite/.../`), as SSM names them in ARNs and in the encryption context. */
export function agentTokenParameterArns(access: Pick<AgentTokenKeyAccess, "accountId" | "region" | "partition">, parameterPrefix: string): string {
  return `arn:${access.partition ?? "aws"}:ssm:${access.region}:${access.accountId}:parameter${parameterPrefix}*`;
}

/** Use of the key only by SSM, in this region, for the token parameters (SSM sends the parameter ARN as encryption context). */
function throughSsm(access: AgentTokenKeyAccess, parameterPrefix: string): PolicyStatement["Condition"] {
  return {
    StringEquals: { "kms:ViaService": `ssm.${access.region}.amazonaws.com` },
    StringLike: { "kms:EncryptionContext:PARAMETER_ARN": agentTokenParameterArns(access, parameterPrefix) },
  };
}

/**
 * The key policy of the agent tokens' key:
 *
 * - `KeyAdministration`: the administrators (else the account root, through IAM) and the managers, without use;
 * - `DescribeKey`: the readers, what Terraform reads of the key;
 * - `ReadAgentTokens`: the readers, managers and administrators may decrypt, only through SSM for the token parameters;
 * - `WriteAgentTokens`: the managers and administrators may encrypt, likewise.
 *
 * No statement lets the account's IAM policies grant use of the key: a principal not named here cannot decrypt
 * a token, whatever its IAM policies allow.
 */
export function agentTokenKeyPolicy(access: AgentTokenKeyAccess, parameterPrefix: string): PolicyDocument {
  const readers = access.readerArns ?? [];
  const managers = access.managerArns ?? [];
  const administrators = access.administratorArns ?? [];
  const root = `arn:${access.partition ?? "aws"}:iam::${access.accountId}:root`;
  const principals = (arns: readonly string[]) => ({ AWS: [...new Set(arns)] });
  const statements: PolicyStatement[] = [
    {
      Sid: "KeyAdministration",
      Effect: "Allow",
      Principal: principals([...(administrators.length ? administrators : [root]), ...managers]),
      Action: KEY_ADMINISTRATION,
      Resource: "*",
    },
  ];
  if (readers.length) statements.push({ Sid: "DescribeKey", Effect: "Allow", Principal: principals(readers), Action: KEY_DESCRIPTION, Resource: "*" });
  const users = [...readers, ...managers, ...administrators];
  if (users.length) {
    statements.push({
      Sid: "ReadAgentTokens",
      Effect: "Allow",
      Principal: principals(users),
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: throughSsm(access, parameterPrefix),
    });
  }
  const writers = [...managers, ...administrators];
  if (writers.length) {
    statements.push({
      Sid: "WriteAgentTokens",
      Effect: "Allow",
      Principal: principals(writers),
      Action: ["kms:Encrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: throughSsm(access, parameterPrefix),
    });
  }
  return policyDocument(statements);
}

/** SSM actions Terraform needs to create, refresh, change and delete a parameter. */
const PARAMETER_MANAGEMENT = [
  "ssm:GetParameter",
  "ssm:GetParameters",
  "ssm:ListTagsForResource",
  "ssm:PutParameter",
  "ssm:DeleteParameter",
  "ssm:AddTagsToResource",
  "ssm:RemoveTagsFromResource",
];

/**
 * The identity statements of a role that applies a cluster's stack, for the token parameters under
 * `parameterPrefix`, as literals (the role may live in another stack than the cluster). The key needs none: its
 * policy names the role ({@link agentTokenKeyPolicy}). A role that only plans the stack reads the parameters
 * through its read-only managed policy (ReadOnlyAccess); a plan role's own statements may not read SSM parameters.
 */
export function agentTokenManagementStatements(
  access: Pick<AgentTokenKeyAccess, "accountId" | "region" | "partition">,
  parameterPrefix: string,
): PolicyStatement[] {
  return [
    { Sid: "ManageAgentTokenParameters", Effect: "Allow", Action: PARAMETER_MANAGEMENT, Resource: agentTokenParameterArns(access, parameterPrefix) },
    // DescribeParameters takes no resource: it lists names and metadata, never values.
    { Sid: "DescribeParameters", Effect: "Allow", Action: "ssm:DescribeParameters", Resource: "*" },
  ];
}
