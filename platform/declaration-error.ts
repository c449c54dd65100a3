/** One mistake in a platform declaration: where it is and how to fix it. */
export interface DeclarationIssue {
  /** Field path in the declaration, e.g. `pipelines[2].apply.branches[0]`. */
  readonly path: string;
  /** What is wrong and how to fix it: `problem — fix`. */
  readonly message: string;
  /** Where the field is in the declaration file (line and column from 1), when known. */
  readonly position?: { readonly line: number; readonly column: number };
}

/**
 * Thrown when a platform declaration is invalid; lists every issue found, one a line, as compilers
 * do: `platform.yaml:12:9 pipelines[2].apply.branches: what is wrong — how to fix it`.
 */
export class DeclarationError extends Error {
  constructor(
    readonly issues: readonly DeclarationIssue[],
    readonly source = "platform declaration",
  ) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    const line = (i: DeclarationIssue) => `${i.position ? `${source}:${i.position.line}:${i.position.column} ` : "  - "}${i.path || "(root)"}: ${i.message}`;
    super(`${source} is invalid (${count}):\n${issues.map(line).join("\n")}`);
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
