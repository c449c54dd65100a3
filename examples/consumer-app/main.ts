/**
 * The payments team's own cdktf app: it declares the IAM roles of its
 * Buildkite pipeline `payments-infra` and that pipeline's access to the shared
 * Terraform state, using only the public entry points of buildkite-terraform-trust.
 * The platform team's app already created the account's Buildkite OIDC provider
 * and the state bucket; this app references them.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import {
  addS3Backend,
  applyGuardrails,
  BuildkiteOidcProvider,
  BuildkitePipelineRoles,
  BuildkiteTerraformPipeline,
  PipelineAccess,
  StateBackendAttributes,
  TerraformStateBackend,
} from "buildkite-terraform-trust";
import { BuildkiteProvider } from "buildkite-terraform-trust/buildkite/provider";
import { Team } from "buildkite-terraform-trust/buildkite/team";
import { PAYMENTS_GUARDRAILS } from "./guardrails.js";

const ACCOUNT_ID = "222222222222";
const REGION = "eu-west-1";
const ORGANIZATION = "acme";
const PIPELINE = "payments-infra";

const app = new App();

// Who may assume the pipeline's roles: plan on any branch (step "plan"), apply only on main (step "apply").
// The UUIDs pin the organization and pipeline, so a recycled slug cannot inherit the roles.
const access = new PipelineAccess({
  accountId: ACCOUNT_ID,
  organization: ORGANIZATION,
  pipeline: PIPELINE,
  organizationId: "0b6a6f3e-59c8-4a64-9d2b-2c6e3f0c1a11",
  pipelineId: "5f3d9a2c-8e41-4b7a-a0d6-7c1e2b9f4d22",
  apply: { branches: ["main"], stepKeys: ["apply"] },
});

// The platform's state backend (created by the platform team's TerraformStateBackend), known here by its
// attributes; pipeline states live under pipelines/<pipeline-slug>/<workspace>/terraform.tfstate.
const stateBackend: StateBackendAttributes = {
  bucketName: "acme-terraform-state",
  region: REGION,
  kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/7d1c3f5e-2a4b-4c6d-8e9f-0a1b2c3d4e5f`,
  lockMode: "lockfile",
  keyPrefix: "pipelines",
};

const identity = new TerraformStack(app, "payments-ci-roles");
const identityState = TerraformStateBackend.fromAttributes(identity, "state", stateBackend);
// This app's own state sits outside the pipeline's prefix, so the pipeline cannot rewrite its own roles.
addS3Backend(identity, identityState.backendConfig("teams/payments/ci-roles/terraform.tfstate"));
// The owner tag our own guardrail (guardrails.ts) asks every role for.
new AwsProvider(identity, "aws", { region: REGION, allowedAccountIds: [ACCOUNT_ID], defaultTags: [{ tags: { owner: "payments" } }] });
// The pipeline's own states live under pipelines/payments-infra/; its roles may touch nothing else in the bucket.
new BuildkitePipelineRoles(identity, "payments-infra", {
  access,
  provider: BuildkiteOidcProvider.fromAccount(ACCOUNT_ID),
  state: identityState,
  plan: { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
  apply: {
    statements: [
      {
        Effect: "Allow",
        Action: ["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:TagQueue"],
        Resource: `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:payments-*`,
      },
    ],
  },
});

// The pipeline itself, in another state: its steps come from the same declaration as the roles' trust
// policies, so they request exactly the token each role admits. The generated Buildkite provider
// bindings ship with the library under buildkite-terraform-trust/buildkite/<resource>.
const buildkite = new TerraformStack(app, "payments-ci-buildkite");
const buildkiteState = TerraformStateBackend.fromAttributes(buildkite, "state", stateBackend);
addS3Backend(buildkite, buildkiteState.backendConfig("teams/payments/ci-buildkite/terraform.tfstate"));
new BuildkiteProvider(buildkite, "buildkite", { organization: ORGANIZATION });
const team = new Team(buildkite, "payments", { name: "payments", privacy: "VISIBLE", defaultTeam: false, defaultMemberRole: "MEMBER" });
new BuildkiteTerraformPipeline(buildkite, "payments-infra", {
  name: "Payments infrastructure",
  repository: "git@github.com:acme/payments-infra.git",
  access,
  state: buildkiteState,
  workingDirectory: "terraform",
  teams: [{ teamId: team.id, accessLevel: "BUILD_AND_READ" }],
  // Only members of the team approve; the apply runs on agents that run nothing else and refuse unsigned steps.
  approval: { allowedTeams: ["payments"] },
  applyQueue: "terraform-apply",
  signing: { jwksFile: "/etc/buildkite-agent/signing/payments-private-jwks.json", jwksKeyId: "payments-2025" },
});

// Once, after the stacks: the library's guardrails and our own; a finding fails synth with the fix.
applyGuardrails(app, { packs: [PAYMENTS_GUARDRAILS] });
app.synth();
