/**
 * examples/platform.yaml, the declaration reference: valid, every field of the schema written out,
 * and synthesized like any declaration.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { load } from "js-yaml";
import { declarationSchema } from "../../platform/declaration";
import { loadDeclaration } from "../../platform/load";
import { synthesizePlatform } from "../../platform/synthesize";

const EXAMPLE_FILE = path.resolve(__dirname, "..", "..", "examples", "platform.yaml");

type Walked = { type?: string; wrapped?: unknown; item?: unknown; entries?: Record<string, unknown>; pipe?: unknown[] };
const unwrap = (s: unknown): Walked => {
  const walked = s as Walked;
  if (walked.type === "optional") return unwrap(walked.wrapped);
  return walked;
};

/** Every field path of the schema, lists as `[]`: `pipelines[].apply.branches`. */
function schemaFields(schema: unknown, at = ""): string[] {
  const s = unwrap(schema);
  if (s.type === "array") return schemaFields(s.item, `${at}[]`);
  if (!s.entries) return [];
  return Object.entries(s.entries).flatMap(([key, entry]) => {
    const here = at ? `${at}.${key}` : key;
    return [here, ...schemaFields(entry, here)];
  });
}

/** Every field path written in a document, in the same form. */
function writtenFields(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => writtenFields(item, `${at}[]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const here = at ? `${at}.${key}` : key;
    // tags.extra holds tag names, not fields.
    return here === "tags.extra" ? [here] : [here, ...writtenFields(entry, here)];
  });
}

describe("examples/platform.yaml", () => {
  const text = fs.readFileSync(EXAMPLE_FILE, "utf8");

  it("writes out every field of the schema (plan and apply share theirs; a field only for a special case in a comment)", () => {
    // plan and apply have the same fields, and the platform pipeline a pipeline's.
    const general = (field: string) => field.replace(/\.(plan|apply)(?=\.|$)/, ".role").replace(/^platformPipeline/, "pipelines[]");
    const written = new Set(writtenFields(load(text)).map(general));
    const commented = (field: string) => new RegExp(`#.*\\b${field.split(".").pop()!.replace("[]", "")}:`).test(text);
    const missing = schemaFields(declarationSchema).filter((field) => !written.has(general(field)) && !commented(field));
    expect(missing).toEqual([]);
  });

  it("comments its fields", () => {
    const comments = text.split("\n").filter((line) => line.includes("#")).length;
    expect(comments).toBeGreaterThanOrEqual(40);
  });

  it("is valid and synthesizes the example's stacks", async () => {
    const declaration = loadDeclaration(EXAMPLE_FILE, "examples/platform.yaml");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-example-file-"));
    try {
      const result = await synthesizePlatform(declaration, { outdir: path.join(dir, "cdktf.out") });
      expect(result.stacks.map((s) => s.name)).toEqual(["state-backend", "identity-production", "buildkite"]);
      expect(result.pipelines.map((p) => p.slug)).toEqual(["networking", "payments-service", "data-platform", "platform-trust"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
