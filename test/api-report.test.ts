/**
 * The public surface is pinned: api-report.md lists every name constructs/index.ts exports, with its
 * kind, and this test regenerates the list and fails on any difference, so an export added or removed
 * by accident (or on purpose, without the file) shows up here and in review.
 */
import * as fs from "fs";
import * as path from "path";

// A plain Node module, shared with `npm run api-report` (which runs without compiling anything).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiReport, REPORT_FILE } = require("../scripts/api-report") as { apiReport(root?: string): string; REPORT_FILE: string };

const root = path.join(__dirname, "..");

/** The lines only one side has, `+` for the regenerated report and `-` for the committed file. */
function lineDiff(committed: string, current: string): string {
  const before = committed.split("\n");
  const after = current.split("\n");
  return [
    ...after.filter((line) => !before.includes(line)).map((line) => `+ ${line}`),
    ...before.filter((line) => !after.includes(line)).map((line) => `- ${line}`),
  ].join("\n");
}

describe("the API report", () => {
  let current: string;
  beforeAll(() => (current = apiReport(root)));

  it(`${REPORT_FILE} lists exactly the names constructs/index.ts exports`, () => {
    const file = path.join(root, REPORT_FILE);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const problem =
      committed === current
        ? ""
        : `the public surface differs from ${REPORT_FILE} (+ exported now, - in the file):\n${lineDiff(committed, current) || "(the same lines, in another order)"}\n` +
          `If the change is intended, run \`npm run api-report\` and commit ${REPORT_FILE}; otherwise fix the exports of constructs/index.ts.`;
    expect(problem).toBe("");
  });

  it("names each export's kind", () => {
    for (const [name, kind] of [
      ["BuildkitePipelineRoles", "class"],
      ["applyGuardrails", "function"],
      ["GuardrailRule", "interface"],
      ["StateAccess", "type"],
      ["FORMATS", "const"],
    ]) {
      expect(current).toContain(`| \`${name}\` | ${kind} |`);
    }
  });
});
