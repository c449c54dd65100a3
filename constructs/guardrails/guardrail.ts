/**
 * The shape of a guardrail rule: a pure function over one block of a
 * synthesized Terraform configuration (a resource, data source or provider),
 * which returns what is wrong and how to fix it. Rules see the synthesized
 * JSON, so they also catch raw resources and escape-hatch overrides, not only
 * what this library's constructs create.
 */
import { IConstruct } from "constructs";

/**
 * Synthesized Terraform JSON, as cdktf writes it. Its shape is each provider's schema, which this library does
 * not type, so code that walks a configuration reads it through this one alias rather than scattering `any`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SynthesizedJson = any;

/** One block of a synthesized Terraform configuration. */
export interface SynthesizedBlock {
  /** Which section of the configuration the block is in. */
  readonly kind: "resource" | "data" | "provider";
  /** Terraform type, for example `aws_iam_role` (for providers: the provider name, `aws`). */
  readonly type: string;
  /** Logical name in the configuration (for providers: the alias, or `default`). */
  readonly name: string;
  /** Construct path of the block, or its Terraform address when the configuration does not say. */
  readonly path: string;
  /** The block's arguments as synthesized (tokens appear as `${...}` strings). */
  readonly values: Record<string, SynthesizedJson>;
}

/** The Terraform address of a block, as terraform prints it. */
export function blockAddress(block: Pick<SynthesizedBlock, "kind" | "type" | "name">): string {
  if (block.kind === "data") return `data.${block.type}.${block.name}`;
  if (block.kind === "provider") return block.name === "default" ? `provider.${block.type}` : `provider.${block.type}.${block.name}`;
  return `${block.type}.${block.name}`;
}

/** How a finding of a rule is reported: `error` fails synth, `warning` becomes a warning annotation. */
export type GuardrailSeverity = "error" | "warning";

/** Settings of the guardrails. */
export interface GuardrailOptions {
  /**
   * The packs whose rules run.
   * @default [RECOMMENDED_PACK] - every rule of this library
   */
  readonly packs?: readonly GuardrailPack[];
  /**
   * Rules run besides those of the packs, for example the consumer's own.
   * @default - none
   */
  readonly rules?: readonly GuardrailRule[];
  /**
   * Largest trust policy accepted, in characters without whitespace. Raise it
   * only after raising the account's "role trust policy length" quota (at most 8,192).
   * @default 2048
   */
  readonly trustPolicySizeLimit?: number;
}

/** The backend a stack keeps its state in, as synthesized (`terraform.backend`). */
export interface SynthesizedBackend {
  /** Backend type, for example `s3` or `local`. */
  readonly type: string;
  /** Its settings (for `s3`: `bucket`, `key`, `region`...). */
  readonly values: Record<string, SynthesizedJson>;
}

/** What a rule sees besides the block it checks. */
export interface GuardrailContext {
  /** Every block of the same stack, for references between blocks. */
  readonly blocks: readonly SynthesizedBlock[];
  /** Where the stack keeps its state, when the configuration says (cdktf's default local backend is not written). */
  readonly backend?: SynthesizedBackend;
  /** The trust policy size limit in force. */
  readonly trustPolicySizeLimit: number;
  /**
   * The construct that synthesized a block, for facts the JSON does not hold
   * (for example which roles a pipeline's steps assume, recorded as construct
   * metadata). Undefined when the rules run over bare JSON ({@link checkGuardrails}
   * without constructs) or the block has no construct path.
   */
  constructOf(block: SynthesizedBlock): IConstruct | undefined;
}

/** One thing wrong with a block. */
export interface GuardrailViolation {
  /** What is wrong, in a sentence. */
  readonly message: string;
  /** How to fix this violation. @default - the rule's fix */
  readonly fix?: string;
}

/**
 * A guardrail rule: a pure function over one synthesized block, with what it
 * requires and how to comply. Rules are plain objects; consumers write their
 * own and run them with {@link applyGuardrails} (`rules`, or in a pack).
 */
export interface GuardrailRule {
  /** Stable identifier (lowercase words joined by hyphens), also the rule's file name. */
  readonly id: string;
  /** One sentence: what the rule requires. */
  readonly description: string;
  /** One sentence: how to comply, when a violation gives no more specific fix. */
  readonly fix: string;
  /** Whether a finding fails synth (`error`) or is reported as a warning annotation. */
  readonly severity: GuardrailSeverity;
  /** Whether {@link Guardrails.exempt} may waive the rule for a construct, with a reason. */
  readonly exemptible: boolean;
  /** The violations of one block; empty when it complies. */
  check(block: SynthesizedBlock, context: GuardrailContext): GuardrailViolation[];
}

/** A named group of rules, applied together. */
export interface GuardrailPack {
  /** Name of the pack, for messages and documentation. */
  readonly name: string;
  /** What the pack protects, in a sentence. */
  readonly description: string;
  /** The rules, in the order their findings are reported. */
  readonly rules: readonly GuardrailRule[];
}

/** A violation, located. */
export interface GuardrailFinding {
  /** ID of the rule. */
  readonly rule: string;
  /** Severity of the rule. */
  readonly severity: GuardrailSeverity;
  /** Construct path of the block. */
  readonly path: string;
  /** Terraform address of the block. */
  readonly address: string;
  /** What is wrong, in a sentence. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** The message a failed synth shows for a finding. */
export function formatFinding(finding: GuardrailFinding): string {
  const verb = finding.severity === "error" ? "refuses" : "warns about";
  return `guardrail ${finding.rule} ${verb} ${finding.path} (${finding.address}): ${finding.message} Fix: ${finding.fix}`;
}

/** The backend of a synthesized stack configuration, when it names one. */
export function synthesizedBackend(config: SynthesizedJson): SynthesizedBackend | undefined {
  const [entry] = Object.entries<SynthesizedJson>(config?.terraform?.backend ?? {});
  return entry ? { type: entry[0], values: entry[1] ?? {} } : undefined;
}

/** Whether a synthesized value is (or contains) an unresolved Terraform expression. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/**
 * The blocks of a synthesized stack configuration (the JSON of `cdk.tf.json`,
 * or `TerraformStack.toTerraform()`), with their construct paths.
 */
export function synthesizedBlocks(config: SynthesizedJson): SynthesizedBlock[] {
  const blocks: SynthesizedBlock[] = [];
  const add = (kind: "resource" | "data", section: SynthesizedJson): void => {
    for (const [type, byName] of Object.entries<SynthesizedJson>(section ?? {})) {
      for (const [name, body] of Object.entries<SynthesizedJson>(byName ?? {})) {
        const { "//": meta, ...values } = body ?? {};
        const path = meta?.metadata?.path ?? blockAddress({ kind, type, name });
        blocks.push({ kind, type, name, path, values });
      }
    }
  };
  add("resource", config?.resource);
  add("data", config?.data);
  for (const [type, bodies] of Object.entries<SynthesizedJson>(config?.provider ?? {})) {
    for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
      const { "//": meta, ...values } = body ?? {};
      const name = typeof values.alias === "string" ? values.alias : "default";
      blocks.push({ kind: "provider", type, name, path: meta?.metadata?.path ?? blockAddress({ kind: "provider", type, name }), values });
    }
  }
  return blocks;
}
