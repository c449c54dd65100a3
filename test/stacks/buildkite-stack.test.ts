import { Testing } from "cdktf";
import * as path from "path";
import { exampleBuildkiteStackProps } from "../support/buildkite-example";
import { BuildkiteStack, BuildkiteStackProps } from "../../stacks/buildkite-stack";
import { assertConformsToSchema, checkSchemaConformance } from "../../testing/schema-conformance";

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "providers", "buildkite", "schema.json");

function synth(props: BuildkiteStackProps = exampleBuildkiteStackProps()): { stack: BuildkiteStack; json: any } {
  const stack = new BuildkiteStack(Testing.app(), "buildkite", props);
  return { stack, json: JSON.parse(Testing.synth(stack, true)) };
}

describe("BuildkiteStack", () => {
  const { stack, json } = synth();

  it("conforms to the Buildkite provider schema", () => {
    expect(() => assertConformsToSchema(json, BUILDKITE_SCHEMA)).not.toThrow();
  });

  it("conforms with signed steps too", () => {
    const props = exampleBuildkiteStackProps();
    const signed = { ...props, pipelines: props.pipelines.map((p) => ({ ...p, signing: { jwksFile: "/secure/jwks.json" } })) };
    const { json: signedJson } = synth(signed);
    expect(Object.keys(signedJson.data.buildkite_signed_pipeline_steps)).toHaveLength(3);
    expect(checkSchemaConformance(signedJson, BUILDKITE_SCHEMA)).toEqual([]);
  });

  it("catches a misspelled attribute in the stack's output", () => {
    const broken = synth();
    broken.stack.pipelines[0].pipeline.addOverride("provider_settings.build_pull_requests_forks", false);
    broken.stack.cluster.defaultQueue.addOverride("queue", "terraform");
    const errors = checkSchemaConformance(JSON.parse(Testing.synth(broken.stack)), BUILDKITE_SCHEMA);
    expect(errors.map((e) => `${e.path} ${e.kind}`).sort()).toEqual(["provider_settings.build_pull_requests_forks unknown_attribute", "queue unknown_attribute"]);
  });

  it("declares the Buildkite, AWS and time providers", () => {
    expect(Object.keys(json.provider).sort()).toEqual(["aws", "buildkite", "time"]);
    expect(json.provider.buildkite[0].organization).toBe("example-org");
  });

  it("runs every pipeline in the cluster and grants teams by slug", () => {
    const clusterId = `\${buildkite_cluster.${stack.cluster.cluster.friendlyUniqueId}.id}`;
    const pipelines = Object.values<any>(json.resource.buildkite_pipeline);
    expect(pipelines.map((p) => p.slug).sort()).toEqual(["data-platform", "networking", "payments-service", "platform-trust"]);
    for (const pipeline of pipelines) expect(pipeline.cluster_id).toBe(clusterId);
    const teamIds = Object.fromEntries(Object.entries(stack.teams).map(([slug, team]) => [`\${buildkite_team.${team.friendlyUniqueId}.id}`, slug]));
    const grants = Object.values<any>(json.resource.buildkite_pipeline_team).map((g) => [teamIds[g.team_id], g.access_level]);
    expect(grants).toContainEqual(["payments", "BUILD_AND_READ"]);
    expect(grants).toHaveLength(5);
  });

  it("matches the snapshot", () => {
    expect(json).toMatchSnapshot();
  });

  it.each<[string, (p: BuildkiteStackProps) => BuildkiteStackProps, RegExp]>([
    ["a pipeline naming an undeclared team", (p) => ({ ...p, teams: [] }), /names team "platform", which is not in teams/],
    ["a pipeline on a queue the cluster lacks", (p) => ({ ...p, pipelines: [{ ...p.pipelines[0], queue: "gpu" }] }), /runs on queue "gpu", which the cluster does not have \(terraform, terraform-data\)/],
    ["a pipeline declared twice", (p) => ({ ...p, pipelines: [p.pipelines[0], p.pipelines[0]] }), /pipeline "networking" is declared twice/],
  ])("refuses %s", (_name, change, error) => {
    expect(() => new BuildkiteStack(Testing.app(), "buildkite", change(exampleBuildkiteStackProps()))).toThrow(error);
  });
});
