import { TerraformStack } from "cdktf";
import { BuildkiteOidcProvider } from "../../constructs/trust/buildkite-oidc-provider";
import { planStack } from "../../testing/terraform";
import { describeWithTerraform } from "../support/terraform";
import { awsStack } from "../support/synth";

function oidcStack(): { stack: TerraformStack; provider: BuildkiteOidcProvider } {
  const stack = awsStack("identity");
  const provider = new BuildkiteOidcProvider(stack, "buildkite-oidc", { accountId: "111111111111" });
  return { stack, provider };
}

describeWithTerraform("terraform harness", () => {
  it("plans a synthesized AWS stack offline and returns the planned resources", () => {
    const plan = planStack(oidcStack().stack);
    const oidc = plan.only("aws_iam_openid_connect_provider");
    expect(oidc.values.url).toBe("https://agent.buildkite.com");
    expect(oidc.values.client_id_list).toEqual(["sts.amazonaws.com"]);
    expect(plan.json.resource_changes.map((c: any) => c.change.actions)).toEqual([["create"]]);
  });

  it("reports terraform's own error when the configuration is invalid", () => {
    const { stack, provider } = oidcStack();
    provider.resource.addOverride("not_an_argument", true);
    expect(() => planStack(stack)).toThrow(/No argument or block type is named "not_an_argument"/);
  });
});
