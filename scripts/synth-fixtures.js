// Synthesizes the fixed declarations whose output a refactor must keep byte
// for byte (the example, and the benchmark's 100-pipeline fleet) into
// <out>/<name>/, from the compiled app in dist/. Compare two runs with
// `diff -r`: `node scripts/synth-fixtures.js before` on the old commit,
// `... after` on the new one.
"use strict";
const fs = require("fs");
const path = require("path");
const { benchDeclaration } = require("./bench/declarations");

async function main() {
  const out = path.resolve(process.argv[2] ?? "synth-fixtures");
  const dist = path.join(__dirname, "..", "dist");
  const { EXAMPLE_PLATFORM } = require(path.join(dist, "platform/example-platform"));
  const { validateDeclaration } = require(path.join(dist, "platform/validate"));
  const { synthesizePlatform } = require(path.join(dist, "platform/synthesize"));
  const fixtures = { example: EXAMPLE_PLATFORM, "fleet-100": benchDeclaration(EXAMPLE_PLATFORM, 100) };
  for (const [name, input] of Object.entries(fixtures)) {
    const outdir = path.join(out, name, "cdktf.out");
    fs.rmSync(path.join(out, name), { recursive: true, force: true });
    await synthesizePlatform(validateDeclaration(input, name), { outdir, offline: false, processes: 1 });
    console.log(`${name}: ${outdir}`);
  }
}
main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
