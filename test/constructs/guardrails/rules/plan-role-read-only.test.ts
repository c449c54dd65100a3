import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Testing, TerraformStack } from "cdktf";
import { checkGuardrails } from "../../../../constructs/guardrails/guardrails";
import { planRoleReadOnly } from "../../../../constructs/guardrails/rules/plan-role-read-only";
import { PolicyStatement, renderPolicy } from "../../../../constructs/policy/policy-document";
import { StateLockMode } from "../../../../constructs/state/backend-config";
import { TerraformStateBackend } from "../../../../constructs/state/terraform-state-backend";
import { BuildkitePipelineRoles } from "../../../../constructs/trust/buildkite-pipeline-roles";
import { PipelineAccess } from "../../../../constructs/trust/pipeline-access";
import { check, data, resource } from "./support/blocks";

const ACCOUNT = "111111111111";
const access = new PipelineAccess({ accountId: ACCOUNT, organization: "acme", pipeline: "networking" });
const planRole = resource("aws_iam_role", { name: "bk-networking-plan", tags: { "buildkite:role": "plan" } }, "plan");
const applyRole = resource("aws_iam_role", { name: "bk-networking-apply", tags: { "buildkite:role": "apply" } }, "apply");

/** An inline policy of the role with this logical name. */
const rolePolicy = (roleName: string, ...statements: PolicyStatement[]) =>
  resource("aws_iam_role_policy", { role: `\${aws_iam_role.${roleName}.name}`, policy: renderPolicy({ Version: "2012-10-17", Statement: statements }) });

/** The pipeline's roles as BuildkitePipelineRoles synthesizes them, state access included. */
function pipelineRoles(lockMode: StateLockMode): { stack: TerraformStack; roles: BuildkitePipelineRoles } {
  const stack = new TerraformStack(Testing.app(), "identity");
  const roles = new BuildkitePipelineRoles(stack, "networking", {
    access,
    state: TerraformStateBackend.fromAttributes(stack, "state", {
      bucketName: "acme-state",
      region: "eu-west-1",
      kmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/6f1c2d3e-4b5a-4c6d-9e8f-7a6b5c4d3e2f`,
      lockTableName: "locks",
      accountId: ACCOUNT,
      lockMode,
    }),
    plan: { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], statements: [{ Effect: "Allow", Action: ["ec2:Describe*"], Resource: "*" }] },
    apply: { managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"] },
  });
  return { stack, roles };
}

const planFindings = (stack: TerraformStack) => checkGuardrails(stack.toTerraform(), { packs: [], rules: [planRoleReadOnly] });

describe("guardrail plan-role-read-only", () => {
  it.each<StateLockMode>(["dynamodb", "lockfile", "both"])("passes the roles BuildkitePipelineRoles synthesizes, with %s locking", (lockMode) => {
    expect(planFindings(pipelineRoles(lockMode).stack)).toEqual([]);
  });

  it("passes writes of roles that are not plan roles", () => {
    expect(check(planRoleReadOnly, rolePolicy("apply", { Effect: "Allow", Action: "s3:PutObject", Resource: "*" }), [applyRole])).toEqual([]);
    expect(
      check(
        planRoleReadOnly,
        resource("aws_iam_role_policy_attachment", { role: "bk-networking-apply", policy_arn: "arn:aws:iam::aws:policy/PowerUserAccess" }),
        [applyRole],
      ),
    ).toEqual([]);
  });

  it("refuses a write an override slips into the plan role's permissions (the constructor cannot see it)", () => {
    const { stack, roles } = pipelineRoles("both");
    (roles.plan.node.findChild("PermissionsPolicy") as IamRolePolicy).addOverride(
      "policy",
      renderPolicy({
        Version: "2012-10-17",
        Statement: [{ Sid: "Sneaky", Effect: "Allow", Action: ["ec2:Describe*", "ec2:TerminateInstances"], Resource: "*" }],
      }),
    );
    new IamRolePolicyAttachment(stack, "power", { role: roles.plan.role.name, policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" });
    expect(planFindings(stack).map((f) => [f.path, f.message])).toEqual([
      [
        "identity/networking/Plan/PermissionsPolicy",
        expect.stringMatching(
          /^statement "Sneaky" of the policy allows ec2:TerminateInstances, which is not a read \(.*\), but bk-networking-plan is a plan role, which only reads\.$/,
        ),
      ],
      [
        "identity/power",
        "it attaches arn:aws:iam::aws:policy/PowerUserAccess, which is not on the read-only list (ReadOnlyAccess, job-function/ViewOnlyAccess, SecurityAudit), to the plan role bk-networking-plan, which only reads.",
      ],
    ]);
  });

  it.each<[string, PolicyStatement]>([
    ["writing state objects", { Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::acme-state/pipelines/networking/*" }],
    [
      "taking the state lock file (plans run with -lock=false)",
      { Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::acme-state/pipelines/networking/*.tflock" },
    ],
    [
      "taking lock-table items, even with the digests denied",
      {
        Effect: "Allow",
        Action: ["dynamodb:PutItem", "dynamodb:DeleteItem"],
        Resource: "*",
        Condition: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["acme-state/pipelines/networking/*"] } },
      },
    ],
    ["NotAction", { Effect: "Allow", NotAction: "iam:*", Resource: "*" }],
    ["every action", { Effect: "Allow", Action: "*", Resource: "*" }],
    ["the state key without a service in between", { Effect: "Allow", Action: "kms:GenerateDataKey", Resource: "*" }],
    ["decrypting without a service in between", { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }],
    ["minting federated credentials", { Effect: "Allow", Action: "sts:GetFederationToken", Resource: "*" }],
    ["a wildcard over registry passwords", { Effect: "Allow", Action: "ecr:Get*", Resource: "*" }],
    ["reading secrets", { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }],
  ])("refuses %s in a plan role's policy", (_name, statement) => {
    const violations = check(planRoleReadOnly, rolePolicy("plan", statement), [planRole]);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toMatch(/^statement 1 of the policy allows .* but bk-networking-plan is a plan role, which only reads\.$/);
    expect(violations[0].fix).toContain("move the other actions and policies to the apply role");
  });

  it.each([
    "job-function/NetworkAdministrator",
    "job-function/SystemAdministrator",
    "AmazonEC2ContainerRegistryPowerUser",
    "AmazonEC2ContainerRegistryReadOnly",
  ])("refuses the managed policy %s on a plan role, whatever its name suggests", (name) => {
    const attachment = resource("aws_iam_role_policy_attachment", { role: "bk-networking-plan", policy_arn: `arn:aws:iam::aws:policy/${name}` });
    expect(check(planRoleReadOnly, attachment, [planRole]).map((v) => v.message)).toEqual([
      `it attaches arn:aws:iam::aws:policy/${name}, which is not on the read-only list (ReadOnlyAccess, job-function/ViewOnlyAccess, SecurityAudit), to the plan role bk-networking-plan, which only reads.`,
    ]);
  });

  it.each(["ReadOnlyAccess", "job-function/ViewOnlyAccess", "SecurityAudit"])("passes the read-only managed policy %s on a plan role", (name) => {
    const attachment = resource("aws_iam_role_policy_attachment", { role: "bk-networking-plan", policy_arn: `arn:aws:iam::aws:policy/${name}` });
    expect(check(planRoleReadOnly, attachment, [planRole])).toEqual([]);
  });

  it("passes reads, named reads and decryption through a service", () => {
    const reads = rolePolicy(
      "plan",
      { Effect: "Allow", Action: ["ec2:Describe*", "s3:List*", "dynamodb:BatchGetItem", "dynamodb:Query", "sts:GetCallerIdentity"], Resource: "*" },
      { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } },
      { Effect: "Deny", Action: "*", Resource: "*" },
    );
    expect(check(planRoleReadOnly, reads, [planRole])).toEqual([]);
  });

  it("refuses writes in the role's own inline and managed policies, found by literal role name too", () => {
    const write = renderPolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:DeleteQueue", Resource: "*" }] });
    const role = resource(
      "aws_iam_role",
      { ...planRole.values, inline_policy: [{ name: "extra", policy: write }], managed_policy_arns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] },
      "plan",
    );
    expect(check(planRoleReadOnly, role).map((v) => v.message)).toEqual([
      expect.stringMatching(
        /^statement 1 of the inline policy extra allows sqs:DeleteQueue, which is not a read .*, but bk-networking-plan is a plan role, which only reads\.$/,
      ),
      "it attaches arn:aws:iam::aws:policy/AmazonS3FullAccess, which is not on the read-only list (ReadOnlyAccess, job-function/ViewOnlyAccess, SecurityAudit), to the plan role bk-networking-plan, which only reads.",
    ]);
    const attachment = resource("aws_iam_policy_attachment", { roles: ["bk-networking-plan"], policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" });
    expect(check(planRoleReadOnly, attachment, [planRole])).toHaveLength(1);
  });

  it("reads a policy document data source the policy references, and refuses a policy it cannot read", () => {
    const document = data("aws_iam_policy_document", { statement: [{ actions: ["s3:DeleteBucket"], resources: ["*"] }] }, "doc");
    const referencing = resource("aws_iam_role_policy", { role: "${aws_iam_role.plan.id}", policy: "${data.aws_iam_policy_document.doc.json}" });
    expect(check(planRoleReadOnly, referencing, [planRole, document]).map((v) => v.message)).toEqual([
      expect.stringMatching(
        /^statement 1 of the policy allows s3:DeleteBucket, which is not a read .*, but bk-networking-plan is a plan role, which only reads\.$/,
      ),
    ]);
    const expression = resource("aws_iam_role_policy", { role: "${aws_iam_role.plan.name}", policy: "${jsonencode(var.policy)}" });
    expect(check(planRoleReadOnly, expression, [planRole])).toEqual([
      {
        message: "the policy of the plan role bk-networking-plan is a Terraform expression, so it cannot be verified read-only at synth.",
        fix: expect.stringContaining("literal JSON"),
      },
    ]);
  });
});
