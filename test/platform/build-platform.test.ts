import * as path from "path";
import { App, Testing } from "cdktf";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { loadDeclaration } from "../../platform/load";
import { validateDeclaration } from "../../platform/validate";
import { buildPlatform, PlatformStacks } from "../../platform/build-platform";
import { platformStateKey } from "../../platform/stack-plan";
import { assertConformsToSchema } from "../../testing/schema-conformance";
import { readTree } from "../support/read-tree";
import { testValidatedConfigApp } from "../support/validated-config-app";
import { resource, resourceAddress, resourcesOfType, synthJson } from "../support/synth";

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "providers", "buildkite", "schema.json");

function platform(input: PlatformDeclarationInput = EXAMPLE_PLATFORM, buildMetadata?: Record<string, string>): PlatformStacks {
  return buildPlatform(Testing.app(), validateDeclaration(input), { offline: true, buildMetadata });
}

function clone(): any {
  return JSON.parse(JSON.stringify(EXAMPLE_PLATFORM));
}

describe("the example platform", () => {
  const stacks = platform();
  const identity = synthJson(stacks.identity[0]);
  const buildkite = synthJson(stacks.buildkite!);
  const state = synthJson(stacks.stateBackend);

  // The only snapshots of these stacks (the construct and stack tests assert, and keep none): a safety net over
  // what the app deploys. What matters in them is asserted by the tests below.
  it("matches the snapshots of every stack", () => {
    expect(state).toMatchSnapshot("state-backend");
    expect(identity).toMatchSnapshot("identity-production");
    expect(buildkite).toMatchSnapshot("buildkite");
  });

  it("protects the state bucket with every statement of its policy, and publishes the backend's attributes", () => {
    const policy = JSON.parse(resource(state, "aws_s3_bucket_policy").policy);
    expect(policy.Statement.map((s: any) => [s.Sid, s.Effect])).toEqual([
      ["DenyInsecureTransport", "Deny"],
      ["DenyOutdatedTls", "Deny"],
      ["DenyOtherEncryption", "Deny"],
      ["DenyOtherKmsKeys", "Deny"],
      ["DenyCustomerProvidedKeys", "Deny"],
      ["DenyConfigurationExceptAdministrators", "Deny"],
      ["DenyPipelinesOtherStates", "Deny"],
      ["DenyPipelineTagsWithSlash", "Deny"],
    ]);
    expect(Object.keys(state.output).sort()).toEqual([
      "bucket_arn",
      "bucket_name",
      "kms_alias_name",
      "kms_key_arn",
      "lock_mode",
      "lock_table_arn",
      "lock_table_name",
      "region",
    ]);
    expect(state.output.bucket_name.value).toBe("acme-terraform-state");
    expect(state.output.lock_table_name.value).toBe("acme-terraform-locks");
  });

  it("fences each pipeline role into its own folder of the declared key prefix, platform states included", () => {
    const policy = JSON.parse(resource(state, "aws_s3_bucket_policy").policy);
    const fence = policy.Statement.find((s: any) => s.Sid === "DenyPipelinesOtherStates");
    // $${ is Terraform's escape: IAM receives the policy variable ${aws:PrincipalTag/...}.
    expect(fence.NotResource).toContain("arn:aws:s3:::acme-terraform-state/pipelines/$${aws:PrincipalTag/buildkite:pipeline}/*");
    // The platform stacks are the platform pipeline's workspaces, so its roles pass the fence.
    for (const key of ["identity-production", "buildkite"]) {
      expect(platformStateKey(validateDeclaration(EXAMPLE_PLATFORM), key)).toMatch(/^pipelines\/platform-trust\//);
    }
  });

  it("has one state, one identity and one Buildkite stack, deployed in that order", () => {
    expect([stacks.stateBackend, ...stacks.identity, stacks.buildkite!].map((s) => s.node.id)).toEqual(["state-backend", "identity-production", "buildkite"]);
    expect(stacks.identity[0].dependencies.map((s) => s.node.id)).toEqual(["state-backend"]);
    expect(stacks.buildkite!.dependencies.map((s) => s.node.id)).toEqual(["state-backend", "identity-production"]);
  });

  it("files every stack's state in the declared bucket under the platform pipeline's prefix", () => {
    for (const [config, key] of [
      [identity, "pipelines/platform-trust/identity-production/terraform.tfstate"],
      [buildkite, "pipelines/platform-trust/buildkite/terraform.tfstate"],
    ]) {
      const s3 = config.terraform.backend.s3;
      expect(s3).toMatchObject({ bucket: "acme-terraform-state", key, encrypt: true, use_lockfile: true, region: "eu-west-1" });
      expect(s3.kms_key_id).toBe(EXAMPLE_PLATFORM.state.kmsKeyArn);
    }
    // Migrated: the bootstrap stack keeps its own state in its bucket too.
    expect(state.terraform.backend.s3.bucket).toBe("acme-terraform-state");
  });

  it("tags every AWS resource with stable provenance, never per-build metadata by default", () => {
    for (const [config, stack] of [
      [state, "state-backend"],
      [identity, "identity-production"],
      [buildkite, "buildkite"],
    ]) {
      expect(config.provider.aws[0].default_tags[0].tags).toEqual({
        "managed-by": "buildkite-terraform-trust",
        repository: "github.com/acme/platform-trust",
        stack,
        owner: "platform",
      });
    }
    const withBuild = platform(EXAMPLE_PLATFORM, { "buildkite:build-number": "42" });
    expect(synthJson(withBuild.identity[0]).provider.aws[0].default_tags[0].tags).not.toHaveProperty("buildkite:build-number");
  });

  it("adds build metadata tags when the declaration asks for them", () => {
    const input = { ...clone(), tags: { buildMetadata: true } };
    const withBuild = platform(input, { "buildkite:build-number": "42" });
    expect(synthJson(withBuild.identity[0]).provider.aws[0].default_tags[0].tags).toMatchObject({
      "buildkite:build-number": "42",
      stack: "identity-production",
    });
  });

  it("creates one OIDC provider and a plan and apply role per pipeline, each trusting only its pipeline", () => {
    const provider = resource(identity, "aws_iam_openid_connect_provider");
    expect(provider).toMatchObject({ url: "https://agent.buildkite.com", client_id_list: ["sts.amazonaws.com"] });
    // Besides the platform pipeline's deploy roles (below).
    const roles = resourcesOfType(identity, "aws_iam_role").filter((r) => !r.name.endsWith("-deployer"));
    const slugs = ["networking", "payments-service", "data-platform", "platform-trust"];
    expect(roles.map((r) => r.name).sort()).toEqual(slugs.flatMap((s) => [`bk-${s}-apply`, `bk-${s}-plan`]).sort());
    for (const role of roles) {
      const slug = role.tags["buildkite:pipeline"];
      const trust = JSON.parse(role.assume_role_policy);
      expect(trust.Statement).toHaveLength(1);
      expect(trust.Statement[0]).toMatchObject({
        Effect: "Allow",
        Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/agent.buildkite.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
      });
      const subs: string[] = [trust.Statement[0].Condition.StringLike["agent.buildkite.com:sub"]].flat();
      expect(subs.every((s) => s.startsWith(`organization:acme:pipeline:${slug}:ref:`))).toBe(true);
      expect(trust.Statement[0].Condition.StringEquals).toMatchObject({
        "agent.buildkite.com:aud": "sts.amazonaws.com",
        "agent.buildkite.com:organization_slug": "acme",
        "agent.buildkite.com:pipeline_slug": slug,
      });
      // Fork builds run on branches named "owner:branch", and a ":" in a step key, commit or ref adds a subject field: no role admits them.
      expect(trust.Statement[0].Condition.StringNotLike).toEqual({
        "agent.buildkite.com:sub": "*:*:*:*:*:*:*:*:*:*:*",
        "agent.buildkite.com:build_branch": "*:*",
      });
      expect(role.max_session_duration).toBe(3600);
      expect(role.path).toBe("/buildkite/acme/");
      expect(role.depends_on).toEqual([
        resourceAddress(identity, "aws_iam_openid_connect_provider"),
        resourceAddress(identity, "aws_iam_policy", (p) => p.name === "bk-pipeline-boundary"),
      ]);
      // Every pipeline role carries the account's boundary (created in this, the account's first identity stack).
      expect(role.permissions_boundary).toBe("arn:aws:iam::123456789012:policy/buildkite/acme/bk-pipeline-boundary");
    }
  });

  it("creates the platform pipeline's deploy roles of the account, trusted by its default branch's stack steps only, with the deployers' boundary", () => {
    const deployers = resourcesOfType(identity, "aws_iam_role").filter((r) => r.name.endsWith("-deployer"));
    expect(deployers.map((r) => r.name).sort()).toEqual(["bk-platform-trust-identity-production-deployer", "bk-platform-trust-state-backend-deployer"]);
    for (const role of deployers) {
      expect(role.tags["buildkite:pipeline"]).toBe("platform-trust");
      expect(role.permissions_boundary).toBe("arn:aws:iam::123456789012:policy/buildkite/acme/bk-platform-deployer-boundary");
      const subs: string[] = [JSON.parse(role.assume_role_policy).Statement[0].Condition.StringLike["agent.buildkite.com:sub"]].flat();
      expect(subs.every((s) => s.startsWith("organization:acme:pipeline:platform-trust:ref:refs/heads/main:commit:*:step:"))).toBe(true);
      const steps = subs.map((s) => s.replace(/^.*:step:/, "")).sort();
      expect(steps).toEqual(
        role.name === "bk-platform-trust-state-backend-deployer"
          ? ["apply-state-backend", "plan-state-backend"]
          : ["apply-identity-production", "plan-identity-production"],
      );
    }
  });

  /** How the identity stack's policies name the role they belong to: a reference to the role's name. */
  const roleNameOf = (roleName: string) => `\${${resourceAddress(identity, "aws_iam_role", (r) => r.name === roleName)}.name}`;

  it("gives each role state access to its own pipeline's folder only, writable by the apply role alone", () => {
    for (const role of resourcesOfType(identity, "aws_iam_role")) {
      const statePolicy = resource(identity, "aws_iam_role_policy", (p) => p.role === roleNameOf(role.name) && p.name === "terraform-state");
      const statements = JSON.parse(statePolicy.policy).Statement;
      const objects = statements.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith("s3:") && a !== "s3:ListBucket"));
      const arns: string[] = objects.flatMap((s: any) => [s.Resource].flat());
      expect(arns.length).toBeGreaterThan(0);
      for (const arn of arns) expect(arn.startsWith(`arn:aws:s3:::acme-terraform-state/pipelines/${role.tags["buildkite:pipeline"]}/`)).toBe(true);
      expect(statements.some((s: any) => s.Sid === "TerraformStateWrite")).toBe(role.tags["buildkite:role"] === "apply");
    }
  });

  it("attaches the managed policies of the declared permission sets to each role", () => {
    const attached = (roleName: string) =>
      resourcesOfType(identity, "aws_iam_role_policy_attachment")
        .filter((a) => a.role === roleNameOf(roleName))
        .map((a) => a.policy_arn)
        .sort();
    expect(attached("bk-data-platform-plan")).toEqual(["arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"]);
    expect(attached("bk-data-platform-apply")).toEqual(["arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess"]);
    expect(attached("bk-networking-apply")).toEqual(["arn:aws:iam::aws:policy/job-function/NetworkAdministrator"]);
  });

  it("gives the data platform's apply role only the release branch and its own step, pinned to the pipeline UUID", () => {
    const apply = resource(identity, "aws_iam_role", (r) => r.name === "bk-data-platform-apply");
    const trust = JSON.parse(apply.assume_role_policy).Statement[0].Condition;
    expect(trust.StringLike["agent.buildkite.com:sub"]).toEqual("organization:acme:pipeline:data-platform:ref:refs/heads/release:commit:*:step:apply-data");
    expect(trust.StringEquals["agent.buildkite.com:pipeline_id"]).toBe("5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f");
  });

  it("reports each pipeline's roles, who may assume them and the state they touch", () => {
    const data = stacks.pipelines.find((p) => p.slug === "data-platform")!;
    expect(data.roles.map((r) => [r.kind, r.access.roleName, r.access.branches, r.access.stepKeys])).toEqual([
      ["plan", "bk-data-platform-plan", ["release", "feature/*"], ["plan"]],
      ["apply", "bk-data-platform-apply", ["release"], ["apply-data"]],
    ]);
    expect(data.roles.map((r) => r.state)).toEqual([
      "read (no lock) s3://acme-terraform-state/pipelines/data-platform/*",
      "read/write + lock s3://acme-terraform-state/pipelines/data-platform/*",
    ]);
  });

  it("declares a Buildkite pipeline per declared pipeline plus the platform pipeline, fork builds off, conforming to the provider schema", () => {
    const pipelines = resourcesOfType(buildkite, "buildkite_pipeline");
    expect(pipelines.map((p) => p.name).sort()).toEqual(["Data platform", "Networking", "Payments service", "Platform trust"]);
    for (const p of pipelines) expect(p.provider_settings.build_pull_request_forks).toBe(false);
    expect(() => assertConformsToSchema(buildkite, BUILDKITE_SCHEMA)).not.toThrow();
  });
});

describe("examples/two-accounts.yaml", () => {
  const d = loadDeclaration(path.join(__dirname, "..", "..", "examples", "two-accounts.yaml"));
  const stacks = buildPlatform(Testing.app(), d, { offline: false });
  const [production, analytics] = stacks.identity.map((stack) => synthJson(stack));
  const state = synthJson(stacks.stateBackend);

  it("has an identity stack per account, each on the state account's backend; the other account's provider assumes its deploy role", () => {
    expect(stacks.identity.map((s) => s.node.id)).toEqual(["identity-production", "identity-analytics"]);
    for (const [config, stack] of [
      [production, "identity-production"],
      [analytics, "identity-analytics"],
    ]) {
      expect(config.terraform.backend.s3).toMatchObject({ bucket: "acme-terraform-state", key: `pipelines/platform-trust/${stack}/terraform.tfstate` });
    }
    expect(production.provider.aws[0]).toMatchObject({ allowed_account_ids: ["123456789012"] });
    expect(production.provider.aws[0].assume_role).toBeUndefined();
    expect(analytics.provider.aws[0]).toMatchObject({
      allowed_account_ids: ["210987654321"],
      assume_role: [{ role_arn: "${var.aws_assume_role_arn}", session_name: "buildkite-terraform-trust" }],
    });
    // The declared role, unless a job that holds the account's credentials already (the platform's identity deployer) empties it.
    expect(analytics.variable.aws_assume_role_arn.default).toBe("arn:aws:iam::210987654321:role/platform-deployer");
    expect(
      resourcesOfType(analytics, "aws_iam_role")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["bk-data-platform-apply", "bk-data-platform-plan", "bk-platform-trust-identity-analytics-deployer", "bk-reporting-apply", "bk-reporting-plan"]);
  });

  it("names the other account's pipeline roles in the bucket policy, the key policy and the lock table's policy of the state account", () => {
    const grant = {
      Principal: { AWS: "arn:aws:iam::210987654321:root" },
      Condition: expect.objectContaining({
        ArnLike: { "aws:PrincipalArn": "arn:aws:iam::210987654321:role/buildkite/acme/*" },
        // The platform pipeline's identity deployer of the account reaches the platform's states.
        StringEquals: expect.objectContaining({ "aws:PrincipalTag/buildkite:pipeline": ["data-platform", "reporting", "platform-trust"] }),
      }),
    };
    const statement = (policy: string, sid: string) => JSON.parse(policy).Statement.find((s: any) => s.Sid === sid);
    expect(statement(resource(state, "aws_s3_bucket_policy").policy, "PipelineStatesOfAccount210987654321")).toMatchObject(grant);
    expect(statement(resource(state, "aws_kms_key").policy, "StateEncryptionThroughS3ForAccount210987654321")).toMatchObject(grant);
    expect(statement(resource(state, "aws_dynamodb_resource_policy").policy, "PipelineLocksOfAccount210987654321")).toMatchObject(grant);
    expect(JSON.parse(resource(state, "aws_s3_bucket_policy").policy).Statement.map((s: any) => s.Sid)).not.toContain("PipelineStatesOfAccount123456789012");
  });
});

describe("a platform before its state key is known", () => {
  it("synthesizes only the state-backend stack and says what to do next", () => {
    const input = clone();
    delete input.state.kmsKeyArn;
    input.state.migrated = false;
    const stacks = platform(input);
    expect(stacks.identity).toHaveLength(0);
    expect(stacks.buildkite).toBeUndefined();
    expect(stacks.pending).toMatch(/set state\.kmsKeyArn/);
    // cdktf's default local backend: no backend block at all.
    expect(synthJson(stacks.stateBackend).terraform.backend).toBeUndefined();
  });
});

describe("a fleet larger than one stack", () => {
  const input = clone();
  // Two shards of each kind; the pins put networking and payments in the first identity shard, the data
  // platform and the platform pipeline in the second, and the data platform alone in buildkite-2.
  input.accounts[0].shards = 2;
  input.buildkiteShards = 2;
  input.pipelines.forEach((p: any) =>
    Object.assign(p, { identityShard: p.slug === "data-platform" ? 2 : 1, buildkiteShard: p.slug === "data-platform" ? 2 : 1 }),
  );
  input.platformPipeline.identityShard = 2;
  const stacks = platform(input);

  it("splits identity and Buildkite pipelines into shards with one OIDC provider per account", () => {
    expect(stacks.identity.map((s) => s.node.id)).toEqual(["identity-production", "identity-production-2"]);
    expect(stacks.buildkiteShards.map((s) => s.node.id)).toEqual(["buildkite-2"]);
    const [first, second] = stacks.identity.map(synthJson);
    expect(resourcesOfType(first, "aws_iam_openid_connect_provider")).toHaveLength(1);
    expect(resourcesOfType(second, "aws_iam_openid_connect_provider")).toHaveLength(0);
    expect(resourcesOfType(second, "aws_iam_role")).toHaveLength(4);
    expect(stacks.identity[1].dependencies.map((s) => s.node.id)).toContain("identity-production");
  });

  it("points the Buildkite shard at the main stack's cluster and teams through its outputs and remote state", () => {
    const main = synthJson(stacks.buildkite!);
    const clusterAddress = resourceAddress(main, "buildkite_cluster");
    expect(main.output.cluster_id.value).toBe(`\${${clusterAddress}.id}`);
    expect(Object.keys(main.output.team_ids.value).sort()).toEqual(EXAMPLE_PLATFORM.teams!.map((t) => t.slug).sort());

    const shard = synthJson(stacks.buildkiteShards[0]);
    const remote = Object.entries<any>(shard.data.terraform_remote_state);
    expect(remote).toHaveLength(1);
    const [name, source] = remote[0];
    // The main stack's own backend settings: the shard reads the state the main stack writes.
    const { use_lockfile: _lockingOnly, ...mainBackend } = main.terraform.backend.s3;
    expect(source).toEqual({ backend: "s3", config: mainBackend });
    const pipeline = resource(shard, "buildkite_pipeline");
    expect(pipeline.cluster_id).toBe(`\${data.terraform_remote_state.${name}.outputs.cluster_id}`);
    // Each team grant looks its team's ID up by the declared slug (cdktf writes `.slug` or `["slug"]`).
    const teamIds = `data.terraform_remote_state.${name}.outputs.team_ids`;
    const slugs = resourcesOfType(shard, "buildkite_pipeline_team").map((grant) => {
      expect(grant.team_id.startsWith(`\${${teamIds}`)).toBe(true);
      return grant.team_id.slice(teamIds.length + 2, -1).replace(/^\.|^\["|"\]$/g, "");
    });
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) expect(EXAMPLE_PLATFORM.teams!.map((t) => t.slug)).toContain(slug);
    expect(() => assertConformsToSchema(shard, BUILDKITE_SCHEMA)).not.toThrow();
    expect(stacks.buildkiteShards[0].dependencies.map((s) => s.node.id)).toContain("buildkite");
  });

  it("writes the same files through ValidatedConfigApp's single resolution as through cdktf's own synthesis", () => {
    const synthesized = (app: App): Record<string, string> => {
      buildPlatform(app, validateDeclaration(input), { offline: true });
      app.synth();
      return readTree(app.outdir);
    };
    const own = synthesized(Testing.app());
    expect(Object.keys(own)).toEqual(expect.arrayContaining(["manifest.json", "stacks/buildkite-2/cdk.tf.json", "stacks/identity-production-2/cdk.tf.json"]));
    expect(synthesized(testValidatedConfigApp())).toEqual(own);
  });
});
