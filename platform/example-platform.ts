import { PlatformDeclarationInput } from "./declaration";

/**
 * The example platform synthesized when no declaration is given: a networking
 * repository, an application service and a data platform whose applies are
 * stricter (release branch only, its own step key and queue, pinned pipeline UUID). Each
 * pipeline's owner team approves its applies, which run on the cluster's apply queue.
 */
export const EXAMPLE_PLATFORM: PlatformDeclarationInput = {
  repository: "github.com/acme/platform-trust",
  owner: "platform",
  organization: { slug: "acme", id: "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f" },
  accounts: [{ name: "production", id: "123456789012", region: "eu-west-1" }],
  state: {
    account: "production",
    bucket: "acme-terraform-state",
    lockTable: "acme-terraform-locks",
    lockMode: "both",
    keyPrefix: "pipelines",
    // The kms_key_arn output of the state-backend stack's first apply.
    kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/6f1c2d3e-4b5a-4c6d-9e8f-7a6b5c4d3e2f",
    migrated: true,
    // The role the state-backend stack is deployed with: the only one (besides the account's root user)
    // that may change the bucket's and the key's configuration.
    administrators: ["arn:aws:iam::123456789012:role/terraform-state-admin"],
  },
  cluster: {
    name: "terraform",
    queues: [
      { key: "terraform", description: "Terraform plans and applies" },
      { key: "terraform-data", description: "Isolated agents for the data platform" },
    ],
    defaultQueue: "terraform",
    // Every apply step runs here, on agents that run nothing else and refuse unsigned steps (docs/buildkite.md).
    applyQueue: "terraform-apply",
    agentTokenRotationHours: 6,
    // The agents' instance role reads the tokens at start-up; no one else but the platform pipeline may decrypt them.
    agentTokenReaders: ["arn:aws:iam::123456789012:role/buildkite-agent-terraform"],
  },
  teams: [
    { slug: "platform", name: "Platform" },
    { slug: "payments", name: "Payments" },
    { slug: "data", name: "Data" },
  ],
  pipelines: [
    {
      slug: "networking",
      name: "Networking",
      repository: "git@github.com:acme/networking.git",
      account: "production",
      owner: "platform",
      teams: [{ team: "platform", access: "MANAGE_BUILD_AND_READ" }],
      apply: { branches: ["main"], stepKey: "apply", permissions: { sets: ["network-admin"] } },
      driftSchedule: "0 3 * * *",
    },
    {
      slug: "payments-service",
      name: "Payments service",
      repository: "git@github.com:acme/payments-service.git",
      account: "production",
      workingDirectory: "infra",
      owner: "payments",
      teams: [
        { team: "payments", access: "BUILD_AND_READ" },
        { team: "platform", access: "MANAGE_BUILD_AND_READ" },
      ],
      apply: {
        branches: ["main"],
        stepKey: "apply",
        permissions: {
          sets: ["ecs-deploy", "ecr-push"],
          statements: [
            {
              sid: "PaymentsSecrets",
              actions: ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"],
              resources: ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:payments/*"],
            },
          ],
        },
      },
    },
    {
      slug: "data-platform",
      name: "Data platform",
      repository: "git@github.com:acme/data-platform.git",
      id: "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f",
      account: "production",
      defaultBranch: "release",
      queue: "terraform-data",
      owner: "data",
      teams: [{ team: "data", access: "BUILD_AND_READ" }],
      plan: { branches: ["release", "feature/*"], permissions: { sets: ["view-only"] } },
      apply: {
        branches: ["release"],
        stepKey: "apply-data",
        permissions: { sets: ["glue-admin", "s3-admin"] },
      },
      approval: true,
      driftSchedule: "30 2 * * *",
    },
  ],
  platformPipeline: {
    slug: "platform-trust",
    name: "Platform trust",
    repository: "git@github.com:acme/platform-trust.git",
    account: "production",
    owner: "platform",
    setupCommands: ["npm ci", "npm run synth"],
    workingDirectory: "cdktf.out/stacks/buildkite",
    teams: [{ team: "platform", access: "MANAGE_BUILD_AND_READ" }],
    // Its states hold the cluster's agent tokens: only builds of main may plan (and read them).
    plan: { branches: ["main"], permissions: { sets: ["read-only"] } },
    // It applies every stack of the platform, one plan and apply step per stack (apply-<stack>), each with the
    // role of its part: its own apply role for the Buildkite stacks, deploy roles for the others (docs/buildkite.md).
    apply: { branches: ["main"] },
  },
};
