import type { SynthesizedJson } from "../constructs";

/**
 * References in a resolved stack configuration to things the stack does not
 * declare, such as `${aws_iam_role.x.arn}` with no `aws_iam_role.x`. cdktf
 * writes a reference to another stack's resource that way when it was not
 * routed through an output and remote state; Terraform would refuse it at
 * `terraform validate`, this finds it at synth.
 *
 * It reads cdktf's references (`type.name`, `data.type.name`, `var.name`,
 * `local.name`, `module.name`) in `${...}` expressions, outside quoted
 * strings; `$${` is Terraform's escape of a literal `${`.
 */
export function undeclaredReferences(config: SynthesizedJson): string[] {
  const declared = new Set<string>();
  const declare = (prefix: string, blocks: Record<string, Record<string, unknown>> | undefined) =>
    Object.entries(blocks ?? {}).forEach(([type, named]) => Object.keys(named ?? {}).forEach((name) => declared.add(`${prefix}${type}.${name}`)));
  declare("", config.resource);
  declare("data.", config.data);
  Object.keys(config.variable ?? {}).forEach((name) => declared.add(`var.${name}`));
  Object.keys(config.locals ?? {}).forEach((name) => declared.add(`local.${name}`));
  Object.keys(config.module ?? {}).forEach((name) => declared.add(`module.${name}`));

  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") expressions(value).forEach((e) => references(e).forEach((r) => declared.has(r) || found.add(r)));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit({ resource: config.resource, data: config.data, output: config.output, locals: config.locals, provider: config.provider, module: config.module });
  return [...found].sort();
}

/** The `${...}` expressions of a string, nested braces included; `$${` is an escaped literal. */
function expressions(text: string): string[] {
  const found: string[] = [];
  for (let start = text.indexOf("${"); start !== -1; start = text.indexOf("${", start + 2)) {
    if (text[start - 1] === "$") continue;
    let depth = 1;
    let end = start + 2;
    for (; end < text.length && depth > 0; end++) {
      if (text[end] === "{") depth++;
      else if (text[end] === "}") depth--;
    }
    found.push(text.slice(start + 2, end - 1));
    start = end - 2;
  }
  return found;
}

const ROOTS_WITHOUT_DECLARATION = new Set(["terraform", "path", "count", "each", "self"]);

/** The addresses an expression refers to, as cdktf writes them. */
function references(expression: string): string[] {
  const unquoted = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const addresses: string[] = [];
  for (const [, dataPrefix = "", root, name] of unquoted.matchAll(/(?<![\w.-])(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)/g)) {
    if (!dataPrefix && ROOTS_WITHOUT_DECLARATION.has(root)) continue;
    addresses.push(`${dataPrefix}${root}.${name}`);
  }
  return addresses;
}
