import { roleName } from "../../../../constructs/guardrails/rules/role-name";
import { check, resource } from "./support/blocks";

const roleWith = (values: Record<string, unknown>) => resource("aws_iam_role", { assume_role_policy: "{}", ...values });

describe("guardrail role-name", () => {
  it.each([
    { name: "bk-networking-plan", path: "/buildkite/acme/" },
    { name: "a".repeat(64) },
    { name: "ci+deploy=1,x.y@z_w-v" },
    { name_prefix: "b".repeat(38) },
    { name: "${var.name}", path: "/" },
  ])("passes %p", (values) => {
    expect(check(roleName, roleWith(values))).toEqual([]);
  });

  it("refuses a name over 64 characters", () => {
    expect(check(roleName, roleWith({ name: "a".repeat(65) }))).toEqual([
      { message: `the role name "${"a".repeat(65)}" is not a valid IAM role name (65 characters).`, fix: expect.stringContaining("1-64 characters") },
    ]);
  });

  it("refuses characters IAM does not accept", () => {
    expect(check(roleName, roleWith({ name: "deploy role" }))[0].message).toMatch(/"deploy role" is not a valid IAM role name/);
    expect(check(roleName, roleWith({ name: "deploy/role" }))).toHaveLength(1);
  });

  it("refuses a name prefix over 38 characters and a path without slashes", () => {
    expect(check(roleName, roleWith({ name_prefix: "b".repeat(39), path: "buildkite" })).map((v) => v.message)).toEqual([
      `the role name prefix "${"b".repeat(39)}" is not valid (IAM appends 26 characters, so at most 38 remain).`,
      'the role path "buildkite" is not a valid IAM path.',
    ]);
  });
});
