/**
 * The shape of a guardrail rule: a pure function over one block of a
 * synthesized Terraform configuration (a resource, data source or provider),
 * which returns what is wrong and how to fix it. Rules see the synthesized
 * JSON, so they also catch raw resources and escape-hatch overrides, not only
 * what this library's constructs create.
 */

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
  readonly values: Record<string, any>;
}

/** The Terraform address of a block, as terraform prints it. */
export function blockAddress(block: Pick<SynthesizedBlock, "kind" | "type" | "name">): string {
  if (block.kind === "data") return `data.${block.type}.${block.name}`;
  if (block.kind === "provider") return block.name === "default" ? `provider.${block.type}` : `provider.${block.type}.${block.name}`;
  return `${block.type}.${block.name}`;
}

/** Settings of the guardrails. */
export interface GuardrailOptions {
  /**
   * Largest trust policy accepted, in characters without whitespace. Raise it
   * only after raising the account's "role trust policy length" quota (at most 8,192).
   * @default 2048
   */
  readonly trustPolicySizeLimit?: number;
}

/** What a rule sees besides the block it checks. */
export interface GuardrailContext {
  /** Every block of the same stack, for references between blocks. */
  readonly blocks: readonly SynthesizedBlock[];
  /** The trust policy size limit in force. */
  readonly trustPolicySizeLimit: number;
}

/** One thing wrong with a block. */
export interface GuardrailViolation {
  /** What is wrong, in a sentence. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** A guardrail rule. */
export interface GuardrailRule {
  /** Stable identifier, also the rule's file name. */
  readonly id: string;
  /** One sentence: what the rule refuses. */
  readonly description: string;
  /** Whether {@link BuildkiteGuardrails.exempt} may waive the rule for a construct, with a reason. */
  readonly exemptible: boolean;
  /** The violations of one block; empty when it complies. */
  check(block: SynthesizedBlock, context: GuardrailContext): GuardrailViolation[];
}

/** A violation, located. */
export interface GuardrailFinding extends GuardrailViolation {
  /** ID of the rule. */
  readonly rule: string;
  /** Construct path of the block. */
  readonly path: string;
  /** Terraform address of the block. */
  readonly address: string;
}

/** The message a failed synth shows for a finding. */
export function formatFinding(finding: GuardrailFinding): string {
  return `guardrail ${finding.rule} refuses ${finding.path} (${finding.address}): ${finding.message} Fix: ${finding.fix}`;
}

/** Whether a synthesized value is (or contains) an unresolved Terraform expression. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/**
 * The blocks of a synthesized stack configuration (the JSON of `cdk.tf.json`,
 * or `TerraformStack.toTerraform()`), with their construct paths.
 */
export function synthesizedBlocks(config: any): SynthesizedBlock[] {
  const blocks: SynthesizedBlock[] = [];
  const add = (kind: "resource" | "data", section: any): void => {
    for (const [type, byName] of Object.entries<any>(section ?? {})) {
      for (const [name, body] of Object.entries<any>(byName ?? {})) {
        const { "//": meta, ...values } = body ?? {};
        const path = meta?.metadata?.path ?? blockAddress({ kind, type, name });
        blocks.push({ kind, type, name, path, values });
      }
    }
  };
  add("resource", config?.resource);
  add("data", config?.data);
  for (const [type, bodies] of Object.entries<any>(config?.provider ?? {})) {
    for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
      const { "//": meta, ...values } = body ?? {};
      const name = typeof values.alias === "string" ? values.alias : "default";
      blocks.push({ kind: "provider", type, name, path: meta?.metadata?.path ?? blockAddress({ kind: "provider", type, name }), values });
    }
  }
  return blocks;
}
