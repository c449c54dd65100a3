// Types of read-tree.js, for the tests that import it.
export function readTree(dir: string, prefix?: string): Record<string, string>;
