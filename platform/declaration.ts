/**
 * The platform declaration: one typed document that says which Buildkite
 * pipelines may run Terraform against which AWS accounts, with which state.
 * The schema is the single source of the declaration's types.
 */
import { z } from "zod";
import { DEFAULT_IAM_ROLE_QUOTA, MAX_IAM_ROLE_QUOTA } from "./quotas";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
const MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/;
/** What the state-backend construct accepts: no dots (they break TLS with virtual-hosted addressing), no "--". */
const BUCKET = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** Buildkite's schedule intervals: a predefined one, or five crontab fields and an optional time zone. */
const CRONLINE = /^(@(hourly|daily|midnight|weekly|monthly|yearly)|[\w*/,#?-]+( [\w*/,#?-]+){4}( [\w/+:-]+)?)$/;

/** A format check whose message quotes the offending value, so that two mistakes never read alike. */
const matching = (pattern: RegExp, expected: string) =>
  z.string().regex(pattern, { error: (issue) => `"${String(issue.input)}" ${expected}` });
const slug = (what: string) =>
  matching(SLUG, `is not a valid ${what} slug: use lowercase letters, digits and hyphens, not starting or ending with a hyphen`);
const uuid = (what: string) =>
  matching(UUID, `is not a valid ${what} UUID: use the lowercase 8-4-4-4-12 hex form Buildkite shows in the settings page`);

const statementSchema = z
  .object({
    sid: matching(/^[A-Za-z0-9]*$/, "is not a statement ID: use only letters and digits").optional(),
    effect: z.enum(["Allow", "Deny"]).default("Allow"),
    actions: z.array(matching(/^(\*|[a-z0-9-]+:[A-Za-z0-9*]+)$/, 'is not an IAM action: use one like "s3:GetObject" or "ec2:Describe*"')).min(1),
    resources: z.array(z.string().min(1)).min(1),
    /** Lets a statement grant `*` on `*`; the reason is kept in the access report. */
    allowAdminReason: z.string().min(10, "must explain in a sentence why administrator access is needed").optional(),
  })
  .strict();

const permissionsSchema = z
  .object({
    /** Named permission sets from the catalogue (see platform/permission-sets.ts). */
    sets: z.array(z.string()).default([]),
    managedPolicyArns: z
      .array(matching(MANAGED_POLICY_ARN, "is not an IAM managed policy ARN: use one like arn:aws:iam::aws:policy/ReadOnlyAccess, or a permission set"))
      .default([]),
    statements: z.array(statementSchema).default([]),
  })
  .strict();

const roleSchema = z
  .object({
    /** Branch names or glob patterns whose builds may assume the role. */
    branches: z.array(z.string().min(1)).min(1),
    /** Step keys whose jobs may assume the role. */
    stepKey: slug("step key").optional(),
    permissions: permissionsSchema.default({ sets: [], managedPolicyArns: [], statements: [] }),
    /** Maximum session length in seconds (IAM allows 3600-43200). */
    sessionDurationSeconds: z.number().int().optional(),
  })
  .strict();

const pipelineSchema = z
  .object({
    slug: slug("pipeline"),
    name: z.string().min(1),
    repository: z.string().min(1),
    /** Pins trust to the immutable pipeline UUID (recommended once the pipeline exists). */
    id: uuid("pipeline").optional(),
    account: slug("account name"),
    defaultBranch: z.string().min(1).default("main"),
    workingDirectory: z.string().default("."),
    /** POSIX sh commands run before Terraform (e.g. `npm ci`, `npx cdktf synth` for cdktf repositories). */
    setupCommands: z.array(z.string().min(1)).default([]),
    queue: slug("queue key").optional(),
    owner: slug("team").optional(),
    teams: z
      .array(z.object({ team: slug("team"), access: z.enum(["READ_ONLY", "BUILD_AND_READ", "MANAGE_BUILD_AND_READ"]) }).strict())
      .default([]),
    plan: roleSchema.default({ branches: ["*"], permissions: { sets: ["read-only"], managedPolicyArns: [], statements: [] } }),
    apply: roleSchema,
    /** A block step before apply. */
    approval: z.boolean().default(true),
    /** Cron line of the nightly drift check (`terraform plan -detailed-exitcode`). */
    driftSchedule: matching(
      CRONLINE,
      'is not a Buildkite schedule: use five crontab fields and an optional time zone ("0 3 * * *", "0 3 * * 1-5 Europe/Berlin") or @daily, @weekly, ...',
    ).optional(),
  })
  .strict();

export const declarationSchema = z
  .object({
    /** Where this declaration lives; carried as provenance in every tag. */
    repository: z.string().min(1),
    /** The team that owns the platform resources (tagged). */
    owner: slug("team"),
    organization: z
      .object({
        slug: slug("organization"),
        /** Pins trust to the immutable organization UUID (recommended). */
        id: uuid("organization").optional(),
      })
      .strict(),
    accounts: z
      .array(
        z
          .object({
            name: slug("account name"),
            id: matching(ACCOUNT_ID, "is not an AWS account ID: use its 12 digits, quoted as a string"),
            region: matching(REGION, 'is not an AWS region: use a region code like "eu-west-1"'),
            /**
             * The account's IAM "Roles per account" quota once AWS has raised it; the platform
             * warns from 80% of it and refuses a fleet over it (two roles per pipeline).
             * @default 1000 (AWS's default)
             */
            iamRoleQuota: z
              .number()
              .int("must be a whole number of roles")
              .min(DEFAULT_IAM_ROLE_QUOTA, `is below AWS's default of ${DEFAULT_IAM_ROLE_QUOTA} roles; leave it out unless AWS raised the quota`)
              .max(MAX_IAM_ROLE_QUOTA, `is above ${MAX_IAM_ROLE_QUOTA}, the highest quota AWS grants; move pipelines to another account instead`)
              .optional(),
          })
          .strict(),
      )
      .min(1, "declare at least one AWS account"),
    state: z
      .object({
        account: slug("account name"),
        bucket: matching(BUCKET, "is not a state bucket name: use 3-63 lowercase letters, digits and single hyphens (no dots, which break TLS with virtual-hosted addressing)"),
        lockTable: matching(/^[A-Za-z0-9_.-]{3,255}$/, "is not a DynamoDB table name: use 3-255 letters, digits, \"_\", \"-\" or \".\"").optional(),
        lockMode: z.enum(["dynamodb", "lockfile", "both"]).default("lockfile"),
        /**
         * ARN of the state KMS key, printed as the `kms_key_arn` output of the state-backend stack's
         * first apply (a KMS key ID is random). Until it is set only the state-backend stack is synthesized.
         */
        kmsKeyArn: matching(
          /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/,
          "is not a KMS key ARN: copy the state-backend stack's kms_key_arn output (arn:aws:kms:<region>:<account>:key/<uuid>)",
        ).optional(),
        /** The state-backend stack's own state has been migrated into its bucket (scripts/migrate-state.sh). */
        migrated: z.boolean().default(false),
        keyPrefix: matching(/^[a-z0-9][a-z0-9/_-]*[a-z0-9]$/, 'is not a state key prefix: use a relative prefix like "pipelines" (no leading or trailing slash)').default("pipelines"),
      })
      .strict(),
    cluster: z
      .object({
        name: z.string().min(1),
        queues: z.array(z.object({ key: slug("queue key"), description: z.string().optional() }).strict()).min(1),
        defaultQueue: slug("queue key"),
        agentTokenRotationHours: z.number().int().min(1).max(24 * 30).default(6),
      })
      .strict(),
    teams: z.array(z.object({ slug: slug("team"), name: z.string().min(1), description: z.string().optional() }).strict()).default([]),
    pipelines: z
      .array(pipelineSchema)
      .min(1, "declare at least one pipeline"),
    tags: z
      .object({
        /** Add per-build Buildkite metadata to default tags (changes every resource on every build). */
        buildMetadata: z.boolean().default(false),
        extra: z.record(z.string(), z.string()).default({}),
      })
      .strict()
      .default({ buildMetadata: false, extra: {} }),
    /**
     * The pipeline that applies this platform (the repository of this declaration). It also
     * re-applies the agent-token rotation on a schedule.
     */
    platformPipeline: pipelineSchema.optional(),
    /** How many pipelines one identity or Buildkite stack holds before the fleet is split. */
    pipelinesPerStack: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Tag keys the app sets on every AWS resource for provenance; `tags.extra` may not override them. */
export const PROVENANCE_TAG_KEYS = ["managed-by", "repository", "stack", "owner"] as const;

/** The pipeline slug the platform's own states are filed under when the declaration has no platform pipeline. */
export const DEFAULT_PLATFORM_SLUG = "platform";

/** A platform declaration as written by its author (defaults optional). */
export type PlatformDeclarationInput = z.input<typeof declarationSchema>;
/** A validated platform declaration with defaults applied. */
export type PlatformDeclaration = z.output<typeof declarationSchema>;
export type PipelineDeclaration = PlatformDeclaration["pipelines"][number];
