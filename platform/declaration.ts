/**
 * The platform declaration: one typed document that says which Buildkite
 * pipelines may run Terraform against which AWS accounts, with which state.
 * The schema is the single source of the declaration's types, and of its reference: each field's
 * meaning is its `described` text, which the JSON Schema (schema/platform.schema.json) and
 * docs/declaration.md are generated from (`npm run declaration-reference`).
 */
import * as v from "valibot";
import { APPROVAL_POLICIES, CLAIM_CHECKS, DEFAULT_APPROVAL_POLICY, DEFAULT_CLAIM_CHECK, Format, FORMATS } from "../constructs";
import { shown } from "./schema-messages";

/** AWS's default "Roles per account" IAM quota. */
export const DEFAULT_IAM_ROLE_QUOTA = 1000;
/** The highest value AWS raises "Roles per account" to. */
export const MAX_IAM_ROLE_QUOTA = 5000;

/** A field and what it means: the text editors show on hover and docs/declaration.md lists, written only here. */
const described = <const S extends v.GenericSchema>(description: string, schema: S) => v.pipe(schema, v.description(description));

/** A format check whose message quotes the offending value, so that two mistakes never read alike. */
const matching = (pattern: RegExp, expected: string) =>
  v.pipe(
    v.string(),
    v.regex(pattern, (issue) => `"${String(issue.input)}" ${expected}`),
  );
/**
 * A field in one of the library's formats: the same predicate the constructs check, and the
 * format's own words unless the field says it better (`is not a valid pipeline slug`). The JSON
 * Schema carries the format's regular expression, when it is one, and its fix as the editor's message.
 */
const inFormat = <T>(base: v.GenericSchema<T, T>, format: Format<T>, words: { problem?: string; fix?: string } = {}) =>
  v.pipe(
    base,
    v.check(format.test, (issue) => {
      const refusal = format.explain(issue.input as T);
      const value = typeof issue.input === "string" ? `"${issue.input}"` : String(issue.input);
      return `${value} ${words.problem ?? refusal?.problem} — ${words.fix ?? refusal?.fix}`;
    }),
    v.metadata({
      // JSON Schema patterns are ECMAScript regular expressions with the u flag at most.
      ...(format.regex && /^u?$/.test(format.regex.flags) && { pattern: format.regex.source }),
      ...((words.fix ?? format.rule) && { patternErrorMessage: words.fix ?? format.rule }),
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
  sid: described("The statement ID: letters and digits.", v.optional(matching(/^[A-Za-z0-9]*$/, "is not a statement ID — use only letters and digits"))),
  effect: described("Allow or Deny.", v.optional(v.picklist(["Allow", "Deny"]), "Allow")),
  actions: described(
    'IAM actions, like "s3:GetObject" or "ec2:Describe*".',
    nonEmptyArray(matching(/^(\*|[a-z0-9-]+:[A-Za-z0-9*]+)$/, 'is not an IAM action — use one like "s3:GetObject" or "ec2:Describe*"')),
  ),
  resources: described("Resource ARNs (or patterns of them) the actions apply to.", nonEmptyArray(nonEmptyString)),
  allowAdminReason: described(
    'Why the statement needs administrator access: required to grant "*" or "iam:*" on "*", and printed in the access report.',
    v.optional(v.pipe(v.string(), v.minLength(10, "explain in a sentence why administrator access is needed"))),
  ),
});

const permissionsSchema = v.strictObject({
  sets: described(
    "Named permission sets from the catalogue (platform/permission-sets.ts); a plan role takes only the read-only ones (read-only, view-only, security-audit).",
    v.optional(v.array(v.string()), []),
  ),
  managedPolicyArns: described(
    "AWS managed policies, by ARN.",
    v.optional(v.array(formatted(FORMATS.managedPolicyArn, { fix: "use one like arn:aws:iam::aws:policy/ReadOnlyAccess, or a permission set" })), []),
  ),
  statements: described("IAM policy statements of the role.", v.optional(v.array(statementSchema), [])),
  roles: described("Google Cloud IAM roles on the pipeline's `gcpProject` (plan: read-only roles only).", v.optional(v.array(formatted(FORMATS.gcpRole)), [])),
});

const roleSchema = v.strictObject({
  branches: described(
    'Branch names or glob patterns whose builds may assume the role ("*": any branch, refused for apply).',
    nonEmptyArray(formatted(FORMATS.refPattern)),
  ),
  stepKey: described("The key of the step that assumes the role.", v.optional(formatted(FORMATS.stepKey))),
  permissions: described(
    "What the role may do, besides its own state.",
    v.optional(permissionsSchema, { sets: [], managedPolicyArns: [], statements: [], roles: [] }),
  ),
  sessionDurationSeconds: described("Maximum session length in seconds (IAM allows 3600-43200).", v.optional(inFormat(v.number(), FORMATS.sessionDuration))),
});

// Issue 16, preview environments: preview branches apply into their own workspace with a preview role.
const previewsSchema = v.strictObject({
  branches: described(
    'Branches whose builds apply into their own workspace `br-<branch>` with the preview role: a name or a prefix ending in `*` ("preview-*"), of lowercase letters, digits and single `-` (at most 45 characters); never the default branch. A build of such a branch created with BKTT_PREVIEW_DESTROY=true destroys its preview (docs/buildkite.md, "Preview environments").',
    nonEmptyArray(formatted(FORMATS.previewBranch), "name at least one preview branch"),
  ),
  permissions: described(
    "What the preview role (bk-<slug>-preview) may do besides its own workspace's state, in the form of apply.permissions (AWS only). Default: nothing else. Bounded by the pipelines' permissions boundary; administrator access needs allowAdminReason, as for apply.",
    v.optional(permissionsSchema, { sets: [], managedPolicyArns: [], statements: [], roles: [] }),
  ),
});

// Issue 13, steps: who approves, signed steps, the apply queue.
/** Signing of the steps stored in pipeline settings (`buildkite_signed_pipeline_steps`). */
const signingSchema = v.strictObject({
  jwksFile: described("Path, on the machine running Terraform, of the JWKS holding the private signing key (never in the state).", nonEmptyString),
  keyId: described("Key ID in the JWKS; optional when the set holds one key.", v.optional(nonEmptyString)),
});
// Issue 16, review: approval by policy.
const approvalSchema = v.union(
  [
    v.boolean(),
    v.strictObject({
      teams: described(
        "The declared teams whose members may approve the apply. Default: the owner team.",
        v.optional(nonEmptyArray(slug("team"), "name at least one team that may approve")),
      ),
      // A check rather than a picklist (or a transform), so that a wrong policy is reported at its field, not as the whole union.
      policy: described(
        "When the apply waits for approval: `on-risk` (only when the plan destroys or replaces anything, changes IAM, a KMS key policy or a `riskyTypes` type, when the commit is not on the default branch, or when the plan cannot be read), `always`, or `never`.",
        v.optional(
          v.pipe(
            v.string(),
            v.check(
              (policy) => (APPROVAL_POLICIES as readonly string[]).includes(policy),
              (issue) => `${shown(issue.input)} is not an approval policy — use ${APPROVAL_POLICIES.join(", ")}`,
            ),
          ),
          DEFAULT_APPROVAL_POLICY,
        ),
      ),
      riskyTypes: described(
        "More resource types whose changes need approval under `on-risk`: a type, or a prefix ending in `*` (`aws_rds_*`).",
        v.optional(v.array(formatted(FORMATS.resourceTypePattern))),
      ),
    }),
  ],
  (issue) =>
    `expected true, false or { teams, policy, riskyTypes }, got ${shown(issue.input)} — write true or false without quotes, or an object with teams: [the approving teams], policy: on-risk, always or never`,
);

const pipelineSchema = v.strictObject({
  slug: described("The Buildkite pipeline slug; its roles are bk-<slug>-plan and bk-<slug>-apply.", slug("pipeline")),
  name: described("The pipeline's name in Buildkite.", v.pipe(nonEmptyString, v.maxLength(255, "use at most 255 characters"))),
  repository: described("The git repository Buildkite clones (ssh or https URL).", formatted(FORMATS.gitRepositoryUrl)),
  id: described("Pins trust to the immutable pipeline UUID (recommended once the pipeline exists).", v.optional(uuid("pipeline"))),
  account: described("The AWS account the pipeline deploys to: one of `accounts[].name`.", slug("account name")),
  gcpProject: described(
    "The Google Cloud project (a `gcpProjects` name) whose plan and apply service accounts the pipeline impersonates, besides its AWS roles; its state stays in the S3 backend, through its AWS roles.",
    v.optional(slug("GCP project name")),
  ),
  defaultBranch: described("The branch builds run on by default.", v.optional(formatted(FORMATS.branchName), "main")),
  workingDirectory: described("Where Terraform runs, relative to the repository root.", v.optional(formatted(FORMATS.workingDirectory), ".")),
  setupCommands: described(
    "POSIX sh commands run before Terraform (e.g. `npm ci`, `npx cdktf synth` for cdktf repositories).",
    v.optional(v.array(nonEmptyString), []),
  ),
  queue: described(
    "The queue of the pipeline's steps: one of `cluster.queues[].key`. Default: `cluster.defaultQueue`.",
    v.optional(formatted(FORMATS.queueKey)),
  ),
  applyQueue: described("The queue of the apply step. Default: `cluster.applyQueue`, else `queue`.", v.optional(formatted(FORMATS.queueKey))),
  signing: described("Signs this pipeline's steps. Default: the platform's `signing`.", v.optional(signingSchema)),
  owner: described(
    "The team that owns the pipeline (one of `teams[].slug`); it approves applies unless `approval` names other teams.",
    v.optional(slug("team")),
  ),
  teams: described(
    "Buildkite teams given access to the pipeline.",
    v.optional(
      v.array(
        v.strictObject({
          team: described("One of `teams[].slug`.", slug("team")),
          access: described("The team's access to the pipeline.", v.picklist(["READ_ONLY", "BUILD_AND_READ", "MANAGE_BUILD_AND_READ"])),
        }),
      ),
      [],
    ),
  ),
  plan: described(
    "The plan role: who may assume it and what it may read.",
    v.optional(roleSchema, { branches: ["*"], permissions: { sets: ["read-only"], managedPolicyArns: [], statements: [], roles: [] } }),
  ),
  apply: described("The apply role: which branches and step may assume it and what it may change.", roleSchema),
  previews: described(
    "Preview environments: builds of these branches plan and apply into their own workspace with a third role, bk-<slug>-preview, which reaches only that workspace's state. Default: none.",
    v.optional(previewsSchema),
  ),
  approval: described(
    "Approval before apply, by policy: `true` (on-risk approval by the owner team), `{ teams, policy, riskyTypes }` or `false` (no block step, as `policy: never`).",
    v.optional(approvalSchema, true),
  ),
  driftSchedule: described("Cron line of the nightly drift check (`terraform plan -detailed-exitcode`).", v.optional(formatted(FORMATS.cronline))),
  claimCheck: described("This pipeline's claim check. Default: the declaration's `claimCheck`.", v.optional(claimCheck)),
  // Fleet (issue 15): where the pipeline lives, where it lived, and what it adopts.
  identityShard: described("Pins the pipeline's identity stack to this shard of its account instead of its slug's hash.", v.optional(shardCount)),
  buildkiteShard: described("Pins the pipeline's Buildkite stack to this shard instead of its slug's hash.", v.optional(shardCount)),
  movedFrom: described(
    "The old values of the placement fields a move changed, until the move is applied (see docs/fleet.md).",
    v.optional(
      v.strictObject({
        account: described("The account the pipeline moves from.", v.optional(slug("account name"))),
        identityShard: described("The identity shard the pipeline moves from.", v.optional(shardCount)),
        buildkiteShard: described("The Buildkite shard the pipeline moves from.", v.optional(shardCount)),
      }),
    ),
  ),
  adopt: described(
    "Adopt what exists instead of creating it, through `import` blocks.",
    v.optional(
      v.strictObject({
        pipeline: described("Adopt the Buildkite pipeline, by its `id`.", v.optional(v.boolean(), false)),
        roles: described("Adopt the plan and apply roles, by name.", v.optional(v.boolean(), false)),
      }),
    ),
  ),
});

// Issue 16, platform pipeline: where the Buildkite provider's API token lives.
const maxAgeDays = described(
  "Days after its last change from which the platform pipeline warns (a build annotation) that the token is due for rotation. Default: no warning.",
  v.optional(v.pipe(wholeNumber, v.minValue(1, "must be 1 or more days"), v.maxValue(3650, "is over ten years: rotate at least yearly"))),
);
/**
 * The Buildkite API token, read at job time through the platform's own roles: an SSM SecureString parameter
 * (by name, in the platform pipeline's account and region) or a Secrets Manager secret (by ARN, in that account).
 * Validation requires exactly one of the two.
 */
const buildkiteApiTokenSchema = v.strictObject({
  ssmParameter: described(
    "Name of the SSM SecureString parameter holding the token, in the platform pipeline's account and region. Or secretArn.",
    v.optional(matching(/^(\/[A-Za-z0-9_.-]+)+$/, 'is not an SSM parameter name — use a path such as "/buildkite/api-token"')),
  ),
  secretArn: described(
    "ARN of the Secrets Manager secret holding the token, in the platform pipeline's account. Or ssmParameter.",
    v.optional(
      matching(
        /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/,
        "is not a Secrets Manager secret ARN — use arn:aws:secretsmanager:<region>:<account>:secret:<name>",
      ),
    ),
  ),
  maxAgeDays,
});
const platformPipelineSchema = v.strictObject({
  ...pipelineSchema.entries,
  buildkiteApiToken: described(
    "Where the Buildkite provider's API token lives: { ssmParameter } or { secretArn }, with maxAgeDays. Only the roles that apply the Buildkite stacks read it, at job time, on the default branch (docs/buildkite.md).",
    v.optional(buildkiteApiTokenSchema),
  ),
});

const retiredPipelineSchema = v.strictObject({
  slug: described("The retired pipeline's slug.", slug("pipeline")),
  reason: described("Why the pipeline is retired, in a sentence.", v.pipe(v.string(), v.minLength(10, "must say in a sentence why the pipeline is retired"))),
  destroy: described("Delete the Buildkite pipeline and its build history too.", v.optional(v.boolean(), false)),
  buildkiteShard: described("The pipeline's `buildkiteShard` pin, if it had one.", v.optional(shardCount)),
});

export const declarationSchema = v.strictObject({
  repository: described("Where this declaration lives; carried as provenance in every tag.", nonEmptyString),
  owner: described("The team that owns the platform resources (tagged).", slug("team")),
  organization: described(
    "The Buildkite organization.",
    v.strictObject({
      slug: described("The Buildkite organization slug.", slug("organization")),
      id: described("Pins trust to the immutable organization UUID (Organization settings; recommended).", v.optional(uuid("organization"))),
    }),
  ),
  accounts: described(
    "The AWS accounts pipelines deploy to.",
    nonEmptyArray(
      v.strictObject({
        name: described("The account's name, referred to by `pipelines[].account` and `state.account`.", slug("account name")),
        id: described(
          "The 12-digit account ID, quoted: unquoted, YAML reads a number and drops leading zeros.",
          formatted(FORMATS.accountId, { fix: "use its 12 digits, quoted as a string" }),
        ),
        region: described("The AWS region of the account's provider.", formatted(FORMATS.region)),
        iamRoleQuota: described(
          `The account's IAM "Roles per account" quota once AWS has raised it; the platform warns from 80% of it and refuses a fleet over it (two roles per pipeline). Default: ${DEFAULT_IAM_ROLE_QUOTA}, AWS's default.`,
          v.optional(
            v.pipe(
              v.number(),
              v.integer("use a whole number of roles"),
              v.minValue(DEFAULT_IAM_ROLE_QUOTA, `leave it out unless AWS raised the quota (AWS's default is ${DEFAULT_IAM_ROLE_QUOTA} roles)`),
              v.maxValue(MAX_IAM_ROLE_QUOTA, `${MAX_IAM_ROLE_QUOTA} is the highest quota AWS grants: move pipelines to another account instead`),
            ),
          ),
        ),
        deployRoleArn: described(
          "For an account that does not hold the state: the role in it that its identity stacks' AWS provider assumes. They keep their state in the state account's bucket, so they are deployed with the state account's credentials, which must be allowed to assume this role (e.g. OrganizationAccountAccessRole).",
          v.optional(formatted(FORMATS.principalArn)),
        ),
        // Fleet (issue 15): the account's identity shards and its OIDC provider.
        shards: described(
          "How many identity stacks the account's pipelines are shared out to, by a stable hash of their slugs (see stack-plan.ts).",
          v.optional(shardCount, 1),
        ),
        previousShards: described("The account's `shards` before a change of it, until the moves it causes are applied.", v.optional(shardCount)),
        oidcProvider: described(
          "The account's IAM OIDC provider for agent.buildkite.com: `create` it, `adopt` the one that exists (an `import` block), or `reference` it by ARN and never manage it.",
          v.optional(v.picklist(["create", "adopt", "reference"]), "create"),
        ),
      }),
      "declare at least one AWS account",
    ),
  ),
  gcpProjects: described(
    "Google Cloud projects pipelines may use (`pipelines[].gcpProject`); each gets a workload identity pool for Buildkite.",
    v.optional(
      v.array(
        v.strictObject({
          name: described("The project's name, referred to by `pipelines[].gcpProject`.", slug("GCP project name")),
          projectId: described("The Google Cloud project ID.", formatted(FORMATS.gcpProjectId)),
          projectNumber: described("The Google Cloud project number, quoted like account IDs.", formatted(FORMATS.gcpProjectNumber)),
          region: described("Default region of the google provider. Default: none.", v.optional(nonEmptyString)),
        }),
      ),
      [],
    ),
  ),
  state: described(
    "The Terraform state backend (S3, KMS, locks), in one of the accounts.",
    v.strictObject({
      account: described("The account that holds the state: one of `accounts[].name`.", slug("account name")),
      bucket: described("The state bucket's name.", formatted(FORMATS.stateBucket)),
      lockTable: described("The DynamoDB lock table; needed for `lockMode` dynamodb or both.", v.optional(formatted(FORMATS.lockTableName))),
      lockMode: described(
        "How Terraform locks states: lockfile (S3 native locking), dynamodb, or both.",
        v.optional(v.picklist(["dynamodb", "lockfile", "both"]), "lockfile"),
      ),
      kmsKeyArn: described(
        "ARN of the state KMS key, printed as the `kms_key_arn` output of the state-backend stack's first apply (a KMS key ID is random). Until it is set only the state-backend stack is synthesized.",
        v.optional(formatted(FORMATS.kmsKeyArn, { fix: "copy the state-backend stack's kms_key_arn output (arn:aws:kms:<region>:<account>:key/<uuid>)" })),
      ),
      migrated: described("The state-backend stack's own state has been migrated into its bucket (scripts/migrate-state.sh).", v.optional(v.boolean(), false)),
      keyPrefix: described("The root folder of every pipeline's state in the bucket.", v.optional(formatted(FORMATS.stateKeyPrefix), "pipelines")),
      administrators: described(
        "The state administrators: roles of the state account (ARNs with their path) that may change the configuration of the state bucket and key, e.g. the role the state-backend stack is deployed with. The bucket and key policies deny it to everyone else, pipelines included, whatever their IAM policies allow; the account's root user stays exempt as the way back in.",
        nonEmptyArray(
          formatted(FORMATS.principalArn),
          "name at least one state administrator: the role you deploy the state-backend stack with (the bucket and key policies deny configuration changes to everyone else)",
        ),
      ),
    }),
  ),
  cluster: described(
    "The Buildkite cluster the pipelines' agents run in.",
    v.strictObject({
      name: described("The cluster's name.", nonEmptyString),
      queues: described(
        "The cluster's queues.",
        nonEmptyArray(
          v.strictObject({
            key: described("The queue key agents are started with.", formatted(FORMATS.queueKey)),
            description: described("What the queue is for.", v.optional(v.string())),
          }),
        ),
      ),
      defaultQueue: described("The cluster's default queue: one of `queues[].key`.", formatted(FORMATS.queueKey)),
      applyQueue: described(
        "A queue, created in the cluster, on which every apply step runs and nothing else: its agents verify step signatures and refuse unsigned steps (docs/buildkite.md). A pipeline's `applyQueue` overrides it.",
        v.optional(formatted(FORMATS.queueKey)),
      ),
      agentTokenRotationHours: described(
        "How often the agent tokens are rotated, in hours (1-720).",
        v.optional(v.pipe(wholeNumber, v.minValue(1), v.maxValue(24 * 30)), 6),
      ),
      agentTokenReaders: described(
        "Roles that read the agent tokens from SSM (the agents' instance roles, ARNs with their path): the tokens' KMS key lets them, the platform pipeline's roles and the state administrators decrypt, and no one else.",
        v.optional(v.array(formatted(FORMATS.principalArn)), []),
      ),
    }),
  ),
  teams: described(
    "Buildkite teams, referred to by `owner`, `pipelines[].owner` and `pipelines[].teams`.",
    v.optional(
      v.array(
        v.strictObject({
          slug: described("The team's slug.", slug("team")),
          name: described("The team's name in Buildkite.", nonEmptyString),
          description: described("What the team does.", v.optional(v.string())),
        }),
      ),
      [],
    ),
  ),
  pipelines: described("The pipelines that run Terraform.", nonEmptyArray(pipelineSchema, "declare at least one pipeline")),
  signing: described("Signs every pipeline's steps, unless a pipeline has its own `signing`.", v.optional(signingSchema)),
  tags: described(
    "Tags on every AWS resource, besides managed-by, repository, stack and owner (which the app sets).",
    v.optional(
      v.strictObject({
        buildMetadata: described("Add per-build Buildkite metadata to default tags (changes every resource on every build).", v.optional(v.boolean(), false)),
        extra: described('More tags, by key; no "aws:" prefix.', v.optional(v.record(formatted(FORMATS.tagKey), formatted(FORMATS.tagValue)), {})),
      }),
      { buildMetadata: false, extra: {} },
    ),
  ),
  platformPipeline: described(
    "The pipeline that applies this platform (the repository of this declaration), with a pipeline's fields and buildkiteApiToken: one plan and apply step per stack, each with the stack's own role (docs/buildkite.md). It also re-applies the agent-token rotation on a schedule.",
    v.optional(platformPipelineSchema),
  ),
  claimCheck: described(
    "How every pipeline's trust policies check the token's claims besides aud and sub (docs/trust.md): condition-keys (agent.buildkite.com:* keys), session-tags (aws:RequestTag/*, also pins the step key) or both, unless a pipeline sets its own.",
    v.optional(claimCheck, DEFAULT_CLAIM_CHECK),
  ),
  pipelinesPerStack: described(
    "How many pipelines one identity or Buildkite stack may hold; the platform warns from 80% of it and refuses more.",
    v.optional(v.pipe(wholeNumber, v.minValue(1), v.maxValue(500)), 100),
  ),
  // Fleet (issue 15): the Buildkite shards and the retired pipelines.
  buildkiteShards: described(
    "How many Buildkite stacks the pipelines are shared out to, by a stable hash of their slugs; the first is `buildkite`.",
    v.optional(shardCount, 1),
  ),
  previousBuildkiteShards: described("`buildkiteShards` before a change of it, until the moves it causes are applied.", v.optional(shardCount)),
  retired: described(
    "Pipelines taken out of the fleet, declared so that nothing is destroyed because an entry disappeared: their roles are deleted, their Buildkite pipeline kept (history) unless `destroy`.",
    v.optional(v.array(retiredPipelineSchema), []),
  ),
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
export type PlatformPipelineDeclaration = NonNullable<PlatformDeclaration["platformPipeline"]>;
