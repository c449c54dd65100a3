import { noIamUsers } from "../../../../constructs/guardrails/rules/no-iam-users";
import { SynthesizedBlock } from "../../../../constructs/guardrails/guardrail";
import { check, resource } from "./support/blocks";

const provider = (values: Record<string, unknown>): SynthesizedBlock => ({ kind: "provider", type: "aws", name: "default", path: "provider.aws", values });

describe("guardrail no-iam-users", () => {
  it.each([
    resource("aws_iam_role", { name: "ci" }),
    resource("aws_iam_policy_attachment", { name: "x", roles: ["ci"], policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
    resource("aws_iam_group", { name: "admins" }),
    provider({ region: "eu-west-1", assume_role: [{ role_arn: "arn:aws:iam::111111111111:role/deploy" }] }),
  ])("passes $type", (block) => {
    expect(check(noIamUsers, block)).toEqual([]);
  });

  it.each([
    "aws_iam_user",
    "aws_iam_access_key",
    "aws_iam_user_policy",
    "aws_iam_user_policy_attachment",
    "aws_iam_user_login_profile",
    "aws_iam_user_group_membership",
    "aws_iam_group_membership",
    "aws_iam_service_specific_credential",
    "aws_iam_signing_certificate",
  ])("refuses %s", (type) => {
    expect(check(noIamUsers, resource(type, {}))).toEqual([
      { message: `${type} creates an IAM user or a static credential.`, fix: expect.stringContaining("Buildkite OIDC") },
    ]);
  });

  it("refuses a policy attachment to users", () => {
    expect(check(noIamUsers, resource("aws_iam_policy_attachment", { users: ["deployer"], policy_arn: "x" }))[0].message).toBe(
      "aws_iam_policy_attachment attaches a policy to IAM users.",
    );
  });

  it("refuses static keys in the aws provider configuration", () => {
    expect(check(noIamUsers, provider({ region: "eu-west-1", access_key: "AKIA...", secret_key: "..." }))[0].message).toBe(
      "the aws provider is configured with a static access key.",
    );
  });
});
