import * as fs from "fs";
import { parse } from "yaml";
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
    input = parse(text);
  } catch (err) {
    throw new DeclarationError([{ path: "", message: `not valid YAML or JSON: ${(err as Error).message}` }], file);
  }
  return validateDeclaration(input, file);
}
