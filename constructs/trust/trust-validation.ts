/**
 * Eager checks of the literal input of trust declarations. Each throws an
 * Error whose message names the field, what is wrong and how to fix it.
 * Values end up inside IAM condition patterns, so anything that could widen a
 * pattern (a colon crossing into the next subject segment, a policy variable)
 * is refused here rather than escaped.
 */

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACCOUNT_ID = /^\d{12}$/;
const PARTITION = /^aws(-[a-z]+)*$/;
const STEP_KEY = /^[A-Za-z0-9_-]{1,100}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^\/(?:[\x21-\x7e]*\/)?$/;

/** IAM's maximum session duration bounds for a role, in seconds. */
export const MIN_SESSION_DURATION_SECONDS = 3600;
export const MAX_SESSION_DURATION_SECONDS = 43200;

export function validateSlug(field: string, value: string): string {
  if (!SLUG.test(value)) {
    throw new Error(
      `${field} "${value}" is not a Buildkite slug: use lowercase letters, digits and hyphens, not starting or ending with a hyphen ` +
        `(copy it from the Buildkite URL).`,
    );
  }
  return value;
}

export function validateUuid(field: string, value: string): string {
  if (!UUID.test(value)) {
    throw new Error(
      `${field} "${value}" is not a Buildkite UUID: use the lowercase 8-4-4-4-12 hex form shown in the Buildkite settings or GraphQL API.`,
    );
  }
  return value;
}

export function validateAccountId(field: string, value: string): string {
  if (!ACCOUNT_ID.test(value)) throw new Error(`${field} "${value}" is not an AWS account ID: use the 12 digits, as a string.`);
  return value;
}

export function validatePartition(field: string, value: string): string {
  if (!PARTITION.test(value)) throw new Error(`${field} "${value}" is not an AWS partition: use "aws", "aws-us-gov" or "aws-cn".`);
  return value;
}

export function validateAudience(field: string, value: string): string {
  if (value.length === 0 || /[*?$\s]/.test(value)) {
    throw new Error(`${field} "${value}" must be a literal audience without wildcards, "$" or spaces, such as "sts.amazonaws.com".`);
  }
  return value;
}

/**
 * A branch or tag name, or a glob of one: `*` and `?` are wildcards (git
 * refuses both in ref names, so they cannot be meant literally).
 */
export function validateRefPattern(field: string, value: string): string {
  const problem = refPatternProblem(value);
  if (problem) throw new Error(`${field} "${value}" ${problem}.`);
  return value;
}

function refPatternProblem(value: string): string | undefined {
  if (value.length === 0) return "is empty: name a branch or tag, or use \"*\" for any";
  if (value.includes(":")) {
    return 'contains ":", which git refuses in ref names and which would let the pattern cross into the next segment of the token subject';
  }
  if (value.includes("$")) return 'contains "$", which IAM would read as a policy variable; rename the branch or tag';
  if (/[\s~^\\[\x00-\x1f\x7f]/.test(value)) return "contains a character git refuses in ref names (space, ~, ^, \\, [ or a control character)";
  if (value.includes("..") || value.includes("@{") || value.includes("//")) return 'contains "..", "@{" or "//", which git refuses in ref names';
  if (value.startsWith("/") || value.endsWith("/") || value.endsWith(".") || value.endsWith(".lock") || value.startsWith("-")) {
    return 'starts with "/" or "-", or ends with "/", "." or ".lock", which git refuses in ref names';
  }
  return undefined;
}

export function validateStepKey(field: string, value: string): string {
  if (!STEP_KEY.test(value)) {
    throw new Error(
      `${field} "${value}" is not a step key this library can pin: use 1-100 letters, digits, "_" or "-" ` +
        `(no ":" or wildcards, which would let the key span segments of the token subject), and set the same key on the step.`,
    );
  }
  return value;
}

export function validateRoleName(field: string, value: string): string {
  if (!ROLE_NAME.test(value)) {
    throw new Error(
      `${field} "${value}" is not a valid IAM role name: use 1-64 characters from letters, digits and "+=,.@_-"` +
        (value.length > 64 ? ` (it has ${value.length}; set a shorter name)` : "") +
        ".",
    );
  }
  return value;
}

export function validateRolePath(field: string, value: string): string {
  if (!ROLE_PATH.test(value) || value.length > 512) {
    throw new Error(`${field} "${value}" is not a valid IAM path: use "/" or "/<segments>/" with printable ASCII, starting and ending with "/".`);
  }
  return value;
}

export function validateSessionDuration(field: string, value: number): number {
  if (!Number.isInteger(value) || value < MIN_SESSION_DURATION_SECONDS || value > MAX_SESSION_DURATION_SECONDS) {
    throw new Error(
      `${field} ${value} is out of range: IAM accepts whole seconds from ${MIN_SESSION_DURATION_SECONDS} (1 hour) to ${MAX_SESSION_DURATION_SECONDS} (12 hours).`,
    );
  }
  return value;
}

export function validateTokenLifetime(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${field} ${value} must be a positive whole number of seconds.`);
  return value;
}

/** Refuses duplicates and empty lists where a list must name something. */
export function validateList<T>(field: string, values: readonly T[], options: { nonEmpty?: string } = {}): readonly T[] {
  if (options.nonEmpty !== undefined && values.length === 0) throw new Error(`${field} is empty: ${options.nonEmpty}.`);
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`${field} lists "${String(value)}" twice: remove the duplicate.`);
    seen.add(value);
  }
  return values;
}
