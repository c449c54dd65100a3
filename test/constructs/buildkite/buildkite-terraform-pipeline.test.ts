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
import { refusalOf } from "../../support/refusal";
import { resource, resourcesOfType, synthError, synthJson } from "../../support/synth";
import { carriedScript } from "../../../constructs/private/interpolation";

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

const access = (props: Partial<PipelineAccessProps> = {}) =>
  new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking", ...props });

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

const pipelineConfig = (stack: TerraformStack) => resource(synthJson(stack), "buildkite_pipeline");

describe("BuildkiteTerraformPipeline", () => {
  describe("with defaults", () => {
    const { pipeline, stack } = build();
    const json = synthJson(stack);
    const config = resource(json, "buildkite_pipeline");

    it("stores the rendered steps in the pipeline settings, with the slug the roles trust", () => {
      expect(config.steps).toBe(pipeline.terraformSteps.yaml);
      expect(config.slug).toBe("networking");
      expect(config.default_branch).toBe("main");
    });

    it("exposes the steps it stores, and their keys and branch", () => {
      const steps = pipeline.terraformSteps;
      expect(pipeline.stepsYaml).toBe(steps.yaml);
      expect(pipeline.steps).toBe(steps.steps);
      expect([pipeline.slug, pipeline.defaultBranch, pipeline.planStepKey, pipeline.applyStepKey]).toEqual(["networking", "main", "plan", "apply"]);
    });

    it("protects the pipeline from destruction: its build history and UUID cannot be re-created", () => {
      expect(config.lifecycle).toEqual({ prevent_destroy: true });
      expect(json.import).toBeUndefined();
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

    it("schedules the nightly drift check on the default branch", () => {
      const schedules = resourcesOfType(json, "buildkite_pipeline_schedule");
      expect(schedules).toEqual([
        expect.objectContaining({
          branch: "main",
          cronline: "0 3 * * *",
          label: "Drift detection: Networking",
          enabled: true,
          pipeline_id: `\${${pipeline.pipeline.terraformResourceType}.${pipeline.pipeline.friendlyUniqueId}.id}`,
        }),
      ]);
      expect(pipeline.schedules.map((schedule) => schedule.node.id)).toEqual(["drift-detection"]);
    });

    it("conforms to the Buildkite provider schema", () => {
      expect(checkSchemaConformance(json, BUILDKITE_SCHEMA)).toEqual([]);
    });
  });

  describe("schema conformance", () => {
    it("catches a misspelled attribute in the pipeline's output", () => {
      const { pipeline, stack } = build();
      pipeline.pipeline.addOverride("provider_settings.build_pull_request_fork", false);
      pipeline.pipeline.addOverride("defualt_branch", "main");
      const errors = checkSchemaConformance(synthJson(stack), BUILDKITE_SCHEMA);
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
      const errors = checkSchemaConformance(synthJson(stack), BUILDKITE_SCHEMA);
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
      expect(synthError(stack)).toMatch(
        /guardrail no-fork-builds-with-writable-roles refuses buildkite\/networking\/pipeline \(buildkite_pipeline\.\S+\): provider_settings.build_pull_request_forks is true, but the pipeline's steps can assume bk-networking-apply, which can write/,
      );
    });

    it("fails synthesis when fork branch names are no longer prefixed (the trust policies rely on the prefix)", () => {
      const { pipeline, stack } = guarded();
      pipeline.pipeline.addOverride("provider_settings.prefix_pull_request_fork_branch_names", false);
      expect(synthError(stack)).toMatch(
        /guardrail required-pipeline-settings .* requires provider_settings.prefix_pull_request_fork_branch_names = true, found false/,
      );
    });

    it("passes the generated settings", () => {
      const { stack } = guarded();
      expect(() => synthJson(stack)).not.toThrow();
    });

    it("records the roles its steps assume on the pipeline resource, without changing the synthesized configuration", () => {
      const { pipeline } = build();
      expect(pipelineRolesOf(pipeline.pipeline)?.map((role) => role.roleName)).toEqual(["bk-networking-plan", "bk-networking-apply"]);
      expect(pipelineRolesOf(pipeline)).toBeUndefined();
    });
  });

  describe("steps", () => {
    it("builds its steps from its props: the roles, the state backend and the step options", () => {
      const { pipeline } = build({
        access: access({ plan: { branches: ["release", "feature/*"] }, apply: { branches: ["release"], stepKeys: ["apply-net"] } }),
        defaultBranch: "release",
        queue: "terraform-data",
        approval: false,
        state: state({ keyPrefix: "org/acme" }),
        stableWorkspace: "production",
      });
      const steps = parse(pipeline.stepsYaml).steps;
      expect(steps.map((s: any) => [s.key, s.agents])).toEqual([
        ["plan", { queue: "terraform-data" }],
        ["apply-net", { queue: "terraform-data" }],
      ]);
      // The apply step decides at run time which builds apply, against the default branch given.
      expect(steps[1].if).toBeUndefined();
      expect(carriedScript(steps[1].command[0])).toContain("= release ]");
      expect(steps[1].concurrency_group).toBe("terraform-state/networking/production");
      expect(steps[1].command[0]).toContain("org/acme/networking/");
      expect(pipeline.defaultBranch).toBe("release");
    });
  });

  describe("teams, signing and schedules", () => {
    it("grants each team its access level", () => {
      const { stack } = build({
        teams: [
          { teamId: "VGVhbS0tLTE=", accessLevel: "BUILD_AND_READ" },
          { teamId: "VGVhbS0tLTI=", accessLevel: "READ_ONLY" },
        ],
      });
      const grants = resourcesOfType(synthJson(stack), "buildkite_pipeline_team");
      expect(grants.map((g) => [g.team_id, g.access_level])).toEqual([
        ["VGVhbS0tLTE=", "BUILD_AND_READ"],
        ["VGVhbS0tLTI=", "READ_ONLY"],
      ]);
    });

    it("signs the steps from a key file, so the private key stays out of the state", () => {
      const { pipeline, stack } = build({ signing: { jwksFile: "/secure/jwks.json", jwksKeyId: "ed25519-2025" } });
      const json = synthJson(stack);
      const [id, data] = Object.entries<any>(json.data.buildkite_signed_pipeline_steps)[0];
      expect(data).toEqual({
        repository: "git@github.com:acme/networking.git",
        unsigned_steps: pipeline.stepsYaml,
        jwks_file: "/secure/jwks.json",
        jwks_key_id: "ed25519-2025",
      });
      expect(data.jwks).toBeUndefined();
      expect(pipelineConfig(stack).steps).toBe(`\${data.buildkite_signed_pipeline_steps.${id}.steps}`);
      expect(checkSchemaConformance(json, BUILDKITE_SCHEMA)).toEqual([]);
    });

    it("has no schedule when drift detection is off", () => {
      const { stack } = build({ driftDetection: false });
      expect(resourcesOfType(synthJson(stack), "buildkite_pipeline_schedule")).toEqual([]);
    });

    it("schedules the scheduled apply instead of the drift check", () => {
      const { pipeline, stack } = build({
        driftDetection: false,
        scheduledApply: { cronline: "0 * * * *", label: "Rotate tokens", targets: ["buildkite_agent_token.ci"] },
      });
      const schedules = resourcesOfType(synthJson(stack), "buildkite_pipeline_schedule");
      expect(schedules).toEqual([expect.objectContaining({ branch: "main", cronline: "0 * * * *", label: "Rotate tokens", enabled: true })]);
      expect(pipeline.schedules.map((schedule) => schedule.node.id)).toEqual(["scheduled-apply"]);
    });
  });

  describe("refuses, naming its path and the field", () => {
    it.each<[string, Partial<BuildkiteTerraformPipelineProps>, string, RegExp]>([
      [
        "a slug other than the one the roles trust",
        { slug: "network" },
        "slug",
        /^buildkite\/networking: slug "network" differs from "networking", the pipeline the roles trust/,
      ],
      [
        "no slug, when the roles name no pipeline",
        { access: { plan: access().plan, apply: access().apply } },
        "slug",
        /^buildkite\/networking: slug is not set and access names no pipeline/,
      ],
      [
        "a slug that is not one",
        { slug: "Net", access: { plan: access().plan, apply: access().apply } },
        "slug",
        /^buildkite\/networking: slug "Net" is not a Buildkite slug/,
      ],
      [
        "a state key prefix with a leading slash",
        { state: state({ keyPrefix: "/pipelines" }) },
        "state.keyPrefix",
        /^buildkite\/networking: state.keyPrefix "\/pipelines" is not a state key prefix/,
      ],
      // What the steps refuse (TerraformPipelineSteps' test has every case), said with the construct's path.
      [
        "a lock timeout Terraform would not parse",
        { lockTimeout: "5 minutes" },
        "lockTimeout",
        /^buildkite\/networking: lockTimeout "5 minutes" is not a duration Terraform reads/,
      ],
      [
        "a stable workspace that looks like a pull request",
        { stableWorkspace: "pr-1" },
        "state",
        /^buildkite\/networking: state is refused: workspaceName: stableName "pr-1"/,
      ],
    ])("%s", (_name, props, field, message) => {
      const refusal = refusalOf(() => build(props));
      expect(refusal.field).toBe(field);
      expect(refusal.message).toMatch(message);
    });
  });
});

describe("BuildkiteTerraformPipeline adopting an existing pipeline", () => {
  const uuid = "435cad58-e81d-45af-8637-b1cf8070238d";

  it("imports it by the GraphQL ID of its UUID (Pipeline---<uuid> in base64), with an import block the schema accepts", () => {
    const { pipeline, stack } = build();
    pipeline.importExisting(uuid);
    const json = synthJson(stack);
    // The ID of Buildkite's own import example, for this UUID.
    expect(json.import).toEqual([
      { to: `buildkite_pipeline.${pipeline.pipeline.friendlyUniqueId}`, id: "UGlwZWxpbmUtLS00MzVjYWQ1OC1lODFkLTQ1YWYtODYzNy1iMWNmODA3MDIzOGQ=" },
    ]);
    expect(checkSchemaConformance(json, BUILDKITE_SCHEMA)).toEqual([]);
  });

  it("refuses an ID that is not a UUID, naming it", () => {
    expect(() => BuildkiteTerraformPipeline.importId("networking")).toThrow(/^pipelineUuid "networking" is not a Buildkite UUID/);
  });
});
