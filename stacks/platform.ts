import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { addS3Backend, s3BackendConfig, StateBackendLocation } from "../constructs/state/backend-config";
import { pipelineStatePrefix, stateKey } from "../constructs/state/state-key";
import { PipelineRolePermissions, StateLocation } from "../constructs/trust/buildkite-pipeline-role";
import { PipelineAccess } from "../constructs/trust/pipeline-access";
import { pipelineAccess } from "../platform/pipeline-access";
import { DEFAULT_PLATFORM_SLUG, PipelineDeclaration, PlatformDeclaration } from "../platform/declaration";
import { permissionSetPolicyArns } from "../platform/permission-sets";
import { ReportedPipeline, ReportedRole } from "../platform/access-report";
import { BuildkitePipelinesStack } from "./buildkite-pipelines-stack";
import { BuildkiteStack, BuildkiteStackPipeline } from "./buildkite-stack";
import { IdentityStack } from "./identity-stack";
import { StateBackendStack } from "./state-backend-stack";

/** How the platform's stacks are synthesized, as decided by main.ts from the environment. */
export interface PlatformOptions {
  /**
   * Configure the AWS providers for offline plans (tests, benchmarks).
   * @default false
   */
  readonly offline?: boolean;
  /**
   * Tags describing the build that synthesizes the app (Buildkite metadata);
   * added to the provenance tags only when the declaration asks for them.
   * @default - none
   */
  readonly buildMetadata?: Readonly<Record<string, string>>;
}

/** The stacks of a platform and what auditors need to know about its pipelines. */
export interface PlatformStacks {
  readonly stateBackend: StateBackendStack;
  /** Empty until the declaration names the state key (`state.kmsKeyArn`). */
  readonly identity: readonly IdentityStack[];
  /** Undefined until the declaration names the state key (`state.kmsKeyArn`). */
  readonly buildkite?: BuildkiteStack;
  readonly buildkiteShards: readonly BuildkitePipelinesStack[];
  readonly pipelines: readonly ReportedPipeline[];
  /** What the operator must do before the remaining stacks can be synthesized, if anything. */
  readonly pending?: string;
}

/**
 * Key of a platform stack's state: the stacks are the workspaces of the
 * platform pipeline, `<keyPrefix>/<platform-slug>/<stack>/terraform.tfstate`,
 * so that pipeline's roles (and the bucket's per-pipeline fence) cover them.
 */
export function platformStateKey(d: PlatformDeclaration, stackId: string): string {
  return stateKey({ prefix: d.state.keyPrefix, pipelineSlug: d.platformPipeline?.slug ?? DEFAULT_PLATFORM_SLUG, workspace: stackId });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

const BUILDKITE_STACK_ID = "buildkite";

/** `base`, `base-2`, `base-3`, ...: the first shard keeps the plain name. */
function shardId(base: string, index: number): string {
  return index === 0 ? base : `${base}-${index + 1}`;
}

/**
 * Builds every stack of a validated platform declaration:
 * `state-backend` (bootstrap, local state until migrated), one or more
 * `identity-<account>` stacks per account (OIDC provider and pipeline roles),
 * and `buildkite` (+ `buildkite-<n>` shards) for the Buildkite side. Deploy
 * order is recorded as stack dependencies.
 */
export function buildPlatform(scope: Construct, d: PlatformDeclaration, options: PlatformOptions = {}): PlatformStacks {
  const offline = options.offline ?? false;
  const accounts = new Map(d.accounts.map((a) => [a.name, a]));
  const stateAccount = accounts.get(d.state.account)!;
  // Keys as in PROVENANCE_TAG_KEYS, which the declaration's validation keeps tags.extra away from.
  const tags = (stack: string): Record<string, string> => ({
    "managed-by": "buildkite-terraform-trust",
    repository: d.repository,
    stack,
    owner: d.owner,
    ...d.tags.extra,
    ...(d.tags.buildMetadata ? options.buildMetadata : {}),
  });
  const aws = (stack: string, account = stateAccount) => ({
    region: account.region,
    accountId: account.id,
    offline,
    defaultTags: tags(stack),
  });

  const stateBackend = new StateBackendStack(scope, "state-backend", {
    ...aws("state-backend"),
    bucketName: d.state.bucket,
    lockMode: d.state.lockMode,
    lockTableName: d.state.lockTable,
    pipelineStateFence: { keyPrefix: d.state.keyPrefix },
    ownState: d.state.migrated && d.state.kmsKeyArn ? { type: "s3", kmsKeyArn: d.state.kmsKeyArn } : { type: "local" },
  });
  if (!d.state.kmsKeyArn) {
    const pending =
      "only the state-backend stack was synthesized: deploy it (cdktf deploy state-backend), then set state.kmsKeyArn " +
      "in the declaration to its kms_key_arn output to synthesize the identity and Buildkite stacks";
    return { stateBackend, identity: [], buildkiteShards: [], pipelines: [], pending };
  }
  const location: StateBackendLocation = stateBackend.backend.location(d.state.kmsKeyArn);
  const useRemoteState = (stack: TerraformStack) => {
    addS3Backend(stack, s3BackendConfig(location, platformStateKey(d, stack.node.id)));
    stack.addDependency(stateBackend);
  };

  const all: PipelineDeclaration[] = d.platformPipeline ? [...d.pipelines, d.platformPipeline] : [...d.pipelines];
  const accessOf = new Map(all.map((p) => [p.slug, pipelineAccess(d, p)]));
  const lockTableArn = d.state.lockTable && `arn:aws:dynamodb:${stateAccount.region}:${stateAccount.id}:table/${d.state.lockTable}`;
  const stateOf = new Map(
    all.map((p): [string, StateLocation] => [
      p.slug,
      {
        bucketArn: stateBackend.backend.bucketArn,
        keyPrefix: pipelineStatePrefix({ prefix: d.state.keyPrefix, pipelineSlug: p.slug }),
        kmsKeyArn: location.kmsKeyArn,
        // A literal: the table lives in another stack, and a reference would not resolve here.
        lockTableArn,
        lockMode: d.state.lockMode,
        region: stateAccount.region,
      },
    ]),
  );

  const identity: IdentityStack[] = [];
  for (const account of d.accounts) {
    const pipelines = all.filter((p) => p.account === account.name);
    if (pipelines.length === 0) continue;
    let first: IdentityStack | undefined;
    chunk(pipelines, d.pipelinesPerStack).forEach((shard, index) => {
      const id = shardId(`identity-${account.name}`, index);
      const stack = new IdentityStack(scope, id, {
        aws: aws(id, account),
        createOidcProvider: index === 0,
        pipelines: shard.map((p) => ({
          access: accessOf.get(p.slug)!,
          state: stateOf.get(p.slug)!,
          plan: rolePermissions(p.plan.permissions),
          apply: rolePermissions(p.apply.permissions),
          tags: p.owner ? { "pipeline-owner": p.owner } : undefined,
        })),
      });
      useRemoteState(stack);
      // Later shards reference the OIDC provider the first shard creates.
      if (first) stack.addDependency(first);
      first ??= stack;
      identity.push(stack);
    });
  }

  const buildkitePipeline = (p: PipelineDeclaration, stableWorkspace?: string): BuildkiteStackPipeline => ({
    name: p.name,
    slug: p.slug,
    repository: p.repository,
    access: accessOf.get(p.slug)!,
    state: { ...location, keyPrefix: d.state.keyPrefix, stableWorkspace },
    region: accounts.get(p.account)!.region,
    defaultBranch: p.defaultBranch,
    workingDirectory: p.workingDirectory,
    queue: p.queue,
    approval: p.approval ? {} : false,
    driftDetection: p.driftSchedule ? { cronline: p.driftSchedule } : false,
    teams: p.teams.map((t) => ({ team: t.team, accessLevel: t.access })),
    setupCommands: p.setupCommands,
  });
  const [firstShard = [], ...otherShards] = chunk(d.pipelines, d.pipelinesPerStack);
  const buildkite = new BuildkiteStack(scope, BUILDKITE_STACK_ID, {
    organization: d.organization.slug,
    aws: aws("buildkite"),
    cluster: {
      name: d.cluster.name,
      queues: d.cluster.queues,
      defaultQueue: d.cluster.defaultQueue,
      tokenRotationHours: d.cluster.agentTokenRotationHours,
    },
    teams: d.teams,
    pipelines: firstShard.map((p) => buildkitePipeline(p)),
    // The platform pipeline applies this stack from the default branch: its stable workspace is this stack's state.
    maintenancePipeline: d.platformPipeline ? buildkitePipeline(d.platformPipeline, BUILDKITE_STACK_ID) : undefined,
  });
  useRemoteState(buildkite);
  identity.forEach((stack) => buildkite.addDependency(stack));
  const buildkiteShards = otherShards.map((shard, index) => {
    const stack = new BuildkitePipelinesStack(scope, shardId(BUILDKITE_STACK_ID, index + 1), {
      organization: d.organization.slug,
      shared: {
        state: s3BackendConfig(location, platformStateKey(d, BUILDKITE_STACK_ID)),
        queueKeys: d.cluster.queues.map((q) => q.key),
        teamSlugs: d.teams.map((t) => t.slug),
      },
      pipelines: shard.map((p) => buildkitePipeline(p)),
    });
    useRemoteState(stack);
    stack.addDependency(buildkite);
    return stack;
  });

  const pipelines = all.map((p) => reportedPipeline(d, p, accessOf.get(p.slug)!, stateOf.get(p.slug)!));
  return { stateBackend, identity, buildkite, buildkiteShards, pipelines };
}

type DeclaredPermissions = PipelineDeclaration["plan"]["permissions"];

function rolePermissions(permissions: DeclaredPermissions): PipelineRolePermissions {
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

function permissionSummary(permissions: DeclaredPermissions): string[] {
  return [
    ...permissions.sets.map((set) => `set ${set}`),
    ...permissions.managedPolicyArns.map((arn) => `policy ${arn.split(":policy/")[1]}`),
    ...permissions.statements.map((s) => `${s.effect} ${s.actions.join(" ")} on ${s.resources.length} resource(s)`),
  ];
}

function reportedPipeline(d: PlatformDeclaration, p: PipelineDeclaration, access: PipelineAccess, state: StateLocation): ReportedPipeline {
  const where = `s3://${d.state.bucket}/${state.keyPrefix}*`;
  const roles: ReportedRole[] = [
    { kind: "plan", access: access.plan, permissions: permissionSummary(p.plan.permissions), state: `read + lock ${where}` },
    { kind: "apply", access: access.apply, permissions: permissionSummary(p.apply.permissions), state: `read/write ${where}` },
  ];
  return { slug: p.slug, account: p.account, roles };
}
