import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Plain Node module run by npm run synth, cdktf.json's app and the integration tier's setup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isStale } = require("../../scripts/build-if-stale") as { isStale(root: string): boolean };

/**
 * `npm run synth` skips the compiler when nothing changed. Skipping it when
 * something did change would synthesize the platform from stale code, so each
 * kind of change must count: an edited source, a new or deleted one, a
 * compiler setting, a dependency.
 */
describe("build-if-stale: whether dist/ needs compiling", () => {
  let root: string;
  let built: number;

  const write = (file: string, text = "", at = built + 1000) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
    touch(file, at);
  };
  const touch = (file: string, at: number) => fs.utimesSync(path.join(root, file), at / 1000, at / 1000);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-build-if-stale-"));
    built = Date.now() - 60_000;
    const before = built - 10_000;
    write("tsconfig.json", "{}", before);
    write("tsconfig.build.json", JSON.stringify({ extends: "./tsconfig.json", include: ["main.ts", "lib/**/*.ts"] }), before);
    write("package-lock.json", "{}", before);
    write("main.ts", "", before);
    write("lib/deep/a.ts", "", before);
    write("lib/notes.md", "", built + 5000); // not an input
    touch("lib/deep", before);
    touch("lib", before);
    write("dist/.tsbuildinfo", "", built);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is up to date when every input is older than the last build", () => {
    expect(isStale(root)).toBe(false);
  });

  it("is stale when dist/ was never built", () => {
    fs.rmSync(path.join(root, "dist"), { recursive: true });
    expect(isStale(root)).toBe(true);
  });

  it.each([
    ["an edited source deep in an included folder", () => touch("lib/deep/a.ts", built + 1000)],
    ["an edited single-file input", () => touch("main.ts", built + 1000)],
    ["a new source", () => write("lib/deep/b.ts")],
    ["a deleted source (its folder changes)", () => fs.rmSync(path.join(root, "lib/deep/a.ts"))],
    ["a changed compiler setting", () => touch("tsconfig.json", built + 1000)],
    ["a changed build configuration", () => touch("tsconfig.build.json", built + 1000)],
    ["changed dependencies", () => touch("package-lock.json", built + 1000)],
  ])("is stale after %s", (_, change) => {
    change();
    expect(isStale(root)).toBe(true);
  });
});
