import { DEFAULT_IAM_ROLE_QUOTA, MAX_IAM_ROLE_QUOTA, PlatformDeclaration } from "./declaration";
import { buildkiteShards, identityShards } from "./stack-plan";

/** Share of a quota from which a declaration is warned that it approaches it. */
export const QUOTA_WARNING_SHARE = 0.8;
/** IAM roles the platform creates per pipeline: plan and apply (and a preview role with `previews`). */
export const ROLES_PER_PIPELINE = 2;

/** A declaration that approaches (warning) or exceeds (error) an AWS account quota. */
export interface QuotaFinding {
  /** Stable ID, printed in brackets. */
  readonly id: "quota-roles-per-account" | "shard-capacity";
  readonly level: "warning" | "error";
  /** Field path of the account concerned, e.g. `accounts[0]`. */
  readonly path: string;
  /** What is near or over the quota, and what to do. */
  readonly message: string;
}

/**
 * The account quotas a declaration approaches or exceeds. Only the IAM
 * "Roles per account" quota can be reached: the platform creates two roles
 * per pipeline in the pipeline's account, three with previews. (It creates one OIDC provider per
 * account, against a quota of 100, so that one never binds.) Roles created
 * outside this platform count against the same quota, hence the early warning.
 */
export function quotaFindings(d: PlatformDeclaration): QuotaFinding[] {
  const pipelines = d.platformPipeline ? [...d.pipelines, d.platformPipeline] : d.pipelines;
  const findings: QuotaFinding[] = [];
  d.accounts.forEach((account, i) => {
    const roles = pipelines.filter((p) => p.account === account.name).reduce((sum, p) => sum + ROLES_PER_PIPELINE + (p.previews ? 1 : 0), 0);
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
        message: `account "${account.name}" would hold ${roles} pipeline roles (${ROLES_PER_PIPELINE} per pipeline, one more with previews), over ${declared} roles — ${raise}`,
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

/**
 * The shards that approach (warning, from 80%) or exceed (error) `pipelinesPerStack`. Shards fill
 * unevenly (a hash shares the pipelines out), so the warning comes early; the fixes are a shard
 * more, declared as a move (about 1/N of the pipelines go to the new shard), or a pin.
 * Needs a declaration whose pins are in range (validateDeclaration checks them first).
 */
export function shardFindings(d: PlatformDeclaration): QuotaFinding[] {
  const limit = d.pipelinesPerStack;
  const finding = (stack: string, held: number, path: string, fix: string): QuotaFinding[] => {
    if (held > limit) {
      return [
        { id: "shard-capacity", level: "error", path, message: `stack ${stack} would hold ${held} pipelines, over pipelinesPerStack (${limit}) — ${fix}` },
      ];
    }
    if (held >= QUOTA_WARNING_SHARE * limit) {
      const share = Math.round((100 * held) / limit);
      return [
        { id: "shard-capacity", level: "warning", path, message: `stack ${stack} holds ${held} pipelines, ${share}% of pipelinesPerStack (${limit}) — ${fix}` },
      ];
    }
    return [];
  };
  const accountIndex = new Map(d.accounts.map((a, i) => [a.name, i]));
  const raise = (field: string, count: number, previous: string, pin: string) =>
    `raise ${field} to ${count + 1} with ${previous}: ${count} (the pipelines the new shard takes move, explicitly), or pin pipelines to another shard with ${pin}`;
  return [
    ...identityShards(d).flatMap((shard) => {
      const path = `accounts[${accountIndex.get(shard.account)}]`;
      const count = d.accounts[accountIndex.get(shard.account)!].shards;
      return finding(shard.id, shard.pipelines.length, `${path}.shards`, raise(`${path}.shards`, count, "previousShards", "identityShard"));
    }),
    ...buildkiteShards(d).flatMap((shard, index) =>
      finding(
        shard.id,
        shard.pipelines.length + (index === 0 && d.platformPipeline ? 1 : 0),
        "buildkiteShards",
        raise("buildkiteShards", d.buildkiteShards, "previousBuildkiteShards", "buildkiteShard"),
      ),
    ),
  ];
}

/** A finding as printed: `warning [quota-roles-per-account] accounts[0]: ...`. */
export function formatQuotaFinding(finding: QuotaFinding): string {
  return `${finding.level} [${finding.id}] ${finding.path}: ${finding.message}`;
}
