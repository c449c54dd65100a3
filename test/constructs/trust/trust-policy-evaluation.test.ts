/**
 * Independent check of the trust policies AS SYNTHESIZED: the JSON of
 * `Testing.synth` (not the TypeScript objects that produced it) is evaluated
 * by an IAM policy evaluator against Buildkite-shaped tokens, minted for what
 * the job side requests (RoleAccess.tokenRequest).
 */
import { Testing } from "cdktf";
import { RoleAccess } from "../../../constructs/trust/role-access";
import {
  ACCOUNT_ID,
  CLUSTER_ID,
  networkingAccess,
  ORGANIZATION,
  ORGANIZATION_ID,
  PAYMENTS_PIPELINE_ID,
  paymentsAccess,
  PipelineTrustStack,
} from "./support/pipeline-trust-stack";
import { BuildkiteJob, canAssume, evaluate, mintToken, MintedToken, stsContext } from "./support/sts-evaluation";
import { resourcesOfType, synthJson } from "../../support/synth";

const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/agent.buildkite.com`;
const COMMIT = "9f3182061f1e2cca4702c368cbc039b7dc9d4485";

/** Synthesized trust policies by role name, parsed from the stack's Terraform JSON. */
let trustPolicies: Record<string, any>;

beforeAll(() => {
  const config = synthJson(new PipelineTrustStack(Testing.app(), "identity"));
  trustPolicies = Object.fromEntries(resourcesOfType(config, "aws_iam_role").map((role) => [role.name, JSON.parse(role.assume_role_policy)]));
});

interface Case {
  readonly role: RoleAccess;
  readonly job: BuildkiteJob;
  /** What the job asks for; defaults to the role's own token request. */
  readonly request?: RoleAccess["tokenRequest"];
}

function assumes({ role, job, request }: Case): boolean {
  return canAssume(trustPolicies[role.roleName], { roleArn: role.roleArn, providerArn: PROVIDER_ARN }, mintToken(job, request ?? role.tokenRequest));
}

const networking = networkingAccess();
const payments = paymentsAccess();
const job = (overrides: Partial<BuildkiteJob>): BuildkiteJob => ({
  organization: ORGANIZATION,
  pipeline: "networking",
  organizationId: ORGANIZATION_ID,
  pipelineId: "0184990a-4782-42b5-afc1-000000000001",
  clusterId: CLUSTER_ID,
  branch: "main",
  commit: COMMIT,
  stepKey: "apply",
  ...overrides,
});
const paymentsJob = (overrides: Partial<BuildkiteJob>): BuildkiteJob => job({ pipeline: "payments", pipelineId: PAYMENTS_PIPELINE_ID, ...overrides });

describe("synthesized trust policies evaluated against Buildkite tokens", () => {
  it("synthesizes one trust policy per declared role", () => {
    expect(Object.keys(trustPolicies).sort()).toEqual([networking.apply, networking.plan, payments.apply, payments.plan].map((r) => r.roleName).sort());
  });

  describe.each([
    ["networking (slugs, condition keys)", networking, job],
    ["payments (UUIDs pinned, session tags)", payments, paymentsJob],
  ] as const)("%s", (_name, access, jobOf) => {
    it("lets the apply step of main assume apply, and the plan step of any branch assume plan", () => {
      expect(assumes({ role: access.apply, job: jobOf({ branch: "main", stepKey: "apply" }) })).toBe(true);
      expect(assumes({ role: access.plan, job: jobOf({ branch: "main", stepKey: "plan" }) })).toBe(true);
      expect(assumes({ role: access.plan, job: jobOf({ branch: "feature/new-vpc", stepKey: "plan" }) })).toBe(true);
    });

    it.each<[string, Partial<BuildkiteJob>]>([
      ["another pipeline", { pipeline: "billing" }],
      ["another organization", { organization: "evil-corp" }],
      ["a pipeline slug that merely starts with the same letters", { pipeline: `${access.pipeline}-evil` }],
      ["an organization slug that merely starts with the same letters", { organization: `${ORGANIZATION}-evil` }],
      ["another branch", { branch: "develop" }],
      ["a branch that merely starts with the declared one", { branch: "main-hotfix" }],
      ["another step", { stepKey: "test" }],
      ["a step without a key", { stepKey: undefined }],
      ["the plan step", { stepKey: "plan" }],
      ["a fork pull request from a branch called main", { branch: "someone:main" }],
      // colon smuggling: IAM's `*` in `commit:*` matches ":", so these subjects would match `commit:*:step:apply`
      // but for the refusal of subjects with an eleventh field
      ["a step uploaded with the key pwn:step:apply", { stepKey: "pwn:step:apply" }],
      ["a commit holding the step's fields", { commit: `${COMMIT}:step:apply`, stepKey: "apply" }],
      ["a ref holding a colon", { ref: "refs/heads/main:commit:x" }],
    ])("refuses apply to %s", (_case, overrides) => {
      expect(assumes({ role: access.apply, job: jobOf({ branch: "main", stepKey: "apply", ...overrides }) })).toBe(false);
    });

    it.each<[string, Partial<BuildkiteJob>]>([
      ["another pipeline", { pipeline: "billing" }],
      ["a pipeline slug that merely starts with the same letters", { pipeline: `${access.pipeline}2` }],
      ["another organization", { organization: "evil-corp" }],
      ["another step", { stepKey: "apply" }],
      ["a fork pull request", { branch: "someone:feature" }],
      ["a step uploaded with the key pwn:step:plan", { stepKey: "pwn:step:plan" }],
      ["a commit holding a colon", { commit: `${COMMIT}:x`, stepKey: "plan" }],
    ])("refuses plan to %s", (_case, overrides) => {
      expect(assumes({ role: access.plan, job: jobOf({ branch: "feature", stepKey: "plan", ...overrides }) })).toBe(false);
    });

    it("refuses a wrong or missing audience", () => {
      const right = jobOf({ stepKey: "apply" });
      expect(assumes({ role: access.apply, job: right, request: { ...access.apply.tokenRequest, audience: "https://buildkite.com/acme" } })).toBe(false);
      const { audience: _omitted, ...withoutAudience } = access.apply.tokenRequest;
      expect(assumes({ role: access.apply, job: right, request: withoutAudience as RoleAccess["tokenRequest"] })).toBe(false);
    });

    it("refuses the token of the right job presented to the other pipeline's role", () => {
      const other = access === networking ? payments : networking;
      expect(assumes({ role: other.apply, job: jobOf({ stepKey: "apply" }), request: access.apply.tokenRequest })).toBe(false);
    });

    it("refuses a token presented through another account's OIDC provider", () => {
      const token = mintToken(jobOf({ stepKey: "apply" }), access.apply.tokenRequest);
      const target = { roleArn: access.apply.roleArn, providerArn: "arn:aws:iam::222222222222:oidc-provider/agent.buildkite.com" };
      expect(canAssume(trustPolicies[access.apply.roleName], target, token)).toBe(false);
    });
  });

  describe("UUID pinning (payments)", () => {
    it("refuses a recycled slug: same organization and pipeline slugs, different UUIDs", () => {
      expect(assumes({ role: payments.apply, job: paymentsJob({ pipelineId: "0184990a-0000-4000-8000-00000000beef" }) })).toBe(false);
      expect(assumes({ role: payments.apply, job: paymentsJob({ organizationId: "0184990a-0000-4000-8000-00000000cafe" }) })).toBe(false);
      expect(assumes({ role: payments.plan, job: paymentsJob({ stepKey: "plan", pipelineId: "0184990a-0000-4000-8000-00000000beef" }) })).toBe(false);
    });

    it("refuses a job that does not send the session tags the role checks", () => {
      const right = paymentsJob({});
      expect(assumes({ role: payments.apply, job: right, request: { ...payments.apply.tokenRequest, sessionTags: [] } })).toBe(false);
      const withoutPipelineId = payments.apply.tokenRequest.sessionTags.filter((t) => t !== "pipeline_id");
      expect(assumes({ role: payments.apply, job: right, request: { ...payments.apply.tokenRequest, sessionTags: withoutPipelineId } })).toBe(false);
    });

    it("lets release tag builds apply, but not a branch named like a tag", () => {
      expect(assumes({ role: payments.apply, job: paymentsJob({ branch: "v1.2.0", tag: "v1.2.0" }) })).toBe(true);
      expect(assumes({ role: payments.apply, job: paymentsJob({ branch: "v1.2.0" }) })).toBe(false);
      expect(assumes({ role: payments.apply, job: paymentsJob({ branch: "release-1", tag: "release-1" }) })).toBe(false);
    });
  });

  describe("the evaluator honours every condition key of the synthesized policies", () => {
    const cases: [string, RoleAccess, BuildkiteJob][] = [
      ["networking apply", networking.apply, job({})],
      ["networking plan", networking.plan, job({ stepKey: "plan", branch: "feature" })],
      ["payments apply", payments.apply, paymentsJob({})],
      ["payments plan", payments.plan, paymentsJob({ stepKey: "plan", branch: "feature" })],
    ];

    /** Every (operator, key) of the single trust statement. */
    const conditionKeys = (policy: any): [string, string][] =>
      Object.entries<Record<string, unknown>>(policy.Statement[0].Condition).flatMap(([operator, byKey]) =>
        Object.keys(byKey).map((key): [string, string] => [operator, key]),
      );

    /** The policy without any condition on one key. */
    const without = (policy: any, key: string): any => {
      const copy = JSON.parse(JSON.stringify(policy));
      const conditions = copy.Statement[0].Condition;
      for (const operator of Object.keys(conditions)) {
        delete conditions[operator][key];
        if (Object.keys(conditions[operator]).length === 0) delete conditions[operator];
      }
      return copy;
    };

    /** A value of the key that the condition refuses; none when it admits every value (StringLike "*" only requires the key). */
    const refusedValue = (policy: any, operator: string, key: string, context: Record<string, string | string[]>): string | undefined => {
      // the subject with a smuggled field; a fork-prefixed branch
      if (operator === "StringNotLike") return key === "agent.buildkite.com:sub" ? String(context[key]).replace(":commit:", ":commit:x:") : "someone:main";
      const values = [policy.Statement[0].Condition[operator][key]].flat();
      return operator === "StringLike" && values.includes("*") ? undefined : "tampered-value";
    };

    it.each(cases)("%s: changing only one key's value turns allow into deny, and dropping that key's conditions turns it back", (_name, role, rightJob) => {
      const policy = trustPolicies[role.roleName];
      const target = { roleArn: role.roleArn, providerArn: PROVIDER_ARN };
      const token: MintedToken = mintToken(rightJob, role.tokenRequest);
      const actions = ["sts:AssumeRoleWithWebIdentity", ...(role.tokenRequest.sessionTags.length ? ["sts:TagSession"] : [])];
      const decide = (p: any, context: Record<string, string | string[]>): boolean => actions.every((a) => evaluate(p, target, a, context) === "Allowed");

      const context = stsContext(token);
      expect(decide(policy, context)).toBe(true);
      const keys = conditionKeys(policy);
      expect(keys.length).toBeGreaterThanOrEqual(6);
      for (const [operator, key] of keys) {
        const refused = refusedValue(policy, operator, key, context);
        if (refused !== undefined) {
          const tampered = { ...context, [key]: refused };
          expect([key, decide(policy, tampered)]).toEqual([key, false]);
          expect([key, decide(without(policy, key), tampered)]).toEqual([key, true]);
        }
        if (operator !== "StringNotLike") {
          const { [key]: _dropped, ...missing } = context;
          expect([key, "missing", decide(policy, missing)]).toEqual([key, "missing", false]);
        }
      }
    });
  });
});
