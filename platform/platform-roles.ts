/**
 * Who applies each of the platform's stacks when the platform pipeline applies the whole platform:
 * a role per stack, in the stack's account, able to change only what that kind of stack holds there,
 * and trusted by that stack's two steps on the default branch alone. None administers every account,
 * and each trust policy stays two step keys long however many shards the fleet has.
 *
 * | stacks | role | account | may change |
 * | --- | --- | --- | --- |
 * | `state-backend` (once migrated) | `bk-<platform>-state-backend-deployer` | the state account | the state bucket, its key, the lock table |
 * | `identity-<account>[-n]` | `bk-<platform>-identity-<account>[-n]-deployer` | that account | pipeline roles (with the pipelines' boundary), the OIDC provider |
 * | `gcp-identity-<project>` | `bk-<platform>-gcp-identity-<project>-deployer` | the state account | its state (Google credentials: docs/gcp.md) |
 * | `buildkite` | the platform pipeline's apply role, `bk-<platform>-apply` | its account | the agent-token parameters |
 * | `buildkite-<n>` | `bk-<platform>-buildkite-<n>-deployer` | the state account | its state |
 *
 * Every role also writes the platform's states (the bucket's fence is per pipeline). The deploy roles are
 * created in their account's first identity stack with the deployers' boundary (`PlatformDeployerBoundary`),
 * which keeps them off each other and off both boundaries: changing a deploy role or a boundary is a state
 * administrator's apply (docs/trust.md).
 */
import {
  BuildkiteApiTokenSource,
  buildkiteApiTokenReadStatements,
  ssmParameterArn,
  identityDeployerStatements,
  PipelineAccess,
  platformApplyStepKey,
  platformPlanStepKey,
  PolicyStatement,
  RoleAccess,
  stateBackendDeployerStatements,
  IStateBackend,
  defaultPipelineRolePath,
  PLATFORM_DEPLOYER_ROLE_SUFFIX,
} from "../constructs/index";
import { PipelineDeclaration, PlatformDeclaration } from "./declaration";
import { buildkiteStackId, identityStackId, PlannedStack, platformStackPlan, STATE_BACKEND_STACK_ID } from "./stack-plan";

/** A deploy role of the platform pipeline: the role of one stack, in its account. */
export interface PlatformDeployRole {
  /** The stack it applies. */
  readonly stack: string;
  readonly kind: PlannedStack["kind"];
  /** The account (a declared account name) holding the role and the stack's resources. */
  readonly account: string;
  /** Its trust: the platform pipeline's default branch, the stack's plan and apply steps. The role is `access.apply`. */
  readonly access: PipelineAccess;
}

/** The name of a stack's deploy role: it ends in `-deployer`, which no pipeline role's name does (they end in `-plan` and `-apply`). */
export function deployRoleName(platformSlug: string, stackId: string): string {
  return `bk-${platformSlug}-${stackId}${PLATFORM_DEPLOYER_ROLE_SUFFIX}`;
}

/** Both step keys of each stack. */
export function platformStepKeys(stackIds: readonly string[]): string[] {
  return stackIds.flatMap((id) => [platformPlanStepKey(id), platformApplyStepKey(id)]);
}

/** The stack the platform pipeline's own apply role applies: the main Buildkite stack, which holds the pipeline. */
export const PLATFORM_APPLY_ROLE_STACK = buildkiteStackId(1);

/**
 * The longest deploy role name a declaration can have, from its counts alone (validation runs before
 * the stacks can be planned): the last shard of each account and of the Buildkite stacks, each GCP project.
 */
export function longestDeployRoleName(d: PlatformDeclaration, platformSlug: string): string {
  const stacks = [
    STATE_BACKEND_STACK_ID,
    ...d.accounts.map((a) => identityStackId(a.name, Math.max(a.shards, a.previousShards ?? 0))),
    ...d.gcpProjects.map((g) => `gcp-identity-${g.name}`),
    buildkiteStackId(Math.max(d.buildkiteShards, d.previousBuildkiteShards ?? 0)),
  ];
  return stacks.map((id) => deployRoleName(platformSlug, id)).reduce((a, b) => (b.length > a.length ? b : a));
}

/** The deploy roles of a declaration with a platform pipeline, one per stack but the main Buildkite stack; none without one. */
export function platformDeployRoles(d: PlatformDeclaration): PlatformDeployRole[] {
  const platform = d.platformPipeline;
  if (!platform) return [];
  return (
    platformStackPlan(d)
      // The state backend is the pipeline's once its own state is migrated into its bucket (until then it is applied by hand).
      .filter((s) => s.id !== PLATFORM_APPLY_ROLE_STACK && (s.kind !== "state-backend" || d.state.migrated))
      .map((s) => ({ stack: s.id, kind: s.kind, account: s.account, access: deployAccess(d, platform, s.account, s.id) }))
  );
}

function deployAccess(d: PlatformDeclaration, platform: PipelineDeclaration, accountName: string, stack: string): PipelineAccess {
  const account = d.accounts.find((a) => a.name === accountName)!;
  const roleName = deployRoleName(platform.slug, stack);
  const trust = { branches: [platform.defaultBranch], stepKeys: platformStepKeys([stack]), sessionDurationSeconds: platform.apply.sessionDurationSeconds };
  return new PipelineAccess({
    accountId: account.id,
    organization: d.organization.slug,
    organizationId: d.organization.id,
    pipeline: platform.slug,
    pipelineId: platform.id,
    claimCheck: platform.claimCheck ?? d.claimCheck,
    // Only `apply` is built: a deploy role both plans and applies its stack, from the default branch only.
    plan: { ...trust, roleName: roleName.replace(/-deployer$/, "-reader") },
    apply: { ...trust, roleName },
  });
}

/** What a deploy role may do besides the platform's states. */
export function deployRoleStatements(d: PlatformDeclaration, role: PlatformDeployRole, backend: IStateBackend): PolicyStatement[] {
  const account = d.accounts.find((a) => a.name === role.account)!;
  switch (role.kind) {
    case "identity":
      return identityDeployerStatements({ accountId: account.id, rolePath: defaultPipelineRolePath(d.organization.slug) });
    case "state-backend":
      return stateBackendDeployerStatements(backend);
    case "gcp-identity":
      // Its AWS side is its state (its Google credentials are its own, docs/gcp.md).
      return [];
    case "buildkite": {
      const token = buildkiteApiTokenOf(d);
      return token ? buildkiteApiTokenReadStatements(token) : [];
    }
  }
}

/** Where the Buildkite API token lives, as an ARN in the platform pipeline's account; undefined when the declaration names no store. */
export function buildkiteApiTokenOf(d: PlatformDeclaration): BuildkiteApiTokenSource | undefined {
  const token = d.platformPipeline?.buildkiteApiToken;
  if (!token) return undefined;
  if (token.secretArn !== undefined) return { arn: token.secretArn, maxAgeDays: token.maxAgeDays };
  // Validation requires one of the two.
  const account = d.accounts.find((a) => a.name === d.platformPipeline!.account)!;
  return { arn: ssmParameterArn(token.ssmParameter!, account.region, account.id), maxAgeDays: token.maxAgeDays };
}

/** The role each stack's plan and apply steps assume, by stack ID. */
export function platformStackRoles(d: PlatformDeclaration, platformApply: RoleAccess): Map<string, RoleAccess> {
  const roles = new Map<string, RoleAccess>([[PLATFORM_APPLY_ROLE_STACK, platformApply]]);
  for (const role of platformDeployRoles(d)) roles.set(role.stack, role.access.apply);
  return roles;
}
