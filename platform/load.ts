import * as fs from "fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { PlatformDeclaration } from "./declaration";
import { DeclarationError } from "./declaration-error";
import { EXAMPLE_PLATFORM } from "./example-platform";
import { validateDeclaration } from "./validate";

/**
 * Loads and validates a platform declaration from a YAML or JSON file, or the
 * embedded example when no file is given.
 */
export function loadDeclaration(file?: string): PlatformDeclaration {
  if (file === undefined) return validateDeclaration(EXAMPLE_PLATFORM, "the embedded example declaration");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new DeclarationError([{ path: "", message: `cannot read ${file}: ${(err as Error).message}` }], file);
  }
  let input: unknown;
  try {
    input = parseJsonOrYaml(text);
  } catch (err) {
    throw new DeclarationError([{ path: "", message: `not valid YAML or JSON: ${(err as Error).message}` }], file);
  }
  return validateDeclaration(input, file);
}

/**
 * JSON through `JSON.parse`, anything else through the YAML parser. YAML is a
 * superset of JSON, but its parser takes half a second on a 1,000-pipeline JSON
 * declaration that `JSON.parse` reads in milliseconds. (As with every JSON
 * reader, a key repeated in a JSON object keeps its last value.)
 */
function parseJsonOrYaml(text: string): unknown {
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
