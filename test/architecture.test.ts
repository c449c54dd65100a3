import * as path from "path";
import { checkImportLayers, formatImportViolations } from "../testing/import-layers";

describe("the project's imports", () => {
  it("go only main.ts → platform/ → stacks/ → constructs/ → providers/, reach the library through constructs/index.ts, and form no cycle", () => {
    // Each line names the file, the line, the rule and the fix (testing/import-layers.ts).
    expect(formatImportViolations(checkImportLayers(path.join(__dirname, "..")))).toBe("");
  });
});
