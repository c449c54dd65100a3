import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { Construct } from "constructs";
import { BUILDKITE_OIDC_ISSUER, buildkiteOidcProviderArn, DEFAULT_BUILDKITE_AUDIENCE } from "./buildkite-oidc";
import { checkFormat, checkList, FORMATS } from "../private/validation";

/** The account's IAM OIDC provider for Buildkite, created here or elsewhere. */
export interface IBuildkiteOidcProvider {
  /** ARN of the provider, known at synth time. */
  readonly providerArn: string;
  /** Audiences (client IDs) the provider accepts, when known. */
  readonly audiences?: readonly string[];
}

/** Props of {@link BuildkiteOidcProvider}. */
export interface BuildkiteOidcProviderProps {
  /** The account the provider is created in (the ARN is derived from it, no API call needed). */
  readonly accountId: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /** Audiences (client IDs) tokens may carry. @default ["sts.amazonaws.com"] */
  readonly audiences?: readonly string[];
  /** Tags of the provider. @default - none */
  readonly tags?: Record<string, string>;
}

/**
 * The `aws_iam_openid_connect_provider` for `https://agent.buildkite.com`.
 * An account holds at most one provider per issuer, so one app creates it and
 * the others reference it with {@link BuildkiteOidcProvider.fromAccount}. No
 * thumbprint is configured: IAM verifies the issuer's certificate itself.
 */
export class BuildkiteOidcProvider extends Construct implements IBuildkiteOidcProvider {
  /** References the provider another app created in `accountId`; creates nothing. */
  static fromAccount(accountId: string, partition = "aws", audiences?: readonly string[]): IBuildkiteOidcProvider {
    checkFormat(FORMATS.accountId, "accountId", accountId);
    checkFormat(FORMATS.partition, "partition", partition);
    return { providerArn: buildkiteOidcProviderArn(accountId, partition), ...(audiences ? { audiences } : {}) };
  }

  /** ARN of the Buildkite OIDC provider of an account. */
  static arnFor(accountId: string, partition = "aws"): string {
    return buildkiteOidcProviderArn(checkFormat(FORMATS.accountId, "accountId", accountId), checkFormat(FORMATS.partition, "partition", partition));
  }

  readonly providerArn: string;
  readonly audiences: readonly string[];
  /** The Terraform resource. */
  readonly resource: IamOpenidConnectProvider;

  constructor(scope: Construct, id: string, props: BuildkiteOidcProviderProps) {
    super(scope, id);
    this.providerArn = BuildkiteOidcProvider.arnFor(props.accountId, props.partition);
    this.audiences = checkList("audiences", props.audiences ?? [DEFAULT_BUILDKITE_AUDIENCE], {
      nonEmpty: 'name the audiences jobs request, for example ["sts.amazonaws.com"]',
    }).map((audience, i) => checkFormat(FORMATS.audience, `audiences[${i}]`, audience));
    this.resource = new IamOpenidConnectProvider(this, "Resource", {
      url: BUILDKITE_OIDC_ISSUER,
      clientIdList: [...this.audiences],
      tags: props.tags,
      // Every role of the account trusts it: Terraform refuses a plan that would destroy or replace it.
      lifecycle: { preventDestroy: true },
    });
  }

  /**
   * Adopts the provider the account already has (an account holds one per issuer; Buildkite's setup
   * guide creates it by hand): an `import` block by its ARN, so the first apply takes it over instead
   * of failing to create a second one.
   */
  importExisting(): void {
    this.resource.importFrom(this.providerArn);
  }
}
