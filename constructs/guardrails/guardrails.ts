/**
 * Runs guardrail rules over synthesized stacks: purely over a configuration
 * ({@link checkGuardrails}), or at synth as a cdktf aspect ({@link applyGuardrails}).
 */
import { AnnotationMetadataEntryType, Annotations, Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import {
  blockAddress,
  formatFinding,
  GuardrailContext,
  GuardrailFinding,
  GuardrailOptions,
  GuardrailRule,
  SynthesizedBlock,
  synthesizedBackend,
  synthesizedBlocks,
  SynthesizedJson,
} from "./guardrail";
import { GUARDRAIL_RULES, RECOMMENDED_PACK } from "./packs";
import { DEFAULT_TRUST_POLICY_SIZE_LIMIT, MAX_TRUST_POLICY_SIZE_LIMIT } from "./rules/trust-policy-size";

/** A rule waived for a construct and everything under it. */
export interface GuardrailExemption {
  /** ID of the waived rule. */
  readonly rule: string;
  /** Construct path the exemption applies to (and below). */
  readonly path: string;
  /** Why the rule is waived. */
  readonly reason: string;
}

const EXEMPTION_METADATA = "buildkite-terraform-trust:guardrail-exemption";
const MIN_REASON_LENGTH = 10;
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rules and settings one set of guardrails runs with. */
interface ResolvedOptions {
  readonly rules: readonly GuardrailRule[];
  readonly trustPolicySizeLimit: number;
}

function resolveOptions(options: GuardrailOptions): ResolvedOptions {
  const limit = options.trustPolicySizeLimit ?? DEFAULT_TRUST_POLICY_SIZE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRUST_POLICY_SIZE_LIMIT) {
    throw new Error(
      `trustPolicySizeLimit ${limit} is out of range: use the account's "Role trust policy length" quota, ` +
        `a whole number from 1 to ${MAX_TRUST_POLICY_SIZE_LIMIT} (default ${DEFAULT_TRUST_POLICY_SIZE_LIMIT}).`,
    );
  }
  const rules = new Map<string, GuardrailRule>();
  for (const rule of [...(options.packs ?? [RECOMMENDED_PACK]).flatMap((pack) => pack.rules), ...(options.rules ?? [])]) {
    checkRule(rule);
    const known = rules.get(rule.id);
    if (known !== undefined && known !== rule) {
      throw new Error(`two different guardrail rules have the id "${rule.id}": give each rule its own id.`);
    }
    rules.set(rule.id, rule);
  }
  return { rules: [...rules.values()], trustPolicySizeLimit: limit };
}

/** Refuses a rule object that could not be reported or exempted properly (custom rules come from outside). */
function checkRule(rule: GuardrailRule): void {
  if (typeof rule?.id !== "string" || !RULE_ID.test(rule.id)) {
    throw new Error(`guardrail rule id ${JSON.stringify(rule?.id)} must be lowercase words joined by hyphens, like "no-iam-users".`);
  }
  if (rule.severity !== "error" && rule.severity !== "warning") {
    throw new Error(`guardrail rule "${rule.id}" has severity ${JSON.stringify(rule.severity)}: use "error" or "warning".`);
  }
  if (typeof rule.check !== "function" || !rule.description || !rule.fix) {
    throw new Error(`guardrail rule "${rule.id}" needs a description, a fix and a check function.`);
  }
}

/** Runs the rules over one configuration; `constructOf` gives the rules the construct tree, when there is one. */
function findingsOf(
  config: SynthesizedJson,
  resolved: ResolvedOptions,
  exemptions: readonly GuardrailExemption[],
  constructOf: (block: SynthesizedBlock) => IConstruct | undefined,
): GuardrailFinding[] {
  const blocks = synthesizedBlocks(config);
  const context: GuardrailContext = { blocks, backend: synthesizedBackend(config), trustPolicySizeLimit: resolved.trustPolicySizeLimit, constructOf };
  const exempt = (rule: GuardrailRule, path: string): boolean =>
    rule.exemptible && exemptions.some((e) => e.rule === rule.id && (path === e.path || path.startsWith(`${e.path}/`)));
  return resolved.rules.flatMap((rule) =>
    blocks
      .filter((block) => !exempt(rule, block.path))
      .flatMap((block) =>
        rule.check(block, context).map((violation): GuardrailFinding => ({
          rule: rule.id,
          severity: rule.severity,
          path: block.path,
          address: blockAddress(block),
          message: violation.message,
          fix: violation.fix ?? rule.fix,
        })),
      ),
  );
}

/**
 * Runs the guardrails over one synthesized stack configuration (the JSON of
 * `cdk.tf.json`, or `TerraformStack.toTerraform()`), without constructs: rules
 * that need facts from the construct tree (the pipeline rules) find none and
 * pass. Pure: the same configuration, options and exemptions give the same findings.
 */
export function checkGuardrails(config: SynthesizedJson, options: GuardrailOptions = {}, exemptions: readonly GuardrailExemption[] = []): GuardrailFinding[] {
  return findingsOf(config, resolveOptions(options), exemptions, () => undefined);
}

/**
 * Guardrails as a cdktf aspect: every stack it visits gets a validation that
 * runs the rules over the stack's configuration at synth (`cdktf synth`,
 * `Testing.synth(stack, true)`). Findings of `error` rules fail the validation,
 * one message per finding naming the rule, the construct path, the Terraform
 * address and the fix; findings of `warning` rules become warning annotations
 * of the block's construct. The settings live on the instance.
 *
 * Attach it with {@link applyGuardrails}, which also covers an app's stacks
 * (cdktf 0.21 runs aspects from each stack down, never from the app).
 */
export class Guardrails implements IAspect {
  /**
   * Waives an exemptible rule for a construct and everything under it. The
   * reason is required and recorded as an info annotation; the exemption is
   * kept in the construct's metadata. Name a rule of this library by its ID,
   * or pass the rule object of a custom rule.
   */
  static exempt(construct: IConstruct, rule: string | GuardrailRule, reason: string): void {
    const known = typeof rule === "string" ? GUARDRAIL_RULES.find((r) => r.id === rule) : rule;
    if (!known) {
      throw new Error(`unknown guardrail "${rule}": use one of ${GUARDRAIL_RULES.map((r) => r.id).join(", ")}, or pass the rule object of a custom rule.`);
    }
    if (!known.exemptible) throw new Error(`guardrail "${known.id}" cannot be exempted: ${known.description} Fix the configuration instead.`);
    if (reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(`the reason for exempting ${construct.node.path} from "${known.id}" is too short: explain in a sentence why it is needed.`);
    }
    construct.node.addMetadata(EXEMPTION_METADATA, { rule: known.id, reason });
    // The annotation as Annotations.addInfo records it, but without its stack trace: the manifest must not
    // depend on where synthesis ran (absolute paths, one process or several).
    construct.node.addMetadata(AnnotationMetadataEntryType.INFO, `guardrail ${known.id} exempted: ${reason}`);
  }

  /** The exemptions recorded on a construct tree. */
  static exemptionsIn(scope: IConstruct): GuardrailExemption[] {
    return scope.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata.filter((m) => m.type === EXEMPTION_METADATA).map((m) => ({ rule: m.data.rule, reason: m.data.reason, path: c.node.path })),
      );
  }

  /** The rules that run, in the order their findings are reported. */
  readonly rules: readonly GuardrailRule[];
  /** The trust policy size limit in force. */
  readonly trustPolicySizeLimit: number;
  private readonly guarded = new WeakSet<TerraformStack>();
  /** Warnings already annotated, per stack: a stack may be validated more than once. */
  private readonly warned = new WeakMap<TerraformStack, Set<string>>();

  constructor(options: GuardrailOptions = {}) {
    const resolved = resolveOptions(options);
    this.rules = resolved.rules;
    this.trustPolicySizeLimit = resolved.trustPolicySizeLimit;
  }

  /** Adds the validation to a stack (once); other constructs need nothing. */
  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.guarded.has(node)) return;
    this.guarded.add(node);
    node.node.addValidation({ validate: () => this.validate(node) });
  }

  /**
   * Applies the guardrails to the stack of `scope`, or to every stack under
   * it when `scope` is an app (or another construct above the stacks). Stacks
   * added to an app after this call are checked by the app's own validation.
   */
  applyTo(scope: IConstruct): void {
    const enclosing = scope.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
    if (enclosing) {
      Aspects.of(enclosing).add(this);
      return;
    }
    scope.node
      .findAll()
      .filter((c): c is TerraformStack => TerraformStack.isStack(c))
      .forEach((stack) => Aspects.of(stack).add(this));
    scope.node.addValidation({
      validate: () =>
        scope.node
          .findAll()
          .filter((c): c is TerraformStack => TerraformStack.isStack(c) && !this.guarded.has(c))
          .flatMap((stack) => this.validate(stack).map((message) => `[${stack.node.path}] ${message}`)),
    });
  }

  /** The findings of a stack as it synthesizes now, with its exemptions and construct facts. */
  check(stack: TerraformStack): GuardrailFinding[] {
    let byPath: Map<string, IConstruct> | undefined;
    const constructOf = (block: SynthesizedBlock): IConstruct | undefined =>
      (byPath ??= new Map(stack.node.findAll().map((c): [string, IConstruct] => [c.node.path, c]))).get(block.path);
    return findingsOf(stack.toTerraform(), this, Guardrails.exemptionsIn(stack), constructOf);
  }

  private validate(stack: TerraformStack): string[] {
    const findings = this.check(stack);
    const warned = this.warned.get(stack) ?? new Set<string>();
    this.warned.set(stack, warned);
    for (const finding of findings.filter((f) => f.severity === "warning")) {
      const message = formatFinding(finding);
      if (warned.has(message)) continue;
      warned.add(message);
      const construct = stack.node.findAll().find((c) => c.node.path === finding.path) ?? stack;
      Annotations.of(construct).addWarning(message);
    }
    return findings.filter((f) => f.severity === "error").map(formatFinding);
  }
}

/**
 * Applies guardrails to `scope` (an app, a stack, or a construct in a stack;
 * see {@link Guardrails.applyTo}), once, where the app is composed. Without
 * options every rule of this library runs ({@link RECOMMENDED_PACK}); choose
 * packs, add your own rules, or raise the trust policy size limit:
 *
 * ```ts
 * applyGuardrails(app, { packs: [AWS_TRUST_PACK], rules: [myRule], trustPolicySizeLimit: 4096 });
 * ```
 */
export function applyGuardrails(scope: IConstruct, options: GuardrailOptions = {}): Guardrails {
  const guardrails = new Guardrails(options);
  guardrails.applyTo(scope);
  return guardrails;
}
