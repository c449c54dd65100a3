/**
 * The validation kernel: every input format of the library, written once,
 * and the error the library throws when an input is refused.
 *
 * The constructs check their props with these formats, and the platform
 * declaration's schema calls the same predicates, so a value the declaration
 * accepts is one the constructs accept. Values end up inside IAM condition
 * patterns, Terraform backend settings and Buildkite steps, so anything that
 * could widen a pattern (a colon crossing into the next segment of the token
 * subject, a policy variable) is refused rather than escaped.
 */

/** Stable identifiers of the reasons an input is refused; platform code maps errors by these, never by message text. */
export type ValidationCode =
  | "invalid-slug"
  | "invalid-repository-url"
  | "invalid-tag-key"
  | "invalid-tag-value"
  | "invalid-uuid"
  | "invalid-account-id"
  | "invalid-region"
  | "invalid-partition"
  | "invalid-step-key"
  | "invalid-ref-pattern"
  | "invalid-branch-name"
  | "invalid-preview-branch"
  | "invalid-team"
  | "invalid-role-name"
  | "invalid-role-path"
  | "invalid-state-bucket"
  | "invalid-state-key-prefix"
  | "invalid-kms-key-arn"
  | "invalid-managed-policy-arn"
  | "invalid-audience"
  | "invalid-lock-table-name"
  | "invalid-working-directory"
  | "invalid-cronline"
  | "invalid-queue-key"
  | "invalid-resource-type"
  | "invalid-lock-timeout"
  | "invalid-gcp-project-id"
  | "invalid-gcp-project-number"
  | "invalid-gcp-id"
  | "invalid-gcp-role"
  | "invalid-principal-arn"
  | "out-of-range"
  | "duplicate"
  | "empty"
  | "conflict"
  | "too-broad"
  | "not-read-only"
  | "invalid-value";

/** What a refused input is, as data. */
export interface ValidationErrorProps {
  /** Why the input is refused, e.g. `invalid-slug`. */
  readonly code: ValidationCode;
  /** The field as the caller names it, e.g. `apply.branches[1]` or `slug`. */
  readonly field: string;
  /**
   * The refused value. The message quotes it when it is a string, number or
   * boolean; a list or object is carried as data only.
   * @default - the field as a whole is refused
   */
  readonly value?: unknown;
  /** What is wrong, as it reads after the field and value: `is not a Buildkite slug`. */
  readonly problem: string;
  /** How to fix it: `use lowercase letters, digits and hyphens`. */
  readonly fix: string;
  /**
   * Who refuses, when the field alone does not say: a construct path or a
   * function name. It prefixes the message.
   * @default - no prefix
   */
  readonly scope?: string;
}

const VALIDATION_ERROR = Symbol.for("buildkite-terraform-trust.ValidationError");

/**
 * An input the library refuses. The message reads `<field> "<value>" <what
 * is wrong>: <how to fix it>.`; the same parts are fields of the error, so
 * callers map it (for example to a declaration path) without parsing text.
 */
export class ValidationError extends Error {
  /**
   * Whether `x` is a ValidationError, also one thrown by another copy of this
   * library (where `instanceof` fails): they carry a `Symbol.for` brand.
   */
  static isValidationError(x: unknown): x is ValidationError {
    return typeof x === "object" && x !== null && VALIDATION_ERROR in x;
  }

  /** Why the input is refused. */
  readonly code: ValidationCode;
  /** The field as the caller names it. */
  readonly field: string;
  /** The refused value, if the refusal is about one value. */
  readonly value: unknown;
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;

  constructor(props: ValidationErrorProps) {
    const shown = ["string", "number", "boolean"].includes(typeof props.value) ? ` ${quote(props.value)}` : "";
    super(`${props.scope ? `${props.scope}: ` : ""}${props.field}${shown} ${props.problem}: ${props.fix}.`);
    Object.defineProperty(this, VALIDATION_ERROR, { value: true });
    this.name = "ValidationError";
    this.code = props.code;
    this.field = props.field;
    this.value = props.value;
    this.problem = props.problem;
    this.fix = props.fix;
  }
}

/** How a value is shown in a message: strings in double quotes, numbers and booleans as they are. */
export function quote(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** Why a value is outside a format, and how to fix it. */
export interface FormatRefusal {
  /** What is wrong, as it reads after the value: `is not a Buildkite slug`. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/** One input format: a predicate and the words that explain a refusal. */
export interface Format<T = string> {
  /** The code of a refusal. */
  readonly code: ValidationCode;
  /** Whether `value` is in the format; a plain function, so it can be passed on (`v.check(FORMATS.slug.test, ...)`). */
  readonly test: (value: T) => boolean;
  /** Why `value` is outside the format and how to fix it; undefined when it is in the format. */
  readonly explain: (value: T) => FormatRefusal | undefined;
  /**
   * The format as one regular expression, when the predicate is exactly that: the declaration's
   * JSON Schema carries it as `pattern`, so an editor refuses what the app would.
   * @default - the format is more than one regular expression
   */
  readonly regex?: RegExp;
  /**
   * How to fix any value outside the format, when the refusal's fix reads the same for every value.
   * @default - the fix depends on the value
   */
  readonly rule?: string;
}

/** Returns `value` if it is in `format`, else throws a {@link ValidationError} naming `field`. */
export function checkFormat<T>(format: Format<T>, field: string, value: T, scope?: string): T {
  const refusal = format.explain(value);
  if (refusal) throw new ValidationError({ code: format.code, field, value, scope, ...refusal });
  return value;
}

/** A predicate that is one regular expression, and carries it (a format made of it exposes it as `regex`). */
type RegexTest = ((value: string) => boolean) & { readonly regex: RegExp };
const matches = (regex: RegExp): RegexTest => Object.assign((value: string) => typeof value === "string" && regex.test(value), { regex });

/** A format whose refusal always reads the same. */
function pattern<T = string>(code: ValidationCode, test: (value: T) => boolean, problem: string, fix: string | ((value: T) => string)): Format<T> {
  const regex = (test as Partial<RegexTest>).regex;
  return {
    code,
    test,
    explain: (value) => (test(value) ? undefined : { problem, fix: typeof fix === "string" ? fix : fix(value) }),
    ...(regex && { regex }),
    ...(typeof fix === "string" && { rule: fix }),
  };
}

/** A format that refuses with the first problem `explain` finds. */
function explained<T = string>(code: ValidationCode, explain: (value: T) => FormatRefusal | undefined): Format<T> {
  return { code, explain, test: (value) => explain(value) === undefined };
}

/** IAM's maximum session duration bounds for a role, in seconds. */
export const MIN_SESSION_DURATION_SECONDS = 3600;
/** IAM's upper bound of a role's maximum session duration, in seconds. */
export const MAX_SESSION_DURATION_SECONDS = 43200;
/** Buildkite's limit on the length of slugs. */
export const MAX_SLUG_LENGTH = 100;

function refPatternRefusal(value: string): FormatRefusal | undefined {
  const asGitShowsIt = "use the branch or tag name as git shows it";
  if (value.length === 0) return { problem: "is empty", fix: 'name a branch or tag, or use "*" for any' };
  if (value.includes(":")) {
    return {
      problem: 'contains ":", which git refuses in ref names and which would let the pattern cross into the next segment of the token subject',
      fix: asGitShowsIt,
    };
  }
  if (value.includes("$")) return { problem: 'contains "$", which IAM would read as a policy variable', fix: "rename the branch or tag" };
  // Git allows quotes in ref names, but a Buildkite step condition (`build.branch == '...'`) has no way to escape them.
  if (/['"]/.test(value)) return { problem: "contains a quote, which a Buildkite step condition cannot carry", fix: "rename the branch or tag" };
  // Control characters are exactly what this check looks for.
  // eslint-disable-next-line no-control-regex
  if (/[\s~^\\[\x00-\x1f\x7f]/.test(value)) {
    return { problem: "contains a character git refuses in ref names (space, ~, ^, \\, [ or a control character)", fix: asGitShowsIt };
  }
  if (value.includes("..") || value.includes("@{") || value.includes("//"))
    return { problem: 'contains "..", "@{" or "//", which git refuses in ref names', fix: asGitShowsIt };
  if (value.startsWith("/") || value.endsWith("/") || value.endsWith(".") || value.endsWith(".lock") || value.startsWith("-")) {
    return { problem: 'starts with "/" or "-", or ends with "/", "." or ".lock", which git refuses in ref names', fix: asGitShowsIt };
  }
  return undefined;
}

/** A path relative to the repository root, as a step's working directory: trailing slashes are dropped. */
export function normalizeWorkingDirectory(dir: string): string {
  return dir.replace(/\/+$/, "") || ".";
}

function isWorkingDirectory(dir: string): boolean {
  if (typeof dir !== "string") return false;
  const normalized = normalizeWorkingDirectory(dir);
  return !normalized.startsWith("/") && !normalized.split("/").includes("..") && /^[A-Za-z0-9._/-]+$/.test(normalized);
}

/** A KMS key ARN whose key ID is a UUID or a multi-Region `mrk-` ID (not an alias); the group is the region. */
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/(?:[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}|mrk-[a-f0-9]{32})$/;

/** The region of a KMS key ARN in {@link FORMATS}' `kmsKeyArn` format, or undefined for anything else. */
export function kmsKeyArnRegion(arn: string): string | undefined {
  return KMS_KEY_ARN.exec(arn)?.[1];
}

/**
 * Every input format of the library, each defined once. The constructs check
 * their props with `checkFormat`; the declaration schema calls `test`.
 */
export const FORMATS = Object.freeze({
  /**
   * A Buildkite slug (organization, pipeline, team, account name): 1-100 lowercase letters,
   * digits and hyphens, not starting or ending with a hyphen. No "_" and no ":", which would
   * cross into the next segment of the token subject.
   */
  slug: pattern(
    "invalid-slug",
    matches(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/),
    "is not a Buildkite slug",
    `use lowercase letters, digits and hyphens, not starting or ending with a hyphen, at most ${MAX_SLUG_LENGTH} characters`,
  ),
  /** A Buildkite UUID in its lowercase 8-4-4-4-12 form. */
  uuid: pattern(
    "invalid-uuid",
    matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    "is not a Buildkite UUID",
    "use the lowercase 8-4-4-4-12 hex form Buildkite shows in the settings page or the GraphQL API",
  ),
  /** A 12-digit AWS account ID. */
  accountId: pattern("invalid-account-id", matches(/^\d{12}$/), "is not an AWS account ID", "use its 12 digits, as a string"),
  /** An AWS region code such as `eu-west-1` or `us-gov-west-1`. */
  region: pattern("invalid-region", matches(/^[a-z]{2}(-[a-z]+)+-\d$/), "is not an AWS region", 'use a region code like "eu-west-1"'),
  /** An AWS partition: `aws`, `aws-us-gov`, `aws-cn`... */
  partition: pattern("invalid-partition", matches(/^aws(-[a-z]+)*$/), "is not an AWS partition", 'use "aws", "aws-us-gov" or "aws-cn"'),
  /**
   * A step key a role can pin: 1-100 letters, digits, "_" or "-". No ":" or wildcards,
   * which would let the key span segments of the token subject.
   */
  stepKey: pattern(
    "invalid-step-key",
    matches(/^[A-Za-z0-9_-]{1,100}$/),
    "is not a step key this library can pin",
    'use 1-100 letters, digits, "_" or "-" (no ":" or wildcards, which would let the key span segments of the token subject), and set the same key on the step',
  ),
  /**
   * A branch or tag name, or a glob of one: `*` and `?` are wildcards (git
   * refuses both in ref names, so they cannot be meant literally).
   */
  refPattern: explained<string>("invalid-ref-pattern", (value) =>
    typeof value === "string" ? refPatternRefusal(value) : { problem: "is not a branch or tag name", fix: "use a string" },
  ),
  /**
   * One branch name, as git shows it (the branch that applies): the rules of
   * `refPattern` without its wildcards. Backticks, `;` or `(`
   * remain legal, so every script quotes it.
   */
  branchName: explained<string>("invalid-branch-name", (value) => {
    if (typeof value !== "string") return { problem: "is not a branch name", fix: "use a string" };
    if (/[*?]/.test(value)) return { problem: 'contains "*" or "?", which git refuses in branch names', fix: "name one branch, as git shows it" };
    return refPatternRefusal(value);
  }),
  /**
   * A preview branch (`previews.branches`): an exact branch name, or a prefix ending in `*`, whose letters are
   * lowercase letters, digits and single `-`, at most 45 characters. So a preview branch's workspace is `br-<branch>`
   * exactly (state-key.ts sanitizes nothing away), which the preview role's state policy names through the
   * `build_branch` session tag; the steps refuse a matching branch with other characters before any token.
   */
  previewBranch: pattern(
    "invalid-preview-branch",
    matches(/^(?=.{1,45}$)[a-z0-9]+(-[a-z0-9]+)*(-?\*)?$/),
    "is not a preview branch",
    'use a branch name or a prefix ending in "*" of lowercase letters, digits and single "-", at most 45 characters, e.g. "preview-*" or "demo"',
  ),
  /** A Buildkite team allowed to unblock a step: its slug or its UUID. */
  team: pattern(
    "invalid-team",
    matches(/^(?:[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/),
    "is not a Buildkite team slug or UUID",
    "use the team's slug as Buildkite shows it, or its UUID",
  ),
  /** An IAM role name: 1-64 characters of letters, digits and `+=,.@_-`. */
  roleName: pattern(
    "invalid-role-name",
    matches(/^[\w+=,.@-]{1,64}$/),
    "is not a valid IAM role name",
    (value) => 'use 1-64 characters from letters, digits and "+=,.@_-"' + (value.length > 64 ? ` (it has ${value.length}; set a shorter name)` : ""),
  ),
  /** An IAM path: `/` or `/<segments>/` of printable ASCII, at most 512 characters. */
  rolePath: pattern(
    "invalid-role-path",
    (value: string) => matches(/^\/(?:[\x21-\x7e]*\/)?$/)(value) && value.length <= 512,
    "is not a valid IAM path",
    'use "/" or "/<segments>/" with printable ASCII, starting and ending with "/"',
  ),
  /** The name of a state bucket: 3-63 lowercase letters, digits and single hyphens; no dots, which break TLS with virtual-hosted addressing. */
  stateBucket: pattern(
    "invalid-state-bucket",
    matches(/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/),
    "is not a state bucket name",
    'use 3-63 lowercase letters, digits and single "-" (no dots, which break TLS with virtual-hosted addressing)',
  ),
  /**
   * The folder of all pipeline states in the bucket, e.g. `pipelines`: one or more `/`-separated
   * folders of lowercase letters, digits, `.`, `_` and `-`, each starting with a letter or digit,
   * without leading or trailing `/`.
   */
  stateKeyPrefix: pattern(
    "invalid-state-key-prefix",
    matches(/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/),
    "is not a state key prefix",
    'use one or more "/"-separated folders of lowercase letters, digits, ".", "_" and "-", without leading or trailing "/", e.g. "pipelines"',
  ),
  /** A KMS key ARN (not an alias or a key ID), as Terraform's S3 backend accepts it. */
  kmsKeyArn: pattern(
    "invalid-kms-key-arn",
    matches(KMS_KEY_ARN),
    "is not a KMS key ARN",
    "use the key's ARN (arn:aws:kms:<region>:<account>:key/<key-id>), not an alias or a key ID, since policies name the key by its ARN",
  ),
  /** The ARN of an IAM managed policy, AWS's or the account's. */
  managedPolicyArn: pattern(
    "invalid-managed-policy-arn",
    matches(/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/),
    "is not a managed policy ARN",
    "use one like arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::<account>:policy/<name>",
  ),
  /**
   * The ARN of one IAM role or user, with its path and without wildcards, as `aws:PrincipalArn` carries it for the
   * principal's sessions: policies that name principals this way (administrators, exemptions) cannot widen to others.
   */
  principalArn: pattern(
    "invalid-principal-arn",
    (value: string) => matches(/^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/)(value) && !value.includes("*"),
    "is not the ARN of one IAM role or user",
    'use the ARN with its path and without wildcards, e.g. "arn:aws:iam::111111111111:role/terraform-state-admin" (an SSO role: "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef")',
  ),
  /** A role's maximum session duration: whole seconds within IAM's range. */
  sessionDuration: pattern<number>(
    "out-of-range",
    (value) => Number.isInteger(value) && value >= MIN_SESSION_DURATION_SECONDS && value <= MAX_SESSION_DURATION_SECONDS,
    "is out of range",
    `IAM accepts whole seconds from ${MIN_SESSION_DURATION_SECONDS} (1 hour) to ${MAX_SESSION_DURATION_SECONDS} (12 hours)`,
  ),
  /** A literal OIDC audience such as `sts.amazonaws.com`. */
  audience: pattern(
    "invalid-audience",
    (value: string) => typeof value === "string" && value.length > 0 && !/[*?$\s]/.test(value),
    "must be a literal audience",
    'use one without wildcards, "$" or spaces, such as "sts.amazonaws.com"',
  ),
  /** A DynamoDB table name. */
  lockTableName: pattern(
    "invalid-lock-table-name",
    matches(/^[A-Za-z0-9_.-]{3,255}$/),
    "is not a DynamoDB table name",
    'use 3-255 letters, digits, "_", "-" or "."',
  ),
  /** A Terraform root module: a path inside the repository, relative to its root. */
  workingDirectory: pattern(
    "invalid-working-directory",
    isWorkingDirectory,
    "is not a path inside the repository",
    'use a path relative to the repository root, of letters, digits, ".", "_", "-" and "/" (no "..")',
  ),
  /** A Buildkite schedule: a predefined interval, or five crontab fields and an optional time zone. */
  cronline: pattern(
    "invalid-cronline",
    matches(/^(@(hourly|daily|midnight|weekly|monthly|yearly)|[\w*/,#?-]+( [\w*/,#?-]+){4}( [\w/+:-]+)?)$/),
    "is not a Buildkite schedule",
    'use five crontab fields and an optional time zone ("0 3 * * *", "0 3 * * 1-5 Europe/Berlin") or @daily, @weekly, ...',
  ),
  /**
   * A Terraform resource type the plan review treats as risky (`approval.riskyTypes`): a type, or a
   * prefix of types ending in `*` (`aws_rds_*`).
   */
  resourceTypePattern: pattern(
    "invalid-resource-type",
    matches(/^[a-z][a-z0-9_]{0,99}\*?$/),
    "is not a Terraform resource type",
    'use a resource type like "aws_db_instance", or a prefix of types ending in "*" like "aws_rds_*"',
  ),
  /** A Buildkite cluster queue key: 1-100 letters, digits, "-" or "_", starting with a letter or digit. */
  queueKey: pattern(
    "invalid-queue-key",
    matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/),
    "is not a queue key",
    'use 1-100 letters, digits, "-" or "_", starting with a letter or digit',
  ),
  /** How long Terraform waits for the state lock (`-lock-timeout`): whole seconds, minutes or hours. */
  lockTimeout: pattern(
    "invalid-lock-timeout",
    matches(/^\d+[smh]$/),
    "is not a duration Terraform reads",
    'use a whole number of s, m or h, like "5m", "90s" or "1h"',
  ),
  /** A Google Cloud project ID: 6-30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
  gcpProjectId: pattern(
    "invalid-gcp-project-id",
    matches(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
    "is not a Google Cloud project ID",
    "use the project's ID (6-30 lowercase letters, digits and hyphens, starting with a letter), not its name",
  ),
  /** A Google Cloud project number: the digits the workload identity pool's resource names use. */
  gcpProjectNumber: pattern(
    "invalid-gcp-project-number",
    matches(/^[1-9]\d{5,19}$/),
    "is not a Google Cloud project number",
    "use the project number `gcloud projects describe <project-id> --format=value(projectNumber)` prints, as a string",
  ),
  /**
   * The ID of a workload identity pool or pool provider: 4-32 lowercase letters, digits and hyphens,
   * starting with a letter; `gcp-` is reserved by Google.
   */
  gcpPoolId: pattern(
    "invalid-gcp-id",
    (value: string) => matches(/^[a-z][a-z0-9-]{2,30}[a-z0-9]$/)(value) && !value.startsWith("gcp-"),
    "is not a workload identity pool or provider ID",
    'use 4-32 lowercase letters, digits and hyphens, starting with a letter, not starting with "gcp-"',
  ),
  /** A service account ID (the part of its e-mail before "@"): 6-30 lowercase letters, digits and hyphens, starting with a letter. */
  gcpServiceAccountId: pattern(
    "invalid-gcp-id",
    matches(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
    "is not a service account ID",
    (value) =>
      "use 6-30 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen" +
      (value.length > 30 ? ` (it has ${value.length}; set a shorter one)` : ""),
  ),
  /** A git repository URL Buildkite can clone: `git@host:org/repo.git`, `ssh://` or `https://` (never `file://`). */
  gitRepositoryUrl: pattern(
    "invalid-repository-url",
    matches(/^(?:[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._~/-]+|(?:ssh|https):\/\/(?:[A-Za-z0-9._~%-]+@)?[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9._~/-]+)$/),
    "is not a git repository URL Buildkite can clone",
    'use "git@github.com:org/repo.git", "ssh://git@host/org/repo.git" or "https://github.com/org/repo.git"',
  ),
  /** An AWS tag key: 1-128 letters, digits, spaces and `_ . : / = + - @`. */
  tagKey: pattern(
    "invalid-tag-key",
    matches(/^[\p{L}\p{N} _.:/=+\-@]{1,128}$/u),
    "is not a tag key AWS accepts",
    "use 1-128 letters, digits, spaces and _ . : / = + - @",
  ),
  /** An AWS tag value: up to 256 letters, digits, spaces and `_ . : / = + - @`. */
  tagValue: pattern(
    "invalid-tag-value",
    matches(/^[\p{L}\p{N} _.:/=+\-@]{0,256}$/u),
    "is not a tag value AWS accepts",
    "use at most 256 letters, digits, spaces and _ . : / = + - @",
  ),
  /** An IAM role of Google Cloud: predefined (`roles/viewer`) or custom (`projects/<id>/roles/<name>`, `organizations/<n>/roles/<name>`). */
  gcpRole: pattern(
    "invalid-gcp-role",
    matches(/^(roles\/[A-Za-z0-9_.]+|(projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]|organizations\/\d+)\/roles\/[A-Za-z0-9_.]{3,64})$/),
    "is not a Google Cloud IAM role",
    'use a predefined role like "roles/viewer" or a custom one like "projects/<project-id>/roles/<name>"',
  ),
});

/** Refuses duplicates, and an empty list where `nonEmpty` says what it must name. */
export function checkList<T>(field: string, values: readonly T[], options: { nonEmpty?: string } = {}): readonly T[] {
  if (options.nonEmpty !== undefined && values.length === 0)
    throw new ValidationError({ code: "empty", field, value: values, problem: "is empty", fix: options.nonEmpty });
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value))
      throw new ValidationError({ code: "duplicate", field, value: values, problem: `lists ${quote(value)} twice`, fix: "remove the duplicate" });
    seen.add(value);
  }
  return values;
}

/** A token lifetime: a positive whole number of seconds. */
export function checkTokenLifetime(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ValidationError({
      code: "out-of-range",
      field,
      value,
      problem: "is not a positive whole number of seconds",
      fix: "set the lifetime in whole seconds, e.g. 300",
    });
  }
  return value;
}

/**
 * Runs `check` over an input made of other inputs (a state backend), and refuses what it throws
 * as `field`: a ValidationError keeps its code, value, problem and fix, its field nested under
 * `field`; any other error becomes one whose fix is the error's message.
 */
export function checkWithin<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (ValidationError.isValidationError(error)) throw new ValidationError({ ...fieldsOf(error), field: `${field}.${error.field}` });
    throw new ValidationError({ code: "invalid-value", field, problem: "is refused", fix: (error as Error).message.replace(/\.$/, "") });
  }
}

/** Runs `build`; a ValidationError it throws is thrown again with `scope` (a construct path) before the field. */
export function withScope<T>(scope: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (ValidationError.isValidationError(error)) throw new ValidationError({ ...fieldsOf(error), scope });
    throw error;
  }
}

function fieldsOf(error: ValidationError): ValidationErrorProps {
  return { code: error.code, field: error.field, value: error.value, problem: error.problem, fix: error.fix };
}
