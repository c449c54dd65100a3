import { load } from "js-yaml";
import { CommandStep, PipelineStep, renderPipelineYaml } from "../../../constructs/buildkite/pipeline-steps";
import { allOfConditions, branchEquals, notFork } from "../../../constructs/buildkite/step-condition";

/** The steps YAML as plain data. */
const parse = (yaml: string): any => load(yaml);

const command = (key: string, extra: Partial<CommandStep> = {}): CommandStep => ({ type: "command", key, label: key, commands: ["echo hi"], ...extra });

describe("renderPipelineYaml", () => {
  it("renders every step type with Buildkite's attribute names", () => {
    const steps: PipelineStep[] = [
      command("plan", {
        condition: notFork(),
        env: { TF_INPUT: "false" },
        agents: { queue: "terraform" },
        plugins: [{ name: "example#v1.2.3", config: { a: 1 } }],
        artifactPaths: ["tfplan"],
        timeoutInMinutes: 30,
      }),
      { type: "wait" },
      { type: "block", key: "approve", label: "Apply?", prompt: "Sure?", allowedTeams: ["platform"], dependsOn: ["plan"], condition: branchEquals("main") },
      command("apply", { dependsOn: ["plan", "approve"], concurrency: { group: "state/x" }, condition: allOfConditions([notFork(), branchEquals("main")]) }),
    ];
    const doc = parse(renderPipelineYaml(steps));
    expect(doc.steps[0]).toEqual({
      label: "plan",
      key: "plan",
      if: "build.pull_request.repository.fork != true",
      agents: { queue: "terraform" },
      env: { TF_INPUT: "false" },
      plugins: [{ "example#v1.2.3": { a: 1 } }],
      command: ["echo hi"],
      artifact_paths: ["tfplan"],
      timeout_in_minutes: 30,
    });
    expect(doc.steps[1]).toBe("wait");
    expect(doc.steps[2]).toEqual({
      block: "Apply?",
      key: "approve",
      prompt: "Sure?",
      if: "build.branch == 'main'",
      depends_on: ["plan"],
      allowed_teams: ["platform"],
    });
    expect(doc.steps[3]).toMatchObject({
      key: "apply",
      depends_on: ["plan", "approve"],
      concurrency: 1,
      concurrency_group: "state/x",
      concurrency_method: "ordered",
      if: "build.pull_request.repository.fork != true && build.branch == 'main'",
    });
  });

  it("keeps multi-line commands intact through YAML", () => {
    const script = "line one\n  indented: with colon # and hash\n'quoted' \"double\"";
    const doc = parse(renderPipelineYaml([command("x", { commands: [script] })]));
    expect(doc.steps[0].command).toEqual([script]);
  });

  it.each<[string, PipelineStep[], RegExp]>([
    ["duplicate keys", [command("a"), command("a")], /step key "a" is used twice/],
    ["a dependency on a missing step", [command("a", { dependsOn: ["b"] })], /depends on "b", which is not a step/],
    ["a key with a colon (it would break the OIDC sub claim)", [command("a:b")], /steps\[0\]\.key "a:b" is not a step key/],
    ["a step without commands", [command("a", { commands: [] })], /has no commands/],
    ["an unpinned plugin", [command("a", { plugins: [{ name: "docker#v5", config: {} }] })], /must be pinned to an exact version/],
    ["a bad concurrency limit", [command("a", { concurrency: { group: "g", limit: 0 } })], /concurrency limit must be a positive integer/],
    ["upload-time interpolation", [command("a", { commands: ["echo $BUILDKITE_BRANCH"] })], /interpolation syntax \(\$BUILDKITE_BRANCH\)/],
    ["interpolation hidden in env", [command("a", { env: { X: "${Y}" } })], /interpolation syntax/],
  ])("refuses %s", (_name, steps, error) => {
    expect(() => renderPipelineYaml(steps)).toThrow(error);
  });
});
