/**
 * The trust constructs planned by the real terraform with the AWS provider
 * from the mirror: what terraform would create, read back from the plan.
 */
import { Testing } from "cdktf";
import { asList, PolicyStatement } from "../../../constructs/policy/policy-document";
import { PlannedResource, planStack, TerraformPlan } from "../../../testing/terraform";
import { describeWithTerraform } from "../../support/terraform";
import { ACCOUNT_ID, BOUNDARY_ARN, networkingAccess, paymentsAccess, PipelineTrustStack } from "./support/pipeline-trust-stack";

const networking = networkingAccess();
const payments = paymentsAccess();

describeWithTerraform("trust constructs in a terraform plan", () => {
  let plan: TerraformPlan;
  let roles: Record<string, PlannedResource>;

  beforeAll(() => {
    plan = planStack(new PipelineTrustStack(Testing.app(), "identity"));
    roles = Object.fromEntries(plan.ofType("aws_iam_role").map((r) => [r.values.name, r]));
  });

  /** Inline policies of a role, by policy name, parsed. */
  const inlinePolicies = (roleName: string): Record<string, { Statement: PolicyStatement[] }> =>
    Object.fromEntries(
      plan
        .ofType("aws_iam_role_policy")
        .filter((p) => p.values.role === roleName)
        .map((p) => [p.values.name, JSON.parse(p.values.policy)]),
    );
  const attachments = (roleName: string): string[] =>
    plan
      .ofType("aws_iam_role_policy_attachment")
      .filter((a) => a.values.role === roleName)
      .map((a) => a.values.policy_arn)
      .sort();
  const allowedActions = (statements: PolicyStatement[], resourceSuffix: string): string[] =>
    statements.filter((s) => s.Effect === "Allow" && asList(s.Resource).some((r) => r.endsWith(resourceSuffix))).flatMap((s) => asList(s.Action));

  it("only creates: the OIDC provider, four roles, their inline policies and attachments", () => {
    const actions = plan.json.resource_changes.map((c: any) => c.change.actions.join(","));
    expect(new Set(actions)).toEqual(new Set(["create"]));
    expect(plan.ofType("aws_iam_openid_connect_provider")).toHaveLength(1);
    expect(Object.keys(roles).sort()).toEqual(["bk-networking-apply", "bk-networking-plan", "bk-payments-apply", "bk-payments-plan"]);
  });

  it("creates the Buildkite OIDC provider for sts.amazonaws.com", () => {
    const provider = plan.only("aws_iam_openid_connect_provider").values;
    expect(provider.url).toBe("https://agent.buildkite.com");
    expect(provider.client_id_list).toEqual(["sts.amazonaws.com"]);
  });

  it("plans each role's trust policy exactly as the declaration the job side derives", () => {
    for (const access of [networking.plan, networking.apply, payments.plan, payments.apply]) {
      const role = roles[access.roleName].values;
      expect(JSON.parse(role.assume_role_policy)).toEqual(access.trustPolicy);
      expect(`arn:aws:iam::${ACCOUNT_ID}:role${role.path}${role.name}`).toBe(access.roleArn);
      expect(JSON.parse(role.assume_role_policy).Statement[0].Principal.Federated).toBe(`arn:aws:iam::${ACCOUNT_ID}:oidc-provider/agent.buildkite.com`);
    }
  });

  it("plans session durations, permissions boundaries and Buildkite tags", () => {
    expect(roles["bk-networking-plan"].values.max_session_duration).toBe(3600);
    expect(roles["bk-payments-apply"].values.max_session_duration).toBe(7200);
    expect(roles["bk-networking-apply"].values.permissions_boundary).toBe(BOUNDARY_ARN);
    expect(roles["bk-payments-apply"].values.permissions_boundary).toBe(BOUNDARY_ARN);
    expect(roles["bk-networking-plan"].values.permissions_boundary ?? null).toBeNull();
    expect(roles["bk-payments-plan"].values.tags).toEqual({ "buildkite:organization": "acme", "buildkite:pipeline": "payments", "buildkite:role": "plan" });
  });

  it("attaches the caller's managed policies to the right roles", () => {
    expect(attachments("bk-networking-plan")).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    expect(attachments("bk-networking-apply")).toEqual(["arn:aws:iam::aws:policy/job-function/NetworkAdministrator"]);
    expect(attachments("bk-payments-plan")).toEqual([]);
  });

  it("gives plan read access to its own state (no lock files, every write denied) and apply write access, each under its own prefix", () => {
    const planState = inlinePolicies("bk-networking-plan")["terraform-state"].Statement;
    const applyState = inlinePolicies("bk-networking-apply")["terraform-state"].Statement;
    const objects = "arn:aws:s3:::acme-terraform-state/pipelines/networking/*";
    expect(allowedActions(planState, "pipelines/networking/*")).toContain("s3:GetObject");
    expect(allowedActions(planState, "pipelines/networking/*")).not.toContain("s3:PutObject");
    expect(allowedActions(planState, ".tflock")).toEqual([]);
    expect(planState.find((s) => s.Effect === "Deny" && asList(s.Resource).includes(objects))?.Action).toEqual(["s3:PutObject", "s3:DeleteObject"]);
    expect(allowedActions(applyState, ".tflock")).toEqual(["s3:DeleteObject"]);
    expect(allowedActions(applyState, "pipelines/networking/*")).toContain("s3:PutObject");
    const everyResource = [...planState, ...applyState].flatMap((s) => asList(s.Resource));
    expect(everyResource.filter((r) => r.startsWith("arn:aws:s3:::acme-terraform-state/"))).not.toHaveLength(0);
    expect(everyResource.filter((r) => r.startsWith("arn:aws:s3:::acme-terraform-state/") && !r.startsWith(objects.slice(0, -1)))).toEqual([]);
  });

  it("keeps the payments roles to the payments prefix and lock items, and plans the caller's inline statements", () => {
    const state = JSON.stringify(inlinePolicies("bk-payments-apply")["terraform-state"]);
    expect(state).toContain("pipelines/payments/");
    expect(state).not.toContain("pipelines/networking/");
    expect(state).toContain("dynamodb:LeadingKeys");
    expect(inlinePolicies("bk-payments-plan").permissions.Statement).toEqual([
      { Effect: "Allow", Action: ["rds:Describe*", "secretsmanager:DescribeSecret"], Resource: "*" },
    ]);
    expect(inlinePolicies("bk-networking-apply").permissions.Statement[0].Action).toEqual(["route53:ChangeResourceRecordSets"]);
  });
});
