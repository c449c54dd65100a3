/**
 * Whether a branch matches a name or glob the way IAM's `StringLike` does:
 * `*` matches any run of characters (including none and `/`), `?` exactly one.
 */
export function branchMatchesGlob(pattern: string, branch: string): boolean {
  const regex = [...pattern].map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))).join("");
  return new RegExp(`^${regex}$`, "su").test(branch);
}

/** Whether any of the patterns admits the branch. */
export function branchAdmitted(patterns: readonly string[], branch: string): boolean {
  return patterns.some((pattern) => branchMatchesGlob(pattern, branch));
}
