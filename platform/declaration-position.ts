/**
 * Where a field of a declaration file is: its line and column. Only for errors: the `yaml` parser
 * keeps source positions (and reads JSON too) but is several times slower than js-yaml, which reads
 * every declaration first.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/** A place in a file, both counted from 1. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Parses a field path (`pipelines[2].apply.branches`) into its keys (`["pipelines", 2, "apply", "branches"]`). */
export function parsePath(path: string): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return keys;
}

/**
 * A function from a field path to where it is in `text`: the field's key (a list entry's value), or,
 * for a field that is missing, the deepest field on the way to it. Undefined when `text` does not parse.
 */
export function positionsIn(text: string): (path: readonly PropertyKey[]) => SourcePosition | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (document.errors.length > 0) return () => undefined;
  return (path) => {
    let node: unknown = document.contents;
    let offset = isScalar(node) || isMap(node) || isSeq(node) ? node.range?.[0] : undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(part));
        if (!pair) break;
        // The field's own line: its key, where a block list or mapping as value starts on the next line.
        offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof part === "number" && node.items[part] !== undefined) {
        node = node.items[part];
        offset = (node as { range?: [number, number, number] }).range?.[0] ?? offset;
      } else break;
    }
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}
