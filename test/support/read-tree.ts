import * as fs from "fs";
import * as path from "path";

/** Every file under `dir` with its content, by path relative to `dir` (for comparing two synthesized outputs). */
export function readTree(dir: string, prefix = ""): Record<string, string> {
  return Object.assign(
    {},
    ...fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).map((entry) => {
      const relative = path.posix.join(prefix, entry.name);
      return entry.isDirectory() ? readTree(dir, relative) : { [relative]: fs.readFileSync(path.join(dir, relative), "utf8") };
    }),
  );
}
