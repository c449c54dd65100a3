import * as fs from "fs";
import * as path from "path";
import { SENSITIVE_DATA_ATTRIBUTES, SENSITIVE_RESOURCE_ATTRIBUTES } from "../../../constructs/guardrails/secret-attributes";

const SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../providers/buildkite/schema.json"), "utf8"));

/** The attributes the Buildkite provider's schema marks sensitive, by block type. */
function sensitiveIn(kind: "resource_schemas" | "data_source_schemas"): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const provider of Object.values<any>(SCHEMA.provider_schemas)) {
    for (const [type, schema] of Object.entries<any>(provider[kind] ?? {})) {
      const sensitive = Object.entries<any>(schema.block.attributes ?? {})
        .filter(([, attribute]) => attribute.sensitive)
        .map(([name]) => name);
      if (sensitive.length) found[type] = sensitive.sort();
    }
  }
  return found;
}

const buildkiteOnly = (table: Readonly<Record<string, readonly string[]>>) =>
  Object.fromEntries(
    Object.entries(table)
      .filter(([type]) => type.startsWith("buildkite_"))
      .map(([type, attributes]) => [type, [...attributes].sort()]),
  );

describe("the sensitive attributes the secret-state guardrail knows", () => {
  it("are exactly those the Buildkite provider's schema marks sensitive", () => {
    expect(buildkiteOnly(SENSITIVE_RESOURCE_ATTRIBUTES)).toEqual(sensitiveIn("resource_schemas"));
    expect(buildkiteOnly(SENSITIVE_DATA_ATTRIBUTES)).toEqual(sensitiveIn("data_source_schemas"));
  });
});
