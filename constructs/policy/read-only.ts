/**
 * What a read-only role may hold, by allow-list. A pipeline's plan role runs the code of any branch
 * and pull request the role admits (`terraform plan` runs providers and `external` data sources), so
 * "read-only" must mean that nothing it can do changes a resource, mints a credential or reads a
 * secret. A name heuristic (`*FullAccess` refused, anything else accepted) let through
 * `job-function/NetworkAdministrator`, `AmazonEC2ContainerRegistryPowerUser` and
 * `sts:GetFederationToken`; so this module accepts only what it lists:
 *
 * - AWS managed policies: {@link READ_ONLY_MANAGED_POLICIES}, by name. Customer managed policies
 *   are refused: their content is not known at synth.
 * - Actions whose verb only reads ({@link READ_ONLY_VERBS}: `Get*`, `List*`, `Describe*`, `BatchGet*`)
 *   or that are named in {@link READ_ONLY_ACTIONS}, except the actions of
 *   {@link SECRET_OR_CREDENTIAL_ACTIONS}, which read like reads but mint credentials or return
 *   secrets; a wildcard that covers one of those is refused too.
 *
 * BuildkitePipelineRole refuses anything else for a plan role, the `plan-role-read-only` guardrail
 * refuses it in the synthesized JSON, and the platform declaration refuses it with the field path.
 */
import { asList, PolicyStatement } from "./policy-document";

/**
 * The AWS managed policies a read-only role may attach, by name (the part after `:policy/`), with
 * what they allow. Each was chosen because it grants no write and no credential; ReadOnlyAccess
 * does read data (S3 objects, DynamoDB items, SSM parameters), ViewOnlyAccess only lists and
 * describes. A policy not listed here is refused, however its name reads.
 */
export const READ_ONLY_MANAGED_POLICIES: Readonly<Record<string, string>> = {
  ReadOnlyAccess: "reads every service's configuration and data (what most plans need)",
  "job-function/ViewOnlyAccess": "lists and describes resources, reads no data",
  SecurityAudit: "reads security configuration (policies, logging, encryption settings)",
};

/** Verbs (the start of an action's name) of actions that only read. */
export const READ_ONLY_VERBS = ["Get", "List", "Describe", "BatchGet"] as const;

/** Read actions whose verb is not one of {@link READ_ONLY_VERBS}, accepted by name. */
export const READ_ONLY_ACTIONS = ["dynamodb:Query", "dynamodb:Scan", "logs:FilterLogEvents", "cloudtrail:LookupEvents"] as const;

/**
 * Actions that read like reads (or are named as such elsewhere) but mint credentials or return
 * secrets, with the reason; a read-only role may not hold them, nor a wildcard that covers them.
 */
export const SECRET_OR_CREDENTIAL_ACTIONS: Readonly<Record<string, string>> = {
  "sts:GetFederationToken": "mints credentials for a federated user that outlive the job",
  "sts:GetSessionToken": "mints session credentials",
  "sso:GetRoleCredentials": "mints role credentials",
  "cognito-identity:GetCredentialsForIdentity": "mints credentials for an identity",
  "cognito-identity:GetOpenIdToken": "mints an OIDC token that can assume roles",
  "cognito-identity:GetOpenIdTokenForDeveloperIdentity": "mints an OIDC token that can assume roles",
  "ecr:GetAuthorizationToken": "returns a registry password valid for 12 hours, beyond the job",
  "ecr-public:GetAuthorizationToken": "returns a registry password valid for 12 hours, beyond the job",
  "codeartifact:GetAuthorizationToken": "returns a repository token valid for up to 12 hours, beyond the job",
  "redshift:GetClusterCredentials": "mints database credentials",
  "redshift:GetClusterCredentialsWithIAM": "mints database credentials",
  "redshift-serverless:GetCredentials": "mints database credentials",
  "rds-db:connect": "logs in to a database (IAM database authentication)",
  "secretsmanager:GetSecretValue": "returns secret values",
  "secretsmanager:BatchGetSecretValue": "returns secret values",
  "ssm:GetParameter": "returns parameter values, SecureStrings decrypted (IAM cannot condition on WithDecryption)",
  "ssm:GetParameters": "returns parameter values, SecureStrings decrypted (IAM cannot condition on WithDecryption)",
  "ssm:GetParametersByPath": "returns parameter values, SecureStrings decrypted (IAM cannot condition on WithDecryption)",
  "ssm:GetParameterHistory": "returns past parameter values, SecureStrings decrypted",
  "ec2:GetPasswordData": "returns the Windows administrator password of instances",
  "lightsail:GetInstanceAccessDetails": "returns SSH keys and passwords of instances",
  "lightsail:GetRelationalDatabaseMasterUserPassword": "returns database passwords",
};

/**
 * `kms:Decrypt` is a read only when a service decrypts on the role's behalf (`kms:ViaService`),
 * as S3 does for the state; on its own it decrypts any ciphertext the key policies let the role
 * decrypt, secrets included.
 */
const DECRYPT = "kms:decrypt";
const VIA_SERVICE = "kms:viaservice";

/** An IAM action glob (`*`, `?`) as a case-insensitive regular expression, as IAM matches actions. */
function actionPattern(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
}

/**
 * Why `action` (possibly a glob) in an Allow statement is not read-only, or undefined when it is.
 * @param statement the statement that allows it, whose conditions may make `kms:Decrypt` a read
 */
export function notReadOnlyReason(action: string, statement?: PolicyStatement): string | undefined {
  const lower = action.toLowerCase();
  const named = Object.entries(SECRET_OR_CREDENTIAL_ACTIONS).find(([name]) => name.toLowerCase() === lower);
  if (named) return named[1];
  if (lower === DECRYPT) {
    const viaService = Object.values(statement?.Condition ?? {}).some((entries) => Object.keys(entries).some((key) => key.toLowerCase() === VIA_SERVICE));
    return viaService ? undefined : "decrypts any ciphertext the key policies allow, secrets included, unless conditioned on kms:ViaService";
  }
  const verb = (action.split(":")[1] ?? "").toLowerCase();
  const reads = READ_ONLY_ACTIONS.some((name) => name.toLowerCase() === lower) || READ_ONLY_VERBS.some((v) => verb.startsWith(v.toLowerCase()));
  if (!reads) return `is not a read (read-only actions are ${READ_ONLY_VERBS.map((v) => `${v}*`).join(", ")} and ${READ_ONLY_ACTIONS.join(", ")})`;
  const pattern = actionPattern(action);
  const covered = Object.entries(SECRET_OR_CREDENTIAL_ACTIONS).filter(([name]) => pattern.test(name));
  return covered.length > 0 ? covered.map(([name, reason]) => `covers ${name}, which ${reason}`).join("; ") : undefined;
}

/** An action a read-only role may not be allowed, and why. */
export interface NotReadOnlyAction {
  /** The action as the statement names it (possibly a glob), or `NotAction`. */
  readonly action: string;
  /** Why it is not read-only, as it reads after "which": `mints session credentials`. */
  readonly reason: string;
}

/** The actions of an Allow statement that are not read-only, each with the reason; NotAction counts as one. */
export function notReadOnlyActions(statement: PolicyStatement): NotReadOnlyAction[] {
  if (statement.Effect !== "Allow") return [];
  if (statement.NotAction !== undefined) return [{ action: "NotAction", reason: "allows every action but those listed, writes included" }];
  return asList(statement.Action).flatMap((action) => {
    const reason = notReadOnlyReason(action, statement);
    return reason === undefined ? [] : [{ action, reason }];
  });
}

/** The name of an AWS managed policy ARN (`job-function/ViewOnlyAccess`), or undefined for a customer managed one. */
function awsManagedPolicyName(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(arn)?.[1];
}

/** Why a managed policy may not be attached to a read-only role, or undefined when it is on {@link READ_ONLY_MANAGED_POLICIES}. */
export function notReadOnlyPolicyReason(arn: string): string | undefined {
  const name = awsManagedPolicyName(arn);
  if (name === undefined) return "is a customer managed policy, whose permissions cannot be verified read-only at synth";
  if (Object.prototype.hasOwnProperty.call(READ_ONLY_MANAGED_POLICIES, name)) return undefined;
  return `is not on the read-only list (${Object.keys(READ_ONLY_MANAGED_POLICIES).join(", ")})`;
}
