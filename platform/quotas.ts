import { DEFAULT_IAM_ROLE_QUOTA, MAX_IAM_ROLE_QUOTA, PlatformDeclaration } from "./declaration";

/** Share of a quota from which a declaration is warned that it approaches it. */
export const QUOTA_WARNING_SHARE = 0.8;
/** IAM roles the platform creates per pipeline: plan and apply. */
export const ROLES_PER_PIPELINE = 2;

/** A declaration that approaches (warning) or exceeds (error) an AWS account quota. */
export interface QuotaFinding {
  /** Stable ID, printed in brackets. */
  readonly id: "quota-roles-per-account";
  readonly level: "warning" | "error";
  /** Field path of the account concerned, e.g. `accounts[0]`. */
  readonly path: string;
  /** What is near or over the quota, and what to do. */
  readonly message: string;
}

/**
 * The account quotas a declaration approaches or exceeds. Only the IAM
 * "Roles per account" quota can be reached: the platform creates two roles
 * per pipeline in the pipeline's account. (It creates one OIDC provider per
 * account, against a quota of 100, so that one never binds.) Roles created
 * outside this platform count against the same quota, hence the early warning.
 */
export function quotaFindings(d: PlatformDeclaration): QuotaFinding[] {
  const pipelines = d.platformPipeline ? [...d.pipelines, d.platformPipeline] : d.pipelines;
  const findings: QuotaFinding[] = [];
  d.accounts.forEach((account, i) => {
    const roles = ROLES_PER_PIPELINE * pipelines.filter((p) => p.account === account.name).length;
    const quota = account.iamRoleQuota ?? DEFAULT_IAM_ROLE_QUOTA;
    const path = `accounts[${i}]`;
    const declared = account.iamRoleQuota === undefined ? `AWS's default quota of ${DEFAULT_IAM_ROLE_QUOTA}` : `its declared quota of ${quota}`;
    const raise =
      quota < MAX_IAM_ROLE_QUOTA
        ? `request an increase of the IAM quota "Roles per account" (Service Quotas, up to ${MAX_IAM_ROLE_QUOTA}) and set ${path}.iamRoleQuota to the granted value, or move pipelines to another account`
        : "move pipelines to another account";
    if (roles > quota) {
      findings.push({
        id: "quota-roles-per-account",
        level: "error",
        path,
        message: `account "${account.name}" would hold ${roles} pipeline roles (${ROLES_PER_PIPELINE} per pipeline), over ${declared} roles — ${raise}`,
      });
    } else if (roles >= QUOTA_WARNING_SHARE * quota) {
      findings.push({
        id: "quota-roles-per-account",
        level: "warning",
        path,
        message:
          `account "${account.name}" would hold ${roles} pipeline roles, ${Math.round((100 * roles) / quota)}% of ${declared} roles, ` +
          `and roles created outside this platform count too — ${raise}`,
      });
    }
  });
  return findings;
}

/** A finding as printed: `warning [quota-roles-per-account] accounts[0]: ...`. */
export function formatQuotaFinding(finding: QuotaFinding): string {
  return `${finding.level} [${finding.id}] ${finding.path}: ${finding.message}`;
}
