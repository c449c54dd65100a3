import { Testing } from "cdktf";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { validateDeclaration } from "../../platform/validate";
import { buildPlatform } from "../../platform/build-platform";
import { planStack, TerraformPlan } from "../../testing/terraform";
import { describeWithTerraform } from "../support/terraform";

describeWithTerraform("the example platform's AWS stacks planned by terraform", () => {
  let identityPlan: TerraformPlan;
  let statePlan: TerraformPlan;
  beforeAll(() => {
    const stacks = buildPlatform(Testing.app(), validateDeclaration(EXAMPLE_PLATFORM), { offline: true });
    identityPlan = planStack(stacks.identity[0]);
    statePlan = planStack(stacks.stateBackend);
  });

  it("plans the identity stack: the OIDC provider and eight roles with their trust and state policies", () => {
    expect(identityPlan.only("aws_iam_openid_connect_provider").values.url).toBe("https://agent.buildkite.com");
    // The four pipelines' plan and apply roles; the platform pipeline's deploy roles are tested in deployer-evaluation.test.ts.
    const roles = identityPlan.ofType("aws_iam_role").filter((role) => !role.values.name.endsWith("-deployer"));
    expect(roles).toHaveLength(8);
    for (const role of roles) {
      const trust = JSON.parse(role.values.assume_role_policy);
      expect(trust.Statement[0].Principal.Federated).toBe("arn:aws:iam::123456789012:oidc-provider/agent.buildkite.com");
      expect(role.values.tags_all).toMatchObject({ "managed-by": "buildkite-terraform-trust", stack: "identity-production" });
    }
    const policies = identityPlan.ofType("aws_iam_role_policy").map((p) => JSON.parse(p.values.policy));
    const stateObjects = policies
      .flatMap((p) => p.Statement)
      .filter((s: any) => [s.Action].flat().includes("s3:GetObject"))
      .flatMap((s: any) => [s.Resource].flat());
    expect(stateObjects.length).toBeGreaterThanOrEqual(8);
    for (const resource of stateObjects) expect(resource).toMatch(/^arn:aws:s3:::acme-terraform-state\/pipelines\/[a-z-]+\/\*$/);
  });

  it("plans the state stack with the declared bucket and lock table", () => {
    expect(statePlan.only("aws_s3_bucket").values.bucket).toBe("acme-terraform-state");
    expect(statePlan.only("aws_dynamodb_table").values.hash_key).toBe("LockID");
    expect(statePlan.only("aws_kms_key").values.enable_key_rotation).toBe(true);
  });
});
