/**
 * `@cdktf/provider-time` is frozen and flagged deprecated upstream (docs/dependencies.md), so the
 * project reaches it through constructs/buildkite/rotation-trigger.ts only: replacing it must stay
 * a change of that one file. (What the trigger synthesizes is tested with the cluster that uses it.)
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const SKIPPED = new Set(["node_modules", "dist", "cdktf.out", "coverage", ".git"]);
const IMPORT = /(?:from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-time(?:\/[^"']*)?["']/;

/** The project's TypeScript and JavaScript files (the example consumer and the scripts included), relative to ROOT. */
function sourceFiles(dir = ""): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(relative);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [relative] : [];
  });
}

describe("the rotation trigger module", () => {
  it("is the only file of the project that imports @cdktf/provider-time", () => {
    const importers = sourceFiles().filter((file) => IMPORT.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(importers).toEqual(["constructs/buildkite/rotation-trigger.ts"]);
  });

  it("recognizes the import forms it looks for", () => {
    // Put together here, so that this file does not count as an importer itself.
    const time = ["@cdktf", "provider-time"].join("/");
    for (const line of [`import { Rotating } from "${time}/lib/rotating";`, `const t = require('${time}');`, `await import("${time}/lib/provider")`]) {
      expect(IMPORT.test(line)).toBe(true);
    }
    expect(IMPORT.test(`"${time}": "11.0.1"`)).toBe(false);
  });
});
