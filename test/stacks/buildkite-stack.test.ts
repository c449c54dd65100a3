import { Testing } from "cdktf";
import { load } from "js-yaml";
import * as path from "path";
import { exampleBuildkiteStackProps } from "../support/buildkite-example";
import { resource, resourcesOfType, synthJson } from "../support/synth";
import { BuildkiteStack, BuildkiteStackProps } from "../../stacks/buildkite-stack";
import { assertConformsToSchema, checkSchemaConformance } from "../../testing/schema-conformance";
import { carriedScript } from "../../constructs/private/interpolation";

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "providers", "buildkite", "schema.json");

function build(props: BuildkiteStackProps = exampleBuildkiteStackProps()): BuildkiteStack {
  return new BuildkiteStack(Testing.app(), "buildkite", props);
}

describe("BuildkiteStack", () => {
  const stack = build();
  const json = synthJson(stack);

  it("conforms to the Buildkite provider schema", () => {
    expect(() => assertConformsToSchema(json, BUILDKITE_SCHEMA)).not.toThrow();
  });

  it("conforms with signed steps too", () => {
    const props = exampleBuildkiteStackProps();
    const signed = { ...props, pipelines: props.pipelines.map((p) => ({ ...p, signing: { jwksFile: "/secure/jwks.json" } })) };
    const signedJson = synthJson(build(signed));
    expect(Object.keys(signedJson.data.buildkite_signed_pipeline_steps)).toHaveLength(3);
    expect(checkSchemaConformance(signedJson, BUILDKITE_SCHEMA)).toEqual([]);
  });

  it("catches a misspelled attribute in the stack's output", () => {
    const broken = build();
    broken.pipelines[0].pipeline.addOverride("provider_settings.build_pull_requests_forks", false);
    broken.cluster.defaultQueue.addOverride("queue", "terraform");
    const errors = checkSchemaConformance(synthJson(broken), BUILDKITE_SCHEMA);
    expect(errors.map((e) => `${e.path} ${e.kind}`).sort()).toEqual([
      "provider_settings.build_pull_requests_forks unknown_attribute",
      "queue unknown_attribute",
    ]);
  });

  it("declares the Buildkite, AWS and time providers", () => {
    expect(Object.keys(json.provider).sort()).toEqual(["aws", "buildkite", "time"]);
    expect(json.provider.buildkite[0].organization).toBe("example-org");
  });

  it("runs every pipeline in the cluster and grants teams by slug", () => {
    const clusterId = `\${buildkite_cluster.${stack.cluster.cluster.friendlyUniqueId}.id}`;
    const pipelines = resourcesOfType(json, "buildkite_pipeline");
    expect(pipelines.map((p) => p.slug).sort()).toEqual(["data-platform", "networking", "payments-service", "platform-trust"]);
    for (const pipeline of pipelines) expect(pipeline.cluster_id).toBe(clusterId);
    const teamIds = Object.fromEntries(Object.entries(stack.teams).map(([slug, team]) => [`\${buildkite_team.${team.friendlyUniqueId}.id}`, slug]));
    const grants = resourcesOfType(json, "buildkite_pipeline_team").map((g) => [teamIds[g.team_id], g.access_level]);
    expect(grants).toContainEqual(["payments", "BUILD_AND_READ"]);
    expect(grants).toHaveLength(5);
  });

  it("gives each pipeline its own settings: default branch, queue, working directory, setup commands, drift schedule", () => {
    const pipeline = (slug: string) => resource(json, "buildkite_pipeline", (p) => p.slug === slug);
    const steps = (slug: string): any[] => (load(pipeline(slug).steps) as any).steps;
    const commands = (slug: string) =>
      steps(slug)
        .flatMap((step) => step.command ?? [])
        .map((command) => carriedScript(command) ?? command)
        .join("\n");
    expect(pipeline("data-platform").default_branch).toBe("release");
    expect(
      steps("data-platform")
        .filter((step) => step.command)
        .map((step) => step.agents),
    ).toEqual([{ queue: "terraform-data" }, { queue: "terraform-data" }]);
    // The step scripts pass through printf %b, so their quotes are octal escapes.
    expect(commands("payments-service")).toContain("cd infra");
    expect(commands("platform-trust")).toMatch(/npm ci\n\s*npx cdktf synth\n/);
    const schedules = resourcesOfType(json, "buildkite_pipeline_schedule").map((s) => [s.label, s.branch, s.cronline]);
    expect(schedules).toContainEqual(["Drift detection: Data platform", "release", "30 2 * * *"]);
  });

  it.each<[string, (p: BuildkiteStackProps) => BuildkiteStackProps, RegExp]>([
    ["a pipeline naming an undeclared team", (p) => ({ ...p, teams: [] }), /names team "platform", which is not in teams/],
    [
      "a pipeline on a queue the cluster lacks",
      (p) => ({ ...p, pipelines: [{ ...p.pipelines[0], queue: "gpu" }] }),
      /runs on queue "gpu", which the cluster does not have \(terraform, terraform-data\)/,
    ],
    ["a pipeline declared twice", (p) => ({ ...p, pipelines: [p.pipelines[0], p.pipelines[0]] }), /pipeline "networking" is declared twice/],
  ])("refuses %s", (_name, change, error) => {
    expect(() => new BuildkiteStack(Testing.app(), "buildkite", change(exampleBuildkiteStackProps()))).toThrow(error);
  });
});
