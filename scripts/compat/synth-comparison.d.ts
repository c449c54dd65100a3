// Types of synth-comparison.js, for the tests that import it.

/** One place where two outputs differ: `path` is a JSON path (`$.a.b[0]`), or `(file)` / `(text)`; absent values are `undefined`. */
export interface SynthDifference {
  readonly file: string;
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export const CDKTF_VERSION_PATHS: Readonly<Record<string, readonly (readonly string[])[]>>;
export function withoutCdktfVersion<T>(fileName: string, value: T): T;
export function jsonDifferences(expected: unknown, actual: unknown, path?: string): Omit<SynthDifference, "file">[];
export function compareSynthOutputs(
  expectedFiles: Record<string, string>,
  actualFiles: Record<string, string>,
): { files: number; differences: SynthDifference[]; ignoredStamps: SynthDifference[] };
export function formatDifferences(differences: readonly SynthDifference[], options?: { limit?: number; expectedLabel?: string; actualLabel?: string }): string;
