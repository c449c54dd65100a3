import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The committed bindings must be exactly what `npm run gen:buildkite` produces
// from providers/buildkite/schema.json; a hand edit or a stale regeneration fails here.
const ROOT = path.join(__dirname, "..", "..");
const COMMITTED = path.join(ROOT, "providers", "buildkite", "lib");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require("../../scripts/gen-buildkite.js") as { generate(outdir: string): Promise<void> };

/** Every file below `dir`, as sorted paths relative to it. */
function filesBelow(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.join(prefix, entry.name);
      return entry.isDirectory() ? filesBelow(dir, relative) : [relative];
    })
    .sort();
}

/** The first file (in sorted order) that is extra, missing or changed in `committed` compared with `regenerated`. */
function firstDifference(committed: string, regenerated: string): string | undefined {
  const committedFiles = new Set(filesBelow(committed));
  const regeneratedFiles = new Set(filesBelow(regenerated));
  const committedName = (file: string) => path.relative(ROOT, path.join(committed, file));
  for (const file of [...new Set([...committedFiles, ...regeneratedFiles])].sort()) {
    if (!regeneratedFiles.has(file)) return `${committedName(file)} is committed but the generator does not produce it`;
    if (!committedFiles.has(file)) return `${committedName(file)} is produced by the generator but missing from the commit`;
    if (!fs.readFileSync(path.join(committed, file)).equals(fs.readFileSync(path.join(regenerated, file)))) {
      return `${committedName(file)} differs from the regenerated file`;
    }
  }
  return undefined;
}

describe("committed Buildkite bindings", () => {
  let workdir: string;
  let regenerated: string;

  beforeAll(async () => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), "buildkite-bindings-check-"));
    regenerated = path.join(workdir, "lib");
    await generate(regenerated);
  });

  afterAll(() => {
    if (workdir) fs.rmSync(workdir, { recursive: true, force: true });
  });

  it("are exactly what scripts/gen-buildkite.js generates from providers/buildkite/schema.json", () => {
    const difference = firstDifference(COMMITTED, regenerated);
    // The message names the first differing file; regenerate with `npm run gen:buildkite` and review the diff.
    expect(difference ?? "no difference").toBe("no difference");
  });

  it("include the bindings the project imports", () => {
    // Guards the comparison itself: an empty generation would compare equal to an emptied commit.
    expect(filesBelow(regenerated)).toEqual(
      expect.arrayContaining(["pipeline/index.ts", "cluster/index.ts", "provider/index.ts", "data-buildkite-signed-pipeline-steps/index.ts"]),
    );
  });
});
