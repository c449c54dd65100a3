import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { addAwsProvider, AwsProviderSettings } from "./aws-provider";

export type IdentityStackProps = AwsProviderSettings;

/** The AWS side of the trust path. */
export class IdentityStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id);
    addAwsProvider(this, props);
    new IamOpenidConnectProvider(this, "buildkite-oidc", {
      url: "https://agent.buildkite.com",
      clientIdList: ["sts.amazonaws.com"],
    });
  }
}
