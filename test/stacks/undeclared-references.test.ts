import { undeclaredReferences } from "../../stacks/undeclared-references";

const declared = {
  resource: { aws_iam_role: { plan: { name: "bk-plan" } }, buildkite_pipeline: { "pipeline-x": {} } },
  data: { terraform_remote_state: { "shared-buildkite": {} } },
  variable: { region: {} },
  locals: { owner: "platform" },
};

function withOutput(value: unknown): object {
  return { ...declared, output: { checked: { value } } };
}

describe("undeclaredReferences", () => {
  it("accepts references to the stack's own resources, data sources, variables and locals", () => {
    const config = withOutput([
      "${aws_iam_role.plan.arn}",
      "${buildkite_pipeline.pipeline-x.id}",
      '${data.terraform_remote_state.shared-buildkite.outputs.team_ids["data"]}',
      "${data.terraform_remote_state.shared-buildkite.outputs.team_ids.data}",
      '${lookup(data.terraform_remote_state.shared-buildkite.outputs.team_ids, "ml")}',
      "arn:${var.region}:${local.owner}",
      "${terraform.workspace}/${path.module}/${count.index}/${each.key}/${self.id}",
    ]);
    expect(undeclaredReferences(config)).toEqual([]);
  });

  it("names each reference to a resource or data source the stack does not declare, once", () => {
    const config = withOutput({
      cluster: "${buildkite_cluster.cluster_A4C38409.id}",
      again: "prefix-${buildkite_cluster.cluster_A4C38409.id}",
      nested: ["${jsonencode({ a = aws_kms_key.state.arn })}"],
      data: "${data.aws_caller_identity.current.account_id}",
      variable: "${var.missing}",
    });
    expect(undeclaredReferences(config)).toEqual([
      "aws_kms_key.state",
      "buildkite_cluster.cluster_A4C38409",
      "data.aws_caller_identity.current",
      "var.missing",
    ]);
  });

  it("looks in resources and providers too, not only outputs", () => {
    const config = {
      ...declared,
      resource: { ...declared.resource, aws_iam_role_policy: { p: { role: "${aws_iam_role.apply.name}" } } },
      provider: { aws: [{ assume_role: [{ role_arn: "${aws_iam_role.deployer.arn}" }] }] },
    };
    expect(undeclaredReferences(config)).toEqual(["aws_iam_role.apply", "aws_iam_role.deployer"]);
  });

  it("ignores Terraform's escaped $${, IAM policy variables, quoted strings inside expressions and plain text", () => {
    const config = withOutput([
      "arn:aws:s3:::bucket/$${aws:PrincipalTag/buildkite:pipeline}/*",
      "$${aws_iam_role.elsewhere.arn}",
      '${replace(var.region, "aws_x.y", "")}',
      "see aws_iam_role.elsewhere in the docs",
    ]);
    expect(undeclaredReferences(config)).toEqual([]);
  });
});
