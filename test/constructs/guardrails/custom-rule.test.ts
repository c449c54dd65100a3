/**
 * A consumer's own rule and pack, written against the public entry point only
 * (constructs/index.ts), as docs/guardrails.md describes them.
 */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { applyGuardrails, AWS_TRUST_PACK, checkGuardrails, GuardrailPack, GuardrailRule, Guardrails, isExpression } from "../../../constructs/index";

/** Every role names the team that answers for it, in its own tags or the provider's default tags. */
const roleOwnerTagged: GuardrailRule = {
  id: "role-owner-tagged",
  description: "Every IAM role carries an owner tag, itself or through the aws provider's default_tags.",
  fix: 'add tags: { owner: "<team>" } to the role, or to the provider\'s defaultTags.',
  severity: "error",
  exemptible: true,
  check(block, context) {
    if (block.kind !== "resource" || block.type !== "aws_iam_role") return [];
    const owner = block.values.tags?.owner;
    if (typeof owner === "string" && (owner.length > 0 || isExpression(owner))) return [];
    const byProvider = context.blocks.some((b) => b.kind === "provider" && b.type === "aws" && (b.values.default_tags ?? []).some((d: any) => d?.tags?.owner));
    return byProvider ? [] : [{ message: `the role ${block.values.name ?? block.name} has no owner tag.` }];
  },
};

const ACME_PACK: GuardrailPack = {
  name: "acme",
  description: "The AWS trust guardrails, and ACME's tagging rule.",
  rules: [...AWS_TRUST_PACK.rules, roleOwnerTagged],
};

function stackWithRole(tags?: Record<string, string>): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "ci");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new IamRole(stack, "deployer", { name: "deployer", assumeRolePolicy: "{}", tags });
  return stack;
}

describe("a custom guardrail rule, registered through the public entry point", () => {
  it("fails synth with its finding, in the library's format, when the rule is in the pack applied", () => {
    const stack = stackWithRole();
    applyGuardrails(stack.node.scope!, { packs: [ACME_PACK] });
    expect(() => Testing.synth(stack, true)).toThrow(
      `[ci] guardrail role-owner-tagged refuses ci/deployer (aws_iam_role.deployer): the role deployer has no owner tag. Fix: add tags: { owner: "<team>" } to the role, or to the provider's defaultTags.`,
    );
  });

  it("passes a compliant role, and a non-compliant one when the rule is not applied", () => {
    const tagged = stackWithRole({ owner: "payments" });
    applyGuardrails(tagged.node.scope!, { rules: [roleOwnerTagged] });
    expect(() => Testing.synth(tagged, true)).not.toThrow();
    const untagged = stackWithRole();
    applyGuardrails(untagged.node.scope!);
    expect(() => Testing.synth(untagged, true)).not.toThrow();
  });

  it("is exempted by its rule object, with a reason", () => {
    const stack = stackWithRole();
    Guardrails.exempt(stack.node.findChild("deployer"), roleOwnerTagged, "a break-glass role that belongs to nobody on purpose");
    applyGuardrails(stack.node.scope!, { packs: [ACME_PACK] });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  it("runs in checkGuardrails over a synthesized configuration", () => {
    const config = { resource: { aws_iam_role: { deployer: { name: "deployer", assume_role_policy: "{}" } } } };
    expect(checkGuardrails(config, { packs: [ACME_PACK] }).map((f) => [f.rule, f.severity, f.address])).toEqual([
      ["role-owner-tagged", "error", "aws_iam_role.deployer"],
    ]);
    const defaultTags = { ...config, provider: { aws: [{ region: "eu-west-1", default_tags: [{ tags: { owner: "payments" } }] }] } };
    expect(checkGuardrails(defaultTags, { packs: [ACME_PACK] })).toEqual([]);
  });
});
