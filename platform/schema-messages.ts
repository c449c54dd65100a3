/**
 * Schema issues in words a person would write: what is wrong, quoting the value, then `—` and the fix.
 * The validation library's own texts (`Invalid key: Expected "apply" but received undefined`) name
 * its internals; a message the schema gives itself (`declare at least one pipeline`) is the fix.
 */
import type * as v from "valibot";

/** What a value of each schema type is called in a message. */
const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
  strict_object: "a mapping of fields",
  record: "a mapping of names to text",
};

/** How to write a value of each type. */
const TYPE_FIXES: Record<string, string> = {
  number: "write a number without quotes",
  boolean: "write true or false without quotes",
  array: "write a list (`- item` lines, or [a, b])",
  object: "write a mapping of fields (`name: value` lines)",
  strict_object: "write a mapping of fields (`name: value` lines)",
  record: "write a mapping of names to text values",
};

/** A value as a message quotes it: text in double quotes, lists and mappings by their kind. */
export function shown(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "nothing (null)";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** The message of one schema issue, as `problem — fix`. */
export function schemaIssueMessage(issue: v.BaseIssue<unknown>): string {
  // The schema's own message, when it gave one, is the fix (the library's own start with "Invalid").
  const own = issue.message.startsWith("Invalid ") ? undefined : issue.message;
  const key = issue.path?.[issue.path.length - 1]?.key;
  const input = issue.input;
  if (issue.kind === "schema") {
    if (input === undefined && typeof key === "string" && issue.expected === `"${key}"`) return `required field "${key}" is missing — add it`;
    if (issue.type === "picklist") {
      const options = (issue.expected ?? "")
        .replace(/^\(|\)$/g, "")
        .replace(/"/g, "")
        .split(" | ");
      return `${shown(input)} is not one of ${options.join(", ")} — use one of them`;
    }
    // A union says in its own words which shapes it takes.
    if (issue.type === "union" && own) return own;
    const expected = TYPE_NAMES[issue.type] ?? issue.expected ?? issue.type;
    if (issue.type === "string" && (typeof input === "number" || typeof input === "boolean")) {
      return `expected text, got ${typeof input} ${String(input)} — quote it ("${String(input)}") so YAML reads it as text`;
    }
    return `expected ${expected}, got ${shown(input)} — ${TYPE_FIXES[issue.type] ?? `write ${expected}`}`;
  }
  if (own?.includes(" — ")) return own;
  switch (issue.type) {
    case "min_length":
      if (Array.isArray(input) && input.length === 0) return `the list is empty — ${own ?? "add at least one entry"}`;
      if (input === "") return "is empty — give a value, or leave the field out if it is optional";
      return `${shown(input)} is too short — ${own ?? `use at least ${String(issue.requirement)} characters`}`;
    case "max_length":
      return `${shown(input)} is too long — ${own ?? `use at most ${String(issue.requirement)} characters`}`;
    case "min_value":
      return `${shown(input)} is less than ${String(issue.requirement)} — ${own ?? `use ${String(issue.requirement)} or more`}`;
    case "max_value":
      return `${shown(input)} is more than ${String(issue.requirement)} — ${own ?? `use ${String(issue.requirement)} or less`}`;
    case "integer":
      return `${shown(input)} is not a whole number — ${own ?? "use a whole number"}`;
    default:
      return own ?? `${shown(input)} is not accepted here — ${issue.message}`;
  }
}
