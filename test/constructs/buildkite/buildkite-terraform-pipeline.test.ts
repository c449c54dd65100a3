import { TerraformStack, Testing } from "cdktf";
import * as path from "path";
import { load } from "js-yaml";
import { BuildkiteTerraformPipeline, BuildkiteTerraformPipelineProps } from "../../../constructs/buildkite/buildkite-terraform-pipeline";
import { applyGuardrails } from "../../../constructs/guardrails/guardrails";
import { BUILDKITE_PIPELINES_PACK } from "../../../constructs/guardrails/packs";
import { pipelineRolesOf } from "../../../constructs/guardrails/pipeline-roles";
import { IStateBackend } from "../../../constructs/state/state-backend";
import { StateBackendAttributes, TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { PipelineAccess, PipelineAccessProps } from "../../../constructs/trust/pipeline-access";
import { BuildkiteProvider } from "../../../providers/buildkite/lib/provider";
import { checkSchemaConformance } from "../../../testing/schema-conformance";
import { runStep } from "./support/step-runner";

/** The steps YAML as plain data. */
const parse = (yaml: string): any => load(yaml);

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "..", "providers", "buildkite", "schema.json");
const backends = new TerraformStack(Testing.app(), "backends");
let imported = 0;
/** The state backend, created elsewhere and known by its attributes. */
const state = (overrides: Partial<StateBackendAttributes> = {}): IStateBackend =>
  TerraformStateBackend.fromAttributes(backends, `state-${++imported}`, {
    bucketName: "acme-terraform-state",
    region: "eu-west-1",
    kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/0f0f0f0f-1111-4222-8333-444455556666",
    lockMode: "lockfile",
    keyPrefix: "pipelines",
    ...overrides,
  });

const access = (props: Partial<PipelineAccessProps> = {}) => new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking", ...props });

function build(props: Partial<BuildkiteTerraformPipelineProps> = {}): { pipeline: BuildkiteTerraformPipeline; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "buildkite");
  new BuildkiteProvider(stack, "buildkite", { organization: "acme" });
  const pipeline = new BuildkiteTerraformPipeline(stack, "networking", {
    name: "Networking",
    repository: "git@github.com:acme/networking.git",
    access: access(),
    state: state(),
    ...props,
  });
  return { pipeline, stack };
}

const pipelineConfig = (stack: TerraformStack) => Object.values<any>(JSON.parse(Testing.synth(stack)).resource.buildkite_pipeline)[0];

describe("BuildkiteTerraformPipeline", () => {
  describe("with defaults", () => {
    const { pipeline, stack } = build();
    const json = JSON.parse(Testing.synth(stack));
    const config = Object.values<any>(json.resource.buildkite_pipeline)[0];

    it("stores the rendered steps in the pipeline settings, with the slug the roles trust", () => {
      expect(config.steps).toBe(pipeline.stepsYaml);
      expect(config.slug).toBe("networking");
      expect(config.default_branch).toBe("main");
      expect(parse(config.steps).steps.map((s: any) => s.key)).toEqual(["plan", "approve", "apply"]);
    });

    it("never cancels or skips a build that may be applying", () => {
      expect(config.cancel_intermediate_builds).toBe(false);
      expect(config.skip_intermediate_builds).toBe(false);
    });

    it("builds branches and same-repository pull requests, never forks", () => {
      expect(config.provider_settings).toMatchObject({
        build_branches: true,
        build_pull_requests: true,
        build_pull_request_forks: false,
        prefix_pull_request_fork_branch_names: true,
      });
    });

    it("limits each step to its role's session", () => {
      const steps = parse(config.steps).steps;
      expect(steps[0].timeout_in_minutes).toBe(60);
      expect(steps[2].timeout_in_minutes).toBe(60);
    });

    it("schedules the nightly drift check on the default branch", () => {
      const schedules = Object.values<any>(json.resource.buildkite_pipeline_schedule);
      expect(schedules).toEqual([
        expect.objectContaining({ branch: "main", cronline: "0 3 * * *", enabled: true, pipeline_id: `\${${pipeline.pipeline.terraformResourceType}.${pipeline.pipeline.friendlyUniqueId}.id}` }),
      ]);
    });

    it("conforms to the Buildkite provider schema", () => {
      expect(checkSchemaConformance(json, BUILDKITE_SCHEMA)).toEqual([]);
    });

    it("matches the snapshot", () => {
      expect(json).toMatchSnapshot();
    });
  });

  describe("schema conformance", () => {
    it("catches a misspelled attribute in the pipeline's output", () => {
      const { pipeline, stack } = build();
      pipeline.pipeline.addOverride("provider_settings.build_pull_request_fork", false);
      pipeline.pipeline.addOverride("defualt_branch", "main");
      const errors = checkSchemaConformance(JSON.parse(Testing.synth(stack)), BUILDKITE_SCHEMA);
      expect(errors.map((e) => [e.path, e.kind])).toEqual(
        expect.arrayContaining([
          ["provider_settings.build_pull_request_fork", "unknown_attribute"],
          ["defualt_branch", "unknown_attribute"],
        ]),
      );
      expect(errors).toHaveLength(2);
    });

    it("catches a misspelled attribute in a schedule and a team grant", () => {
      const { pipeline, stack } = build({ teams: [{ teamId: "VGVhbS0tLTE=", accessLevel: "READ_ONLY" }] });
      pipeline.schedules[0].addOverride("cron_line", "0 3 * * *");
      pipeline.pipelineTeams[0].addOverride("acess_level", "READ_ONLY");
      const errors = checkSchemaConformance(JSON.parse(Testing.synth(stack)), BUILDKITE_SCHEMA);
      expect(errors.map((e) => e.path).sort()).toEqual(["acess_level", "cron_line"]);
    });
  });

  describe("fork guardrails (BUILDKITE_PIPELINES_PACK, over the synthesized settings and the roles the pipeline records)", () => {
    /** The pipeline's stack with the pipeline guardrails applied, as the app applies them. */
    function guarded() {
      const built = build();
      applyGuardrails(built.stack, { packs: [BUILDKITE_PIPELINES_PACK] });
      return built;
    }

    it("fails synthesis when an override turns fork builds on for a pipeline whose roles can write", () => {
      const { pipeline, stack } = guarded();
      pipeline.pipeline.addOverride("provider_settings.build_pull_request_forks", true);
      expect(() => Testing.synth(stack, true)).toThrow(
        /guardrail no-fork-builds-with-writable-roles refuses buildkite\/networking\/pipeline \(buildkite_pipeline\.\S+\): provider_settings.build_pull_request_forks is true, but the pipeline's steps can assume bk-networking-apply, which can write/,
      );
    });

    it("fails synthesis when fork branch names are no longer prefixed (the trust policies rely on the prefix)", () => {
      const { pipeline, stack } = guarded();
      pipeline.pipeline.addOverride("provider_settings.prefix_pull_request_fork_branch_names", false);
      expect(() => Testing.synth(stack, true)).toThrow(/guardrail required-pipeline-settings .* requires provider_settings.prefix_pull_request_fork_branch_names = true, found false/);
    });

    it("passes the generated settings", () => {
      const { stack } = guarded();
      expect(() => Testing.synth(stack, true)).not.toThrow();
    });

    it("records the roles its steps assume on the pipeline resource, without changing the synthesized configuration", () => {
      const { pipeline } = build();
      expect(pipelineRolesOf(pipeline.pipeline)?.map((role) => role.roleName)).toEqual(["bk-networking-plan", "bk-networking-apply"]);
      expect(pipelineRolesOf(pipeline)).toBeUndefined();
    });
  });

  describe("steps", () => {
    it("follows the apply role's step key and the plan role's branches", () => {
      const { pipeline } = build({
        access: access({ plan: { branches: ["release", "feature/*"] }, apply: { branches: ["release"], stepKeys: ["apply-net"] } }),
        defaultBranch: "release",
      });
      const steps = parse(pipeline.stepsYaml).steps;
      expect(steps.map((s: any) => s.key)).toEqual(["plan", "approve", "apply-net"]);
      expect(steps[0].if).toBe("build.pull_request.repository.fork != true && (build.branch == 'release' || build.branch =~ /^feature\\/.*$$/)");
      expect(steps[2].if).toContain("build.branch == 'release'");
    });

    it("applies without a block step when approval is off", () => {
      const { pipeline } = build({ approval: false });
      const steps = parse(pipeline.stepsYaml).steps;
      expect(steps.map((s: any) => s.key)).toEqual(["plan", "apply"]);
      expect(steps[1].depends_on).toEqual(["plan"]);
    });

    it("lets named teams unblock the apply", () => {
      const { pipeline } = build({ approval: { prompt: "Ship it?", allowedTeams: ["platform"] } });
      expect(parse(pipeline.stepsYaml).steps[1]).toMatchObject({ block: ":terraform: Apply?", prompt: "Ship it?", allowed_teams: ["platform"] });
    });

    it("runs on the given queue", () => {
      const { pipeline } = build({ queue: "terraform-data" });
      for (const step of parse(pipeline.stepsYaml).steps.filter((s: any) => s.command)) expect(step.agents).toEqual({ queue: "terraform-data" });
    });

    it("writes the token request out when forced to, even where the plugin could do it", () => {
      const { pipeline } = build({ credentials: "script" });
      const steps = parse(pipeline.stepsYaml).steps;
      expect(steps[0].plugins).toBeUndefined();
      expect(steps[0].command[0]).toContain("buildkite-agent oidc request-token");
    });

    it("runs the setup commands at the repository root, then Terraform in the working directory", () => {
      const { pipeline } = build({ setupCommands: ["npm ci", "cd somewhere-else", "npx cdktf synth"], workingDirectory: "cdktf.out/stacks/net/" });
      const plan = parse(pipeline.stepsYaml).steps[0];
      const run = runStep(plan.command, { branch: "main", defaultBranch: "main", preexportedCredentials: true, folders: ["cdktf.out/stacks/net", "somewhere-else"] });
      expect(run.stderr).toBe("");
      expect(run.calls.map((c) => [c.tool, c.args[0], c.cwd])).toEqual([
        ["npm", "ci", "."],
        ["npx", "cdktf", "somewhere-else"],
        ["terraform", "init", "cdktf.out/stacks/net"],
        ["terraform", "plan", "cdktf.out/stacks/net"],
        ["buildkite-agent", "artifact", "cdktf.out/stacks/net"],
      ]);
    });

    it("locks with DynamoDB and lock files while migrating", () => {
      const { pipeline } = build({ state: state({ lockMode: "both", lockTableName: "acme-locks" }) });
      const run = runStep(parse(pipeline.stepsYaml).steps[0].command, { branch: "main", defaultBranch: "main", preexportedCredentials: true });
      const init = run.callsOf("terraform", "init")[0].args;
      expect(init).toEqual(expect.arrayContaining(["-backend-config=dynamodb_table=acme-locks", "-backend-config=use_lockfile=true"]));
    });
  });

  describe("teams, signing and schedules", () => {
    it("grants each team its access level", () => {
      const { stack } = build({ teams: [{ teamId: "VGVhbS0tLTE=", accessLevel: "BUILD_AND_READ" }, { teamId: "VGVhbS0tLTI=", accessLevel: "READ_ONLY" }] });
      const grants = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.buildkite_pipeline_team);
      expect(grants.map((g) => [g.team_id, g.access_level])).toEqual([
        ["VGVhbS0tLTE=", "BUILD_AND_READ"],
        ["VGVhbS0tLTI=", "READ_ONLY"],
      ]);
    });

    it("signs the steps from a key file, so the private key stays out of the state", () => {
      const { pipeline, stack } = build({ signing: { jwksFile: "/secure/jwks.json", jwksKeyId: "ed25519-2025" } });
      const json = JSON.parse(Testing.synth(stack));
      const [id, data] = Object.entries<any>(json.data.buildkite_signed_pipeline_steps)[0];
      expect(data).toEqual({ repository: "git@github.com:acme/networking.git", unsigned_steps: pipeline.stepsYaml, jwks_file: "/secure/jwks.json", jwks_key_id: "ed25519-2025" });
      expect(data.jwks).toBeUndefined();
      expect(pipelineConfig(stack).steps).toBe(`\${data.buildkite_signed_pipeline_steps.${id}.steps}`);
      expect(checkSchemaConformance(json, BUILDKITE_SCHEMA)).toEqual([]);
    });

    it("has no schedule when drift detection is off", () => {
      const { stack } = build({ driftDetection: false });
      expect(JSON.parse(Testing.synth(stack)).resource.buildkite_pipeline_schedule).toBeUndefined();
    });
  });

  describe("refuses", () => {
    it.each<[string, Partial<BuildkiteTerraformPipelineProps>, RegExp]>([
      [
        "a default branch the apply role does not admit",
        { defaultBranch: "trunk", access: access({ plan: { branches: ["*"] } }) },
        /apply role bk-networking-apply admits branches \[main\], not the default branch "trunk"/,
      ],
      [
        "a default branch the plan role does not admit",
        { access: access({ plan: { branches: ["feature/*"] } }) },
        /plan role bk-networking-plan admits branches \[feature\/\*\], not the default branch "main"/,
      ],
      ["an apply step key the apply role does not admit", { stepKeys: { apply: "deploy" } }, /apply step key "deploy" is not one the apply role bk-networking-apply admits \(\[apply\]\)/],
      ["a slug other than the one the roles trust", { slug: "network" }, /slug "network" differs from "networking", the pipeline the roles trust/],
      ["a working directory outside the repository", { workingDirectory: "../other" }, /workingDirectory "\.\.\/other" is not a path inside the repository/],
      ["a DynamoDB lock mode without a table", { state: state({ lockMode: "dynamodb" }) }, /state: .*lockTableName is required when lockMode is "dynamodb"/],
      ["a state key prefix with a leading slash", { state: state({ keyPrefix: "/pipelines" }) }, /state: stateKey: prefix "\/pipelines"/],
      ["both a drift check and a scheduled apply", { driftDetection: {}, scheduledApply: { cronline: "0 * * * *", label: "x", targets: ["a.b"] } }, /driftDetection and scheduledApply/],
      ["a scheduled apply without targets", { driftDetection: false, scheduledApply: { cronline: "0 * * * *", label: "x", targets: [] } }, /scheduledApply.targets is empty/],
      ["a lock timeout Terraform would not parse", { lockTimeout: "5 minutes" }, /lockTimeout "5 minutes" must be a duration/],
      [
        "the plugin when the role needs an optional claim",
        { credentials: "plugin", access: access({ organizationId: "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f" }) },
        /cannot request this token \(audience "sts.amazonaws.com", claims \[organization_id\]\)/,
      ],
    ])("%s", (_name, props, error) => {
      expect(() => build(props)).toThrow(error);
    });
  });
});
