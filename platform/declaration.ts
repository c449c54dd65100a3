/**
 * The platform declaration: one typed document that says which Buildkite
 * pipelines may run Terraform against which AWS accounts, with which state.
 * The schema is the single source of the declaration's types.
 */
import * as v from "valibot";
import { CLAIM_CHECKS, DEFAULT_CLAIM_CHECK, Format, FORMATS } from "../constructs";
import { shown } from "./schema-messages";

/** AWS's default "Roles per account" IAM quota. */
export const DEFAULT_IAM_ROLE_QUOTA = 1000;
/** The highest value AWS raises "Roles per account" to. */
export const MAX_IAM_ROLE_QUOTA = 5000;

/** A format check whose message quotes the offending value, so that two mistakes never read alike. */
const matching = (pattern: RegExp, expected: string) =>
  v.pipe(
    v.string(),
    v.regex(pattern, (issue) => `"${String(issue.input)}" ${expected}`),
  );
/**
 * A field in one of the library's formats: the same predicate the constructs check, and the
 * format's own words unless the field says it better (`is not a valid pipeline slug`).
 */
const inFormat = <T>(base: v.GenericSchema<T, T>, format: Format<T>, words: { problem?: string; fix?: string } = {}) =>
  v.pipe(
    base,
    v.check(format.test, (issue) => {
      const refusal = format.explain(issue.input as T);
      const value = typeof issue.input === "string" ? `"${issue.input}"` : String(issue.input);
      return `${value} ${words.problem ?? refusal?.problem} — ${words.fix ?? refusal?.fix}`;
    }),
  );
const formatted = (format: Format<string>, words?: { problem?: string; fix?: string }) => inFormat(v.string(), format, words);
const slug = (what: string) => formatted(FORMATS.slug, { problem: `is not a valid ${what} slug` });
const uuid = (what: string) => formatted(FORMATS.uuid, { problem: `is not a valid ${what} UUID` });
const nonEmptyString = v.pipe(v.string(), v.minLength(1));
const nonEmptyArray = <T extends v.GenericSchema>(item: T, message?: string) => v.pipe(v.array(item), v.minLength(1, message));
const wholeNumber = v.pipe(v.number(), v.integer());
/**
 * How trust policies check the claims besides `aud` and `sub` (docs/trust.md, "Which claims AWS sees"):
 * `condition-keys` (`agent.buildkite.com:*`), `session-tags` (`aws:RequestTag/*`, adds the step key), or `both`.
 */
const claimCheck = v.picklist(CLAIM_CHECKS);
/** A number of shards, or a shard number (shards are numbered from 1). */
const shardCount = v.pipe(wholeNumber, v.minValue(1, "must be 1 or more (shards are numbered from 1)"), v.maxValue(100, "is over 100 shards"));

const statementSchema = v.strictObject({
  sid: v.optional(matching(/^[A-Za-z0-9]*$/, "is not a statement ID — use only letters and digits")),
  effect: v.optional(v.picklist(["Allow", "Deny"]), "Allow"),
  actions: nonEmptyArray(matching(/^(\*|[a-z0-9-]+:[A-Za-z0-9*]+)$/, 'is not an IAM action — use one like "s3:GetObject" or "ec2:Describe*"')),
  resources: nonEmptyArray(nonEmptyString),
  /** Lets a statement grant `*` on `*`; the reason is kept in the access report. */
  allowAdminReason: v.optional(v.pipe(v.string(), v.minLength(10, "explain in a sentence why administrator access is needed"))),
});

const permissionsSchema = v.strictObject({
  /** Named permission sets from the catalogue (see platform/permission-sets.ts). */
  sets: v.optional(v.array(v.string()), []),
  managedPolicyArns: v.optional(
    v.array(formatted(FORMATS.managedPolicyArn, { fix: "use one like arn:aws:iam::aws:policy/ReadOnlyAccess, or a permission set" })),
    [],
  ),
  statements: v.optional(v.array(statementSchema), []),
  /** Google Cloud IAM roles on the pipeline's `gcpProject` (plan: read-only roles only). */
  roles: v.optional(v.array(formatted(FORMATS.gcpRole)), []),
});

const roleSchema = v.strictObject({
  /** Branch names or glob patterns whose builds may assume the role. */
  branches: nonEmptyArray(formatted(FORMATS.refPattern)),
  /** The key of the step that assumes the role. */
  stepKey: v.optional(formatted(FORMATS.stepKey)),
  permissions: v.optional(permissionsSchema, { sets: [], managedPolicyArns: [], statements: [], roles: [] }),
  /** Maximum session length in seconds (IAM allows 3600-43200). */
  sessionDurationSeconds: v.optional(inFormat(v.number(), FORMATS.sessionDuration)),
});

// Issue 13, steps: who approves, signed steps, the apply queue.
/** Signing of the steps stored in pipeline settings (`buildkite_signed_pipeline_steps`). */
const signingSchema = v.strictObject({
  /** Path, on the machine running Terraform, of the JWKS holding the private signing key (never in the state). */
  jwksFile: nonEmptyString,
  /** Key ID in the JWKS; optional when the set holds one key. */
  keyId: v.optional(nonEmptyString),
});
/** `true`: the pipeline's owner team approves; `{ teams }`: these declared teams approve; `false`: no block step. */
const approvalSchema = v.union(
  [v.boolean(), v.strictObject({ teams: nonEmptyArray(slug("team"), "name at least one team that may approve") })],
  (issue) => `expected true, false or { teams: [...] }, got ${shown(issue.input)} — write true or false without quotes, or teams: [the approving teams]`,
);

const pipelineSchema = v.strictObject({
  slug: slug("pipeline"),
  name: v.pipe(nonEmptyString, v.maxLength(255, "use at most 255 characters")),
  repository: formatted(FORMATS.gitRepositoryUrl),
  /** Pins trust to the immutable pipeline UUID (recommended once the pipeline exists). */
  id: v.optional(uuid("pipeline")),
  account: slug("account name"),
  /**
   * The Google Cloud project (a `gcpProjects` name) whose plan and apply service accounts the pipeline
   * impersonates, besides its AWS roles; its state stays in the S3 backend, through its AWS roles.
   */
  gcpProject: v.optional(slug("GCP project name")),
  defaultBranch: v.optional(formatted(FORMATS.branchName), "main"),
  workingDirectory: v.optional(formatted(FORMATS.workingDirectory), "."),
  /** POSIX sh commands run before Terraform (e.g. `npm ci`, `npx cdktf synth` for cdktf repositories). */
  setupCommands: v.optional(v.array(nonEmptyString), []),
  queue: v.optional(formatted(FORMATS.queueKey)),
  /** Queue of the apply step. @default cluster.applyQueue, else `queue` */
  applyQueue: v.optional(formatted(FORMATS.queueKey)),
  /** Signs this pipeline's steps. @default the platform's `signing` */
  signing: v.optional(signingSchema),
  /** The team that owns the pipeline; it approves applies unless approval names other teams. */
  owner: v.optional(slug("team")),
  teams: v.optional(v.array(v.strictObject({ team: slug("team"), access: v.picklist(["READ_ONLY", "BUILD_AND_READ", "MANAGE_BUILD_AND_READ"]) })), []),
  plan: v.optional(roleSchema, { branches: ["*"], permissions: { sets: ["read-only"], managedPolicyArns: [], statements: [], roles: [] } }),
  apply: roleSchema,
  /** A block step before apply, unblocked only by members of the approving teams (the owner team unless named). */
  approval: v.optional(approvalSchema, true),
  /** Cron line of the nightly drift check (`terraform plan -detailed-exitcode`). */
  driftSchedule: v.optional(formatted(FORMATS.cronline)),
  /** This pipeline's claim check. @default - the declaration's `claimCheck` */
  claimCheck: v.optional(claimCheck),
  // Fleet (issue 15): where the pipeline lives, where it lived, and what it adopts.
  /** Pins the pipeline's identity stack to this shard of its account instead of its slug's hash. */
  identityShard: v.optional(shardCount),
  /** Pins the pipeline's Buildkite stack to this shard instead of its slug's hash. */
  buildkiteShard: v.optional(shardCount),
  /** The old values of the placement fields a move changed, until the move is applied (see docs/fleet.md). */
  movedFrom: v.optional(
    v.strictObject({ account: v.optional(slug("account name")), identityShard: v.optional(shardCount), buildkiteShard: v.optional(shardCount) }),
  ),
  /** Adopt what exists instead of creating it: the Buildkite pipeline (by its `id`) and the roles (by name), through `import` blocks. */
  adopt: v.optional(v.strictObject({ pipeline: v.optional(v.boolean(), false), roles: v.optional(v.boolean(), false) })),
});

/** A pipeline taken out of the fleet: its roles are deleted, its Buildkite pipeline kept (history) unless `destroy`. */
const retiredPipelineSchema = v.strictObject({
  slug: slug("pipeline"),
  reason: v.pipe(v.string(), v.minLength(10, "must say in a sentence why the pipeline is retired")),
  /** Delete the Buildkite pipeline and its build history too. */
  destroy: v.optional(v.boolean(), false),
  /** The pipeline's `buildkiteShard` pin, if it had one. */
  buildkiteShard: v.optional(shardCount),
});

export const declarationSchema = v.strictObject({
  /** Where this declaration lives; carried as provenance in every tag. */
  repository: nonEmptyString,
  /** The team that owns the platform resources (tagged). */
  owner: slug("team"),
  organization: v.strictObject({
    slug: slug("organization"),
    /** Pins trust to the immutable organization UUID (recommended). */
    id: v.optional(uuid("organization")),
  }),
  accounts: nonEmptyArray(
    v.strictObject({
      name: slug("account name"),
      id: formatted(FORMATS.accountId, { fix: "use its 12 digits, quoted as a string" }),
      region: formatted(FORMATS.region),
      /**
       * The account's IAM "Roles per account" quota once AWS has raised it; the platform
       * warns from 80% of it and refuses a fleet over it (two roles per pipeline).
       * @default 1000 (AWS's default)
       */
      iamRoleQuota: v.optional(
        v.pipe(
          v.number(),
          v.integer("use a whole number of roles"),
          v.minValue(DEFAULT_IAM_ROLE_QUOTA, `leave it out unless AWS raised the quota (AWS's default is ${DEFAULT_IAM_ROLE_QUOTA} roles)`),
          v.maxValue(MAX_IAM_ROLE_QUOTA, `${MAX_IAM_ROLE_QUOTA} is the highest quota AWS grants: move pipelines to another account instead`),
        ),
      ),
      /**
       * For an account that does not hold the state: the role in it that its identity stacks' AWS provider
       * assumes. They keep their state in the state account's bucket, so they are deployed with the state
       * account's credentials, which must be allowed to assume this role (e.g. OrganizationAccountAccessRole).
       */
      deployRoleArn: v.optional(formatted(FORMATS.principalArn)),
      // Fleet (issue 15): the account's identity shards and its OIDC provider.
      /** How many identity stacks the account's pipelines are shared out to, by a stable hash of their slugs (see stack-plan.ts). */
      shards: v.optional(shardCount, 1),
      /** The account's `shards` before a change of it, until the moves it causes are applied. */
      previousShards: v.optional(shardCount),
      /**
       * The account's IAM OIDC provider for agent.buildkite.com: `create` it, `adopt` the one that exists
       * (an `import` block), or `reference` it by ARN and never manage it.
       */
      oidcProvider: v.optional(v.picklist(["create", "adopt", "reference"]), "create"),
    }),
    "declare at least one AWS account",
  ),
  /** Google Cloud projects pipelines may use (`pipelines[].gcpProject`); each gets a workload identity pool for Buildkite. */
  gcpProjects: v.optional(
    v.array(
      v.strictObject({
        name: slug("GCP project name"),
        projectId: formatted(FORMATS.gcpProjectId),
        projectNumber: formatted(FORMATS.gcpProjectNumber),
        /** Default region of the google provider. @default - none */
        region: v.optional(nonEmptyString),
      }),
    ),
    [],
  ),
  state: v.strictObject({
    account: slug("account name"),
    bucket: formatted(FORMATS.stateBucket),
    lockTable: v.optional(formatted(FORMATS.lockTableName)),
    lockMode: v.optional(v.picklist(["dynamodb", "lockfile", "both"]), "lockfile"),
    /**
     * ARN of the state KMS key, printed as the `kms_key_arn` output of the state-backend stack's
     * first apply (a KMS key ID is random). Until it is set only the state-backend stack is synthesized.
     */
    kmsKeyArn: v.optional(
      formatted(FORMATS.kmsKeyArn, { fix: "copy the state-backend stack's kms_key_arn output (arn:aws:kms:<region>:<account>:key/<uuid>)" }),
    ),
    /** The state-backend stack's own state has been migrated into its bucket (scripts/migrate-state.sh). */
    migrated: v.optional(v.boolean(), false),
    keyPrefix: v.optional(formatted(FORMATS.stateKeyPrefix), "pipelines"),
    /**
     * The state administrators: roles of the state account (ARNs with their path) that may change the
     * configuration of the state bucket and key, e.g. the role the state-backend stack is deployed with.
     * The bucket and key policies deny it to everyone else, pipelines included, whatever their IAM
     * policies allow; the account's root user stays exempt as the way back in.
     */
    administrators: nonEmptyArray(
      formatted(FORMATS.principalArn),
      "name at least one state administrator: the role you deploy the state-backend stack with (the bucket and key policies deny configuration changes to everyone else)",
    ),
  }),
  cluster: v.strictObject({
    name: nonEmptyString,
    queues: nonEmptyArray(v.strictObject({ key: formatted(FORMATS.queueKey), description: v.optional(v.string()) })),
    defaultQueue: formatted(FORMATS.queueKey),
    /**
     * A queue, created in the cluster, on which every apply step runs and nothing else: its agents verify
     * step signatures and refuse unsigned steps (docs/buildkite.md). A pipeline's `applyQueue` overrides it.
     */
    applyQueue: v.optional(formatted(FORMATS.queueKey)),
    agentTokenRotationHours: v.optional(v.pipe(wholeNumber, v.minValue(1), v.maxValue(24 * 30)), 6),
    /**
     * Roles that read the agent tokens from SSM (the agents' instance roles, ARNs with their path): the tokens'
     * KMS key lets them, the platform pipeline's roles and the state administrators decrypt, and no one else.
     */
    agentTokenReaders: v.optional(v.array(formatted(FORMATS.principalArn)), []),
  }),
  teams: v.optional(v.array(v.strictObject({ slug: slug("team"), name: nonEmptyString, description: v.optional(v.string()) })), []),
  pipelines: nonEmptyArray(pipelineSchema, "declare at least one pipeline"),
  /** Signs every pipeline's steps, unless a pipeline has its own `signing`. */
  signing: v.optional(signingSchema),
  tags: v.optional(
    v.strictObject({
      /** Add per-build Buildkite metadata to default tags (changes every resource on every build). */
      buildMetadata: v.optional(v.boolean(), false),
      extra: v.optional(v.record(formatted(FORMATS.tagKey), formatted(FORMATS.tagValue)), {}),
    }),
    { buildMetadata: false, extra: {} },
  ),
  /**
   * The pipeline that applies this platform (the repository of this declaration). It also
   * re-applies the agent-token rotation on a schedule.
   */
  platformPipeline: v.optional(pipelineSchema),
  /** How every pipeline's trust policies check the claims, unless a pipeline sets its own. */
  claimCheck: v.optional(claimCheck, DEFAULT_CLAIM_CHECK),
  /** How many pipelines one identity or Buildkite stack may hold; the platform warns from 80% of it and refuses more. */
  pipelinesPerStack: v.optional(v.pipe(wholeNumber, v.minValue(1), v.maxValue(500)), 100),
  // Fleet (issue 15): the Buildkite shards and the retired pipelines.
  /** How many Buildkite stacks the pipelines are shared out to, by a stable hash of their slugs; the first is `buildkite`. */
  buildkiteShards: v.optional(shardCount, 1),
  /** `buildkiteShards` before a change of it, until the moves it causes are applied. */
  previousBuildkiteShards: v.optional(shardCount),
  /** Pipelines taken out of the fleet, declared so that nothing is destroyed because an entry disappeared. */
  retired: v.optional(v.array(retiredPipelineSchema), []),
});

/** Tag keys the app sets on every AWS resource for provenance; `tags.extra` may not override them. */
export const PROVENANCE_TAG_KEYS = ["managed-by", "repository", "stack", "owner"] as const;

/** The pipeline slug the platform's own states are filed under when the declaration has no platform pipeline. */
export const DEFAULT_PLATFORM_SLUG = "platform";

/** A platform declaration as written by its author (defaults optional). */
export type PlatformDeclarationInput = v.InferInput<typeof declarationSchema>;
/** A validated platform declaration with defaults applied. */
export type PlatformDeclaration = v.InferOutput<typeof declarationSchema>;
export type PipelineDeclaration = PlatformDeclaration["pipelines"][number];
export type AccountDeclaration = PlatformDeclaration["accounts"][number];
export type RetiredPipelineDeclaration = PlatformDeclaration["retired"][number];
