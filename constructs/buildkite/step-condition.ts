/**
 * Typed step conditions rendered to Buildkite's `if` expression language.
 * Steps use `if` rather than `branches` because Buildkite refuses a step that
 * has both, and the steps here always combine a branch rule with the fork and
 * build-source rules.
 */

/** What created a build, as Buildkite reports it in `build.source`. */
export type BuildSource = "webhook" | "ui" | "api" | "trigger_job" | "schedule";

/** A condition on the build a step belongs to. */
export type StepCondition =
  | {
      /** The build's branch is exactly `branch`. */
      readonly kind: "branch-equals";
      /** Branch name. */
      readonly branch: string;
    }
  | {
      /** The build's branch matches `glob`. */
      readonly kind: "branch-matches";
      /** IAM-style glob (`*`, `?`). */
      readonly glob: string;
    }
  | {
      /** The build is not a pull request from a fork. */
      readonly kind: "not-fork";
    }
  | {
      /** The build is not a pull request build. */
      readonly kind: "not-pull-request";
    }
  | {
      /** The build was created by `source`. */
      readonly kind: "source-is";
      /** The source. */
      readonly source: BuildSource;
    }
  | {
      /** `condition` does not hold. */
      readonly kind: "not";
      /** The negated condition. */
      readonly condition: StepCondition;
    }
  | {
      /** Every one of `conditions` holds. */
      readonly kind: "all";
      /** The conditions (none: always holds). */
      readonly conditions: readonly StepCondition[];
    }
  | {
      /** At least one of `conditions` holds. */
      readonly kind: "any";
      /** The conditions (at least one). */
      readonly conditions: readonly StepCondition[];
    };

/** The build is on exactly this branch. */
export function branchEquals(branch: string): StepCondition {
  return { kind: "branch-equals", branch };
}

/**
 * The build's branch matches one of these names or IAM-style globs (`*` any
 * characters, `?` one character); `["*"]` matches every branch.
 */
export function branchMatchesAny(patterns: readonly string[]): StepCondition {
  if (patterns.length === 0) throw new Error("branchMatchesAny: give at least one branch name or pattern");
  if (patterns.includes("*")) return allOfConditions([]);
  return anyOfConditions(patterns.map((p) => (/[*?]/.test(p) ? { kind: "branch-matches", glob: p } : branchEquals(p))));
}

/** The build is not a pull request from a fork of the repository. */
export function notFork(): StepCondition {
  return { kind: "not-fork" };
}

/** The build is a branch build, not a pull request build. */
export function notPullRequest(): StepCondition {
  return { kind: "not-pull-request" };
}

/** The build was created by this source (a schedule, a webhook, ...). */
export function sourceIs(source: BuildSource): StepCondition {
  return { kind: "source-is", source };
}

/** The condition does not hold. */
export function notCondition(condition: StepCondition): StepCondition {
  return { kind: "not", condition };
}

/** Every condition holds (an empty list always holds). */
export function allOfConditions(conditions: readonly StepCondition[]): StepCondition {
  return { kind: "all", conditions };
}

/** At least one condition holds. */
export function anyOfConditions(conditions: readonly StepCondition[]): StepCondition {
  if (conditions.length === 0) throw new Error("anyOfConditions: give at least one condition");
  return { kind: "any", conditions };
}

/** Whether the condition holds for every build (renders to no `if`). */
export function isAlwaysTrue(condition: StepCondition): boolean {
  return condition.kind === "all" && condition.conditions.every(isAlwaysTrue);
}

/** The condition as a Buildkite `if` expression. */
export function renderCondition(condition: StepCondition): string {
  switch (condition.kind) {
    case "branch-equals":
      return `build.branch == ${quote(condition.branch)}`;
    case "branch-matches":
      return `build.branch =~ ${globToRegexLiteral(condition.glob)}`;
    case "not-fork":
      // null on builds that are not pull requests, so `!= true` keeps them.
      return "build.pull_request.repository.fork != true";
    case "not-pull-request":
      return "build.pull_request.id == null";
    case "source-is":
      return `build.source == ${quote(condition.source)}`;
    case "not":
      return `!(${renderCondition(condition.condition)})`;
    case "all": {
      const parts = condition.conditions.filter((c) => !isAlwaysTrue(c));
      if (parts.length === 0) return "true";
      return parts.map((c) => group(c, "all")).join(" && ");
    }
    case "any":
      if (condition.conditions.some(isAlwaysTrue)) return "true";
      return condition.conditions.map((c) => group(c, "any")).join(" || ");
  }
}

function group(condition: StepCondition, parent: "all" | "any"): string {
  const rendered = renderCondition(condition);
  const composite = condition.kind === "all" || condition.kind === "any";
  // Parenthesize nested lists of another kind; C-like precedence would regroup them otherwise.
  return composite && condition.kind !== parent && /&&|\|\|/.test(rendered) ? `(${rendered})` : rendered;
}

function quote(value: string): string {
  if (/['\\\n]/.test(value)) throw new Error(`cannot use ${JSON.stringify(value)} in a step condition: quotes, backslashes and newlines are not allowed`);
  return `'${value}'`;
}

/**
 * An IAM-style glob as an anchored regular expression literal. The end anchor
 * is written `$$`: Buildkite's upload-time interpolation turns `$$` into `$`,
 * and where no interpolation happens `$$` is still an end anchor, so the
 * expression means the same either way.
 */
function globToRegexLiteral(glob: string): string {
  if (/\n/.test(glob)) throw new Error(`branch pattern ${JSON.stringify(glob)} contains a newline`);
  const body = [...glob]
    .map((ch) => {
      if (ch === "*") return ".*";
      if (ch === "?") return ".";
      if (ch === "/") return "\\/";
      return /[.+^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
    })
    .join("");
  return `/^${body}$$/`;
}
