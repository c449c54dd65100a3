/**
 * A test-side evaluator for the subset of Buildkite's step `if` language the
 * generated steps use (comparisons, regex matches, `!`, `&&`, `||`,
 * parentheses, string/boolean/null literals, dotted variables). Written from
 * Buildkite's documentation, independently of the renderer it checks; any
 * syntax outside the subset fails the test instead of being guessed.
 */

/** The variables of one build, e.g. `{ build: { branch: "main", source: "webhook", pull_request: null }, pipeline: {...} }`. */
export type BuildContext = Record<string, unknown>;

type Token =
  | { kind: "op"; value: string }
  | { kind: "string"; value: string }
  | { kind: "regex"; value: RegExp }
  | { kind: "ident"; value: string }
  | { kind: "literal"; value: boolean | null };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = rest.match(/^\s+/);
    if (space) {
      i += space[0].length;
      continue;
    }
    const op = rest.match(/^(==|!=|=~|!~|&&|\|\||!|\(|\))/);
    if (op) {
      // A `/` right after =~ or !~ starts a regex literal.
      tokens.push({ kind: "op", value: op[1] });
      i += op[1].length;
      if (op[1] === "=~" || op[1] === "!~") {
        const regex = source.slice(i).match(/^\s*\/((?:\\.|[^/\\])*)\/([a-z]*)/);
        if (!regex) throw new Error(`expected a regex literal after ${op[1]} in: ${source}`);
        // Buildkite interpolation turns `$$` into `$`; both are end anchors in a regex.
        tokens.push({ kind: "regex", value: new RegExp(regex[1].replace(/\$\$/g, "$"), regex[2]) });
        i += regex[0].length;
      }
      continue;
    }
    const str = rest.match(/^'([^'\\]*)'|^"([^"\\]*)"/);
    if (str) {
      tokens.push({ kind: "string", value: str[1] ?? str[2] });
      i += str[0].length;
      continue;
    }
    const word = rest.match(/^[A-Za-z_][A-Za-z0-9_.]*/);
    if (word) {
      const w = word[0];
      if (w === "true" || w === "false") tokens.push({ kind: "literal", value: w === "true" });
      else if (w === "null") tokens.push({ kind: "literal", value: null });
      else tokens.push({ kind: "ident", value: w });
      i += w.length;
      continue;
    }
    throw new Error(`unsupported syntax at "${rest}" in: ${source}`);
  }
  return tokens;
}

/** Evaluates a step's `if` for a build. */
export function evaluateCondition(source: string, context: BuildContext): boolean {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (op?: string) => {
    const t = tokens[pos++];
    if (!t || (op !== undefined && !(t.kind === "op" && t.value === op))) throw new Error(`expected ${op ?? "a token"} in: ${source}`);
    return t;
  };
  const lookup = (path: string): unknown =>
    path.split(".").reduce<unknown>((value, part) => (value === null || value === undefined ? null : ((value as any)[part] ?? null)), context);

  const value = (): unknown => {
    const t = take();
    if (t.kind === "string" || t.kind === "literal") return t.value;
    if (t.kind === "ident") return lookup(t.value);
    throw new Error(`unexpected ${JSON.stringify(t)} in: ${source}`);
  };
  const comparison = (): boolean => {
    const t = peek();
    if (t?.kind === "op" && t.value === "!") {
      take();
      return !comparison();
    }
    if (t?.kind === "op" && t.value === "(") {
      take("(");
      const v = or();
      take(")");
      return v;
    }
    const left = value();
    const op = peek();
    if (!op || op.kind !== "op" || !["==", "!=", "=~", "!~"].includes(op.value)) {
      if (typeof left !== "boolean") throw new Error(`bare value ${JSON.stringify(left)} is not a condition in: ${source}`);
      return left;
    }
    take();
    if (op.value === "=~" || op.value === "!~") {
      const regex = take();
      if (regex.kind !== "regex") throw new Error(`expected regex in: ${source}`);
      const matched = typeof left === "string" && regex.value.test(left);
      return op.value === "=~" ? matched : !matched;
    }
    const right = value();
    return op.value === "==" ? left === right : left !== right;
  };
  const and = (): boolean => {
    let v = comparison();
    while (peek()?.kind === "op" && (peek() as any).value === "&&") {
      take();
      const r = comparison();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (peek()?.kind === "op" && (peek() as any).value === "||") {
      take();
      const r = and();
      v = v || r;
    }
    return v;
  };
  const result = or();
  if (pos !== tokens.length) throw new Error(`trailing tokens in: ${source}`);
  return result;
}

/** A build of a pipeline, described the way the tests think about it. */
export interface SimulatedBuild {
  readonly branch: string;
  readonly source?: "webhook" | "ui" | "api" | "trigger_job" | "schedule";
  /** Pull request number, when the build is for a pull request. */
  readonly pullRequest?: number;
  /** The pull request comes from a fork. */
  readonly fork?: boolean;
}

/** The conditional variables of a simulated build. */
export function buildContext(build: SimulatedBuild, defaultBranch: string): BuildContext {
  return {
    build: {
      branch: build.branch,
      source: build.source ?? "webhook",
      pull_request: build.pullRequest === undefined ? null : { id: String(build.pullRequest), repository: { fork: build.fork ?? false } },
    },
    pipeline: { default_branch: defaultBranch },
  };
}
