/**
 * The import-direction check: reads every TypeScript file of a project tree,
 * resolves its relative imports, and reports what goes against the layers
 *
 *   main.ts → platform/ → stacks/ → constructs/ → providers/
 *
 * (a) an import of a higher layer (stacks/ → platform/, constructs/ → stacks/...);
 * (b) an import into constructs/ from above it other than its public face,
 *     constructs/index.ts, so the library's internals stay its own;
 * (c) a cycle between files, anywhere in the tree (tests included).
 *
 * Files outside the layers (test/, testing/, scripts/) may import anything: only
 * cycles are checked for them. Type-only imports count: they couple the files
 * just the same. Imports of packages are not followed.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** The layers from the top, each a folder of the tree (or the app's entry file). */
export const LAYERS = ["main.ts", "platform", "stacks", "constructs", "providers"] as const;

/** The only file of constructs/ that the layers above it may import. */
export const LIBRARY_FACE = "constructs/index.ts";

/**
 * Folders never read: dependencies, build output, the example consumer, documentation, and test
 * fixtures (trees of their own, some wrong on purpose; check one by passing it as the root).
 */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "cdktf.out", "examples", "docs", "fixtures"]);

export type ImportRule = "layer-direction" | "library-face" | "cycle";

export interface ImportViolation {
  readonly rule: ImportRule;
  /** The importing file, relative to the root, with `/` separators. */
  readonly file: string;
  /** The 1-based line of the import. */
  readonly line: number;
  readonly message: string;
}

interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly line: number;
  readonly specifier: string;
}

/** Every import-layer violation of the tree at `root`, sorted by file and line. */
export function checkImportLayers(root: string): ImportViolation[] {
  const files = typeScriptFiles(root);
  const edges = files.flatMap((file) => importsOf(root, file, files));
  const violations = [...edges.flatMap(layerViolations), ...cycleViolations(files, edges)];
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
}

/** One line per violation, `file:line: [rule] message`. */
export function formatImportViolations(violations: readonly ImportViolation[]): string {
  return violations.map((v) => `${v.file}:${v.line}: [${v.rule}] ${v.message}`).join("\n");
}

/** The layer index of a file (0 is main.ts), or undefined for files outside the layers. */
export function layerOf(file: string): number | undefined {
  const index = LAYERS.findIndex((layer) => file === layer || file.startsWith(`${layer}/`));
  return index === -1 ? undefined : index;
}

function layerViolations(edge: ImportEdge): ImportViolation[] {
  const from = layerOf(edge.from);
  const to = layerOf(edge.to);
  if (from === undefined || to === undefined) return [];
  const at = { file: edge.from, line: edge.line };
  if (to < from) {
    return [
      {
        rule: "layer-direction",
        ...at,
        message: `${LAYERS[from]} may not import ${LAYERS[to]} ("${edge.specifier}" is ${edge.to}): imports go ${LAYERS.join(" → ")}; move what both need down a layer, or pass it in as plain props`,
      },
    ];
  }
  const constructs = LAYERS.indexOf("constructs");
  if (to === constructs && from < constructs && edge.to !== LIBRARY_FACE) {
    return [
      {
        rule: "library-face",
        ...at,
        message: `${LAYERS[from]} reaches into the library's internals ("${edge.specifier}" is ${edge.to}): import it from ${LIBRARY_FACE}, exporting it there if it is meant to be public`,
      },
    ];
  }
  return [];
}

/** One violation per import cycle (per strongly connected group of files), at the first import of the cycle. */
function cycleViolations(files: readonly string[], edges: readonly ImportEdge[]): ImportViolation[] {
  const out = new Map<string, ImportEdge[]>(files.map((file) => [file, []]));
  for (const edge of edges) out.get(edge.from)!.push(edge);
  for (const list of out.values()) list.sort((a, b) => a.to.localeCompare(b.to) || a.line - b.line);

  return stronglyConnected(files, out)
    .filter((group) => group.length > 1 || out.get(group[0])!.some((e) => e.to === group[0]))
    .map((group) => {
      const cycle = cycleThrough(group, out);
      const names = [...cycle.map((edge) => edge.from), cycle[0].from].join(" → ");
      return { rule: "cycle" as const, file: cycle[0].from, line: cycle[0].line, message: `import cycle: ${names}` };
    });
}

/** Tarjan's algorithm: the groups of files that reach each other through imports. */
function stronglyConnected(files: readonly string[], out: ReadonlyMap<string, readonly ImportEdge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];

  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const { to } of out.get(file)!) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      groups.push(group.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return groups;
}

/** A shortest cycle through the first file (by name) of a strongly connected group, as its imports in order. */
function cycleThrough(group: readonly string[], out: ReadonlyMap<string, readonly ImportEdge[]>): ImportEdge[] {
  const members = new Set(group);
  const start = [...group].sort()[0];
  // Breadth-first from start back to start, inside the group.
  const reachedBy = new Map<string, ImportEdge>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const edge of out.get(file)!) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const cycle = [edge];
        for (let at = edge.from; at !== start; at = reachedBy.get(at)!.from) cycle.unshift(reachedBy.get(at)!);
        return cycle;
      }
      if (!reachedBy.has(edge.to)) {
        reachedBy.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  throw new Error(`no cycle through ${start} in its strongly connected group`);
}

/** The tree's .ts files (not .d.ts), relative to root with `/` separators, sorted. */
function typeScriptFiles(root: string, folder = ""): string[] {
  return fs
    .readdirSync(path.join(root, folder), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name) ? [] : typeScriptFiles(root, relative);
      return entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [relative] : [];
    })
    .sort();
}

/** The relative imports of `file` that resolve to TypeScript files of the tree (import, export from, require, import()). */
function importsOf(root: string, file: string, files: readonly string[]): ImportEdge[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const known = new Set(files);
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.filter((ref) => ref.fileName.startsWith("."))
    .flatMap((ref) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.fileName));
      const to = [`${target}.ts`, `${target}/index.ts`, target].find((candidate) => candidate.endsWith(".ts") && known.has(candidate));
      if (to === undefined) return [];
      return [{ from: file, to, line: lineAt(text, ref.pos), specifier: ref.fileName }];
    });
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
