import { iamWritersBounded } from "../../../../constructs/guardrails/rules/iam-writers-bounded";
import { PolicyStatement } from "../../../../constructs/policy/policy-document";
import { buildkiteTrust, check, data, resource, role } from "./support/blocks";

const BOUNDARY = "arn:aws:iam::111111111111:policy/buildkite/acme/bk-pipeline-boundary";
const TRUST = buildkiteTrust({ StringEquals: { "agent.buildkite.com:aud": "sts.amazonaws.com" } });
/** A pipeline role as BuildkitePipelineRole synthesizes it (tagged with its pipeline), named `ci`. */
const pipelineRole = (extra: Record<string, unknown> = {}) => role(TRUST, { tags: { "buildkite:pipeline": "net", "buildkite:role": "apply" }, ...extra });
const policyOf = (name: string, ...statements: PolicyStatement[]) =>
  resource("aws_iam_role_policy", { role: "${aws_iam_role.subject.name}", policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }, name);
const manageRoles: PolicyStatement = {
  Sid: "AppRoles",
  Effect: "Allow",
  Action: ["iam:CreateRole", "iam:PassRole"],
  Resource: "arn:aws:iam::111111111111:role/app/*",
};

describe("guardrail iam-writers-bounded", () => {
  it("passes a pipeline role that may change IAM and carries a boundary", () => {
    expect(check(iamWritersBounded, pipelineRole({ permissions_boundary: BOUNDARY }), [policyOf("p", manageRoles)])).toEqual([]);
  });

  it.each<[string, PolicyStatement]>([
    ["IAM reads", { Effect: "Allow", Action: ["iam:GetRole", "iam:ListRoles"], Resource: "*" }],
    ["other services' writes", { Effect: "Allow", Action: ["s3:*", "ec2:*"], Resource: "*" }],
    ["a deny of IAM writes", { Effect: "Deny", Action: "iam:*", Resource: "*" }],
    ["NotAction that excludes IAM", { Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }],
  ])("passes a pipeline role without a boundary whose policies allow only %s", (_name, statement) => {
    expect(check(iamWritersBounded, pipelineRole(), [policyOf("p", statement)])).toEqual([]);
  });

  it("passes roles that are not pipeline roles (no buildkite:pipeline tag, no Buildkite trust)", () => {
    const service = role({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    expect(check(iamWritersBounded, service, [policyOf("p", manageRoles)])).toEqual([]);
  });

  it("refuses a pipeline role without a boundary whose inline policy changes IAM, naming the actions and the statement", () => {
    expect(check(iamWritersBounded, pipelineRole(), [policyOf("p", { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, manageRoles)])).toEqual([
      {
        message: 'the pipeline role ci may change IAM (iam:CreateRole, iam:PassRole in statement "AppRoles" of the policy) but has no permissions boundary.',
        fix: expect.stringContaining("PipelinePermissionsBoundary"),
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, ReturnType<typeof resource>[]]>([
    ["an empty boundary and every action", { permissions_boundary: "" }, [policyOf("p", { Effect: "Allow", Action: "*", Resource: "*" })]],
    ["NotAction (which includes IAM)", {}, [policyOf("p", { Effect: "Allow", NotAction: "s3:*", Resource: "*" })]],
    ["an inline_policy block", { inline_policy: [{ name: "iam", policy: JSON.stringify({ Version: "2012-10-17", Statement: [manageRoles] }) }] }, []],
    ["an attached IAMFullAccess", {}, [resource("aws_iam_role_policy_attachment", { role: "ci", policy_arn: "arn:aws:iam::aws:policy/IAMFullAccess" }, "a")]],
    ["a listed AdministratorAccess", { managed_policy_arns: ["arn:aws:iam::aws:policy/AdministratorAccess"] }, []],
    [
      "a policy document data source",
      {},
      [
        resource("aws_iam_role_policy", { role: "ci", policy: "${data.aws_iam_policy_document.doc.json}" }, "p"),
        data("aws_iam_policy_document", { statement: [{ actions: ["iam:AttachRolePolicy"], resources: ["*"] }] }, "doc"),
      ],
    ],
  ])("refuses a pipeline role without a boundary that changes IAM through %s", (_name, extra, others) => {
    expect(check(iamWritersBounded, pipelineRole(extra), others)).toHaveLength(1);
  });

  it("refuses a role that trusts Buildkite tokens even without the platform's tags", () => {
    expect(check(iamWritersBounded, role(TRUST), [policyOf("p", manageRoles)])).toHaveLength(1);
  });
});
