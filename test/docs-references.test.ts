/**
 * The documents cite tests as the proof of their claims (docs/trust.md's threat model and fence tables,
 * docs/fleet.md, ...). A cited test that was renamed or deleted would leave a claim without its proof, so
 * every `test/...` path a document or the README names in backticks must exist.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const documents = ["README.md", ...fs.readdirSync(path.join(root, "docs")).map((name) => `docs/${name}`)].filter((file) => file.endsWith(".md"));

/** The `test/...` paths a Markdown text names in backticks, with their line. */
function citedTestPaths(markdown: string): { path: string; line: number }[] {
  return markdown.split("\n").flatMap((text, index) => [...text.matchAll(/`(test\/[^`\s]+)`/g)].map((match) => ({ path: match[1], line: index + 1 })));
}

describe("tests cited by the documents", () => {
  it("finds the paths a document cites", () => {
    expect(citedTestPaths('a | `test/a.test.ts` ("x"); `test/b/` and `npm test`\n`test/c.ts`')).toEqual([
      { path: "test/a.test.ts", line: 1 },
      { path: "test/b/", line: 1 },
      { path: "test/c.ts", line: 2 },
    ]);
  });

  it("the threat model cites its tests", () => {
    expect(citedTestPaths(fs.readFileSync(path.join(root, "docs/trust.md"), "utf8")).length).toBeGreaterThan(20);
  });

  it.each(documents)("%s cites only tests that exist", (document) => {
    const missing = citedTestPaths(fs.readFileSync(path.join(root, document), "utf8"))
      .filter((cited) => !fs.existsSync(path.join(root, cited.path)))
      .map((cited) => `${document}:${cited.line} cites ${cited.path}, which does not exist: cite the test that proves the claim now`);
    expect(missing).toEqual([]);
  });
});
