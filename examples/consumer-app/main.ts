// PROVISIONAL: replaced by the trust and state constructs once they are exported.
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { policyDocument, renderPolicy } from "buildkite-terraform-trust";
import { BuildkiteProvider } from "buildkite-terraform-trust/buildkite/provider";
import { Team } from "buildkite-terraform-trust/buildkite/team";

const app = new App();
const stack = new TerraformStack(app, "payments-ci");
new AwsProvider(stack, "aws", { region: "eu-west-1" });
new IamRole(stack, "plan", {
  name: "payments-infra-plan",
  assumeRolePolicy: renderPolicy(
    policyDocument([
      {
        Effect: "Allow",
        Principal: { Federated: "arn:aws:iam::222222222222:oidc-provider/agent.buildkite.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "agent.buildkite.com:aud": "sts.amazonaws.com" },
          StringLike: { "agent.buildkite.com:sub": "organization:acme:pipeline:payments-infra:ref:*:commit:*:step:*" },
        },
      },
    ]),
  ),
});
new BuildkiteProvider(stack, "buildkite", { organization: "acme" });
new Team(stack, "team", { name: "payments", defaultTeam: false, defaultMemberRole: "MEMBER", privacy: "VISIBLE" });
app.synth();
