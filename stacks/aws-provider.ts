import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";

/** How a stack's AWS provider is configured. */
export interface AwsProviderSettings {
  /** Region of the provider. */
  readonly region: string;
  /** The account this stack may touch; the provider refuses any other (live mode). */
  readonly accountId: string;
  /**
   * Configure the provider for offline `terraform plan` (tests, benchmarks):
   * every check that would call AWS is skipped and credentials may be dummies.
   * @default false
   */
  readonly offline?: boolean;
  /** Tags applied by the provider to every taggable resource. @default - none */
  readonly defaultTags?: Record<string, string>;
  /**
   * A role in `accountId` the provider assumes, for a stack deployed with credentials of another account
   * (an identity stack of an account that does not hold the state, whose backend uses the deployer's own
   * credentials in the state account). Not assumed offline, where nothing calls AWS.
   * @default - the credentials of the environment
   */
  readonly assumeRoleArn?: string;
}

/**
 * The variable holding `assumeRoleArn` (its default): a job that holds credentials of the account
 * already (the platform pipeline's identity deployer) sets it empty (`TF_VAR_aws_assume_role_arn=`),
 * and the provider then assumes nothing (an empty `role_arn` is skipped).
 */
export const ASSUME_ROLE_VARIABLE = "aws_assume_role_arn";

/** Adds the `aws` provider of a stack. */
export function addAwsProvider(scope: Construct, settings: AwsProviderSettings): AwsProvider {
  const offline = settings.offline ?? false;
  const hasTags = settings.defaultTags && Object.keys(settings.defaultTags).length > 0;
  return new AwsProvider(scope, "aws", {
    region: settings.region,
    // With skip_requesting_account_id the provider cannot check the account, so the pin is live-only.
    allowedAccountIds: offline ? undefined : [settings.accountId],
    defaultTags: hasTags ? [{ tags: settings.defaultTags }] : undefined,
    assumeRole:
      settings.assumeRoleArn && !offline
        ? [{ roleArn: assumeRoleVariable(scope, settings.assumeRoleArn), sessionName: "buildkite-terraform-trust" }]
        : undefined,
    ...(offline
      ? {
          skipCredentialsValidation: true,
          skipMetadataApiCheck: "true",
          skipRegionValidation: true,
          skipRequestingAccountId: true,
        }
      : {}),
  });
}

function assumeRoleVariable(scope: Construct, roleArn: string): string {
  return new TerraformVariable(scope, ASSUME_ROLE_VARIABLE, {
    type: "string",
    default: roleArn,
    description: "The role the AWS provider assumes; empty when the credentials are of this account already",
  }).stringValue;
}
