/**
 * The declaration's reference is generated from its schema: schema/platform.schema.json (for editors) and
 * docs/declaration.md must be what `npm run declaration-reference` writes now, every field must say what it
 * means, and the JSON Schema must accept the example declarations that name it.
 */
import * as fs from "fs";
import * as path from "path";
import { load } from "js-yaml";
import type { JsonSchema } from "@valibot/to-json-schema";
import {
  DECLARATION_DOCS_FILE,
  DECLARATION_SCHEMA_FILE,
  declarationJsonSchema,
  declarationJsonSchemaText,
  declarationReference,
} from "../../platform/declaration-reference";

const root = path.join(__dirname, "..", "..");
const EXAMPLES = ["examples/platform.yaml", "examples/two-accounts.yaml", "examples/aws-and-gcp/platform.yaml"];

/** The first line that differs, with its number, or "" when the texts are equal. */
function firstDifference(committed: string, current: string): string {
  const before = committed.split("\n");
  const after = current.split("\n");
  const line = after.findIndex((text, index) => text !== before[index]);
  if (line === -1 && before.length === after.length) return "";
  const at = line === -1 ? after.length : line;
  return `line ${at + 1}:\n- ${before[at] ?? "(end of file)"}\n+ ${after[at] ?? "(end of file)"}`;
}

/** Every field path of a JSON Schema with the schema of the field, lists as `[]`. */
function fields(schema: JsonSchema, at = ""): [string, JsonSchema][] {
  const nested = (inner: JsonSchema, where: string): [string, JsonSchema][] => [
    ...fields(inner, where),
    ...(inner.type === "array" ? nested(inner.items as JsonSchema, `${where}[]`) : []),
    ...(inner.anyOf ?? []).flatMap((option) => fields(option as JsonSchema, where)),
  ];
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const here = at ? `${at}.${name}` : name;
    return [[here, field as JsonSchema] as [string, JsonSchema], ...nested(field as JsonSchema, here)];
  });
}

/**
 * Where `value` breaks `schema`, for the keywords the declaration's JSON Schema uses (patterns read with the
 * u flag, as JSON Schema's ECMAScript regular expressions and editors do).
 */
function violations(value: unknown, schema: JsonSchema, at = "(root)"): string[] {
  if (schema.anyOf) return schema.anyOf.some((option) => violations(value, option as JsonSchema, at).length === 0) ? [] : [`${at}: fits no option`];
  if (schema.enum && !schema.enum.includes(value as never)) return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const kind = Array.isArray(value) ? "array" : value === null ? "null" : Number.isInteger(value) ? "integer" : typeof value;
  const expected = schema.type;
  if (expected && !(expected === kind || (expected === "number" && kind === "integer"))) return [`${at}: ${kind}, not ${expected}`];
  const problems: string[] = [];
  if (typeof value === "string") {
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) problems.push(`${at}: "${value}" does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: under ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: over ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${at}: fewer than ${schema.minItems} items`);
    value.forEach((item, index) => problems.push(...violations(item, schema.items as JsonSchema, `${at}[${index}]`)));
  }
  if (kind === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    for (const name of schema.required ?? []) if (!(name in (value as object))) problems.push(`${at}.${name}: required`);
    for (const [name, item] of entries) {
      const field = schema.properties?.[name] ?? schema.additionalProperties;
      if (field === false || field === undefined) problems.push(`${at}.${name}: not a field`);
      else if (field !== true) problems.push(...violations(item, field as JsonSchema, `${at}.${name}`));
      if (schema.propertyNames) problems.push(...violations(name, schema.propertyNames as JsonSchema, `${at} key ${name}`));
    }
  }
  return problems;
}

describe("the declaration's reference", () => {
  const schema = declarationJsonSchema();

  it.each([
    [DECLARATION_SCHEMA_FILE, () => declarationJsonSchemaText(schema)],
    [DECLARATION_DOCS_FILE, () => declarationReference(schema)],
  ])("%s is what the schema in platform/declaration.ts gives", (file, generate) => {
    const committed = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : "";
    const difference = firstDifference(committed, generate());
    const problem = difference && `${file} is stale (- committed, + generated) at ${difference}\nRun \`npm run declaration-reference\` and commit ${file}.`;
    expect(problem).toBe("");
  });

  it("says what every field means (a `described` text in the schema)", () => {
    const all = fields(schema);
    expect(all.length).toBeGreaterThan(90);
    expect(all.filter(([, field]) => !field.description).map(([at]) => at)).toEqual([]);
  });

  it("lists every field in docs/declaration.md, with its type, default and constraints", () => {
    const docs = declarationReference(schema);
    // A field whose object is documented elsewhere (apply's and previews' permissions are plan's) refers to it.
    const referring = [...docs.matchAll(/^\| `([^`]+)` \|.*The same fields as `([^`]+)`/gm)].map((match) => match[1]);
    // The platform pipeline has a field of its own (buildkiteApiToken): its fields are listed, its objects refer to a pipeline's.
    expect(referring).toEqual([
      "pipelines[].apply",
      "pipelines[].previews.permissions",
      "signing",
      "platformPipeline.signing",
      "platformPipeline.teams",
      "platformPipeline.plan",
      "platformPipeline.apply",
      "platformPipeline.previews",
      "platformPipeline.approval",
      "platformPipeline.movedFrom",
      "platformPipeline.adopt",
    ]);
    const underReferring = (at: string) => referring.some((field) => at.startsWith(`${field}.`) || at.startsWith(`${field}[]`));
    const missing = fields(schema)
      .map(([at]) => at)
      .filter((at) => !underReferring(at) && !docs.includes(`| \`${at}\` |`));
    expect(missing).toEqual([]);
    expect(docs).toContain(
      "| `pipelines[].apply` | object | required | The apply role: which branches and step may assume it and what it may change. The same fields as `pipelines[].plan`. |",
    );
    expect(docs).toContain('| `state.lockMode` | "dynamodb" or "lockfile" or "both" | `"lockfile"` |');
    expect(docs).toContain("| `accounts` | list of objects | required | The AWS accounts pipelines deploy to. | at least 1 item |");
    expect(docs).toMatch(/\| `accounts\[\]\.id` \| text \| required \| [^|]+ \| use its 12 digits, quoted as a string \|/);
  });

  it("carries the library's formats as patterns, with their fix as the editor's message", () => {
    const byPath = new Map(fields(schema));
    expect(byPath.get("pipelines[].slug")).toMatchObject({
      pattern: "^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$",
      patternErrorMessage: expect.stringMatching(/^use lowercase/),
    });
    expect(byPath.get("accounts[].id")).toMatchObject({ pattern: "^\\d{12}$", patternErrorMessage: "use its 12 digits, quoted as a string" });
    // Not one regular expression (git's ref rules): the app checks it, the JSON Schema only says it is text.
    expect(byPath.get("pipelines[].apply.branches")).toMatchObject({ items: { type: "string" } });
    expect((byPath.get("pipelines[].apply.branches")!.items as JsonSchema).pattern).toBeUndefined();
  });

  it.each(EXAMPLES)("%s names the committed JSON Schema on its first line and fits it", (example) => {
    const text = fs.readFileSync(path.join(root, example), "utf8");
    const named = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1];
    expect(named && path.relative(root, path.resolve(path.dirname(path.join(root, example)), named))).toBe(DECLARATION_SCHEMA_FILE);
    expect(violations(load(text), schema)).toEqual([]);
  });

  it("refuses in the JSON Schema what the app refuses for the same reason (so an editor flags it)", () => {
    const example = load(fs.readFileSync(path.join(root, EXAMPLES[0]), "utf8")) as Record<string, any>;
    example.pipelines[0].slug = "Networking_Team";
    example.accounts[0].id = 123456789012;
    example.cluster.unknown = true;
    delete example.state.administrators;
    expect(violations(example, schema)).toEqual([
      "(root).accounts[0].id: integer, not string",
      "(root).state.administrators: required",
      "(root).cluster.unknown: not a field",
      '(root).pipelines[0].slug: "Networking_Team" does not match ^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$',
    ]);
  });
});
