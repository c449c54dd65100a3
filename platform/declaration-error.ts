/** One mistake in a platform declaration: where it is and how to fix it. */
export interface DeclarationIssue {
  /** Field path in the declaration, e.g. `pipelines[2].apply.branches[0]`. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Thrown when a platform declaration is invalid; lists every issue found. */
export class DeclarationError extends Error {
  constructor(
    readonly issues: readonly DeclarationIssue[],
    source = "platform declaration",
  ) {
    super(`${source} is invalid:\n${issues.map((i) => `  - ${i.path || "(root)"}: ${i.message}`).join("\n")}`);
    this.name = "DeclarationError";
  }
}

/** Formats a field path (`["pipelines", 2, "slug"]`) as `pipelines[2].slug`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}
