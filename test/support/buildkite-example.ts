import { Testing } from "cdktf";
import { TerraformStateBackend } from "../../constructs/state/terraform-state-backend";
import { PipelineAccess } from "../../constructs/trust/pipeline-access";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { BuildkiteStackProps } from "../../stacks/buildkite-stack";

const ACCOUNT_ID = "111111111111";
const ORGANIZATION = "example-org";
const ORGANIZATION_ID = "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f";

/**
 * A Buildkite stack fixture for the Buildkite tests (the app itself synthesizes
 * platform/example-platform.ts):
 * three pipelines that differ where it matters (credentials through the
 * plugin or through explicit commands, claims checked as condition keys or
 * session tags, another default branch, apply step key, queue and session
 * duration), and the maintenance pipeline that keeps agent tokens rotating.
 */
export function exampleBuildkiteStackProps(offline = true): BuildkiteStackProps {
  // A backend created elsewhere: the pipelines only need its literal attributes.
  const state = TerraformStateBackend.fromAttributes(Testing.app(), "state", {
    bucketName: "example-terraform-state",
    region: "eu-west-1",
    kmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT_ID}:key/00000000-0000-4000-8000-000000000000`,
    lockMode: "both",
    lockTableName: "example-terraform-locks",
    keyPrefix: "pipelines",
  });
  return {
    organization: ORGANIZATION,
    aws: { region: "eu-west-1", accountId: ACCOUNT_ID, offline },
    // The same cluster and teams as the app's example platform.
    cluster: {
      name: EXAMPLE_PLATFORM.cluster.name,
      queues: EXAMPLE_PLATFORM.cluster.queues,
      defaultQueue: EXAMPLE_PLATFORM.cluster.defaultQueue,
      tokenRotationHours: EXAMPLE_PLATFORM.cluster.agentTokenRotationHours,
    },
    teams: EXAMPLE_PLATFORM.teams,
    pipelines: [
      {
        name: "Networking",
        repository: "git@github.com:example-org/networking.git",
        // Slugs only, checked as session tags: the assume-role plugin can mint this token.
        access: new PipelineAccess({ accountId: ACCOUNT_ID, organization: ORGANIZATION, pipeline: "networking", claimCheck: "session-tags" }),
        state,
        teams: [{ team: "platform", accessLevel: "MANAGE_BUILD_AND_READ" }],
        approval: { allowedTeams: ["platform"] },
      },
      {
        name: "Payments service",
        repository: "git@github.com:example-org/payments-service.git",
        // The organization UUID is an optional claim: the steps request it with --claim.
        access: new PipelineAccess({ accountId: ACCOUNT_ID, organization: ORGANIZATION, organizationId: ORGANIZATION_ID, pipeline: "payments-service" }),
        state,
        workingDirectory: "infra",
        teams: [
          { team: "payments", accessLevel: "BUILD_AND_READ" },
          { team: "platform", accessLevel: "MANAGE_BUILD_AND_READ" },
        ],
      },
      {
        name: "Data platform",
        repository: "git@github.com:example-org/data-platform.git",
        access: new PipelineAccess({
          accountId: ACCOUNT_ID,
          organization: ORGANIZATION,
          organizationId: ORGANIZATION_ID,
          pipeline: "data-platform",
          pipelineId: "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f",
          claimCheck: "session-tags",
          plan: { branches: ["release", "feature/*"] },
          apply: { branches: ["release"], stepKeys: ["apply-data"], sessionDurationSeconds: 7200 },
        }),
        state,
        defaultBranch: "release",
        queue: "terraform-data",
        teams: [{ team: "data", accessLevel: "BUILD_AND_READ" }],
        driftDetection: { cronline: "30 2 * * *" },
      },
    ],
    maintenancePipeline: {
      name: "Platform trust",
      repository: "git@github.com:example-org/platform-trust.git",
      access: new PipelineAccess({ accountId: ACCOUNT_ID, organization: ORGANIZATION, organizationId: ORGANIZATION_ID, pipeline: "platform-trust" }),
      state,
      setupCommands: ["npm ci", "npx cdktf synth"],
      workingDirectory: "cdktf.out/stacks/buildkite",
      teams: [{ team: "platform", accessLevel: "MANAGE_BUILD_AND_READ" }],
    },
  };
}
