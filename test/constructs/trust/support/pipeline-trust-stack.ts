/**
 * Test support: a stack composing the trust constructs the way an identity
 * stack does: the account's Buildkite OIDC provider and the plan/apply roles
 * of two pipelines, one with slugs only and condition keys, one pinned to its
 * immutable UUIDs through session tags and also applying release tags.
 */
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { addAwsProvider } from "../../../../stacks/aws-provider";
import { StateBackendAttributes, TerraformStateBackend } from "../../../../constructs/state/terraform-state-backend";
import { BuildkiteOidcProvider } from "../../../../constructs/trust/buildkite-oidc-provider";
import { BuildkitePipelineRoles } from "../../../../constructs/trust/buildkite-pipeline-roles";
import { PipelineAccess } from "../../../../constructs/trust/pipeline-access";

export const ACCOUNT_ID = "111111111111";
export const ORGANIZATION = "acme";
export const ORGANIZATION_ID = "0184990a-477b-4fa8-9968-496074483c77";
export const PAYMENTS_PIPELINE_ID = "0184990a-4782-42b5-afc1-16715b10b110";
export const CLUSTER_ID = "0191f956-042f-7ec4-aa62-8e5eeae396d0";
export const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT_ID}:policy/ci-boundary`;
/** The shared state backend (lock table `arn:aws:dynamodb:eu-west-1:<account>:table/terraform-locks`); each pipeline picks its lock mode. */
export const STATE: Omit<StateBackendAttributes, "lockMode"> = {
  bucketName: "acme-terraform-state",
  region: "eu-west-1",
  kmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT_ID}:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
  lockTableName: "terraform-locks",
  accountId: ACCOUNT_ID,
};

/** Access declarations as another stack (the Buildkite side) would build them. */
export const networkingAccess = (): PipelineAccess => new PipelineAccess({ accountId: ACCOUNT_ID, organization: ORGANIZATION, pipeline: "networking" });
export const paymentsAccess = (): PipelineAccess =>
  new PipelineAccess({
    accountId: ACCOUNT_ID,
    organization: ORGANIZATION,
    pipeline: "payments",
    organizationId: ORGANIZATION_ID,
    pipelineId: PAYMENTS_PIPELINE_ID,
    claimCheck: "session-tags",
    sessionDurationSeconds: 7200,
    apply: { branches: ["main"], tags: ["v*"], stepKeys: ["apply"] },
  });

export class PipelineTrustStack extends TerraformStack {
  readonly provider: BuildkiteOidcProvider;
  readonly networking: BuildkitePipelineRoles;
  readonly payments: BuildkitePipelineRoles;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    addAwsProvider(this, { region: "eu-west-1", accountId: ACCOUNT_ID, offline: true });
    this.provider = new BuildkiteOidcProvider(this, "BuildkiteOidc", { accountId: ACCOUNT_ID });
    this.networking = new BuildkitePipelineRoles(this, "Networking", {
      access: networkingAccess(),
      provider: this.provider,
      state: TerraformStateBackend.fromAttributes(this, "StateWithLockFiles", { ...STATE, lockMode: "lockfile" }),
      plan: { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
      apply: {
        managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/NetworkAdministrator"],
        statements: [{ Effect: "Allow", Action: ["route53:ChangeResourceRecordSets"], Resource: "arn:aws:route53:::hostedzone/Z123" }],
        permissionsBoundaryArn: BOUNDARY_ARN,
      },
    });
    this.payments = new BuildkitePipelineRoles(this, "Payments", {
      access: paymentsAccess(),
      provider: this.provider,
      state: TerraformStateBackend.fromAttributes(this, "StateWithBothLocks", { ...STATE, lockMode: "both" }),
      plan: { statements: [{ Effect: "Allow", Action: ["rds:Describe*", "secretsmanager:DescribeSecret"], Resource: "*" }] },
      apply: { managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/DatabaseAdministrator"], permissionsBoundaryArn: BOUNDARY_ARN },
    });
  }
}
