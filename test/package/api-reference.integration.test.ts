/**
 * The API reference builds from the doc comments without a single warning
 * (typedoc.json treats warnings as errors and requires every exported member
 * to be documented), so an undocumented public construct or prop fails here.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const projectRoot = path.resolve(__dirname, "../..");

describe("the API reference (npm run docs)", () => {
  it("builds from constructs/index.ts without warnings", () => {
    // --emit none: the same conversion and validation as `npm run docs`, without writing docs/api/.
    const result = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/typedoc/bin/typedoc"), "--emit", "none"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 120_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect({ status: result.status, warnings: output.split("\n").filter((line) => /\[(warning|error)\]/.test(line)) }).toEqual({
      status: 0,
      warnings: [],
    });
  });
});
