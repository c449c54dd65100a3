import * as path from "path";
import { checkImportLayers, formatImportViolations, layerOf } from "../../testing/import-layers";

const fixture = (name: string) => checkImportLayers(path.join(__dirname, "fixtures", "import-layers", name));

describe("checkImportLayers", () => {
  it("passes a tree whose imports go only downward, through the library's face, without cycles", () => {
    // The clean fixture also has a test file importing internals and a stack importing a provider directly.
    expect(formatImportViolations(fixture("clean"))).toBe("");
  });

  it("reports a stacks/ → platform/ import at its line, saying which way imports go", () => {
    expect(fixture("upward-import")).toEqual([
      {
        rule: "layer-direction",
        file: "stacks/app-stack.ts",
        line: 2,
        message: expect.stringMatching(
          /^stacks may not import platform \("\.\.\/platform\/declaration" is platform\/declaration\.ts\): imports go main\.ts → platform → stacks → constructs → providers/,
        ),
      },
    ]);
  });

  it("reports an import into the library's internals from above it, but not one through constructs/index.ts", () => {
    expect(fixture("deep-import")).toEqual([
      {
        rule: "library-face",
        file: "platform/validate.ts",
        line: 3,
        message: expect.stringContaining('"../constructs/trust/sub-pattern" is constructs/trust/sub-pattern.ts): import it from constructs/index.ts'),
      },
    ]);
  });

  it("names each cycle, type-only imports included, at the import that starts it", () => {
    expect(fixture("cycle")).toEqual([
      {
        rule: "cycle",
        file: "constructs/trust/condition.ts",
        line: 2,
        message: "import cycle: constructs/trust/condition.ts → constructs/trust/role.ts → constructs/trust/policy.ts → constructs/trust/condition.ts",
      },
    ]);
  });

  it("formats one line per violation as file:line: [rule] message", () => {
    expect(formatImportViolations(fixture("upward-import"))).toMatch(/^stacks\/app-stack\.ts:2: \[layer-direction\] stacks may not import platform /);
  });
});

describe("layerOf", () => {
  it("places main.ts and the four folders in order, and nothing else", () => {
    expect(["main.ts", "platform/validate.ts", "stacks/platform.ts", "constructs/index.ts", "providers/buildkite/lib/pipeline/index.ts"].map(layerOf)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(["test/main.test.ts", "testing/terraform.ts", "scripts/x.ts", "main.tsx", "platforms/x.ts"].map(layerOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
