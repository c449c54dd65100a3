/**
 * Which declaration file the app synthesizes. Every command finds it the same
 * way (`npm run synth`, `npx cdktf synth/diff/deploy/list`, the platform
 * pipeline), so that a plain `cdktf deploy` never deploys something other than
 * what `npm run synth -- file.yaml` showed:
 *
 * 1. the file named on the command line, which is then recorded in
 *    cdktf.json's context (`bktt:platformFile`) for the commands that follow;
 * 2. BKTT_PLATFORM_FILE;
 * 3. the file recorded in cdktf.json;
 * 4. `platform.yaml` at the project root;
 * 5. none: the embedded example, which the app says loudly.
 */
import * as fs from "fs";
import * as path from "path";

/** The conventional declaration file at the project root. */
export const CONVENTIONAL_PLATFORM_FILE = "platform.yaml";
/** The key of cdktf.json's `context` that records the declaration file, relative to the project root. */
export const PLATFORM_FILE_CONTEXT_KEY = "bktt:platformFile";

/** Where the declaration came from, for the messages that name it. */
export type DeclarationSource = "argument" | "environment" | "cdktf.json" | "conventional" | "example";

export interface DeclarationFile {
  /** The file to read; undefined for the embedded example. */
  readonly file?: string;
  readonly source: DeclarationSource;
}

/** cdktf.json of the project at `root`, or undefined when there is none. */
function readCdktfJson(root: string): Record<string, unknown> | undefined {
  const file = path.join(root, "cdktf.json");
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message} — fix its JSON`, { cause: err });
  }
}

function recordedFile(cdktfJson: Record<string, unknown> | undefined): string | undefined {
  const context = cdktfJson?.context as Record<string, unknown> | undefined;
  const recorded = context?.[PLATFORM_FILE_CONTEXT_KEY];
  return typeof recorded === "string" && recorded !== "" ? recorded : undefined;
}

/**
 * Finds the declaration file of the project at `root` (see the module comment). A file named on
 * the command line is recorded by {@link recordDeclarationFile} once it has been read and validated.
 */
export function findDeclarationFile(argument: string | undefined, environment: string | undefined, root: string): DeclarationFile {
  if (argument !== undefined) return { file: argument, source: "argument" };
  const cdktfJson = readCdktfJson(root);
  if (environment !== undefined && environment !== "") return { file: environment, source: "environment" };
  const recorded = recordedFile(cdktfJson);
  if (recorded !== undefined) return { file: path.resolve(root, recorded), source: "cdktf.json" };
  const conventional = path.join(root, CONVENTIONAL_PLATFORM_FILE);
  if (fs.existsSync(conventional)) return { file: conventional, source: "conventional" };
  return { source: "example" };
}

/**
 * Writes a declaration file named on the command line into cdktf.json's context (relative to
 * `root`), so that the cdktf CLI's commands that follow synthesize it too. Nothing happens for
 * another source, or in a folder without cdktf.json.
 */
export function recordDeclarationFile(found: DeclarationFile, root: string): void {
  const cdktfJson = readCdktfJson(root);
  if (found.source !== "argument" || found.file === undefined || cdktfJson === undefined) return;
  const relative = path.relative(root, path.resolve(found.file)).split(path.sep).join("/");
  if (recordedFile(cdktfJson) === relative) return;
  const context = { ...((cdktfJson.context as Record<string, unknown> | undefined) ?? {}), [PLATFORM_FILE_CONTEXT_KEY]: relative };
  fs.writeFileSync(path.join(root, "cdktf.json"), `${JSON.stringify({ ...cdktfJson, context }, null, 2)}\n`);
}

/** How the app names the declaration in its output: the path as the user would type it. */
export function declarationName(found: DeclarationFile, root: string): string {
  if (found.file === undefined) return "the built-in example";
  const relative = path.relative(root, path.resolve(found.file));
  return relative.startsWith("..") ? found.file : relative;
}

/**
 * The cdktf CLI as the commands after a synthesis must run it to synthesize the same declaration: plain, since
 * an argument is recorded in cdktf.json, except when BKTT_PLATFORM_FILE named it, which must be set again.
 */
export function cdktfCommand(found: DeclarationFile, root: string): string {
  if (found.source !== "environment") return "npx cdktf";
  const name = declarationName(found, root);
  const quoted = /^[\w./-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
  return `BKTT_PLATFORM_FILE=${quoted} npx cdktf`;
}
