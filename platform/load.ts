import * as fs from "fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { PlatformDeclaration } from "./declaration";
import { DeclarationError, DeclarationIssue } from "./declaration-error";
import { parsePath, positionsIn } from "./declaration-position";
import { EXAMPLE_PLATFORM } from "./example-platform";
import { validateDeclaration } from "./validate";

/** Where a mistake about the file as a whole is. */
const START = { line: 1, column: 1 };

/**
 * Loads and validates a platform declaration from a YAML or JSON file, or the
 * embedded example when no file is given. Errors name the file as `name` and
 * each field's line and column.
 */
export function loadDeclaration(file?: string, name = file): PlatformDeclaration {
  if (file === undefined) return validateDeclaration(EXAMPLE_PLATFORM, "the embedded example declaration");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new DeclarationError([{ path: "", message: `cannot read ${file}: ${(err as Error).message} — check the path` }], name);
  }
  let input: unknown;
  try {
    input = parseJsonOrYaml(text);
  } catch (err) {
    // js-yaml's message quotes the lines around the mistake; the reason and position fit on one line.
    const { mark, reason } = err as { mark?: { line: number; column: number }; reason?: string };
    const position = mark ? { line: mark.line + 1, column: mark.column + 1 } : START;
    throw new DeclarationError([{ path: "", message: `not valid YAML or JSON: ${reason ?? (err as Error).message} — fix the syntax`, position }], name);
  }
  try {
    return validateDeclaration(input, name);
  } catch (err) {
    if (!(err instanceof DeclarationError)) throw err;
    throw declarationErrorAt(err.issues, text, name);
  }
}

/**
 * The error for `issues` in the declaration whose text is `text`, each issue at its line and column.
 * Only now is the text parsed again, by a parser that keeps where each field is.
 */
export function declarationErrorAt(issues: readonly DeclarationIssue[], text: string, name?: string): DeclarationError {
  const positionOf = positionsIn(text);
  return new DeclarationError(
    issues.map((issue) => ({ ...issue, position: positionOf(parsePath(issue.path)) ?? START })),
    name,
  );
}

/**
 * JSON through `JSON.parse`, anything else through the YAML parser. YAML is a
 * superset of JSON, but its parser takes half a second on a 1,000-pipeline JSON
 * declaration that `JSON.parse` reads in milliseconds. (As with every JSON
 * reader, a key repeated in a JSON object keeps its last value.)
 */
function parseJsonOrYaml(text: string): unknown {
  // Only comments and blank lines: an empty declaration, which validation names as such.
  if (!/^[ \t]*[^#\s]/m.test(text)) return undefined;
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON after all (a YAML flow collection, or broken): the YAML parser decides and explains.
    }
  }
  // The YAML 1.2 core schema: no timestamps or other types a JSON declaration could not hold.
  return load(text, { schema: CORE_SCHEMA });
}
