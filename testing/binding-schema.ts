/**
 * Schema facts read from prebuilt cdktf provider bindings, for providers whose
 * binary cannot be installed where the tests run (google): the bindings ship no
 * `terraform providers schema -json`, but their generated code states, for every
 * argument and nested block, its Terraform name and type (the `synthesizeHclAttributes`
 * and `<struct>ToHclTerraform` tables of `lib/<resource>/index.js`) and whether it
 * is required (a property without `?` in the config interfaces of `index.d.ts`).
 * This module turns those facts into the `terraform providers schema -json` shape,
 * so schema-conformance.ts checks synthesized configurations against them.
 *
 * What the generated code does not state, and so is not checked: which
 * attributes are computed-only, nested attributes of object type (none of the
 * resources this project uses has one), and min/max items of blocks.
 */
import * as fs from "fs";
import * as path from "path";
import { CtyTypeJson, ProvidersSchemaJson, SchemaAttribute, SchemaBlock, SchemaBlockType } from "./schema-conformance";

const CTY_TYPES: Record<string, CtyTypeJson> = {
  string: "string",
  number: "number",
  boolean: "bool",
  stringList: ["list", "string"],
  numberList: ["list", "number"],
  booleanList: ["list", "bool"],
  stringMap: ["map", "string"],
  numberMap: ["map", "number"],
  booleanMap: ["map", "bool"],
};

/** One row of a generated attribute table: `name: { value: ..., isBlock, type, storageClassType }`. */
const TABLE_ROW = /(\w+): \{\s*value: (.+),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\}/g;

interface Sources {
  readonly js: string;
  readonly dts: string;
}

/** The attribute table of the function or method whose header is `header`. */
function tableAfter(js: string, header: string): string {
  const start = js.indexOf(header);
  if (start < 0) throw new Error(`the binding has no ${header}`);
  const end = js.indexOf("// remove undefined attributes", start);
  return js.slice(start, end);
}

/** Terraform names of the required properties of interface `name`: those without `?`. */
function requiredOf(dts: string, name: string): Set<string> {
  const start = dts.indexOf(`export interface ${name} `);
  if (start < 0) throw new Error(`the binding has no interface ${name}`);
  const body = dts.slice(start, dts.indexOf("\n}", start));
  const required = new Set<string>();
  for (const match of body.matchAll(/#(\w+) [^}]*\}\s*\*\/\s*readonly \w+(\??):/g)) if (match[2] !== "?") required.add(match[1]);
  return required;
}

function blockOf(sources: Sources, header: string, interfaceName: string): SchemaBlock {
  const required = requiredOf(sources.dts, interfaceName);
  const attributes: Record<string, SchemaAttribute> = {};
  const blockTypes: Record<string, SchemaBlockType> = {};
  for (const [, name, value, isBlock, , storage] of tableAfter(sources.js, header).matchAll(TABLE_ROW)) {
    if (isBlock === "true") {
      const fn = /(\w+)ToHclTerraform/.exec(value.replace(/^cdktf\.listMapperHcl\(/, ""))![1];
      const struct = fn.charAt(0).toUpperCase() + fn.slice(1);
      blockTypes[name] = {
        nesting_mode: "list",
        ...(required.has(name) ? { min_items: 1 } : {}),
        block: blockOf(sources, `function ${fn}ToHclTerraform(struct)`, struct),
      };
    } else {
      const type = CTY_TYPES[storage];
      if (type === undefined) continue; // an object-typed attribute: not stated precisely enough to check
      attributes[name] = required.has(name) ? { type, required: true } : { type, optional: true };
    }
  }
  return { attributes, block_types: blockTypes };
}

/**
 * The schema of `resources` (folders of the binding's `lib/`, e.g. `service-account`) of the
 * prebuilt provider package `packageName`, under the provider's registry source.
 */
export function schemaFromBindings(packageName: string, source: string, resources: readonly string[]): ProvidersSchemaJson {
  const lib = path.join(path.dirname(require.resolve(`${packageName}/package.json`)), "lib");
  const resourceSchemas: Record<string, { block: SchemaBlock }> = {};
  for (const folder of resources) {
    const sources = { js: fs.readFileSync(path.join(lib, folder, "index.js"), "utf8"), dts: fs.readFileSync(path.join(lib, folder, "index.d.ts"), "utf8") };
    const type = /\.tfResourceType = "(\w+)"/.exec(sources.js)![1];
    const className = /^class (\w+) extends cdktf\.TerraformResource/m.exec(sources.js)![1];
    resourceSchemas[type] = { block: blockOf(sources, "synthesizeHclAttributes() {", `${className}Config`) };
  }
  return { format_version: "1.0", provider_schemas: { [source]: { resource_schemas: resourceSchemas } } };
}
