import { noAdminWildcard } from "../../../../constructs/guardrails/rules/no-admin-wildcard";
import { PolicyStatement } from "../../../../constructs/policy/policy-document";
import { check, data, resource } from "./support/blocks";

const rolePolicy = (...statements: PolicyStatement[]) =>
  resource("aws_iam_role_policy", { role: "ci", policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });

describe("guardrail no-admin-wildcard", () => {
  it.each<[string, PolicyStatement]>([
    ["every action on one bucket", { Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::bucket/*" }],
    ["one service on everything", { Effect: "Allow", Action: "s3:*", Resource: "*" }],
    ["every IAM action on some roles", { Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::111111111111:role/app/*" }],
    ["some IAM actions on everything", { Effect: "Allow", Action: ["iam:GetRole", "iam:PassRole"], Resource: "*" }],
    ["a deny of everything", { Effect: "Deny", Action: "*", Resource: "*" }],
  ])("passes %s", (_name, statement) => {
    expect(check(noAdminWildcard, rolePolicy(statement))).toEqual([]);
  });

  it("passes attachments of other managed policies", () => {
    expect(check(noAdminWildcard, resource("aws_iam_role_policy_attachment", { role: "ci", policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }))).toEqual(
      [],
    );
  });

  it.each<[string, PolicyStatement]>([
    ["Action * on Resource *", { Effect: "Allow", Action: "*", Resource: "*" }],
    ["a list holding * on *", { Effect: "Allow", Action: ["s3:GetObject", "*"], Resource: ["*"] }],
    ["*:* with a condition", { Effect: "Allow", Action: "*:*", Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }],
    ["NotAction on everything", { Effect: "Allow", NotAction: "iam:*", Resource: "*" }],
  ])("refuses %s", (_name, statement) => {
    expect(check(noAdminWildcard, rolePolicy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { Sid: "Admin", ...statement }))).toEqual([
      { message: 'statement "Admin" of the policy allows every action on every resource.', fix: expect.stringContaining("adminAccessReason") },
    ]);
  });

  it.each<[string, PolicyStatement]>([
    ["iam:* on *", { Effect: "Allow", Action: "iam:*", Resource: "*" }],
    ["iam:* among other actions on *", { Effect: "Allow", Action: ["s3:GetObject", "IAM:*"], Resource: ["arn:aws:s3:::b/*", "*"] }],
  ])("refuses %s: every IAM action can grant every other", (_name, statement) => {
    expect(check(noAdminWildcard, rolePolicy({ Sid: "Iam", ...statement }))).toEqual([
      {
        message: 'statement "Iam" of the policy allows every IAM action (which can grant every other) on every resource.',
        fix: expect.stringContaining("adminAccessReason"),
      },
    ]);
  });

  it("refuses attaching or listing IAMFullAccess", () => {
    expect(
      check(noAdminWildcard, resource("aws_iam_role_policy_attachment", { role: "ci", policy_arn: "arn:aws:iam::aws:policy/IAMFullAccess" }))[0].message,
    ).toBe("it attaches the IAMFullAccess managed policy.");
    expect(check(noAdminWildcard, resource("aws_iam_role", { managed_policy_arns: ["arn:aws:iam::aws:policy/IAMFullAccess"] }))[0].message).toBe(
      "the role lists the IAMFullAccess managed policy.",
    );
  });

  it("refuses administrator access in managed policies, role inline policies and policy documents", () => {
    const admin = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
    expect(check(noAdminWildcard, resource("aws_iam_policy", { policy: admin }))).toHaveLength(1);
    expect(check(noAdminWildcard, resource("aws_iam_role", { inline_policy: [{ name: "all", policy: admin }] }))[0].message).toBe(
      "statement 1 of the inline policy all allows every action on every resource.",
    );
    expect(check(noAdminWildcard, data("aws_iam_policy_document", { statement: [{ actions: ["*"], resources: ["*"] }] }))).toHaveLength(1);
    expect(check(noAdminWildcard, resource("aws_iam_role_policy_attachment", { policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" }))[0].message).toBe(
      "it attaches the AdministratorAccess managed policy.",
    );
    expect(check(noAdminWildcard, resource("aws_iam_role", { managed_policy_arns: ["arn:aws:iam::aws:policy/AdministratorAccess"] }))).toHaveLength(1);
  });
});
