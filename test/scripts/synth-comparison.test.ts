/**
 * The comparison behind `npm run compat:cdktn` (scripts/compat/synth-comparison.js), on the example's
 * real output: what cdktn changes (its version stamp, `{}` written on one line) compares equal; a
 * deliberately introduced difference fails, with its file, JSON path and both values.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { synthesizePlatform } from "../../platform/synthesize";
import { validateDeclaration } from "../../platform/validate";
import { compareSynthOutputs, formatDifferences, jsonDifferences } from "../../scripts/compat/synth-comparison";
import { readTree } from "../support/read-tree";

const IDENTITY = "cdktf.out/stacks/identity-production/cdk.tf.json";

/** The output as cdktn 0.24 writes it: its version in the stamps, every JSON file re-serialized (`{}` on one line). */
function asCdktnWritesIt(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([file, content]) => {
      if (!file.endsWith(".json")) return [file, content];
      const json = JSON.parse(content);
      if (file.endsWith("manifest.json")) json.version = "0.24.0";
      else if (file.endsWith("cdk.tf.json")) json["//"].metadata.version = "0.24.0";
      return [file, JSON.stringify(json, null, 2)];
    }),
  );
}

/** The files with one JSON file changed by `change` (on its parsed content). */
function withChanged(files: Record<string, string>, file: string, change: (json: any) => void): Record<string, string> {
  const json = JSON.parse(files[file]);
  change(json);
  return { ...files, [file]: JSON.stringify(json, null, 2) };
}

describe("the cdktf/cdktn synthesis comparison", () => {
  let cdktf: Record<string, string>;
  let cdktn: Record<string, string>;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-comparison-"));
    try {
      await synthesizePlatform(validateDeclaration(EXAMPLE_PLATFORM, "example"), {
        outdir: path.join(dir, "cdktf.out"),
        offline: true,
        reportFile: path.join(dir, "access-report.md"),
      });
      cdktf = readTree(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    cdktn = asCdktnWritesIt(cdktf);
  });

  it("passes when only the cdktf version stamps and the JSON formatting differ, and says which stamps it ignored", () => {
    expect(cdktn[IDENTITY]).not.toBe(cdktf[IDENTITY]);
    const { files, differences, ignoredStamps } = compareSynthOutputs(cdktf, cdktn);
    expect(differences).toEqual([]);
    expect(files).toBe(6); // manifest, three stacks, the access report in Markdown and JSON
    expect(ignoredStamps.map((stamp) => `${stamp.file} ${stamp.path} ${stamp.expected} -> ${stamp.actual}`).sort()).toEqual([
      "cdktf.out/manifest.json $.version 0.21.0 -> 0.24.0",
      'cdktf.out/stacks/buildkite/cdk.tf.json $["//"].metadata.version 0.21.0 -> 0.24.0',
      'cdktf.out/stacks/identity-production/cdk.tf.json $["//"].metadata.version 0.21.0 -> 0.24.0',
      'cdktf.out/stacks/state-backend/cdk.tf.json $["//"].metadata.version 0.21.0 -> 0.24.0',
    ]);
  });

  it("fails on a deliberately introduced difference, naming the file, the JSON path and both values", () => {
    const roleAddress = "networking_Apply_Role_A55B3867";
    const widened = withChanged(cdktn, IDENTITY, (json) => {
      const role = json.resource.aws_iam_role[roleAddress];
      role.assume_role_policy = role.assume_role_policy.replace(":ref:refs/heads/main:", ":ref:refs/heads/*:");
    });
    const { differences } = compareSynthOutputs(cdktf, widened);
    expect(differences.map((d) => `${d.file} ${d.path}`)).toEqual([`${IDENTITY} $.resource.aws_iam_role.${roleAddress}.assume_role_policy`]);
    const report = formatDifferences(differences, { expectedLabel: "cdktf 0.21:", actualLabel: "cdktn 0.24.0:" });
    // Both long policy documents are shown from shortly before where they start to differ.
    const [where, before, after] = report.split("\n");
    expect(where).toBe(`${IDENTITY}: $.resource.aws_iam_role.${roleAddress}.assume_role_policy`);
    expect(before).toMatch(/^ {2}cdktf 0\.21: {3}\.\.\..*organization:acme:pipeline:networking:ref:refs\/heads\/main:commit:\*:step:apply/);
    expect(after).toMatch(/^ {2}cdktn 0\.24\.0: \.\.\..*organization:acme:pipeline:networking:ref:refs\/heads\/\*:commit:\*:step:apply/);
    expect(before.indexOf("organization:acme")).toBe(after.indexOf("organization:acme"));
  });

  it("ignores only the stamp: a version anywhere else is compared (a provider pin)", () => {
    const bumped = withChanged(cdktn, IDENTITY, (json) => (json.terraform.required_providers.aws.version = "6.0.0"));
    const { differences } = compareSynthOutputs(cdktf, bumped);
    expect(differences).toEqual([{ file: IDENTITY, path: "$.terraform.required_providers.aws.version", expected: "5.100.0", actual: "6.0.0" }]);
    expect(formatDifferences(differences)).toBe(`${IDENTITY}: $.terraform.required_providers.aws.version\n  expected "5.100.0"\n  actual   "6.0.0"`);
  });

  it("reports a missing or extra file, a removed key and a changed text file", () => {
    const { [IDENTITY]: _identity, ...withoutIdentity } = cdktn;
    const changed = {
      ...withChanged(withoutIdentity, "cdktf.out/manifest.json", (json) => delete json.stacks["state-backend"].dependencies),
      "access-report.md": cdktn["access-report.md"].replace("bk-networking-apply", "bk-networking-deploy"),
      "cdktf.out/stacks/extra/cdk.tf.json": "{}",
    };
    const report = formatDifferences(compareSynthOutputs(cdktf, changed).differences);
    expect(report).toContain('access-report.md: (text)\n  expected "line ');
    expect(report).toMatch(/ {2}actual {3}"line \d+: .*bk-networking-deploy/);
    expect(report).toContain('cdktf.out/manifest.json: $.stacks["state-backend"].dependencies\n  expected []\n  actual   (absent)');
    expect(report).toContain('cdktf.out/stacks/extra/cdk.tf.json: (file)\n  expected (absent)\n  actual   "present"');
    expect(report).toContain(`${IDENTITY}: (file)\n  expected "present"\n  actual   (absent)`);
  });

  it("lists the first differences and counts the rest", () => {
    const differences = jsonDifferences({ list: [1, 2, 3, 4] }, { list: [4, 3, 2, 1, 0] }).map((d) => ({ file: "x.json", ...d }));
    expect(differences.map((d) => d.path)).toEqual(["$.list[0]", "$.list[1]", "$.list[2]", "$.list[3]", "$.list[4]"]);
    expect(formatDifferences(differences, { limit: 2 }).split("\n")).toEqual([
      "x.json: $.list[0]",
      "  expected 1",
      "  actual   4",
      "x.json: $.list[1]",
      "  expected 2",
      "  actual   3",
      "... and 3 more differences",
    ]);
  });
});
