// The declaration's reference: writes the JSON Schema (schema/platform.schema.json) and docs/declaration.md
// from the schema in platform/declaration.ts, compiled into dist/ (`npm run declaration-reference` builds
// first). test/platform/declaration-reference.test.ts fails when either committed file is stale.
"use strict";
const fs = require("fs");
const path = require("path");
const reference = require("../dist/platform/declaration-reference");

const ROOT = path.join(__dirname, "..");
const schema = reference.declarationJsonSchema();
for (const [file, text] of [
  [reference.DECLARATION_SCHEMA_FILE, reference.declarationJsonSchemaText(schema)],
  [reference.DECLARATION_DOCS_FILE, reference.declarationReference(schema)],
]) {
  fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, file), text);
  console.log(`wrote ${file}`);
}
