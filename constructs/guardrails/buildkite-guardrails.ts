import { Annotations, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { buildkiteTrustPinned } from "./buildkite-trust-pinned";
import { buildkiteWildcardsAnchored } from "./buildkite-wildcards-anchored";
import {
  blockAddress,
  formatFinding,
  GuardrailContext,
  GuardrailFinding,
  GuardrailOptions,
  GuardrailRule,
  synthesizedBlocks,
} from "./guardrail";
import { noAdminWildcard } from "./no-admin-wildcard";
import { noIamUsers } from "./no-iam-users";
import { roleName } from "./role-name";
import { roleSessionDuration } from "./role-session-duration";
import { DEFAULT_TRUST_POLICY_SIZE_LIMIT, MAX_TRUST_POLICY_SIZE_LIMIT, trustPolicySize } from "./trust-policy-size";

/** Every guardrail, in the order findings are reported. */
export const GUARDRAIL_RULES: readonly GuardrailRule[] = [
  buildkiteTrustPinned,
  buildkiteWildcardsAnchored,
  trustPolicySize,
  roleSessionDuration,
  roleName,
  noIamUsers,
  noAdminWildcard,
];

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

/**
 * Runs every guardrail over one synthesized stack configuration. Pure: the
 * same configuration, options and exemptions give the same findings.
 */
export function checkGuardrails(config: any, options: GuardrailOptions = {}, exemptions: readonly GuardrailExemption[] = []): GuardrailFinding[] {
  const blocks = synthesizedBlocks(config);
  const context: GuardrailContext = { blocks, trustPolicySizeLimit: resolveOptions(options).trustPolicySizeLimit };
  const exempt = (rule: GuardrailRule, path: string): boolean =>
    rule.exemptible && exemptions.some((e) => e.rule === rule.id && (path === e.path || path.startsWith(`${e.path}/`)));
  return GUARDRAIL_RULES.flatMap((rule) =>
    blocks
      .filter((block) => !exempt(rule, block.path))
      .flatMap((block) => rule.check(block, context).map((v) => ({ ...v, rule: rule.id, path: block.path, address: blockAddress(block) }))),
  );
}

function resolveOptions(options: GuardrailOptions): Required<GuardrailOptions> {
  const limit = options.trustPolicySizeLimit ?? DEFAULT_TRUST_POLICY_SIZE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRUST_POLICY_SIZE_LIMIT) {
    throw new Error(
      `trustPolicySizeLimit ${limit} is out of range: use the account's "Role trust policy length" quota, ` +
        `a whole number from 1 to ${MAX_TRUST_POLICY_SIZE_LIMIT} (default ${DEFAULT_TRUST_POLICY_SIZE_LIMIT}).`,
    );
  }
  return { trustPolicySizeLimit: limit };
}

const guardedStacks = new WeakSet<TerraformStack>();
const backstopScopes = new WeakSet<IConstruct>();
const optionsByScope = new WeakMap<IConstruct, GuardrailOptions>();

/**
 * Applies the guardrails at synth: every stack they are applied to fails
 * validation (`cdktf synth`, `Testing.synth(stack, true)`, the test harness)
 * with one message per finding, naming the construct path, the rule and the
 * fix. The constructs of this library apply them to their own stacks; apply
 * them to the app to cover every stack, including stacks without any
 * Buildkite construct (IAM users and static keys are refused everywhere).
 */
export class BuildkiteGuardrails {
  /**
   * Applies the guardrails to the stack of `scope`, or to every stack under
   * it when `scope` is an app (or another construct above the stacks).
   * Options given here apply to every stack below `scope`.
   */
  static applyTo(scope: IConstruct, options?: GuardrailOptions): void {
    if (options) {
      resolveOptions(options);
      optionsByScope.set(scope, { ...optionsByScope.get(scope), ...options });
    }
    const enclosing = scope.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
    if (enclosing) {
      guard(enclosing);
      return;
    }
    scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c)).forEach(guard);
    // Stacks added after this call are still checked, by the app's own validation.
    if (!backstopScopes.has(scope)) {
      backstopScopes.add(scope);
      scope.node.addValidation({
        validate: () =>
          scope.node
            .findAll()
            .filter((c): c is TerraformStack => TerraformStack.isStack(c) && !guardedStacks.has(c))
            .flatMap((stack) => checkStack(stack).map((message) => `[${stack.node.path}] ${message}`)),
      });
    }
  }

  /**
   * Waives an exemptible rule for a construct and everything under it. The
   * reason is required and recorded as an info annotation.
   */
  static exempt(construct: IConstruct, ruleId: string, reason: string): void {
    const rule = GUARDRAIL_RULES.find((r) => r.id === ruleId);
    if (!rule) throw new Error(`unknown guardrail "${ruleId}": use one of ${GUARDRAIL_RULES.map((r) => r.id).join(", ")}.`);
    if (!rule.exemptible) throw new Error(`guardrail "${ruleId}" cannot be exempted: ${rule.description} Fix the configuration instead.`);
    if (reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(`the reason for exempting ${construct.node.path} from "${ruleId}" is too short: explain in a sentence why it is needed.`);
    }
    construct.node.addMetadata(EXEMPTION_METADATA, { rule: ruleId, reason });
    Annotations.of(construct).addInfo(`guardrail ${ruleId} exempted: ${reason}`);
  }

  /** The exemptions recorded on a construct tree. */
  static exemptionsIn(scope: IConstruct): GuardrailExemption[] {
    return scope.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata.filter((m) => m.type === EXEMPTION_METADATA).map((m) => ({ rule: m.data.rule, reason: m.data.reason, path: c.node.path })),
      );
  }
}

function guard(stack: TerraformStack): void {
  if (guardedStacks.has(stack)) return;
  guardedStacks.add(stack);
  stack.node.addValidation({ validate: () => checkStack(stack) });
}

function checkStack(stack: TerraformStack): string[] {
  const options = stack.node.scopes.reduce<GuardrailOptions>((merged, s) => ({ ...merged, ...optionsByScope.get(s) }), {});
  return checkGuardrails(stack.toTerraform(), options, BuildkiteGuardrails.exemptionsIn(stack)).map(formatFinding);
}
