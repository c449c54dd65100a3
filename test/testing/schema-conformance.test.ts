import { Fn, TerraformStack, Testing } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { addRotationTriggerProvider, rotationTrigger } from "../../constructs/buildkite/rotation-trigger";
import { Cluster } from "../../providers/buildkite/lib/cluster";
import { ClusterQueue } from "../../providers/buildkite/lib/cluster-queue";
import { DataBuildkiteSignedPipelineSteps } from "../../providers/buildkite/lib/data-buildkite-signed-pipeline-steps";
import { Pipeline } from "../../providers/buildkite/lib/pipeline";
import { PipelineSchedule } from "../../providers/buildkite/lib/pipeline-schedule";
import { PipelineTeam } from "../../providers/buildkite/lib/pipeline-team";
import { BuildkiteProvider } from "../../providers/buildkite/lib/provider";
import { Team } from "../../providers/buildkite/lib/team";
import { exampleBuildkiteStackProps } from "../support/buildkite-example";
import { synthJson } from "../support/synth";
import { BuildkiteStack } from "../../stacks/buildkite-stack";
import {
  assertConformsToSchema,
  checkSchemaConformance,
  ProvidersSchemaJson,
  SchemaConformanceError,
  SchemaConformanceFailure,
} from "../../testing/schema-conformance";

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "providers", "buildkite", "schema.json");

// A small provider schema with one of every shape the checker understands.
const DEMO_SCHEMA: ProvidersSchemaJson = {
  format_version: "1.0",
  provider_schemas: {
    "registry.terraform.io/example/demo": {
      provider: {
        block: {
          attributes: {
            endpoint: { type: "string", required: true },
            retries: { type: "number", optional: true },
          },
        },
      },
      resource_schemas: {
        demo_thing: {
          block: {
            attributes: {
              id: { type: "string", computed: true },
              arn: { type: "string", computed: true },
              name: { type: "string", required: true },
              slug: { type: "string", optional: true, computed: true },
              size: { type: "number", optional: true },
              enabled: { type: "bool", optional: true },
              labels: { type: ["map", "string"], optional: true },
              zones: { type: ["list", "string"], optional: true },
              ports: { type: ["set", "number"], optional: true },
              settings: { type: ["object", { mode: "string", level: "number", extra: "bool" }, ["extra"]], optional: true },
              pair: { type: ["tuple", ["string", "number"]], optional: true },
              rules: { type: ["list", ["object", { action: "string", priority: "number" }]], optional: true },
              anything: { type: "dynamic", optional: true },
              endpoint_config: {
                optional: true,
                nested_type: {
                  nesting_mode: "single",
                  attributes: {
                    url: { type: "string", required: true },
                    port: { type: "number", optional: true },
                    status: { type: "string", computed: true },
                  },
                },
              },
              backends: {
                optional: true,
                nested_type: {
                  nesting_mode: "list",
                  attributes: { host: { type: "string", required: true }, weight: { type: "number", optional: true } },
                },
              },
              aliases: {
                optional: true,
                nested_type: { nesting_mode: "set", attributes: { name: { type: "string", required: true } } },
              },
              envs: {
                optional: true,
                nested_type: { nesting_mode: "map", attributes: { value: { type: "string", required: true } } },
              },
            },
            block_types: {
              network: { nesting_mode: "single", block: { attributes: { subnet: { type: "string", required: true } } } },
              rule: {
                nesting_mode: "list",
                min_items: 1,
                max_items: 2,
                block: {
                  attributes: { action: { type: "string", required: true } },
                  block_types: {
                    match: { nesting_mode: "list", block: { attributes: { pattern: { type: "string", required: true } } } },
                  },
                },
              },
              tag: {
                nesting_mode: "set",
                block: { attributes: { key: { type: "string", required: true }, value: { type: "string", optional: true } } },
              },
              listener: { nesting_mode: "map", block: { attributes: { port: { type: "number", required: true } } } },
              timeouts: { nesting_mode: "single", block: { attributes: { create: { type: "string", optional: true } } } },
            },
          },
        },
        demo_other: { block: { attributes: { id: { type: "string", computed: true }, value: { type: "string", optional: true } } } },
      },
      data_source_schemas: {
        demo_lookup: {
          block: { attributes: { query: { type: "string", required: true }, result: { type: "string", computed: true } } },
        },
      },
    },
  },
};

/** The smallest valid demo configuration, with `thing` merged into `demo_thing.main`. */
function demoConfig(thing: Record<string, unknown> = {}, extra: Record<string, any> = {}): Record<string, any> {
  return {
    terraform: { required_providers: { demo: { source: "example/demo", version: "1.0.0" } } },
    provider: { demo: [{ endpoint: "https://demo.example" }] },
    resource: { demo_thing: { main: { name: "main", rule: [{ action: "allow" }], ...thing } } },
    ...extra,
  };
}

function demoErrors(thing: Record<string, unknown>, extra?: Record<string, any>): SchemaConformanceError[] {
  return checkSchemaConformance(demoConfig(thing, extra), DEMO_SCHEMA);
}

/** The single error a configuration has, reduced to what identifies it. */
function onlyError(errors: SchemaConformanceError[]): Pick<SchemaConformanceError, "address" | "path" | "kind"> {
  expect(errors.map((e) => e.message)).toHaveLength(1);
  const [{ address, path: attributePath, kind }] = errors;
  return { address, path: attributePath, kind };
}

describe("checkSchemaConformance with a hand-written schema", () => {
  it("accepts the minimal configuration", () => {
    expect(demoErrors({})).toEqual([]);
  });

  it("accepts every attribute and block shape set correctly, including meta-arguments", () => {
    const thing = {
      "//": { metadata: { path: "demo/main" } },
      slug: "main",
      size: 3,
      enabled: false,
      labels: { team: "platform" },
      zones: ["a", "b"],
      ports: [80, 443],
      settings: { mode: "fast", level: 2 },
      pair: ["x", 1],
      rules: [{ action: "allow", priority: 1 }],
      anything: { nested: [1, "two", { three: true }] },
      endpoint_config: { url: "https://x", port: 8080 },
      backends: [{ host: "a" }, { host: "b", weight: 2 }],
      aliases: [{ name: "alias" }],
      envs: { prod: { value: "p" } },
      network: { subnet: "subnet-1" },
      rule: [
        { action: "allow", match: [{ pattern: "*" }] },
        { action: "deny", match: { pattern: "x" } },
      ],
      tag: [{ key: "a" }, { key: "b", value: "c" }],
      listener: { http: { port: 80 }, https: [{ port: 443 }] },
      timeouts: { create: "5m" },
      depends_on: ["demo_other.x"],
      count: 2,
      provider: "demo.secondary",
      lifecycle: {
        create_before_destroy: true,
        prevent_destroy: false,
        ignore_changes: ["labels"],
        replace_triggered_by: ["demo_other.x.id"],
        precondition: [{ condition: "${true}", error_message: "never" }],
        postcondition: [{ condition: "${true}", error_message: "never" }],
      },
      connection: { type: "ssh", host: "example" },
      provisioner: [{ "local-exec": { command: "true" } }],
    };
    const extra = {
      provider: {
        demo: [
          { endpoint: "https://a", retries: 2 },
          { alias: "secondary", endpoint: "https://b" },
        ],
      },
      data: {
        demo_lookup: {
          q: { query: "x", depends_on: ["demo_thing.main"], lifecycle: { postcondition: [{ condition: "${true}", error_message: "x" }] } },
        },
      },
    };
    expect(demoErrors(thing, extra)).toEqual([]);
  });

  it("accepts dynamic blocks and checks their content against the block schema", () => {
    const dynamicRule = { for_each: "${var.rules}", iterator: "r", content: { action: "${r.value}" } };
    expect(demoErrors({ rule: undefined, dynamic: { rule: dynamicRule } })).toEqual([]);
    expect(onlyError(demoErrors({ dynamic: { rule: { ...dynamicRule, content: { actoin: "x", action: "y" } } } }))).toEqual({
      address: "demo_thing.main",
      path: "dynamic.rule.content.actoin",
      kind: "unknown_attribute",
    });
    expect(onlyError(demoErrors({ dynamic: { rulez: dynamicRule } }))).toEqual({
      address: "demo_thing.main",
      path: "dynamic.rulez",
      kind: "unknown_attribute",
    });
  });

  describe("reports each kind of error with the address and the attribute path", () => {
    const T = "demo_thing.main";
    it.each<[string, Record<string, unknown>, string, string, SchemaConformanceError["kind"]]>([
      // unknown attributes and blocks
      ["unknown top-level argument", { nmae: "x" }, T, "nmae", "unknown_attribute"],
      ["unknown attribute of a nested object", { endpoint_config: { url: "u", hots: "h" } }, T, "endpoint_config.hots", "unknown_attribute"],
      ["unknown argument inside a block", { rule: [{ action: "a", actoin: "b" }] }, T, "rule[0].actoin", "unknown_attribute"],
      [
        "unknown argument two blocks deep",
        { rule: [{ action: "a", match: [{ pattern: "p", patern: "q" }] }] },
        T,
        "rule[0].match[0].patern",
        "unknown_attribute",
      ],
      ["attribute an object type lacks", { settings: { mode: "m", level: 1, mood: "x" } }, T, "settings.mood", "unknown_attribute"],
      ["unknown lifecycle argument", { lifecycle: { prevent_destory: true } }, T, "lifecycle.prevent_destory", "unknown_attribute"],
      // missing required
      ["required attribute absent", { name: undefined }, T, "name", "missing_required"],
      ["required attribute null", { name: null }, T, "name", "missing_required"],
      ["required attribute of a nested object", { endpoint_config: { port: 1 } }, T, "endpoint_config.url", "missing_required"],
      ["required attribute of a nested list element", { backends: [{ host: "a" }, { weight: 1 }] }, T, "backends[1].host", "missing_required"],
      ["non-optional attribute of an object type", { settings: { mode: "m" } }, T, "settings.level", "missing_required"],
      ["required block (min_items) absent", { rule: undefined }, T, "rule", "missing_required"],
      ["required block (min_items) empty", { rule: [] }, T, "rule", "missing_required"],
      ["required attribute inside a single block", { network: {} }, T, "network.subnet", "missing_required"],
      // wrong types
      ["list for a string", { name: ["a"] }, T, "name", "wrong_type"],
      ["object for a string", { name: { a: 1 } }, T, "name", "wrong_type"],
      ["non-numeric string for a number", { size: "five" }, T, "size", "wrong_type"],
      ["bool for a number", { size: true }, T, "size", "wrong_type"],
      ["non-bool string for a bool", { enabled: "yes" }, T, "enabled", "wrong_type"],
      ["capitalised True for a bool", { enabled: "True" }, T, "enabled", "wrong_type"],
      ["number for a bool", { enabled: 2 }, T, "enabled", "wrong_type"],
      ["string for a list", { zones: "a" }, T, "zones", "wrong_type"],
      ["wrong list element", { zones: ["a", ["b"]] }, T, "zones[1]", "wrong_type"],
      ["wrong set element", { ports: [80, "http"] }, T, "ports[1]", "wrong_type"],
      ["list for a map", { labels: ["a"] }, T, "labels", "wrong_type"],
      ["wrong map element", { labels: { team: ["x"] } }, T, 'labels["team"]', "wrong_type"],
      ["string for an object", { settings: "fast" }, T, "settings", "wrong_type"],
      ["wrong object attribute", { settings: { mode: "m", level: "high" } }, T, "settings.level", "wrong_type"],
      ["tuple of the wrong length", { pair: ["x"] }, T, "pair", "wrong_type"],
      ["wrong tuple element", { pair: ["x", "y"] }, T, "pair[1]", "wrong_type"],
      ["wrong attribute in a list of objects", { rules: [{ action: "a", priority: "high" }] }, T, "rules[0].priority", "wrong_type"],
      ["list for a single nested object", { endpoint_config: [{ url: "u" }] }, T, "endpoint_config", "wrong_type"],
      ["object for a nested list", { backends: { host: "a" } }, T, "backends", "wrong_type"],
      ["wrong attribute in a nested set", { aliases: [{ name: ["a"] }] }, T, "aliases[0].name", "wrong_type"],
      ["non-object in a nested map", { envs: { prod: "p" } }, T, 'envs["prod"]', "wrong_type"],
      ["wrong attribute in a nested map", { envs: { prod: { value: {} } } }, T, 'envs["prod"].value', "wrong_type"],
      ["literal string for a block", { network: "subnet-1" }, T, "network", "wrong_type"],
      ["literal string inside a block list", { rule: ["allow"] }, T, "rule", "wrong_type"],
      ["wrong attribute in a map block", { listener: { http: { port: "eighty" } } }, T, 'listener["http"].port', "wrong_type"],
      ["non-numeric count", { count: "two" }, T, "count", "wrong_type"],
      ["escaped interpolation is a literal", { size: "$${var.size}" }, T, "size", "wrong_type"],
      // computed-only
      ["computed-only attribute set", { arn: "arn:x" }, T, "arn", "computed_only"],
      ["computed-only attribute of a nested object", { endpoint_config: { url: "u", status: "up" } }, T, "endpoint_config.status", "computed_only"],
      // item counts
      ["more blocks than max_items", { rule: [{ action: "a" }, { action: "b" }, { action: "c" }] }, T, "rule", "item_count"],
      ["two single blocks", { network: [{ subnet: "a" }, { subnet: "b" }] }, T, "network", "item_count"],
    ])("%s", (_, thing, address, attributePath, kind) => {
      const errors = demoErrors(thing);
      expect(onlyError(errors)).toEqual({ address, path: attributePath, kind });
      expect(errors[0].message).toContain(address);
      expect(errors[0].message).toContain(attributePath);
    });
  });

  it("accepts timeouts only where the schema has them", () => {
    const config = demoConfig({ timeouts: { create: "5m" } });
    config.resource.demo_other = { x: { timeouts: { create: "5m" } } };
    expect(onlyError(checkSchemaConformance(config, DEMO_SCHEMA))).toEqual({ address: "demo_other.x", path: "timeouts", kind: "unknown_attribute" });
  });

  it("reports unknown types with the provider's prefix, for resources and data sources", () => {
    const errors = checkSchemaConformance(demoConfig({}, { data: { demo_lokup: { q: { query: "x" } } }, resource: { demo_thingy: { x: {} } } }), DEMO_SCHEMA);
    expect(errors.map(({ address, path: p, kind }) => ({ address, path: p, kind }))).toEqual([
      { address: "demo_thingy.x", path: "", kind: "unknown_type" },
      { address: "data.demo_lokup.q", path: "", kind: "unknown_type" },
    ]);
    expect(errors[0].message).toContain('did you mean "demo_thing"?');
    expect(errors[1].message).toContain('did you mean "demo_lookup"?');
  });

  it("checks data sources under data.<type>.<name>", () => {
    const errors = checkSchemaConformance(demoConfig({}, { data: { demo_lookup: { q: { result: "r" } } } }), DEMO_SCHEMA);
    expect(errors.map(({ address, path: p, kind }) => ({ address, path: p, kind }))).toEqual([
      { address: "data.demo_lookup.q", path: "result", kind: "computed_only" },
      { address: "data.demo_lookup.q", path: "query", kind: "missing_required" },
    ]);
  });

  it("rejects resource-only lifecycle arguments on data sources", () => {
    const data = { demo_lookup: { q: { query: "x", lifecycle: { prevent_destroy: true } } } };
    expect(onlyError(demoErrors({}, { data }))).toEqual({ address: "data.demo_lookup.q", path: "lifecycle.prevent_destroy", kind: "unknown_attribute" });
  });

  it("checks provider blocks, naming the alias in the address", () => {
    const provider = {
      demo: [
        { endpoint: "https://a", regoin: "x" },
        { alias: "secondary", retries: "many" },
      ],
    };
    const errors = demoErrors({}, { provider });
    expect(errors.map(({ address, path: p, kind }) => ({ address, path: p, kind }))).toEqual([
      { address: "provider.demo", path: "regoin", kind: "unknown_attribute" },
      { address: "provider.demo.secondary", path: "retries", kind: "wrong_type" },
      { address: "provider.demo.secondary", path: "endpoint", kind: "missing_required" },
    ]);
  });

  it("finds the provider block through required_providers when its local name differs", () => {
    const config = demoConfig(
      {},
      {
        terraform: { required_providers: { mydemo: { source: "registry.terraform.io/example/demo" } } },
        provider: { mydemo: { retries: 1 } },
      },
    );
    expect(onlyError(checkSchemaConformance(config, DEMO_SCHEMA))).toEqual({ address: "provider.mydemo", path: "endpoint", kind: "missing_required" });
  });

  it("ignores resources, data sources and providers of other providers", () => {
    const config = demoConfig(
      {},
      {
        terraform: { required_providers: { demo: { source: "example/demo" }, aws: { source: "hashicorp/aws" } } },
        provider: { demo: [{ endpoint: "e" }], aws: [{ not_checked: [1] }] },
        data: { aws_caller_identity: { me: { anything: "goes" } } },
      },
    );
    config.resource.aws_instance = { web: { not_an_aws_argument: { a: 1 } } };
    config.resource.time_rotating = { r: { rotation_days: "often" } };
    config.resource.demonstration_thing = { x: { nope: true } }; // "demo" without the underscore is another prefix
    expect(checkSchemaConformance(config, DEMO_SCHEMA)).toEqual([]);
  });

  describe("literal conversions terraform performs", () => {
    it.each<[string, Record<string, unknown>]>([
      ["decimal string for a number", { size: "5" }],
      ["negative exponent string for a number", { size: "-1.5e3" }],
      ['"true" for a bool', { enabled: "true" }],
      ['"false" for a bool', { enabled: "false" }],
      ['"1" for a bool', { enabled: "1" }],
      ['"0" for a bool', { enabled: "0" }],
      ["number for a string", { name: 5 }],
      ["bool for a string", { name: true }],
      ["null for an optional attribute", { size: null, network: null }],
      ["numeric string inside a set of numbers", { ports: ["80"] }],
    ])("accepts %s", (_, thing) => {
      expect(demoErrors(thing)).toEqual([]);
    });
  });

  describe("references and expressions", () => {
    it.each<[string, Record<string, unknown>]>([
      ["for a string", { name: "${var.name}" }],
      ["for a number, inside a template", { size: "prefix-${local.size}-suffix" }],
      ["for a bool", { enabled: "${var.enabled}" }],
      ["as a template directive", { enabled: "%{ if var.on }true%{ else }false%{ endif }" }],
      ["as a whole list", { zones: "${data.demo_lookup.q.result}" }],
      ["as a list element", { zones: ["a", "${var.zone}"] }],
      ["as a whole map", { labels: "${var.labels}" }],
      ["as a map value", { labels: { team: "${var.team}" } }],
      ["as a whole object", { settings: "${var.settings}" }],
      ["as an object attribute", { settings: { mode: "m", level: "${var.level}" } }],
      ["as a whole tuple", { pair: "${var.pair}" }],
      ["as a whole nested object", { endpoint_config: "${var.endpoint}" }],
      ["as a whole nested list", { backends: "${var.backends}" }],
      ["as a nested list element", { backends: ["${var.backend}"] }],
      ["as a whole single block", { network: "${var.network}" }],
      ["as a whole required block list", { rule: "${var.rules}" }],
      ["as a block list element (item counts unknown)", { rule: ["${var.a}", "${var.b}", "${var.c}"] }],
      ["for count", { count: "${length(var.things)}" }],
      ["for for_each", { for_each: "${toset(var.names)}" }],
      ["for depends_on", { depends_on: "${var.deps}" }],
    ])("accepted %s", (_, thing) => {
      expect(demoErrors(thing)).toEqual([]);
    });
  });

  it("reads the configuration and the schema from files or JSON text", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-conformance-"));
    try {
      const configFile = path.join(dir, "cdk.tf.json");
      const schemaFile = path.join(dir, "schema.json");
      fs.writeFileSync(configFile, JSON.stringify(demoConfig({ size: "five" })));
      fs.writeFileSync(schemaFile, JSON.stringify(DEMO_SCHEMA));
      const expected = [expect.objectContaining({ address: "demo_thing.main", path: "size", kind: "wrong_type" })];
      expect(checkSchemaConformance(configFile, schemaFile)).toEqual(expected);
      expect(checkSchemaConformance(JSON.stringify(demoConfig({ size: "five" })), JSON.stringify(DEMO_SCHEMA))).toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a schema that is not `terraform providers schema -json` output", () => {
    expect(() => checkSchemaConformance(demoConfig(), { resource_schemas: {} } as any)).toThrow(/provider_schemas/);
  });
});

describe("assertConformsToSchema", () => {
  it("passes a conforming configuration", () => {
    expect(() => assertConformsToSchema(demoConfig(), DEMO_SCHEMA)).not.toThrow();
  });

  it("throws one error listing every problem with its address and path", () => {
    const config = demoConfig({ size: "five", arn: "x", name: undefined }, { provider: { demo: [{}] } });
    let failure: unknown;
    try {
      assertConformsToSchema(config, DEMO_SCHEMA);
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(SchemaConformanceFailure);
    const { errors, message } = failure as SchemaConformanceFailure;
    expect(errors.map((e) => `${e.address} ${e.path} ${e.kind}`)).toEqual([
      "demo_thing.main size wrong_type",
      "demo_thing.main arn computed_only",
      "demo_thing.main name missing_required",
      "provider.demo endpoint missing_required",
    ]);
    expect(message).toContain("4 errors");
    expect(message).toContain('demo_thing.main: size expects number, got string "five"');
    expect(message).toContain("demo_thing.main: arn is computed by the provider and cannot be set");
    expect(message).toContain("demo_thing.main: name is required");
    expect(message).toContain("provider.demo: endpoint is required");
  });
});

describe("checkSchemaConformance with the Buildkite provider schema", () => {
  it("passes the synthesized Buildkite stack", () => {
    const synthesized = synthJson(new BuildkiteStack(Testing.app(), "buildkite", exampleBuildkiteStackProps()));
    expect(Object.keys(synthesized.resource)).toContain("buildkite_cluster"); // something to check
    expect(checkSchemaConformance(synthesized, BUILDKITE_SCHEMA)).toEqual([]);
  });

  describe("a stack using the generated bindings with references, nested attributes and meta-arguments", () => {
    let stack: TerraformStack;
    let pipeline: Pipeline;
    beforeEach(() => {
      const app = Testing.app();
      stack = new TerraformStack(app, "bindings");
      new BuildkiteProvider(stack, "buildkite", { organization: "example-org", maxRetries: 3, archivePipelineOnDelete: true });
      addRotationTriggerProvider(stack);
      const rotationId = rotationTrigger(stack, "rotation", 720).getStringAttribute("id");
      const cluster = new Cluster(stack, "cluster", { name: "terraform", emoji: ":terraform:" });
      new ClusterQueue(stack, "queue", {
        clusterId: cluster.id,
        key: "plan",
        hostedAgents: { instanceShape: "LINUX_AMD64_2X4", linux: { agentImageRef: "ubuntu:24.04" } },
      });
      const signed = new DataBuildkiteSignedPipelineSteps(stack, "signed", {
        repository: "git@github.com:example/infra.git",
        unsignedSteps: "steps: []",
        jwksFile: "/etc/buildkite/jwks.json",
      });
      pipeline = new Pipeline(stack, "pipeline", {
        name: "infra-plan",
        repository: "git@github.com:example/infra.git",
        clusterId: cluster.id,
        steps: signed.steps,
        tags: ["terraform", rotationId],
        defaultTimeoutInMinutes: 30,
        providerSettings: { buildPullRequestForks: false, triggerMode: "code", filterEnabled: true, filterCondition: "build.branch == 'main'" },
        lifecycle: { ignoreChanges: ["steps"], preventDestroy: true },
      });
      const team = new Team(stack, "team", { name: "Platform", privacy: "VISIBLE", defaultTeam: false, defaultMemberRole: "MEMBER" });
      new PipelineTeam(stack, "pipeline-team", { pipelineId: pipeline.id, teamId: team.id, accessLevel: "BUILD_AND_READ" });
      new PipelineSchedule(stack, "nightly", {
        pipelineId: pipeline.id,
        branch: "main",
        cronline: "0 3 * * *",
        label: "nightly",
        env: { PLAN_ONLY: "1", ROTATION: rotationId },
        enabled: Fn.tobool("true") as any,
        dependsOn: [team],
      });
    });

    it("conforms", () => {
      const synthesized = synthJson(stack);
      expect(synthesized.resource.buildkite_pipeline.pipeline.provider_settings.build_pull_request_forks).toBe(false);
      expect(synthesized.resource.buildkite_pipeline.pipeline.cluster_id).toMatch(/^\$\{/);
      expect(synthesized.resource.time_rotating).toBeDefined(); // another provider's resource rides along unchecked
      expect(checkSchemaConformance(synthesized, BUILDKITE_SCHEMA)).toEqual([]);
    });

    it("catches an override that breaks a nested attribute's type", () => {
      pipeline.addOverride("provider_settings.build_pull_request_forks", "yes");
      const errors = checkSchemaConformance(Testing.synth(stack), BUILDKITE_SCHEMA);
      expect(onlyError(errors)).toEqual({
        address: "buildkite_pipeline.pipeline",
        path: "provider_settings.build_pull_request_forks",
        kind: "wrong_type",
      });
      expect(errors[0].message).toBe('buildkite_pipeline.pipeline: provider_settings.build_pull_request_forks expects bool, got string "yes"');
    });
  });

  it.each<[string, Record<string, any>, string, string, SchemaConformanceError["kind"]]>([
    ["unknown type with the provider's prefix", { resource: { buildkite_pipline: { p: { name: "n" } } } }, "buildkite_pipline.p", "", "unknown_type"],
    ["misspelt argument", { resource: { buildkite_cluster: { c: { name: "n", emoij: ":x:" } } } }, "buildkite_cluster.c", "emoij", "unknown_attribute"],
    ["missing repository", { resource: { buildkite_pipeline: { p: { name: "n" } } } }, "buildkite_pipeline.p", "repository", "missing_required"],
    [
      "computed-only badge_url",
      { resource: { buildkite_pipeline: { p: { name: "n", repository: "r", badge_url: "u" } } } },
      "buildkite_pipeline.p",
      "badge_url",
      "computed_only",
    ],
    [
      "string for a set of tags",
      { resource: { buildkite_pipeline: { p: { name: "n", repository: "r", tags: "a,b" } } } },
      "buildkite_pipeline.p",
      "tags",
      "wrong_type",
    ],
    [
      "wrong bool in provider_settings",
      { resource: { buildkite_pipeline: { p: { name: "n", repository: "r", provider_settings: { build_tags: "yes" } } } } },
      "buildkite_pipeline.p",
      "provider_settings.build_tags",
      "wrong_type",
    ],
    [
      "missing nested required attribute",
      { resource: { buildkite_cluster_queue: { q: { cluster_id: "c", key: "k", hosted_agents: { linux: { agent_image_ref: "ubuntu:24.04" } } } } } },
      "buildkite_cluster_queue.q",
      "hosted_agents.instance_shape",
      "missing_required",
    ],
    [
      "computed-only steps of a data source",
      { data: { buildkite_signed_pipeline_steps: { x: { repository: "r", unsigned_steps: "s", steps: "t" } } } },
      "data.buildkite_signed_pipeline_steps.x",
      "steps",
      "computed_only",
    ],
    ["provider max_retries not a number", { provider: { buildkite: [{ max_retries: "many" }] } }, "provider.buildkite", "max_retries", "wrong_type"],
    [
      "provider timeouts attribute misspelt",
      { provider: { buildkite: [{ timeouts: { craete: "1m" } }] } },
      "provider.buildkite",
      "timeouts.craete",
      "unknown_attribute",
    ],
  ])("reports %s", (_, config, address, attributePath, kind) => {
    const errors = checkSchemaConformance({ terraform: { required_providers: { buildkite: { source: "buildkite/buildkite" } } }, ...config }, BUILDKITE_SCHEMA);
    expect(onlyError(errors)).toEqual({ address, path: attributePath, kind });
    expect(errors[0].message).toContain(address);
    expect(errors[0].message).toContain(attributePath);
  });
});

describe("import and removed blocks", () => {
  const pipeline = { name: "Networking", repository: "git@github.com:acme/networking.git" };
  const config = (blocks: Record<string, unknown>, resources: Record<string, unknown> = { buildkite_pipeline: { kept: pipeline } }) => ({
    resource: resources,
    ...blocks,
  });
  const kinds = (cfg: Record<string, any>) => checkSchemaConformance(cfg, BUILDKITE_SCHEMA).map((e) => `${e.address} ${e.path} ${e.kind}`);

  it("accepts an import into a declared resource and a removed block for one no longer declared, with destroy = false", () => {
    expect(
      kinds(
        config({
          import: [{ to: "buildkite_pipeline.kept", id: "UGlwZWxpbmUtLS0x" }],
          removed: [{ from: "buildkite_pipeline.gone", lifecycle: { destroy: false } }],
        }),
      ),
    ).toEqual([]);
  });

  it("refuses an import into an undeclared resource, without an ID, or with an unknown argument", () => {
    expect(kinds(config({ import: [{ to: "buildkite_pipeline.missing", ids: "x" }] }))).toEqual([
      "import[0] ids unknown_attribute",
      "import[0] id missing_required",
      "import[0] to missing_required",
    ]);
  });

  it("refuses a removed block for a resource still declared, an unknown type, a bad address and a lifecycle other than destroy", () => {
    expect(
      kinds(
        config({
          removed: [
            { from: "buildkite_pipeline.kept" },
            { from: "buildkite_pipeline_typo.gone" },
            { from: "buildkite_pipeline" },
            { from: "buildkite_pipeline.gone", lifecycle: { destroy: "no", prevent_destroy: true } },
          ],
        }),
      ),
    ).toEqual([
      "removed[0] from wrong_type",
      "removed[1] from unknown_type",
      "removed[2] from wrong_type",
      "removed[3] lifecycle.prevent_destroy unknown_attribute",
      "removed[3] lifecycle.destroy wrong_type",
    ]);
  });

  it("leaves the blocks of other providers' resources alone", () => {
    expect(kinds(config({ removed: [{ from: "aws_iam_role.gone", lifecycle: { destroy: false } }], import: [{ to: "aws_iam_role.x", id: "r" }] }))).toEqual([]);
  });
});
