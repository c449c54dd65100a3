import { grantsIamWriteOn, iamWriteActions } from "../../../constructs/policy/iam-writes";
import { PolicyStatement } from "../../../constructs/policy/policy-document";

const SELF = "arn:aws:iam::111111111111:role/buildkite/acme/bk-net-apply";

describe("iamWriteActions", () => {
  it.each<[string, PolicyStatement, string[]]>([
    ["IAM writes as written", { Effect: "Allow", Action: ["iam:PutRolePolicy", "iam:Tag*", "s3:PutObject"], Resource: "*" }, ["iam:PutRolePolicy", "iam:Tag*"]],
    ["every action", { Effect: "Allow", Action: ["*"], Resource: "*" }, ["*"]],
    ["iam:* in any case", { Effect: "Allow", Action: "IAM:*", Resource: "*" }, ["IAM:*"]],
    ["NotAction that leaves IAM in", { Effect: "Allow", NotAction: "s3:*", Resource: "*" }, ["iam:*"]],
    ["NotAction that takes IAM out", { Effect: "Allow", NotAction: ["iam:*"], Resource: "*" }, []],
    ["IAM reads", { Effect: "Allow", Action: ["iam:GetRole", "iam:List*"], Resource: "*" }, []],
    ["a deny", { Effect: "Deny", Action: "iam:*", Resource: "*" }, []],
  ])("finds %s", (_name, statement, expected) => {
    expect(iamWriteActions(statement)).toEqual(expected);
  });
});

describe("grantsIamWriteOn", () => {
  it.each<[string, PolicyStatement, boolean]>([
    ["a path that includes the role", { Effect: "Allow", Action: "iam:AttachRolePolicy", Resource: "arn:aws:iam::111111111111:role/buildkite/*" }, true],
    ["every resource", { Effect: "Allow", Action: "iam:UpdateAssumeRolePolicy", Resource: "*" }, true],
    ["a ? pattern", { Effect: "Allow", Action: "iam:TagRole", Resource: "arn:aws:iam::111111111111:role/buildkite/acme/bk-net-appl?" }, true],
    ["NotResource that misses the role", { Effect: "Allow", Action: "iam:TagRole", NotResource: "arn:aws:iam::111111111111:role/app/*" }, true],
    ["NotResource that names the role", { Effect: "Allow", Action: "iam:TagRole", NotResource: "arn:aws:iam::111111111111:role/buildkite/*" }, false],
    ["another path", { Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::111111111111:role/app/*" }, false],
    ["another account", { Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::222222222222:role/buildkite/*" }, false],
    ["IAM reads of the role", { Effect: "Allow", Action: "iam:GetRole", Resource: SELF }, false],
  ])("%s", (_name, statement, expected) => {
    expect(grantsIamWriteOn(statement, SELF)).toBe(expected);
  });
});
