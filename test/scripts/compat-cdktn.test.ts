/**
 * The fast part of the cdktn check: the README's package.json block for a cdktn consumer, which
 * `npm run compat:cdktn` applies to the project and to the example consumer (`.ci/run` runs it in
 * full: installs, builds, synthesizes and compares), agrees with the library's peer ranges.
 */
import * as fs from "fs";
import * as path from "path";
import { cdktnFragment, withCdktn } from "../../scripts/compat-cdktn";

const ROOT = path.resolve(__dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const rangesOf = (range: string) => range.split("||").map((part) => part.trim());

describe("the README's block for a cdktn consumer", () => {
  const fragment = cdktnFragment();

  it("aliases cdktf to a cdktn release that the library's peer range admits, as it admits the cdktf it is built with", () => {
    expect(fragment.dependencies.cdktf).toBe(`npm:cdktn@${fragment.cdktnVersion}`);
    const [major, minor] = fragment.cdktnVersion.split(".");
    expect(rangesOf(manifest.peerDependencies.cdktf)).toEqual([`^${manifest.devDependencies.cdktf}`, `^${major}.${minor}.0`]);
  });

  it("pins a constructs that the library's peer range admits (cdktn 0.24 asks for >=10.6.0 <10.8.0)", () => {
    expect(manifest.peerDependencies.constructs).toBe("^10.4.2");
    expect(fragment.dependencies.constructs).toMatch(/^10\.(6|7)\.\d+$/);
  });

  it("overrides cdktf for each prebuilt @cdktf provider package the library peers on, and for nothing else", () => {
    const providers = Object.keys(manifest.peerDependencies).filter((name) => name.startsWith("@cdktf/provider-"));
    expect(providers.length).toBeGreaterThan(0);
    // Not the library, not cdktf at the top level: npm must still check the library's own peer range.
    expect(fragment.overrides).toEqual(Object.fromEntries(providers.map((name) => [name, { cdktf: "$cdktf" }])));
  });

  it("replaces the pins where a manifest has them, and sets the overrides", () => {
    const project = { name: "p", dependencies: { valibot: "1.5.0" }, devDependencies: { cdktf: "0.21.0", constructs: "10.4.5", jest: "29.7.0" } };
    expect(withCdktn(project, fragment)).toEqual({
      name: "p",
      dependencies: { valibot: "1.5.0" },
      devDependencies: { cdktf: fragment.dependencies.cdktf, constructs: fragment.dependencies.constructs, jest: "29.7.0" },
      overrides: fragment.overrides,
    });
    expect(project.devDependencies.cdktf).toBe("0.21.0");
    const consumer = { dependencies: { cdktf: "0.21.0", constructs: "10.4.5" } };
    expect(withCdktn(consumer, fragment).dependencies).toEqual(fragment.dependencies);
  });

  it("is refused with the fix when missing or incomplete", () => {
    expect(() => cdktnFragment("# no block")).toThrow(/has no cdktn-consumer block \(a json code block between <!-- cdktn-consumer:begin -->/);
    const block = (json: object) => `<!-- cdktn-consumer:begin -->\n\`\`\`json\n${JSON.stringify(json)}\n\`\`\`\n<!-- cdktn-consumer:end -->`;
    expect(() => cdktnFragment(block({ dependencies: { cdktf: "0.21.0", constructs: "10.7.2" }, overrides: {} }))).toThrow(
      /must set dependencies\.cdktf to "npm:cdktn@<version>", dependencies\.constructs and overrides; got/,
    );
  });
});
