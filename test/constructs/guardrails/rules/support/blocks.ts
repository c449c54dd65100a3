/** Test support: synthesized blocks and a context for calling guardrail rules directly. */
import { IConstruct } from "constructs";
import { GuardrailContext, GuardrailRule, GuardrailViolation, SynthesizedBackend, SynthesizedBlock } from "../../../../../constructs/guardrails/guardrail";
import { PolicyDocument, renderPolicy } from "../../../../../constructs/policy/policy-document";

export function resource(type: string, values: Record<string, any>, name = "subject"): SynthesizedBlock {
  return { kind: "resource", type, name, path: `stack/${name}`, values };
}

export function data(type: string, values: Record<string, any>, name = "subject"): SynthesizedBlock {
  return { kind: "data", type, name, path: `stack/${name}`, values };
}

export function role(trustPolicy: PolicyDocument | string, extra: Record<string, any> = {}): SynthesizedBlock {
  return resource("aws_iam_role", { name: "ci", assume_role_policy: typeof trustPolicy === "string" ? trustPolicy : renderPolicy(trustPolicy), ...extra });
}

/**
 * Runs a rule on a block, with the other blocks of the stack around it and,
 * when given, the construct that synthesized the block and the stack's backend.
 */
export function check(
  rule: GuardrailRule,
  block: SynthesizedBlock,
  others: SynthesizedBlock[] = [],
  trustPolicySizeLimit = 2048,
  construct?: IConstruct,
  backend?: SynthesizedBackend,
): GuardrailViolation[] {
  const context: GuardrailContext = {
    blocks: [block, ...others],
    backend,
    trustPolicySizeLimit,
    constructOf: (b) => (b === block ? construct : undefined),
  };
  // As the engine reports them: a violation without its own fix takes the rule's.
  return rule.check(block, context).map((v) => ({ message: v.message, fix: v.fix ?? rule.fix }));
}

export const PROVIDER_ARN = "arn:aws:iam::111111111111:oidc-provider/agent.buildkite.com";

/** A Buildkite trust policy with the given conditions. */
export function buildkiteTrust(condition: Record<string, Record<string, string | string[]>>, principal = PROVIDER_ARN): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Federated: principal }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition }],
  };
}
