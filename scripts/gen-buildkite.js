#!/usr/bin/env node
// Generates the cdktf bindings for buildkite/buildkite from the schema kept in
// providers/buildkite/schema.json, with cdktf's own generator (the code path
// `cdktf get` takes after it has asked terraform for the schema).
//
// Usage: node scripts/gen-buildkite.js [outdir]   (default: providers/buildkite/lib)
// The bindings live outside `.gen/`, which `cdktf get` empties, so they are
// committed and shipped with the package.
"use strict";
process.env.CHECKPOINT_DISABLE = "1";
process.env.DISABLE_VERSION_CHECK = "1";

const fs = require("fs");
const path = require("path");

const PROVIDER_SOURCE = "buildkite/buildkite";
const PROVIDER_VERSION = "1.38.0";
const FQPN = `registry.terraform.io/${PROVIDER_SOURCE}`;
const ROOT = path.resolve(__dirname, "..");
const SCHEMA_FILE = path.join(ROOT, "providers", "buildkite", "schema.json");
const DEFAULT_OUTDIR = path.join(ROOT, "providers", "buildkite", "lib");

// The package entry of @cdktf/provider-generator is broken in 0.21.0, so the
// generator is loaded from its file path.
function generatorModule(file) {
  const pkgDir = path.dirname(require.resolve("@cdktf/provider-generator/package.json"));
  return require(path.join(pkgDir, "lib", "get", "generator", file));
}

async function generate(outdir) {
  const { CodeMaker } = require("codemaker");
  const { TerraformProviderGenerator } = generatorModule("provider-generator.js");
  const commons = require("@cdktf/commons");

  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
  // `terraform providers schema -json` does not carry versions; cdktf get adds them.
  schema.provider_versions = { [FQPN]: PROVIDER_VERSION };

  const code = new CodeMaker();
  code.indentation = 2;
  const generator = new TerraformProviderGenerator(code, schema);
  const constraint = new commons.TerraformProviderConstraint(`${PROVIDER_SOURCE}@${PROVIDER_VERSION}`);
  generator.generate(new commons.ConstructsMakerProviderTarget(constraint, commons.Language.TYPESCRIPT));

  // CodeMaker writes <staging>/providers/buildkite/...; keep only that folder.
  const staging = fs.mkdtempSync(path.join(require("os").tmpdir(), "buildkite-bindings-"));
  try {
    await generator.save(staging);
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(outdir), { recursive: true });
    fs.cpSync(path.join(staging, "providers", "buildkite"), outdir, { recursive: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

module.exports = { generate, DEFAULT_OUTDIR };

if (require.main === module) {
  const outdir = path.resolve(process.argv[2] || DEFAULT_OUTDIR);
  generate(outdir).then(
    () => console.log(`buildkite ${PROVIDER_VERSION} bindings written to ${path.relative(process.cwd(), outdir) || "."}`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
