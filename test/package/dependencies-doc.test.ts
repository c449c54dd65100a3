/**
 * docs/dependencies.md explains every pin of package.json (why, status upstream, replacement): a
 * dependency added or re-pinned without a row there fails here.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const doc = fs.readFileSync(path.join(ROOT, "docs/dependencies.md"), "utf8");

/** The table row of a package (`| \`name\` | ...`), with `\|` (a pipe inside a cell) unescaped. */
function rowOf(name: string): string | undefined {
  return doc
    .split("\n")
    .find((line) => line.startsWith(`| \`${name}\` |`))
    ?.replace(/\\\|/g, "|");
}

const SECTIONS = { dependencies: "runtime", peerDependencies: "peer", devDependencies: "dev" } as const;
const pins = Object.entries(SECTIONS).flatMap(([section, kind]) =>
  Object.entries<string>(manifest[section] ?? {}).map(([name, spec]) => ({ name, kind, spec })),
);

describe("docs/dependencies.md", () => {
  it("covers dependencies of each kind", () => {
    expect(new Set(pins.map((pin) => pin.kind))).toEqual(new Set(["runtime", "peer", "dev"]));
  });

  it.each(pins)("has a row for $name with its $kind pin $spec", ({ name, kind, spec }) => {
    const row = rowOf(name);
    expect(row).toBeDefined();
    expect(row).toContain(`${kind} \`${spec}\``);
  });

  it("lists no package that package.json does not have", () => {
    const documented = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    expect(documented.filter((name) => !pins.some((pin) => pin.name === name))).toEqual([]);
  });
});
