import * as v from "valibot";
import { declarationSchema, PlatformDeclarationInput } from "../../platform/declaration";
import { DeclarationError } from "../../platform/declaration-error";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { formatQuotaFinding, quotaFindings } from "../../platform/quotas";
import { validateDeclaration } from "../../platform/validate";

const [production] = EXAMPLE_PLATFORM.accounts;
const staging = { name: "staging", id: "210987654321", region: "eu-west-1" };
/** The example's networking pipeline (no pinned UUID, so it can be cloned). */
const template = EXAMPLE_PLATFORM.pipelines[0];

/**
 * The example with `counts[account]` cloned pipelines per account, plus the
 * example's platform pipeline in production (two more roles there), in shards
 * of up to 500 pipelines that these fleets never fill (the shard capacity is tested in stack-plan.test.ts).
 */
function fleet(counts: Record<string, number>, accounts: PlatformDeclarationInput["accounts"] = [production, staging]): PlatformDeclarationInput {
  const pipelines = Object.entries(counts).flatMap(([account, n]) =>
    Array.from({ length: n }, (_, i) => ({ ...template, slug: `${account}-p${i}`, name: `${account} ${i}`, account })),
  );
  return { ...EXAMPLE_PLATFORM, accounts: accounts.map((a) => ({ shards: 8, ...a })), pipelines, pipelinesPerStack: 500, buildkiteShards: 8 };
}

const findings = (input: PlatformDeclarationInput) => quotaFindings(v.parse(declarationSchema, input));

describe("quota-roles-per-account", () => {
  it("says nothing below 80% of the default quota of 1,000 roles (two per pipeline, the platform pipeline's included)", () => {
    // 398 + platform pipeline = 399 pipelines = 798 roles.
    expect(findings(fleet({ production: 398 }))).toEqual([]);
  });

  it("warns from 80% of the default quota, naming the account, the count and the fix", () => {
    // 399 + platform pipeline = 400 pipelines = 800 roles.
    const [warning, ...rest] = findings(fleet({ production: 399 }));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ id: "quota-roles-per-account", level: "warning", path: "accounts[0]" });
    expect(warning.message).toMatch(/"production" would hold 800 pipeline roles, 80% of AWS's default quota of 1000/);
    expect(warning.message).toMatch(/set accounts\[0\]\.iamRoleQuota/);
    expect(formatQuotaFinding(warning)).toMatch(/^warning \[quota-roles-per-account\] accounts\[0\]: account "production"/);
    // A warning does not stop the declaration.
    expect(() => validateDeclaration(fleet({ production: 399 }))).not.toThrow();
  });

  it("refuses more roles than the quota at the account's field, with the ID, before anything is synthesized", () => {
    // 500 + platform pipeline = 501 pipelines = 1002 roles.
    const input = fleet({ production: 500 });
    expect(findings(input)).toEqual([expect.objectContaining({ level: "error", path: "accounts[0]" })]);
    let error: unknown;
    try {
      validateDeclaration(input);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DeclarationError);
    expect((error as DeclarationError).issues).toEqual([
      {
        path: "accounts[0]",
        message: expect.stringMatching(
          /^\[quota-roles-per-account\] account "production" would hold 1002 pipeline roles .* over AWS's default quota of 1000 roles — request an increase/,
        ),
      },
    ]);
  });

  it("accepts a fleet over the default once the account declares a raised quota, and warns against that quota", () => {
    const raised = (quota: number) => [{ ...production, iamRoleQuota: quota }, staging];
    expect(() => validateDeclaration(fleet({ production: 999 }, raised(3000)))).not.toThrow();
    expect(findings(fleet({ production: 999 }, raised(3000)))).toEqual([]);
    // 1,999 pipelines = 4,000 roles: 80% of the highest quota AWS grants; nothing left to raise.
    const [warning] = findings(fleet({ production: 1999 }, raised(5000)));
    expect(warning.level).toBe("warning");
    expect(warning.message).toMatch(/80% of its declared quota of 5000 roles.* — move pipelines to another account$/);
    expect(findings(fleet({ production: 2500 }, raised(5000)))[0].level).toBe("error");
  });

  it("counts each account's roles against that account's quota only", () => {
    // 450 pipelines per account: 902 roles in production (platform pipeline), 900 in staging; neither over 1,000.
    const result = findings(fleet({ production: 450, staging: 450 }));
    expect(result.map((f) => [f.path, f.level])).toEqual([
      ["accounts[0]", "warning"],
      ["accounts[1]", "warning"],
    ]);
    expect(result[1].message).toMatch(/"staging" would hold 900 pipeline roles/);
  });

  it.each([
    [999, /iamRoleQuota: 999 is less than 1000 — leave it out unless AWS raised the quota \(AWS's default is 1000 roles\)/],
    [5001, /iamRoleQuota: 5001 is more than 5000 — 5000 is the highest quota AWS grants/],
    [1500.5, /iamRoleQuota.*whole number/],
  ])("refuses iamRoleQuota %p with its own message", (quota, message) => {
    expect(() => validateDeclaration(fleet({ production: 1 }, [{ ...production, iamRoleQuota: quota }]))).toThrow(message);
  });
});
