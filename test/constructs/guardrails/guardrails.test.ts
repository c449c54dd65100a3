import { IamAccessKey } from "@cdktf/provider-aws/lib/iam-access-key";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { GuardrailRule } from "../../../constructs/guardrails/guardrail";
import { applyGuardrails, checkGuardrails, Guardrails } from "../../../constructs/guardrails/guardrails";
import {
  AWS_TRUST_PACK,
  BUILDKITE_PIPELINES_PACK,
  GCP_TRUST_PACK,
  GUARDRAIL_RULES,
  RECOMMENDED_PACK,
  STATE_BACKEND_PACK,
} from "../../../constructs/guardrails/packs";
import { renderPolicy } from "../../../constructs/policy/policy-document";
import { BuildkitePipelineRole } from "../../../constructs/trust/buildkite-pipeline-role";
import { PipelineAccess } from "../../../constructs/trust/pipeline-access";
import { buildkiteTrust } from "./rules/support/blocks";
import { awsStack, synthError } from "../../support/synth";

const ACCOUNT = "111111111111";

const ADMIN = renderPolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
const largeAccess = () =>
  new PipelineAccess({
    accountId: ACCOUNT,
    organization: "acme",
    pipeline: "networking-core-infrastructure",
    organizationId: "0184990a-477b-4fa8-9968-496074483c77",
    pipelineId: "0184990a-4782-42b5-afc1-16715b10b110",
    apply: { branches: ["main", "production", "release/*", "hotfix/*"], tags: ["v*"], stepKeys: ["apply", "apply-eu", "apply-us"] },
  });

describe("guardrails", () => {
  it("lists every rule once, each with a description, a fix and a severity, and groups them in packs", () => {
    const ids = GUARDRAIL_RULES.map((r) => r.id);
    expect(ids).toEqual([
      "buildkite-trust-pinned",
      "buildkite-subject-fields-bounded",
      "buildkite-wildcards-anchored",
      "trust-policy-size",
      "role-session-duration",
      "role-name",
      "no-iam-users",
      "no-admin-wildcard",
      "iam-writers-bounded",
      "plan-role-read-only",
      "no-fork-builds-with-writable-roles",
      "required-pipeline-settings",
      "secret-state-default-branch-only",
      "apply-steps-signed-and-isolated",
      "no-service-account-keys",
      "state-bucket-admin-only",
      "state-key-admin-only",
    ]);
    for (const rule of GUARDRAIL_RULES) {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.fix.length).toBeGreaterThan(20);
      // Signing and a queue of its own need keys and agents outside this library: only a warning.
      expect(rule.severity).toBe(rule.id === "apply-steps-signed-and-isolated" ? "warning" : "error");
    }
    expect(RECOMMENDED_PACK.rules).toEqual(GUARDRAIL_RULES);
    expect([...AWS_TRUST_PACK.rules, ...BUILDKITE_PIPELINES_PACK.rules, ...GCP_TRUST_PACK.rules, ...STATE_BACKEND_PACK.rules]).toEqual(GUARDRAIL_RULES);
  });

  it("fails synth with one message per finding naming the construct path, the rule and the fix", () => {
    const app = Testing.app();
    const stack = awsStack("identity", app);
    applyGuardrails(app);
    new IamRole(stack, "open", { name: "open", assumeRolePolicy: renderPolicy(buildkiteTrust({})), maxSessionDuration: 600 });
    const error = synthError(stack);
    expect(error).toContain(
      '[identity] guardrail buildkite-trust-pinned refuses identity/open (aws_iam_role.open): statement 1 lets Buildkite tokens in without a StringEquals check of "agent.buildkite.com:aud". Fix: declare the role with PipelineAccess',
    );
    expect(error).toContain("guardrail buildkite-subject-fields-bounded refuses identity/open (aws_iam_role.open): statement 1 does not refuse subjects");
    expect(error).toContain("guardrail role-session-duration refuses identity/open (aws_iam_role.open): max_session_duration is 600");
    expect(error.match(/guardrail /g)).toHaveLength(4);
  });

  it("applied to the app, refuses IAM users and access keys in stacks without any Buildkite construct", () => {
    const app = Testing.app();
    const stack = awsStack("legacy", app);
    const user = new IamUser(stack, "ci-user", { name: "ci" });
    new IamAccessKey(stack, "ci-key", { user: user.name });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    applyGuardrails(app);
    expect(() => Testing.synth(stack, true)).toThrow(
      /guardrail no-iam-users refuses legacy\/ci-user \(aws_iam_user\.ci-user\)[\s\S]*guardrail no-iam-users refuses legacy\/ci-key/,
    );
  });

  it("still checks stacks added to the app after the guardrails were applied (the app's own validation)", () => {
    const app = Testing.app();
    applyGuardrails(app);
    const late = awsStack("late", app);
    new IamUser(late, "ci-user", { name: "ci" });
    expect(() => app.synth()).toThrow(/\[late\] guardrail no-iam-users refuses late\/ci-user/);
  });

  it("uses a raised trust policy size limit given for the app", () => {
    const strict = Testing.app();
    new BuildkitePipelineRole(awsStack("identity", strict), "Apply", { access: largeAccess(), kind: "apply" });
    applyGuardrails(strict);
    expect(() => Testing.synth(strict.node.findChild("identity") as TerraformStack, true)).toThrow(/guardrail trust-policy-size .* over the limit of 2048/);

    const raised = Testing.app();
    new BuildkitePipelineRole(awsStack("identity", raised), "Apply", { access: largeAccess(), kind: "apply" });
    applyGuardrails(raised, { trustPolicySizeLimit: 4096 });
    expect(() => Testing.synth(raised.node.findChild("identity") as TerraformStack, true)).not.toThrow();
    expect(() => applyGuardrails(raised, { trustPolicySizeLimit: 9000 })).toThrow(/trustPolicySizeLimit 9000 is out of range/);
  });

  it("runs only the rules of the packs chosen, plus the rules given", () => {
    const app = Testing.app();
    const stack = awsStack("legacy", app);
    new IamUser(stack, "ci-user", { name: "ci" });
    new IamRole(stack, "slow", { name: "slow", assumeRolePolicy: "{}", maxSessionDuration: 600 });
    applyGuardrails(app, { packs: [BUILDKITE_PIPELINES_PACK], rules: [GUARDRAIL_RULES.find((r) => r.id === "role-session-duration")!] });
    const error = synthError(stack);
    expect(error).toContain("guardrail role-session-duration refuses legacy/slow");
    expect(error).not.toContain("no-iam-users");
  });

  it("reports findings of warning rules as warning annotations of the block's construct, once, and passes", () => {
    const untagged: GuardrailRule = {
      id: "role-tagged",
      description: "Every role carries an owner tag, so that someone answers for it.",
      fix: "add an owner tag to the role.",
      severity: "warning",
      exemptible: false,
      check: (block) => (block.type === "aws_iam_role" && !block.values.tags?.owner ? [{ message: "the role has no owner tag." }] : []),
    };
    const app = Testing.app();
    const stack = awsStack("identity", app);
    const role = new IamRole(stack, "untagged", { name: "untagged", assumeRolePolicy: "{}" });
    new IamRole(stack, "tagged", { name: "tagged", assumeRolePolicy: "{}", tags: { owner: "platform" } });
    applyGuardrails(app, { rules: [untagged] });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const warnings = (construct: Construct) => construct.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
    expect(warnings(role)).toEqual([
      "guardrail role-tagged warns about identity/untagged (aws_iam_role.untagged): the role has no owner tag. Fix: add an owner tag to the role.",
    ]);
    expect(stack.node.findAll().flatMap(warnings)).toHaveLength(1);
  });

  it("refuses rules that could not be reported or exempted properly", () => {
    const rule = (overrides: Partial<GuardrailRule>): GuardrailRule => ({ ...GUARDRAIL_RULES[0], ...overrides });
    expect(() => applyGuardrails(Testing.app(), { rules: [rule({ id: "No Spaces" })] })).toThrow(
      /guardrail rule id "No Spaces" must be lowercase words joined by hyphens/,
    );
    expect(() => applyGuardrails(Testing.app(), { rules: [rule({ severity: "fatal" as any, id: "x" })] })).toThrow(
      /severity "fatal": use "error" or "warning"/,
    );
    expect(() => applyGuardrails(Testing.app(), { rules: [rule({})] })).toThrow(/two different guardrail rules have the id "buildkite-trust-pinned"/);
    expect(() => applyGuardrails(Testing.app(), { rules: [GUARDRAIL_RULES[0]] })).not.toThrow();
  });

  it("waives an exemptible rule for the exempted construct and below only, and refuses other exemptions", () => {
    const app = Testing.app();
    const stack = awsStack("identity", app);
    applyGuardrails(stack);
    const bootstrap = new Construct(stack, "bootstrap");
    const role = new IamRole(bootstrap, "role", { name: "bootstrap", assumeRolePolicy: "{}" });
    new IamRolePolicy(bootstrap, "admin", { role: role.name, policy: ADMIN });
    new IamRolePolicy(stack, "other-admin", { role: role.name, policy: ADMIN });
    Guardrails.exempt(bootstrap, "no-admin-wildcard", "creates the account baseline; reviewed in SEC-123");
    const error = synthError(stack);
    expect(error).toContain("guardrail no-admin-wildcard refuses identity/other-admin");
    expect(error).not.toContain("identity/bootstrap/admin");
    expect(bootstrap.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => m.data)).toEqual([
      "guardrail no-admin-wildcard exempted: creates the account baseline; reviewed in SEC-123",
    ]);
    // Without a stack trace, which would put this machine's paths into the manifest.
    expect(bootstrap.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => m.trace)).toEqual([undefined]);
    expect(() => Guardrails.exempt(bootstrap, "no-iam-users", "we really need a user here")).toThrow(/guardrail "no-iam-users" cannot be exempted/);
    expect(() => Guardrails.exempt(bootstrap, "no-such-rule", "because reasons")).toThrow(
      /unknown guardrail "no-such-rule": use one of buildkite-trust-pinned.*or pass the rule object of a custom rule/,
    );
  });

  it("checks a synthesized configuration without constructs (cdk.tf.json)", () => {
    const config = {
      resource: {
        aws_iam_role: {
          r: { name: "r", assume_role_policy: renderPolicy(buildkiteTrust({ StringEquals: { "agent.buildkite.com:aud": "sts.amazonaws.com" } })) },
        },
      },
    };
    const findings = checkGuardrails(config);
    expect(findings).toEqual([
      {
        rule: "buildkite-trust-pinned",
        path: "aws_iam_role.r",
        address: "aws_iam_role.r",
        severity: "error",
        message: 'statement 1 lets Buildkite tokens in without a StringEquals or StringLike check of "agent.buildkite.com:sub".',
        fix: expect.stringContaining("declare the role with PipelineAccess"),
      },
      {
        rule: "buildkite-subject-fields-bounded",
        path: "aws_iam_role.r",
        address: "aws_iam_role.r",
        severity: "error",
        message: expect.stringContaining("statement 1 does not refuse subjects with more than 10 fields"),
        fix: expect.stringContaining('StringNotLike "agent.buildkite.com:sub" = "*:*:*:*:*:*:*:*:*:*:*"'),
      },
    ]);
    expect(checkGuardrails({})).toEqual([]);
  });

  it("ignores exemptions of rules that cannot be exempted, even when passed directly", () => {
    const config = { resource: { aws_iam_user: { u: { name: "u", "//": { metadata: { path: "s/u" } } } } } };
    expect(checkGuardrails(config, {}, [{ rule: "no-iam-users", path: "s", reason: "legacy user kept for now" }]).map((f) => [f.rule, f.path])).toEqual([
      ["no-iam-users", "s/u"],
    ]);
  });
});
