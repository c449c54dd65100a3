/**
 * The declaration's reference, generated from its schema (platform/declaration.ts) so that it is written
 * once: the JSON Schema editors validate and complete a declaration with (`# yaml-language-server:
 * $schema=...`), and docs/declaration.md, every field with its type, default, meaning and constraints.
 * `npm run declaration-reference` writes both; test/platform/declaration-reference.test.ts fails when
 * either file differs from what the schema gives now.
 */
import { JsonSchema, toJsonSchema } from "@valibot/to-json-schema";
import { declarationSchema } from "./declaration";

/** Where the JSON Schema is committed, relative to the project root (and shipped in the package). */
export const DECLARATION_SCHEMA_FILE = "schema/platform.schema.json";
/** Where the Markdown reference is committed, relative to the project root. */
export const DECLARATION_DOCS_FILE = "docs/declaration.md";

/**
 * The declaration's JSON Schema (draft-07), as authors write it (defaults optional). The library's
 * formats are predicates (`v.check`), which JSON Schema cannot carry: the schema's metadata gives their
 * regular expression as `pattern` where there is one, and the rest is checked by the app alone.
 */
export function declarationJsonSchema(): JsonSchema {
  const converted = toJsonSchema(declarationSchema, {
    typeMode: "input",
    overrideAction: ({ valibotAction, jsonSchema }) => (valibotAction.type === "check" ? jsonSchema : undefined),
  });
  const { $schema, ...rest } = converted;
  return {
    $schema,
    title: "buildkite-terraform-trust platform declaration",
    description: `The platform declaration (platform.yaml). Generated from platform/declaration.ts; see ${DECLARATION_DOCS_FILE}.`,
    ...rest,
  };
}

/** The schema file's text: two-space JSON and a final newline. */
export function declarationJsonSchemaText(schema: JsonSchema = declarationJsonSchema()): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

type Definition = JsonSchema | boolean;
const asSchema = (definition: Definition | undefined): JsonSchema => (typeof definition === "object" ? definition : {});

/** A value as the reference writes it: text in quotes, the rest as JSON. */
const literal = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

/** What a value of `schema` is, in a few words: `text`, `list of text`, `"Allow" or "Deny"`. */
function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(literal).join(" or ");
  if (schema.anyOf) return schema.anyOf.map((option) => typeOf(asSchema(option))).join(" or ");
  if (schema.type === "array") {
    const item = typeOf(asSchema(schema.items as Definition));
    return `list of ${item === "object" ? "objects" : item}`;
  }
  if (schema.type === "object") {
    if (schema.properties) return "object";
    return `map of ${typeOf(asSchema(schema.propertyNames))} to ${typeOf(asSchema(schema.additionalProperties))}`;
  }
  const names: Record<string, string> = { string: "text", integer: "whole number", number: "number", boolean: "true or false" };
  return names[String(schema.type)] ?? String(schema.type);
}

/** The constraints of `schema` (of a list, of its items too) a reader must know besides its type. */
function constraintsOf(schema: JsonSchema): string[] {
  const words: string[] = [];
  if (schema.minItems !== undefined) words.push(`at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
  if (schema.minLength !== undefined) words.push(`at least ${schema.minLength} character${schema.minLength === 1 ? "" : "s"}`);
  if (schema.maxLength !== undefined) words.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) words.push(`from ${schema.minimum}`);
  if (schema.maximum !== undefined) words.push(`to ${schema.maximum}`);
  const fix = (schema as { patternErrorMessage?: string }).patternErrorMessage;
  if (fix !== undefined) words.push(fix);
  else if (schema.pattern !== undefined) words.push(`matches \`${schema.pattern}\``);
  if (schema.type === "array") words.push(...constraintsOf(asSchema(schema.items as Definition)).map((item) => `each: ${item}`));
  if (schema.type === "object" && !schema.properties) {
    words.push(...constraintsOf(asSchema(schema.propertyNames)).map((key) => `keys: ${key}`));
    words.push(...constraintsOf(asSchema(schema.additionalProperties)).map((value) => `values: ${value}`));
  }
  return words;
}

interface Row {
  readonly path: string;
  readonly type: string;
  readonly default: string;
  readonly description: string;
  readonly constraints: string;
}

/** The object whose fields `schema` holds, if it holds fields: itself, a list's items, or an object option of a union. */
function fieldsHolder(schema: JsonSchema): { schema: JsonSchema; path: string } | undefined {
  if (schema.properties) return { schema, path: "" };
  if (schema.type === "array") {
    const items = fieldsHolder(asSchema(schema.items as Definition));
    return items && { schema: items.schema, path: `[]${items.path}` };
  }
  const option = schema.anyOf?.map(asSchema).find((candidate) => candidate.properties);
  return option && { schema: option, path: "" };
}

/** A schema's fields as rows, depth first; an object already documented at another path is referred to, not repeated. */
function rows(schema: JsonSchema, at: string, seen: Map<string, string>): Row[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, definition]) => {
    const field = asSchema(definition);
    const path = at ? `${at}.${name}` : name;
    const required = schema.required?.includes(name) ?? false;
    const holder = fieldsHolder(field);
    const shape = holder && JSON.stringify(holder.schema.properties);
    const sameAs = shape === undefined ? undefined : seen.get(shape);
    const row: Row = {
      path,
      type: typeOf(field),
      default: required ? "required" : field.default !== undefined ? `\`${literal(field.default)}\`` : "",
      description: (field.description ?? "") + (sameAs ? ` The same fields as \`${sameAs}\`.` : ""),
      constraints: constraintsOf(field).join("; "),
    };
    if (!holder || sameAs) return [row];
    seen.set(shape!, `${path}${holder.path}`);
    return [row, ...rows(holder.schema, `${path}${holder.path}`, seen)];
  });
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** docs/declaration.md: every field of the declaration, from its JSON Schema. */
export function declarationReference(schema: JsonSchema = declarationJsonSchema()): string {
  const table = rows(schema, "", new Map());
  return [
    "# The platform declaration",
    "",
    "<!-- Generated by `npm run declaration-reference` from platform/declaration.ts: edit the schema's descriptions, not this file. -->",
    "",
    "Every field of the platform declaration (`platform.yaml`, YAML or JSON of the same shape), in the order of the",
    "schema. A path writes lists as `[]` (`pipelines[].apply.branches`); _required_ fields must be written, the others",
    "take their default when left out (a default in words is in the meaning). Fields the schema does not name are",
    "refused. [`examples/platform.yaml`](../examples/platform.yaml) writes every field out, with comments.",
    "",
    `Editors validate and complete a declaration with the JSON Schema [\`${DECLARATION_SCHEMA_FILE}\`](../${DECLARATION_SCHEMA_FILE}), generated`,
    "from the same schema; name it on the declaration's first line (the path is relative to the declaration):",
    "",
    "```yaml",
    `# yaml-language-server: $schema=${DECLARATION_SCHEMA_FILE}`,
    "```",
    "",
    "The app checks more than the JSON Schema can say (formats such as branch patterns, and the rules between fields in",
    "`platform/validate.ts`: references to accounts, teams and queues, duplicates, administrator access, quotas).",
    "",
    `${table.length} fields.`,
    "",
    "| field | type | default | meaning | constraints |",
    "| --- | --- | --- | --- | --- |",
    ...table.map((row) => `| \`${row.path}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description)} | ${cell(row.constraints)} |`),
    "",
  ].join("\n");
}
