/**
 * Schema conformance checker: checks a synthesized `cdk.tf.json` against a
 * provider schema in `terraform providers schema -json` format, for providers
 * whose binary cannot be had where the tests run (the Buildkite provider), so
 * `terraform validate` cannot be the referee.
 *
 * What it follows from terraform (JSON configuration syntax + cty conversion):
 * - Strings containing `${...}` or `%{...}` are expressions; they are accepted
 *   wherever a value goes (attribute, list element, whole list/map/object,
 *   whole block). `$${` and `%%{` are escapes, not expressions.
 * - Literal conversions terraform performs are accepted: numbers and bools
 *   where a string goes; decimal strings ("5", "-1.5", "1e3") where a number
 *   goes; "true", "false", "1", "0" where a bool goes. Anything else is a
 *   `wrong_type` error.
 * - `null` means "not set": accepted for optional attributes, reported as
 *   missing for required ones.
 * - Blocks may be written as one object or as an array of objects.
 *
 * Where it is stricter than terraform: attributes an object-typed value has
 * but its type lacks are reported as `unknown_attribute` (terraform would drop
 * them silently, which is never what the author meant).
 *
 * Resource and data source types are checked when their name starts with the
 * type prefix of a provider in the schema (`buildkite_`); other types (aws_*,
 * time_*) are ignored. Provider blocks are matched through
 * `terraform.required_providers` sources.
 */
import * as fs from "fs";

/** A cty type in its JSON form: "string", ["list", "string"], ["object", {...}, [optional...]], ... */
export type CtyTypeJson = string | [string, ...any[]];

export interface SchemaAttribute {
  readonly type?: CtyTypeJson;
  readonly nested_type?: SchemaNestedType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  readonly description?: string;
}

export type NestingMode = "single" | "group" | "list" | "set" | "map";

/** The object type of a nested attribute (plugin framework `nested_type`). */
export interface SchemaNestedType {
  readonly attributes: Record<string, SchemaAttribute>;
  readonly nesting_mode: NestingMode;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlockType {
  readonly block: SchemaBlock;
  readonly nesting_mode: NestingMode;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
}

export interface SchemaEntry {
  readonly version?: number;
  readonly block: SchemaBlock;
}

export interface ProviderSchemaJson {
  readonly provider?: SchemaEntry;
  readonly resource_schemas?: Record<string, SchemaEntry>;
  readonly data_source_schemas?: Record<string, SchemaEntry>;
}

/** The document printed by `terraform providers schema -json`. */
export interface ProvidersSchemaJson {
  readonly format_version?: string;
  readonly provider_schemas: Record<string, ProviderSchemaJson>;
}

export type SchemaConformanceErrorKind =
  /** A resource or data source type with the provider's prefix that the provider does not have. */
  | "unknown_type"
  /** An argument or block the schema does not have. */
  | "unknown_attribute"
  /** A required attribute, required object attribute or required nested block (min_items) that is absent or null. */
  | "missing_required"
  /** A literal terraform cannot convert to the schema's type, or the wrong shape for a block. */
  | "wrong_type"
  /** A value set on an attribute the provider computes and the user cannot set. */
  | "computed_only"
  /** More blocks or nested objects than max_items allows (or fewer than min_items, but at least one). */
  | "item_count";

export interface SchemaConformanceError {
  /** Terraform address: `buildkite_pipeline.my-pipeline`, `data.buildkite_meta.x`, `provider.buildkite`. */
  readonly address: string;
  /** Attribute path inside the block: `provider_settings.build_pull_request_forks`, `maintainers[0].user_id`; empty for the whole block. */
  readonly path: string;
  readonly kind: SchemaConformanceErrorKind;
  /** Human-readable message naming the address, the path and the fix. */
  readonly message: string;
}

/** A synthesized configuration: the parsed object, its JSON text, or the path of a `cdk.tf.json` file. */
export type ConfigInput = Record<string, any> | string;
/** A provider schema: the parsed object, its JSON text, or the path of a `terraform providers schema -json` file. */
export type SchemaInput = ProvidersSchemaJson | string;

/** Thrown by {@link assertConformsToSchema}; carries every error found. */
export class SchemaConformanceFailure extends Error {
  constructor(readonly errors: readonly SchemaConformanceError[]) {
    super(
      `configuration does not conform to the provider schema (${errors.length} error${errors.length === 1 ? "" : "s"}):\n` +
        errors.map((e) => `  - ${e.message}`).join("\n"),
    );
    this.name = "SchemaConformanceFailure";
  }
}

/** Throws a {@link SchemaConformanceFailure} listing every error when the configuration does not conform. */
export function assertConformsToSchema(config: ConfigInput, schema: SchemaInput): void {
  const errors = checkSchemaConformance(config, schema);
  if (errors.length > 0) throw new SchemaConformanceFailure(errors);
}

/**
 * Every way the configuration's resources, data sources and provider blocks of
 * the schema's providers depart from the schema; empty when it conforms.
 */
export function checkSchemaConformance(config: ConfigInput, schema: SchemaInput): SchemaConformanceError[] {
  const cfg = readJson(config, "configuration");
  const providers = providersOf(readJson(schema, "provider schema") as ProvidersSchemaJson);
  const errors: SchemaConformanceError[] = [];

  checkResources(cfg.resource, "managed", providers, errors);
  checkResources(cfg.data, "data", providers, errors);
  checkProviderBlocks(cfg, providers, errors);
  checkImportAndRemovedBlocks(cfg, providers, errors);
  return errors;
}

// ---------------------------------------------------------------------------
// Inputs

function readJson(input: Record<string, any> | string, what: string): Record<string, any> {
  if (typeof input !== "string") return input;
  const text = input.trimStart().startsWith("{") ? input : fs.readFileSync(input, "utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

interface ProviderInfo {
  /** registry.terraform.io/buildkite/buildkite */
  readonly source: string;
  /** buildkite: the prefix of its resource types and its default local name. */
  readonly typeName: string;
  readonly schema: ProviderSchemaJson;
}

function providersOf(schema: ProvidersSchemaJson): ProviderInfo[] {
  if (!schema || typeof schema.provider_schemas !== "object") {
    throw new Error("provider schema has no provider_schemas; pass the output of `terraform providers schema -json`");
  }
  return Object.entries(schema.provider_schemas)
    .map(([source, providerSchema]) => ({
      source: normalizeSource(source),
      typeName: source.split("/").pop()!.toLowerCase(),
      schema: providerSchema,
    }))
    .sort((a, b) => b.typeName.length - a.typeName.length);
}

/** `aws` -> registry.terraform.io/hashicorp/aws, `buildkite/buildkite` -> registry.terraform.io/buildkite/buildkite. */
function normalizeSource(source: string): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts.join("/")}`;
  return parts.join("/");
}

function providerForType(type: string, providers: ProviderInfo[]): ProviderInfo | undefined {
  return providers.find((p) => type === p.typeName || type.startsWith(`${p.typeName}_`));
}

/** JSON syntax allows a block or a group of blocks as one object or as an array of objects. */
function objectsOf(value: unknown): Record<string, any>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

// ---------------------------------------------------------------------------
// Top-level blocks

const RESOURCE_META = ["//", "depends_on", "count", "for_each", "provider", "lifecycle", "connection", "provisioner"];
const DATA_META = ["//", "depends_on", "count", "for_each", "provider", "lifecycle"];
const PROVIDER_META = ["//", "alias", "version"];
const RESOURCE_LIFECYCLE = ["create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by", "precondition", "postcondition"];
const DATA_LIFECYCLE = ["precondition", "postcondition"];

type Mode = "managed" | "data";

function checkResources(section: unknown, mode: Mode, providers: ProviderInfo[], errors: SchemaConformanceError[]): void {
  for (const types of objectsOf(section)) {
    for (const [type, instances] of Object.entries(types)) {
      const provider = providerForType(type, providers);
      if (!provider) continue;
      const schemas = (mode === "managed" ? provider.schema.resource_schemas : provider.schema.data_source_schemas) ?? {};
      const kind = mode === "managed" ? "resource" : "data source";
      for (const group of objectsOf(instances)) {
        for (const [name, bodies] of Object.entries(group)) {
          const address = mode === "managed" ? `${type}.${name}` : `data.${type}.${name}`;
          const checker = new Checker(address, errors);
          const entry = schemas[type];
          if (!entry) {
            checker.report(
              "",
              "unknown_type",
              `${kind} type "${type}" is not in the ${provider.source} schema${suggest(type, Object.keys(schemas))}; fix the type name`,
            );
            continue;
          }
          const meta = mode === "managed" ? RESOURCE_META : DATA_META;
          const lifecycle = mode === "managed" ? RESOURCE_LIFECYCLE : DATA_LIFECYCLE;
          forEachBody(bodies, checker, "", (checker, body, path) => checker.body(body, entry.block, path, { meta, lifecycle }));
        }
      }
    }
  }
}

/** A resource address as `import.to` and `removed.from` name one: `<type>.<name>`, no index. */
const RESOURCE_ADDRESS = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)$/;

/**
 * The `import` blocks (Terraform >= 1.5) and `removed` blocks (>= 1.7) whose address is of a
 * provider in the schema: only their own arguments; an address of a resource type the provider
 * has; an import's `to` declared in the configuration with a literal or expression `id`; a
 * removed resource no longer declared (terraform refuses both at once), with `lifecycle { destroy }` a bool.
 */
function checkImportAndRemovedBlocks(cfg: Record<string, any>, providers: ProviderInfo[], errors: SchemaConformanceError[]): void {
  const declared = (address: string) => {
    const [type, name] = address.split(".");
    return objectsOf(cfg.resource).some((types) => objectsOf(types[type]).some((group) => name in group));
  };
  const blocks = [
    ...objectsOf(cfg.import).map((body, i) => ({ kind: "import", at: `import[${i}]`, body, addressKey: "to", keys: ["to", "id", "provider", "for_each"] })),
    ...objectsOf(cfg.removed).map((body, i) => ({
      kind: "removed",
      at: `removed[${i}]`,
      body,
      addressKey: "from",
      keys: ["from", "lifecycle", "provisioner"],
    })),
  ];
  for (const { kind, at, body, addressKey, keys } of blocks) {
    const address = body[addressKey];
    const match = typeof address === "string" ? RESOURCE_ADDRESS.exec(address) : null;
    const provider = match ? providerForType(match[1], providers) : undefined;
    if (match && !provider) continue;
    const checker = new Checker(at, errors);
    if (!match) {
      checker.report(
        addressKey,
        "wrong_type",
        `${JSON.stringify(address)} is not a resource address (<type>.<name>); name the resource the ${kind} block is for`,
      );
      continue;
    }
    for (const key of Object.keys(body).filter((key) => !keys.includes(key))) {
      checker.report(key, "unknown_attribute", `is not an argument of a ${kind} block${suggest(key, keys)}; remove it or fix its name`);
    }
    if (!provider!.schema.resource_schemas?.[match[1]]) {
      checker.report(addressKey, "unknown_type", `resource type "${match[1]}" is not in the ${provider!.source} schema; fix the address`);
    }
    if (kind === "import") {
      if (typeof body.id !== "string" || body.id === "")
        checker.report("id", "missing_required", "an import block needs the ID of the object to import, a non-empty string");
      if (!declared(address)) checker.report("to", "missing_required", `${address} is not declared: an import block needs the resource it imports into`);
    } else {
      if (declared(address))
        checker.report("from", "wrong_type", `${address} is still declared: terraform refuses a removed block for a resource in the configuration`);
      const lifecycle = body.lifecycle;
      if (lifecycle !== undefined) {
        for (const item of objectsOf(lifecycle)) {
          Object.keys(item)
            .filter((key) => key !== "destroy")
            .forEach((key) =>
              checker.report(`lifecycle.${key}`, "unknown_attribute", "is not an argument of a removed block's lifecycle (only destroy); remove it"),
            );
          if (item.destroy !== undefined && typeof item.destroy !== "boolean") checker.report("lifecycle.destroy", "wrong_type", "must be true or false");
        }
      }
    }
  }
}

function checkProviderBlocks(cfg: Record<string, any>, providers: ProviderInfo[], errors: SchemaConformanceError[]): void {
  const localSources = requiredProviderSources(cfg);
  for (const group of objectsOf(cfg.provider)) {
    for (const [localName, configs] of Object.entries(group)) {
      const source = localSources.get(localName);
      const provider = source ? providers.find((p) => p.source === source) : providers.find((p) => p.typeName === localName);
      if (!provider?.schema.provider) continue;
      const block = provider.schema.provider.block;
      for (const body of Array.isArray(configs) ? configs : [configs]) {
        const alias = isObject(body) && typeof body.alias === "string" ? `.${body.alias}` : "";
        const checker = new Checker(`provider.${localName}${alias}`, errors);
        if (isObject(body)) checker.body(body, block, "", { meta: PROVIDER_META });
        else if (!isExpression(body)) checker.wrongType("", "a provider configuration object", body);
      }
    }
  }
}

function requiredProviderSources(cfg: Record<string, any>): Map<string, string> {
  const sources = new Map<string, string>();
  for (const terraform of objectsOf(cfg.terraform)) {
    for (const required of objectsOf(terraform.required_providers)) {
      for (const [localName, requirement] of Object.entries(required)) {
        const source = isObject(requirement) && typeof requirement.source === "string" ? requirement.source : localName;
        sources.set(localName, normalizeSource(source));
      }
    }
  }
  return sources;
}

function forEachBody(bodies: unknown, checker: Checker, path: string, check: (checker: Checker, body: Record<string, any>, path: string) => void): void {
  if (Array.isArray(bodies)) {
    bodies.forEach((body, i) => forEachBody(body, checker, bodies.length > 1 ? `${path}[${i}]` : path, check));
  } else if (isObject(bodies)) {
    check(checker, bodies, path);
  } else if (!isExpression(bodies)) {
    checker.wrongType(path, "a block body object", bodies);
  }
}

// ---------------------------------------------------------------------------
// Block bodies, attributes and values

interface BodyOptions {
  /** Meta-arguments allowed in this body besides the schema's attributes and blocks. */
  readonly meta?: readonly string[];
  /** Keys allowed in the `lifecycle` meta-argument. */
  readonly lifecycle?: readonly string[];
  /** Nested-attribute objects are values, so `dynamic` blocks cannot appear in them. */
  readonly objectValue?: boolean;
}

class Checker {
  constructor(
    private readonly address: string,
    private readonly errors: SchemaConformanceError[],
  ) {}

  body(body: Record<string, any>, block: SchemaBlock, path: string, options: BodyOptions = {}): void {
    const attributes = block.attributes ?? {};
    const blockTypes = block.block_types ?? {};
    const dynamicTypes = new Set<string>();

    for (const [key, value] of Object.entries(body)) {
      const keyPath = join(path, key);
      if (key in attributes) this.attribute(value, attributes[key], keyPath);
      else if (key in blockTypes) this.nestedBlocks(value, blockTypes[key], keyPath);
      else if (key === "dynamic" && !options.objectValue) this.dynamicBlocks(value, blockTypes, keyPath, dynamicTypes);
      else if (options.meta?.includes(key)) this.metaArgument(key, value, keyPath, options);
      else {
        const known = [...Object.keys(attributes), ...Object.keys(blockTypes), ...(options.meta ?? [])];
        this.report(keyPath, "unknown_attribute", `is not an argument or block here${suggest(key, known)}; remove it or fix its name`);
      }
    }

    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.required && body[name] == null) {
        this.report(join(path, name), "missing_required", `is required${body[name] === null ? " and must not be null" : ""}; set it`);
      }
    }
    for (const [name, blockType] of Object.entries(blockTypes)) {
      const min = blockType.min_items ?? 0;
      if (min > 0 && body[name] == null && !dynamicTypes.has(name)) {
        this.report(join(path, name), "missing_required", `needs at least ${min} "${name}" block${min === 1 ? "" : "s"}; add ${min === 1 ? "one" : "them"}`);
      }
    }
  }

  attribute(value: unknown, attribute: SchemaAttribute, path: string): void {
    if (attribute.computed && !attribute.optional && !attribute.required) {
      if (value != null) this.report(path, "computed_only", "is computed by the provider and cannot be set; remove it");
      return;
    }
    if (value == null) return; // required-ness is checked by the enclosing body
    if (attribute.nested_type) this.nestedObjects(value, attribute.nested_type, path);
    else if (attribute.type !== undefined) this.value(value, attribute.type, path);
  }

  /** A literal against a cty type, following terraform's conversions. */
  value(value: unknown, type: CtyTypeJson, path: string): void {
    if (value === null || isExpression(value)) return;
    if (typeof type === "string") {
      if (!primitiveAccepts(type, value)) this.wrongType(path, type, value);
      return;
    }
    const [kind, detail, optional] = type;
    switch (kind) {
      case "list":
      case "set":
        if (!Array.isArray(value)) return this.wrongType(path, typeName(type), value);
        value.forEach((element, i) => this.value(element, detail, `${path}[${i}]`));
        return;
      case "map":
        if (!isObject(value)) return this.wrongType(path, typeName(type), value);
        for (const [key, element] of Object.entries(value)) this.value(element, detail, `${path}[${JSON.stringify(key)}]`);
        return;
      case "tuple":
        if (!Array.isArray(value) || value.length !== detail.length) return this.wrongType(path, typeName(type), value);
        value.forEach((element, i) => this.value(element, detail[i], `${path}[${i}]`));
        return;
      case "object": {
        if (!isObject(value)) return this.wrongType(path, typeName(type), value);
        const attributeTypes: Record<string, CtyTypeJson> = detail;
        const optionalNames: string[] = optional ?? [];
        for (const [key, element] of Object.entries(value)) {
          if (key in attributeTypes) this.value(element, attributeTypes[key], join(path, key));
          else
            this.report(
              join(path, key),
              "unknown_attribute",
              `is not an attribute of ${typeName(type)}${suggest(key, Object.keys(attributeTypes))}; remove it or fix its name`,
            );
        }
        for (const name of Object.keys(attributeTypes)) {
          if (value[name] === undefined && !optionalNames.includes(name))
            this.report(join(path, name), "missing_required", "is required by the object type; set it");
        }
        return;
      }
      default:
        throw new Error(`provider schema has an unsupported type ${JSON.stringify(type)} at ${this.address} ${path}`);
    }
  }

  /** An attribute with a nested object type (`nested_type`). */
  nestedObjects(value: unknown, nested: SchemaNestedType, path: string): void {
    if (isExpression(value)) return;
    const objectBlock: SchemaBlock = { attributes: nested.attributes };
    const checkObject = (element: unknown, elementPath: string) => {
      if (element === null || isExpression(element)) return;
      if (!isObject(element)) return this.wrongType(elementPath, "an object", element);
      this.body(element, objectBlock, elementPath, { objectValue: true });
    };
    switch (nested.nesting_mode) {
      case "single":
      case "group":
        return checkObject(value, path);
      case "list":
      case "set":
        if (!Array.isArray(value)) return this.wrongType(path, `a ${nested.nesting_mode} of objects`, value);
        this.itemCount(value.length, nested, path, value.some(isExpression));
        value.forEach((element, i) => checkObject(element, `${path}[${i}]`));
        return;
      case "map":
        if (!isObject(value)) return this.wrongType(path, "a map of objects", value);
        for (const [key, element] of Object.entries(value)) checkObject(element, `${path}[${JSON.stringify(key)}]`);
        return;
    }
  }

  /** A nested block type: one object or an array of objects; labelled objects for nesting mode map. */
  nestedBlocks(value: unknown, blockType: SchemaBlockType, path: string): void {
    if (value == null || isExpression(value)) return; // absent; min_items is checked by the enclosing body
    if (blockType.nesting_mode === "map") {
      if (!isObject(value)) return this.wrongType(path, "an object of labelled blocks", value);
      for (const [label, bodies] of Object.entries(value)) {
        forEachBody(bodies, this, `${path}[${JSON.stringify(label)}]`, (checker, body, bodyPath) => checker.body(body, blockType.block, bodyPath));
      }
      return;
    }
    const elements = Array.isArray(value) ? value : [value];
    if (elements.some((element) => !isObject(element) && !isExpression(element))) {
      return this.wrongType(
        path,
        blockType.nesting_mode === "single" || blockType.nesting_mode === "group" ? "a block object" : "a block object or an array of block objects",
        value,
      );
    }
    const max = blockType.nesting_mode === "single" || blockType.nesting_mode === "group" ? 1 : blockType.max_items;
    this.itemCount(elements.length, { ...blockType, max_items: max }, path, elements.some(isExpression));
    elements.forEach((element, i) => {
      if (isObject(element)) this.body(element, blockType.block, Array.isArray(value) ? `${path}[${i}]` : path);
    });
  }

  /** `dynamic "name" { for_each, iterator, labels, content }` in JSON form. */
  dynamicBlocks(value: unknown, blockTypes: Record<string, SchemaBlockType>, path: string, seen: Set<string>): void {
    if (!isObject(value)) return this.wrongType(path, "an object of dynamic blocks", value);
    for (const [name, specs] of Object.entries(value)) {
      const namePath = join(path, name);
      const blockType = blockTypes[name];
      if (!blockType) {
        this.report(
          namePath,
          "unknown_attribute",
          `is not a block type here${suggest(name, Object.keys(blockTypes))}; dynamic blocks generate nested blocks only`,
        );
        continue;
      }
      seen.add(name);
      forEachBody(specs, this, namePath, (checker, spec, specPath) => {
        checker.body(spec, DYNAMIC_BLOCK, specPath, { objectValue: true });
        if (isObject(spec.content)) checker.body(spec.content, blockType.block, join(specPath, "content"));
      });
    }
  }

  metaArgument(key: string, value: unknown, path: string, options: BodyOptions): void {
    switch (key) {
      case "count":
        return this.value(value, "number", path);
      case "depends_on":
        return this.value(value, ["list", "string"], path);
      case "provider":
      case "alias":
      case "version":
        if (typeof value !== "string") this.wrongType(path, "string", value);
        return;
      case "for_each":
        if (!isExpression(value) && !Array.isArray(value) && !isObject(value)) this.wrongType(path, "a map, a set or an expression", value);
        return;
      case "lifecycle":
        forEachBody(value, this, path, (checker, body, bodyPath) => {
          for (const lifecycleKey of Object.keys(body)) {
            if (!options.lifecycle?.includes(lifecycleKey)) {
              checker.report(
                join(bodyPath, lifecycleKey),
                "unknown_attribute",
                `is not a lifecycle argument here${suggest(lifecycleKey, options.lifecycle ?? [])}; allowed: ${(options.lifecycle ?? []).join(", ")}`,
              );
            }
          }
        });
        return;
      default:
        return; // "//" comments, connection and provisioner belong to terraform, not to the provider schema
    }
  }

  itemCount(count: number, limits: { min_items?: number; max_items?: number }, path: string, hasExpressions: boolean): void {
    if (hasExpressions) return;
    const { min_items: min, max_items: max } = limits;
    if (min !== undefined && count < min) {
      if (count === 0) this.report(path, "missing_required", `needs at least ${min} item(s), got none; add them`);
      else this.report(path, "item_count", `has ${count} item(s) but needs at least ${min}`);
    }
    if (max !== undefined && max > 0 && count > max) this.report(path, "item_count", `has ${count} items but allows at most ${max}`);
  }

  wrongType(path: string, expected: string, value: unknown): void {
    this.report(path, "wrong_type", `expects ${expected}, got ${describe(value)}`);
  }

  report(path: string, kind: SchemaConformanceErrorKind, detail: string): void {
    const message = path === "" ? `${this.address}: ${detail}` : `${this.address}: ${path} ${detail}`;
    this.errors.push({ address: this.address, path, kind, message });
  }
}

const DYNAMIC_BLOCK: SchemaBlock = {
  attributes: {
    for_each: { required: true, type: "dynamic" },
    iterator: { optional: true, type: "string" },
    labels: { optional: true, type: ["list", "string"] },
    content: { required: true, type: "dynamic" },
  },
};

// ---------------------------------------------------------------------------
// Values

/** A string with a template interpolation or directive; `$${` and `%%{` are escapes. */
export function isExpression(value: unknown): value is string {
  return typeof value === "string" && /[$%]\{/.test(value.replace(/\$\$\{|%%\{/g, ""));
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function primitiveAccepts(type: string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    case "number":
      return typeof value === "number" || (typeof value === "string" && DECIMAL.test(value));
    case "bool":
      return typeof value === "boolean" || (typeof value === "string" && ["true", "false", "1", "0"].includes(value));
    case "dynamic":
      return true;
    default:
      throw new Error(`provider schema has an unsupported primitive type "${type}"`);
  }
}

function typeName(type: CtyTypeJson): string {
  if (typeof type === "string") return type;
  const [kind, detail] = type;
  if (kind === "object") return `object({${Object.keys(detail).join(", ")}})`;
  if (kind === "tuple") return `tuple of ${detail.length} [${detail.map(typeName).join(", ")}]`;
  return `${kind} of ${typeName(detail)}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isObject(value)) return "an object";
  if (typeof value === "string") return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value === "boolean" ? "bool" : typeof value} ${String(value)}`;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** ` (did you mean "x"?)` for the closest known name within a small edit distance. */
function suggest(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known.filter((k) => k !== "//")) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
