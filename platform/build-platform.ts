import { TerraformStack } from "cdktf";
import * as path from "path";
import { Construct } from "constructs";
import {
  addS3Backend,
  agentTokenManagementStatements,
  agentTokenParameterPrefix,
  applyGuardrails,
  buildkiteApiTokenLines,
  buildkiteApiTokenReadStatements,
  defaultPipelineRolePath,
  PipelineAccount,
  PipelineRoleKind,
  PipelineRolePermissions,
  platformApprovalPolicy,
  StepSigningOptions,
  TerraformStateBackend,
} from "../constructs/index";
import { BuildkitePipelinesStack } from "../stacks/buildkite-pipelines-stack";
import { BuildkiteStack, BuildkiteStackPipeline } from "../stacks/buildkite-stack";
import { GcpIdentityStack } from "../stacks/gcp-identity-stack";
import { IdentityStack, IdentityStackPipeline } from "../stacks/identity-stack";
import { StateBackendStack } from "../stacks/state-backend-stack";
import { ASSUME_ROLE_VARIABLE } from "../stacks/aws-provider";
import { ReportedPipeline, reportedPipeline } from "./access-report";
import { PipelineDeclaration, PlatformDeclaration } from "./declaration";
import { rolePermissions } from "./permission-sets";
import { gcpPipelineAccess } from "./gcp-access";
import { approvalPolicy, approvingTeams, pipelineAccess } from "./pipeline-access";
import { buildkiteApiTokenOf, deployRoleStatements, PLATFORM_APPLY_ROLE_STACK, platformDeployRoles, platformStackRoles } from "./platform-roles";
import {
  allPipelines,
  buildkiteShards,
  gcpIdentityStacks,
  identityShards,
  pipelineMoves,
  PlannedStack,
  platformStackPlan,
  platformStateKey,
  retiredBuildkiteStack,
  STATE_BACKEND_STACK_ID,
} from "./stack-plan";

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
  /**
   * Build only the stacks with these names; every other stack is an empty
   * stack with the same name and dependencies, so that several processes can
   * each synthesize their share of one app (the state backend, which the
   * others' configuration derives from, is always built).
   * @default - every stack
   */
  readonly only?: ReadonlySet<string>;
}

/** The stacks of a platform and what auditors need to know about its pipelines. */
export interface PlatformStacks {
  readonly stateBackend: StateBackendStack;
  /** Empty until the declaration names the state key (`state.kmsKeyArn`); built ones only (see `only`). */
  readonly identity: readonly IdentityStack[];
  /** One per GCP project that pipelines use; empty until the declaration names the state key; built ones only (see `only`). */
  readonly gcpIdentity: readonly GcpIdentityStack[];
  /** Undefined until the declaration names the state key (`state.kmsKeyArn`), or when not built (see `only`). */
  readonly buildkite?: BuildkiteStack;
  /** Built ones only (see `only`). */
  readonly buildkiteShards: readonly BuildkitePipelinesStack[];
  readonly pipelines: readonly ReportedPipeline[];
  /** What the operator must do before the remaining stacks can be synthesized, if anything. */
  readonly pending?: string;
}

/**
 * Builds every stack of a validated platform declaration:
 * `state-backend` (bootstrap, local state until migrated), one or more
 * `identity-<account>` stacks per account (OIDC provider and pipeline roles),
 * and `buildkite` (+ `buildkite-<n>` shards) for the Buildkite side. Deploy
 * order is recorded as stack dependencies. Every guardrail of the library
 * checks every stack at synth.
 */
export function buildPlatform(scope: Construct, d: PlatformDeclaration, options: PlatformOptions = {}): PlatformStacks {
  const stacks = buildStacks(scope, d, options);
  // Once, after the last stack: the constructs do not apply guardrails themselves.
  applyGuardrails(scope);
  return stacks;
}

/**
 * The accounts other than the state account that hold pipeline roles, with their pipelines (the platform
 * pipeline included): the state's bucket, key and lock table policies let each reach its own states.
 */
function pipelineAccounts(d: PlatformDeclaration): PipelineAccount[] {
  const all = allPipelines(d);
  // The platform pipeline's identity deployers reach the platform's states from every account.
  const deployers = new Set(platformDeployRoles(d).map((r) => r.account));
  return d.accounts
    .filter((account) => account.name !== d.state.account)
    .map((account) => {
      const pipelines = all.filter((p) => p.account === account.name).map((p) => p.slug);
      const platform = d.platformPipeline && deployers.has(account.name) && !pipelines.includes(d.platformPipeline.slug) ? [d.platformPipeline.slug] : [];
      return { accountId: account.id, rolePath: defaultPipelineRolePath(d.organization.slug), pipelines: [...pipelines, ...platform] };
    })
    .filter((account) => account.pipelines.length > 0);
}

function buildStacks(scope: Construct, d: PlatformDeclaration, options: PlatformOptions): PlatformStacks {
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
    assumeRoleArn: account.deployRoleArn,
    offline,
    defaultTags: tags(stack),
  });

  const built = (id: string) => options.only?.has(id) ?? true;
  const stateBackend = new StateBackendStack(scope, STATE_BACKEND_STACK_ID, {
    ...aws("state-backend"),
    bucketName: d.state.bucket,
    lockMode: d.state.lockMode,
    lockTableName: d.state.lockTable,
    keyPrefix: d.state.keyPrefix,
    administratorArns: d.state.administrators,
    delegatedAdministratorArns: stateDeployers(d),
    // Preview roles reach only their own workspace's state, whatever their permissions (docs/buildkite.md, "Preview environments").
    pipelineStateFence: { pipelineAccounts: pipelineAccounts(d), ...(allPipelines(d).some((p) => p.previews) ? { previews: true } : {}) },
    ownState: d.state.migrated && d.state.kmsKeyArn ? { type: "s3", kmsKeyArn: d.state.kmsKeyArn } : { type: "local" },
  });
  if (!d.state.kmsKeyArn) {
    const pending =
      "npx cdktf deploy state-backend (only the state-backend stack was synthesized); then set state.kmsKeyArn " +
      "in the declaration to its kms_key_arn output and synthesize again for the identity and Buildkite stacks";
    return { stateBackend, identity: [], gcpIdentity: [], buildkiteShards: [], pipelines: [], pending };
  }
  // The other stacks see the backend by its literal attributes (references would not resolve
  // outside its stack), with the key ARN the declaration took from its output.
  const backend = TerraformStateBackend.fromAttributes(scope, "state-backend-attributes", stateBackend.backend.attributes(d.state.kmsKeyArn));
  const useRemoteState = (stack: TerraformStack) => addS3Backend(stack, backend.backendConfig(platformStateKey(d, stack.node.id)));
  const deployRoles = platformDeployRoles(d);

  const all = allPipelines(d);
  const accessOf = new Map(all.map((p) => [p.slug, pipelineAccess(d, p)]));
  const platformAccess = d.platformPipeline && accessOf.get(d.platformPipeline.slug);

  // The agent tokens live in the Buildkite stack's account; the platform pipeline applies that stack.
  const tokens = { account: { accountId: stateAccount.id, region: stateAccount.region }, parameterPrefix: agentTokenParameterPrefix(d.cluster.name) };
  // What applying the Buildkite stack needs of the token parameters (its plan role reads them through ReadOnlyAccess),
  // and the Buildkite API token, which the apply role alone reads.
  const apiToken = buildkiteApiTokenOf(d);
  const platformNeeds = (kind: PipelineRoleKind) =>
    kind === "apply"
      ? [...agentTokenManagementStatements(tokens.account, tokens.parameterPrefix), ...(apiToken ? buildkiteApiTokenReadStatements(apiToken) : [])]
      : [];
  /** A role's declared permissions, and for the platform pipeline what applying the Buildkite stack needs, nothing more. */
  const permissionsOf = (p: PipelineDeclaration, kind: PipelineRoleKind): PipelineRolePermissions => {
    const declared = rolePermissions(p[kind].permissions);
    if (p !== d.platformPipeline) return declared;
    return { ...declared, statements: [...(declared.statements ?? []), ...platformNeeds(kind)] };
  };

  // Declared moves: the old stack forgets the pipeline's resources (`removed`), the new one imports them.
  const moves = pipelineMoves(d);
  const movedInto = (stackId: string, side: "identityStack" | "buildkiteStack") =>
    new Set(moves.filter((m) => m.to[side] === stackId && m.from[side] !== stackId).map((m) => m.pipeline.slug));
  const movedOutOf = (stackId: string, side: "identityStack" | "buildkiteStack") => moves.filter((m) => m.from[side] === stackId && m.to[side] !== stackId);

  const identity: IdentityStack[] = [];
  // Every identity stack, empty ones included (see `only`).
  const identityStacks: TerraformStack[] = [];
  const firstShardOf = new Map<string, TerraformStack>();
  const stackOf = new Map<string, TerraformStack>([[STATE_BACKEND_STACK_ID, stateBackend]]);
  const identityPipeline = (p: PipelineDeclaration, importExisting = false, access = accessOf.get(p.slug)!): IdentityStackPipeline => ({
    access,
    plan: permissionsOf(p, "plan"),
    apply: permissionsOf(p, "apply"),
    preview: p.previews ? rolePermissions(p.previews.permissions) : undefined,
    tags: p.owner ? { "pipeline-owner": p.owner } : undefined,
    importExisting,
  });
  for (const shard of identityShards(d)) {
    const account = accounts.get(shard.account)!;
    const first = firstShardOf.get(account.name);
    const imported = movedInto(shard.id, "identityStack");
    const stack = built(shard.id)
      ? new IdentityStack(scope, shard.id, {
          aws: aws(shard.id, account),
          oidcProvider: first ? "reference" : account.oidcProvider,
          createPermissionsBoundary: !first,
          // The Buildkite API token, in the platform pipeline's account: its apply role alone, of the roles with this boundary, reads it.
          protectedSecrets:
            apiToken && platformAccess && account.name === d.platformPipeline!.account
              ? [{ arn: apiToken.arn, readerArns: [platformAccess.apply.roleArn] }]
              : undefined,
          rolePath: defaultPipelineRolePath(d.organization.slug),
          state: backend,
          pipelines: shard.pipelines.map((p) => identityPipeline(p, (p.adopt?.roles ?? false) || imported.has(p.slug))),
          // As they were: in the account they leave.
          handedOver: movedOutOf(shard.id, "identityStack").map(({ pipeline: p, from }) =>
            identityPipeline(p, false, pipelineAccess(d, { ...p, account: from.account })),
          ),
          // The platform pipeline's deploy roles of the account, beside its boundaries.
          deployRoles: first
            ? []
            : deployRoles
                .filter((r) => r.account === account.name)
                .map((r) => ({
                  access: r.access,
                  statements: deployRoleStatements(d, r, backend),
                  description: DEPLOY_ROLE_DESCRIPTIONS[r.kind].replace("<stack>", r.stack),
                })),
        })
      : new TerraformStack(scope, shard.id);
    useRemoteState(stack);
    if (!first) firstShardOf.set(account.name, stack);
    if (stack instanceof IdentityStack) identity.push(stack);
    identityStacks.push(stack);
    stackOf.set(shard.id, stack);
  }

  // The Google Cloud side: one stack per project, its state in the same S3 backend as the others.
  const gcpAccessOf = new Map(all.map((p) => [p.slug, gcpPipelineAccess(d, p)]));
  const gcpIdentity: GcpIdentityStack[] = [];
  for (const planned of gcpIdentityStacks(d)) {
    const project = d.gcpProjects.find((g) => g.name === planned.pipelines[0].gcpProject)!;
    const stack = built(planned.id)
      ? new GcpIdentityStack(scope, planned.id, {
          projectId: project.projectId,
          projectNumber: project.projectNumber,
          region: project.region,
          organization: d.organization.slug,
          organizationId: d.organization.id,
          pipelines: planned.pipelines.map((p) => ({
            access: gcpAccessOf.get(p.slug)!,
            pipelineId: p.id,
            planRoles: p.plan.permissions.roles,
            applyRoles: p.apply.permissions.roles,
          })),
        })
      : new TerraformStack(scope, planned.id);
    useRemoteState(stack);
    if (stack instanceof GcpIdentityStack) gcpIdentity.push(stack);
    identityStacks.push(stack);
    stackOf.set(planned.id, stack);
  }

  const buildkitePipeline = (p: PipelineDeclaration, stableWorkspace?: string, imported?: ReadonlySet<string>): BuildkiteStackPipeline => ({
    name: p.name,
    slug: p.slug,
    repository: p.repository,
    access: accessOf.get(p.slug)!,
    // A pipeline with a Google Cloud project impersonates its service accounts beside its AWS roles.
    gcp: gcpAccessOf.get(p.slug),
    state: backend,
    stableWorkspace,
    region: accounts.get(p.account)!.region,
    defaultBranch: p.defaultBranch,
    workingDirectory: p.workingDirectory,
    queue: p.queue,
    applyQueue: p.applyQueue ?? d.cluster.applyQueue,
    approval: approvalOf(p),
    signing: signingOf(p.signing ?? d.signing),
    driftDetection: p.driftSchedule ? { cronline: p.driftSchedule } : false,
    teams: p.teams.map((t) => ({ team: t.team, accessLevel: t.access })),
    setupCommands: p.setupCommands,
    // Validation requires the UUID of a pipeline that is adopted or moves between Buildkite stacks.
    importPipelineId: (p.adopt?.pipeline ?? false) || imported?.has(p.slug) ? p.id : undefined,
  });
  // Retired pipelines whose history is kept, and pipelines moved elsewhere: their stack forgets them.
  const forgotten = (stackId: string) => [
    ...movedOutOf(stackId, "buildkiteStack").map((m) => m.pipeline.slug),
    ...d.retired.filter((r) => !r.destroy && retiredBuildkiteStack(d, r) === stackId).map((r) => r.slug),
  ];
  const [main, ...shards] = buildkiteShards(d);
  const buildkite = built(main.id)
    ? new BuildkiteStack(scope, main.id, {
        organization: d.organization.slug,
        aws: aws(main.id),
        cluster: {
          name: d.cluster.name,
          queues: clusterQueues(d),
          defaultQueue: d.cluster.defaultQueue,
          tokenRotationHours: d.cluster.agentTokenRotationHours,
          // Only the declared readers, the platform pipeline's roles (default branch only) and the state
          // administrators (who make the first apply) may decrypt the tokens.
          agentTokenKey: {
            ...tokens.account,
            readerArns: [...d.cluster.agentTokenReaders, ...(platformAccess ? [platformAccess.plan.roleArn] : [])],
            managerArns: platformAccess ? [platformAccess.apply.roleArn] : [],
            administratorArns: d.state.administrators,
          },
        },
        teams: d.teams,
        pipelines: main.pipelines.map((p) => buildkitePipeline(p, undefined, movedInto(main.id, "buildkiteStack"))),
        forgottenPipelines: forgotten(main.id),
        // The platform pipeline applies every stack, each with its own role, from the default branch.
        maintenancePipeline: d.platformPipeline ? platformPipeline(d, d.platformPipeline, buildkitePipeline(d.platformPipeline), main.id) : undefined,
      })
    : new TerraformStack(scope, main.id);
  useRemoteState(buildkite);
  stackOf.set(main.id, buildkite);
  const buildkiteShardStacks: BuildkitePipelinesStack[] = [];
  for (const shard of shards) {
    const stack = built(shard.id)
      ? new BuildkitePipelinesStack(scope, shard.id, {
          organization: d.organization.slug,
          shared: {
            state: backend.backendConfig(platformStateKey(d, main.id)),
            queueKeys: clusterQueues(d).map((q) => q.key),
            teamSlugs: d.teams.map((t) => t.slug),
          },
          pipelines: shard.pipelines.map((p) => buildkitePipeline(p, undefined, movedInto(shard.id, "buildkiteStack"))),
          forgottenPipelines: forgotten(shard.id),
        })
      : new TerraformStack(scope, shard.id);
    useRemoteState(stack);
    stackOf.set(shard.id, stack);
    if (stack instanceof BuildkitePipelinesStack) buildkiteShardStacks.push(stack);
  }
  // Deploy order: the plan's dependencies, which the platform pipeline's steps follow too.
  for (const planned of platformStackPlan(d)) planned.dependsOn.forEach((id) => stackOf.get(planned.id)!.addDependency(stackOf.get(id)!));

  const pipelines = all.map((p) =>
    reportedPipeline(
      p,
      accessOf.get(p.slug)!,
      backend.pipelineState(p.slug),
      gcpAccessOf.get(p.slug),
      p === d.platformPipeline ? { plan: platformNeeds("plan"), apply: platformNeeds("apply") } : {},
      // The platform pipeline approves all its stacks' applies with one block step, or none.
      p === d.platformPipeline ? platformApprovalPolicy(approvalOf(p)) : undefined,
    ),
  );
  return {
    stateBackend,
    identity,
    gcpIdentity,
    buildkite: buildkite instanceof BuildkiteStack ? buildkite : undefined,
    buildkiteShards: buildkiteShardStacks,
    pipelines,
  };
}

const DEPLOY_ROLE_DESCRIPTIONS: Record<PlannedStack["kind"], string> = {
  "state-backend": "Platform pipeline: applies the state-backend stack (the state bucket, its key, the lock table)",
  identity: "Platform pipeline: applies the <stack> stack (pipeline roles with the pipelines' boundary, the Buildkite OIDC provider)",
  "gcp-identity": "Platform pipeline: applies the <stack> stack (its state)",
  buildkite: "Platform pipeline: applies the <stack> stack (its state; Buildkite through the API token)",
};

/**
 * The state-backend deployer, once the backend's own state is migrated: exempt from the bucket's and the key's
 * configuration denies like a state administrator, by its ARN in their conditions only (its IAM policy grants
 * what it may do), so that the policies may name it before the state account's first identity stack creates it.
 */
function stateDeployers(d: PlatformDeclaration): string[] {
  if (!d.state.migrated) return [];
  return platformDeployRoles(d)
    .filter((r) => r.kind === "state-backend")
    .map((r) => r.access.apply.roleArn);
}

/**
 * The platform pipeline: the Buildkite stack's own pipeline, whose steps apply every stack of the
 * platform, each with the role of its part and account (platform/platform-roles.ts), in the plan's
 * order; the synthesized stacks are the folders beside the Buildkite stack's (`workingDirectory`).
 */
function platformPipeline(d: PlatformDeclaration, p: PipelineDeclaration, pipeline: BuildkiteStackPipeline, mainStack: string): BuildkiteStackPipeline {
  const roles = platformStackRoles(d, pipeline.access.apply);
  const apiToken = buildkiteApiTokenOf(d);
  const regionOf = (account: string) => d.accounts.find((a) => a.name === account)!.region;
  // The state backend after its bootstrap only: until its state is migrated it is on local state, applied by hand.
  const applied = platformStackPlan(d).filter((s) => s.kind !== "state-backend" || d.state.migrated);
  const ids = new Set(applied.map((s) => s.id));
  const stacks = applied.map((s) => ({
    id: s.id,
    dependsOn: s.dependsOn.filter((id) => ids.has(id)),
    role: roles.get(s.id)!,
    // The role's account: the stack's, but the main Buildkite stack's role is the platform pipeline's apply role.
    region: regionOf(s.id === PLATFORM_APPLY_ROLE_STACK ? p.account : s.account),
    // An identity stack of another account than the state's: the job holds the account's deployer already.
    env: s.kind === "identity" && s.account !== d.state.account ? { [`TF_VAR_${ASSUME_ROLE_VARIABLE}`]: "" } : undefined,
    // The Buildkite stacks' provider reads its token from the store the declaration names, with the stack's role.
    credentialLines: s.kind === "buildkite" && apiToken ? buildkiteApiTokenLines(apiToken) : undefined,
  }));
  return { ...pipeline, platform: { stacksDirectory: path.posix.dirname(p.workingDirectory), stacks, scheduledApplyStack: mainStack } };
}

/** The declared queues, and the apply queue when they do not declare it: the cluster creates it. */
function clusterQueues(d: PlatformDeclaration): PlatformDeclaration["cluster"]["queues"] {
  const applyQueue = d.cluster.applyQueue;
  if (applyQueue === undefined || d.cluster.queues.some((q) => q.key === applyQueue)) return d.cluster.queues;
  return [...d.cluster.queues, { key: applyQueue, description: "Terraform applies only: agents that verify step signatures and refuse unsigned steps" }];
}

/** A pipeline's approval as the pipeline construct takes it. */
function approvalOf(p: PipelineDeclaration): BuildkiteStackPipeline["approval"] {
  const teams = approvingTeams(p);
  if (teams === false) return false;
  return { policy: approvalPolicy(p), allowedTeams: teams, riskyResourceTypes: typeof p.approval === "object" ? p.approval.riskyTypes : undefined };
}

/** The declaration's signing settings as the pipeline construct takes them. */
function signingOf(signing: PlatformDeclaration["signing"]): StepSigningOptions | undefined {
  return signing && { jwksFile: signing.jwksFile, jwksKeyId: signing.keyId };
}
