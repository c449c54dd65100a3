import { Testing } from "cdktf";
import { IdentityStack } from "../../stacks/identity-stack";
import { cliConfig, planStack } from "../../testing/terraform";
import { describeWithTerraform } from "../support/terraform";

describe("cliConfig", () => {
  it("installs from the filesystem mirror when the folder exists", () => {
    const config = cliConfig(__dirname);
    expect(config).toContain("filesystem_mirror");
    expect(config).toContain(JSON.stringify(__dirname));
  });

  it("downloads directly when there is no mirror", () => {
    const config = cliConfig("/nonexistent/mirror");
    expect(config).not.toContain("filesystem_mirror");
    expect(config).toContain("direct {}");
  });
});

describeWithTerraform("terraform harness", () => {
  it("plans a synthesized AWS stack offline and returns the planned resources", () => {
    const app = Testing.app();
    const stack = new IdentityStack(app, "identity", { region: "eu-west-1", accountId: "111111111111", offline: true });
    const plan = planStack(stack);
    const oidc = plan.only("aws_iam_openid_connect_provider");
    expect(oidc.values.url).toBe("https://agent.buildkite.com");
    expect(oidc.values.client_id_list).toEqual(["sts.amazonaws.com"]);
    expect(plan.json.resource_changes.map((c: any) => c.change.actions)).toEqual([["create"]]);
  });

  it("reports terraform's own error when the configuration is invalid", () => {
    const app = Testing.app();
    const stack = new IdentityStack(app, "identity", { region: "eu-west-1", accountId: "111111111111", offline: true });
    stack.addOverride("resource.aws_iam_openid_connect_provider.buildkite-oidc.not_an_argument", true);
    expect(() => planStack(stack)).toThrow(/No argument or block type is named "not_an_argument"/);
  });
});
