/**
 * The generated steps of every pipeline of the example stack, checked
 * against the trust policies of the roles as the IAM side synthesizes them:
 * for each kind of build, the steps that run (their `if` evaluated), what
 * each step actually requests when its commands run, and whether the role's
 * synthesized trust policy admits the token Buildkite would mint for it.
 */
import { App, Testing } from "cdktf";
import { load } from "js-yaml";
import { ASSUME_ROLE_PLUGIN, PLUGIN_AUDIENCE } from "../../../constructs/buildkite/step-credentials";
import { DRIFT_EXIT_STATUS } from "../../../constructs/buildkite/terraform-step-script";
import { PolicyDocument } from "../../../constructs/policy/policy-document";
import { workspaceName } from "../../../constructs/state/state-key";
import { BuildkitePipelineRoles } from "../../../constructs/trust/buildkite-pipeline-roles";
import { PipelineAccess } from "../../../constructs/trust/pipeline-access";
import { exampleBuildkiteStackProps } from "../../support/buildkite-example";
import { awsStack, resourcesOfType, synthJson } from "../../support/synth";
import { BuildkiteStack, BuildkiteStackPipeline } from "../../../stacks/buildkite-stack";
import { buildContext, evaluateCondition, SimulatedBuild } from "./support/buildkite-conditional";
import { FAKE_CREDENTIALS, flagValue, flagValues, runStep, StepRun } from "./support/step-runner";
import { mintToken, trustAdmits } from "./support/trust-decision";

/** The steps YAML as plain data. */
const parse = (yaml: string): any => load(yaml);

const props = exampleBuildkiteStackProps();
const declared: BuildkiteStackPipeline[] = [...props.pipelines, props.maintenancePipeline!];
const accessOf = (slug: string) => declared.find((p) => (p.access as PipelineAccess).pipeline === slug)!.access as PipelineAccess;

// The Buildkite side, synthesized.
const app = Testing.app();
const buildkite = new BuildkiteStack(app, "buildkite", props);
const buildkiteJson = synthJson(buildkite);

// The IAM side, synthesized from the same declarations: the roles and their trust policies as Terraform will create them.
const iamApp = new App({ outdir: Testing.app().outdir });
const iam = awsStack("iam", iamApp);
declared.forEach((p) => new BuildkitePipelineRoles(iam, (p.access as PipelineAccess).pipeline, { access: p.access as PipelineAccess }));
const iamJson = synthJson(iam);
interface SynthesizedRole {
  readonly arn: string;
  readonly trustPolicy: PolicyDocument;
}
const roles: SynthesizedRole[] = resourcesOfType(iamJson, "aws_iam_role").map((r) => ({
  arn: `arn:aws:iam::${props.aws.accountId}:role${r.path ?? "/"}${r.name}`,
  trustPolicy: JSON.parse(r.assume_role_policy),
}));

interface SynthesizedPipeline {
  readonly slug: string;
  readonly defaultBranch: string;
  readonly providerSettings: any;
  readonly steps: any[];
}
const pipelines: SynthesizedPipeline[] = resourcesOfType(buildkiteJson, "buildkite_pipeline").map((p) => ({
  slug: p.slug,
  defaultBranch: p.default_branch,
  providerSettings: p.provider_settings,
  steps: parse(p.steps).steps,
}));

const FACTS = {
  organizationSlug: "example-org",
  organizationId: "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f",
  pipelineId: "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f",
  clusterId: "7a7a7a7a-1111-4222-8333-444455556666",
  commit: "0123456789abcdef0123456789abcdef01234567",
};

/** The steps whose `if` holds for the build. */
function stepsThatRun(pipeline: SynthesizedPipeline, build: SimulatedBuild): any[] {
  return pipeline.steps.filter((step) => step.if === undefined || evaluateCondition(step.if, buildContext(build, pipeline.defaultBranch)));
}

/** What a command step requests and which role it assumes, observed by running it (and, for the plugin, from its configuration). */
interface ObservedStep {
  readonly run: StepRun;
  readonly roleArn: string;
  readonly request: { audience: string; claims: string[]; sessionTags: string[] };
  readonly method: "plugin" | "script";
}

function observe(pipeline: SynthesizedPipeline, step: any, build: SimulatedBuild, planExitStatus = 0): ObservedStep {
  const plugin = (step.plugins ?? []).map((p: any) => Object.entries(p)[0]).find(([name]: [string]) => name.startsWith("aws-assume-role-with-web-identity#"));
  const workingDirectory = declared.find((p) => (p.access as PipelineAccess).pipeline === pipeline.slug)!.workingDirectory ?? ".";
  const run = runStep(step.command, {
    branch: build.branch,
    pullRequest: build.pullRequest,
    source: build.source,
    defaultBranch: pipeline.defaultBranch,
    planExitStatus,
    preexportedCredentials: plugin !== undefined,
    folders: [workingDirectory],
  });
  if (plugin) {
    const [name, config] = plugin as [string, any];
    expect(name).toBe(ASSUME_ROLE_PLUGIN);
    // No second assume-role in the script when the plugin already did it.
    expect(run.callsOf("aws", "sts")).toEqual([]);
    // aws-assume-role-with-web-identity v1.6.0 requests `--audience sts.amazonaws.com [--aws-session-tag <session-tags>]`.
    return {
      run,
      method: "plugin",
      roleArn: config["role-arn"],
      request: { audience: PLUGIN_AUDIENCE, claims: [], sessionTags: config["session-tags"] ?? [] },
    };
  }
  const tokenCalls = run.callsOf("buildkite-agent", "oidc", "request-token");
  const assumeCalls = run.callsOf("aws", "sts", "assume-role-with-web-identity");
  expect(tokenCalls).toHaveLength(1);
  expect(assumeCalls).toHaveLength(1);
  const list = (value: string | undefined) => (value === undefined ? [] : value.split(","));
  return {
    run,
    method: "script",
    roleArn: flagValue(assumeCalls[0].args, "--role-arn")!,
    request: {
      audience: flagValue(tokenCalls[0].args, "--audience")!,
      claims: list(flagValue(tokenCalls[0].args, "--claim")),
      sessionTags: list(flagValue(tokenCalls[0].args, "--aws-session-tag")),
    },
  };
}

/** The roles whose synthesized trust policies admit the token the step's job would mint. */
function rolesAdmitting(pipeline: SynthesizedPipeline, step: any, build: SimulatedBuild, observed: ObservedStep): string[] {
  const providerArn = accessOf(pipeline.slug).providerArn;
  const token = mintToken({ ...FACTS, pipelineSlug: pipeline.slug, branch: build.branch, stepKey: step.key }, observed.request);
  return roles.filter((role) => trustAdmits(role.trustPolicy, role.arn, providerArn, token)).map((role) => role.arn);
}

/**
 * The request read against the trust policy's JSON: the audience is the one `aud` must equal, the
 * session tags are exactly the `aws:RequestTag/*` keys it checks, and every optional claim it
 * checks as a condition key is requested.
 */
function expectRequestMatchesTrustPolicy(policy: PolicyDocument, request: ObservedStep["request"]): void {
  const conditions = policy.Statement.flatMap((s) => Object.values(s.Condition ?? {}));
  const keys = new Set(conditions.flatMap((c) => Object.keys(c)));
  const equals = Object.assign({}, ...policy.Statement.map((s) => s.Condition?.StringEquals ?? {}));
  expect(equals["agent.buildkite.com:aud"]).toBe(request.audience);
  const tagKeys = [...keys].filter((k) => k.startsWith("aws:RequestTag/")).map((k) => k.slice("aws:RequestTag/".length));
  expect([...request.sessionTags].sort()).toEqual(tagKeys.sort());
  const optional = ["organization_id", "pipeline_id", "cluster_id", "cluster_name"];
  const checkedOptional = [...keys].map((k) => k.replace(/^(agent\.buildkite\.com:|aws:RequestTag\/)/, "")).filter((k) => optional.includes(k));
  expect([...request.claims].sort()).toEqual([...new Set(checkedOptional)].sort());
}

const kindOf = (step: any) => (step.block !== undefined ? "block" : "command");

/** Runs a step that is in the build but must do nothing there: no token, no STS call, no Terraform, and a successful exit. */
function expectIdle(pipeline: SynthesizedPipeline, step: any, build: SimulatedBuild): void {
  const run = runStep(step.command, { ...build, defaultBranch: pipeline.defaultBranch, folders: ["infra", "cdktf.out/stacks/buildkite"] });
  expect(run.calls).toEqual([]);
  expect(run.status).toBe(0);
}

describe.each(pipelines.map((p) => [p.slug, p] as const))("pipeline %s", (slug, pipeline) => {
  const access = accessOf(slug);
  const feature = slug === "data-platform" ? "feature/new-bucket" : "feature/x";

  it("never builds pull requests from forks, and prefixes their branch names", () => {
    expect(pipeline.providerSettings.build_pull_request_forks).toBe(false);
    expect(pipeline.providerSettings.prefix_pull_request_fork_branch_names).toBe(true);
    // Only the apply step is in such a build, holding its key; it would refuse the build at run time.
    const fork: SimulatedBuild = { branch: `mallory:${feature}`, pullRequest: 13, fork: true };
    const inBuild = stepsThatRun(pipeline, fork);
    expect(inBuild.map(kindOf)).toEqual(["command"]);
    expect(access.apply.stepKeys).toContain(inBuild[0].key);
    expectIdle(pipeline, inBuild[0], fork);
  });

  it("on the default branch: plans with the plan role, then applies with the apply role, after the plan (and the block step it adds when the plan needs approval)", () => {
    const build = { branch: pipeline.defaultBranch };
    const running = stepsThatRun(pipeline, build);
    const plan = running.find((s) => s.key === access.plan.stepKeys[0]);
    const apply = running.find((s) => access.apply.stepKeys.includes(s.key));
    expect(plan).toBeDefined();
    expect(apply).toBeDefined();
    expect(apply.depends_on).toContain(plan.key);
    // Every example pipeline approves on risk: the plan step uploads the block step, which the apply step then waits for.
    expect(running.find((s) => kindOf(s) === "block")).toBeUndefined();
    expect(apply.depends_on).toEqual([plan.key]);
    expect(plan.command[0]).toContain("buildkite-agent pipeline upload");
    // Apply steps of one state never overlap.
    expect(apply.concurrency).toBe(1);
    expect(apply.concurrency_group).toBe(`terraform-state/${slug}/default`);
  });

  it("applies only on branch builds of the default branch: not for a pull request whose head is the default branch", () => {
    // An API-created build of the default branch with a pull request number holds every key, so no uploaded step can take one...
    const build: SimulatedBuild = { branch: pipeline.defaultBranch, source: "api", pullRequest: 3 };
    const inBuild = stepsThatRun(pipeline, build);
    expect(inBuild.map(kindOf)).toEqual(["command", "command"]);
    // ...and its apply step, even once unblocked, does nothing.
    expectIdle(pipeline, inBuild[1], build);
  });

  it.each([
    ["a push to the default branch", "default"],
    ["a push to a feature branch", "feature"],
    ["a pull request from the repository", "pr"],
    ["the nightly schedule", "schedule"],
  ])("each step of %s assumes the one role whose synthesized trust policy admits exactly that step", (_name, kind) => {
    const build: SimulatedBuild =
      kind === "default"
        ? { branch: pipeline.defaultBranch }
        : kind === "feature"
          ? { branch: feature }
          : kind === "pr"
            ? { branch: feature, pullRequest: 12 }
            : { branch: pipeline.defaultBranch, source: "schedule" };
    const inBuild = stepsThatRun(pipeline, build).filter((s) => kindOf(s) === "command");
    // Every build holds the apply step; only a push to the default branch applies, and the maintenance pipeline's schedule.
    const applies = kind === "default" || (kind === "schedule" && slug === (props.maintenancePipeline!.access as PipelineAccess).pipeline);
    const applyStep = inBuild.find((s) => access.apply.stepKeys.includes(s.key));
    expect(applyStep).toBeDefined();
    if (!applies) expectIdle(pipeline, applyStep, build);
    const commands = applies ? inBuild : inBuild.filter((s) => s !== applyStep);
    expect(commands.length).toBeGreaterThan(0);
    for (const step of commands) {
      const observed = observe(pipeline, step, build);
      const expectedRole = access.apply.stepKeys.includes(step.key) ? access.apply : access.plan;
      expect(observed.roleArn).toBe(expectedRole.roleArn);
      expect(observed.request.audience).toBe(expectedRole.tokenRequest.audience);
      expect([...observed.request.claims].sort()).toEqual([...expectedRole.tokenRequest.claims].sort());
      expect([...observed.request.sessionTags].sort()).toEqual([...expectedRole.tokenRequest.sessionTags].sort());
      expect(rolesAdmitting(pipeline, step, build, observed)).toEqual([observed.roleArn]);
      expectRequestMatchesTrustPolicy(roles.find((r) => r.arn === observed.roleArn)!.trustPolicy, observed.request);
      // Nothing requested is superfluous: without any one of it the token is refused.
      for (const claim of observed.request.claims) {
        const without = {
          ...observed,
          request: {
            ...observed.request,
            claims: observed.request.claims.filter((c) => c !== claim),
            sessionTags: observed.request.sessionTags.filter((t) => t !== claim),
          },
        };
        expect(rolesAdmitting(pipeline, step, build, without)).toEqual([]);
      }
      for (const tag of observed.request.sessionTags) {
        const without = { ...observed, request: { ...observed.request, sessionTags: observed.request.sessionTags.filter((t) => t !== tag) } };
        expect(rolesAdmitting(pipeline, step, build, without)).toEqual([]);
      }
      // Terraform runs with the assumed role's credentials.
      const terraform = observed.run.callsOf("terraform");
      expect(terraform.length).toBeGreaterThan(0);
      for (const call of terraform) expect(call.awsAccessKeyId).toBe(observed.method === "plugin" ? "ASIAFROMPLUGIN" : FAKE_CREDENTIALS.accessKeyId);
    }
    if (kind === "feature" || kind === "pr") expect(commands.map((s) => s.key)).toEqual([access.plan.stepKeys[0]]);
  });

  it("plans every build against the state merging would change: the default branch's", () => {
    const stable = workspaceName({ branch: pipeline.defaultBranch, defaultBranch: pipeline.defaultBranch });
    for (const build of [{ branch: pipeline.defaultBranch }, { branch: feature }, { branch: feature, pullRequest: 12 }] as SimulatedBuild[]) {
      const plan = stepsThatRun(pipeline, build).find((s) => s.key === access.plan.stepKeys[0]);
      const run = observe(pipeline, plan, build).run;
      const [init] = run.callsOf("terraform", "init");
      expect(flagValues(init.args, "-backend-config")).toEqual(
        expect.arrayContaining([`key=pipelines/${slug}/${stable}/terraform.tfstate`, "bucket=example-terraform-state", "encrypt=true", "use_lockfile=true"]),
      );
      expect(run.callsOf("terraform", "plan")[0].args).toContain("-lock=false");
    }
  });

  it("uploads the plan of the default branch and applies exactly that plan", () => {
    const build = { branch: pipeline.defaultBranch };
    const [plan, apply] = [access.plan.stepKeys[0], access.apply.stepKeys[0]].map((key) => pipeline.steps.find((s) => s.key === key));
    const planRun = observe(pipeline, plan, build).run;
    expect(planRun.status).toBe(0);
    expect(planRun.callsOf("buildkite-agent", "artifact", "upload").map((c) => c.args[2])).toEqual(["tfplan.json", "tfplan"]);
    const applyRun = observe(pipeline, apply, build).run;
    expect(applyRun.status).toBe(0);
    expect(applyRun.callsOf("buildkite-agent", "artifact", "download").map((c) => c.args)).toEqual([
      ["artifact", "download", "tfplan", ".", "--step", plan.key],
    ]);
    expect(applyRun.callsOf("terraform", "apply").map((c) => c.args.slice(-1))).toEqual([["tfplan"]]);
    // Nothing but the saved plan is applied (no -auto-approve of a fresh plan).
    expect(applyRun.callsOf("terraform", "plan")).toEqual([]);
    // ...to the state it was planned against: the stable workspace of the default branch.
    const stateKey = (run: typeof planRun) => flagValues(run.callsOf("terraform", "init")[0].args, "-backend-config").find((v) => v.startsWith("key="));
    expect(stateKey(applyRun)).toBe(`key=pipelines/${slug}/default/terraform.tfstate`);
    expect(stateKey(applyRun)).toBe(stateKey(planRun));
  });

  it("does not upload plans of other branches that the apply step could apply: only the JSON plan, for reviewers", () => {
    const plan = pipeline.steps.find((s) => s.key === access.plan.stepKeys[0]);
    const run = observe(pipeline, plan, { branch: feature, pullRequest: 12 }).run;
    expect(run.status).toBe(0);
    expect(run.callsOf("buildkite-agent", "artifact").map((c) => c.args)).toEqual([["artifact", "upload", "tfplan.json"]]);
    expect(run.callsOf("buildkite-agent", "pipeline")).toEqual([]);
  });

  it("refuses at run time to apply anywhere but the default branch, or to run for a fork branch, before asking for any token", () => {
    const apply = pipeline.steps.find((s) => access.apply.stepKeys.includes(s.key));
    expect(apply.plugins).toBeUndefined();
    const job = { defaultBranch: pipeline.defaultBranch, folders: ["infra", "cdktf.out/stacks/buildkite"] };
    const elsewhere = runStep(apply.command, { ...job, branch: feature });
    expect(elsewhere.status).toBe(0);
    expect(elsewhere.stdout).toContain(`This build does not apply: only builds of ${pipeline.defaultBranch} that are not pull requests apply`);
    expect(elsewhere.calls).toEqual([]);
    const pullRequest = runStep(apply.command, { ...job, branch: pipeline.defaultBranch, pullRequest: 7 });
    expect(pullRequest.status).toBe(0);
    expect(pullRequest.calls).toEqual([]);
    const plan = pipeline.steps.find((s) => s.key === access.plan.stepKeys[0]);
    const fork = runStep(plan.command, { ...job, branch: `mallory:${feature}`, pullRequest: 13 });
    expect(fork.status).not.toBe(0);
    expect(fork.stderr).toContain("pull request from a fork");
    expect(fork.calls).toEqual([]);
  });
});

describe("scheduled builds", () => {
  const byslug = (slug: string) => pipelines.find((p) => p.slug === slug)!;

  it.each(["networking", "payments-service", "data-platform"])(
    "%s: the nightly build only runs the drift check, with the plan role, and fails on drift",
    (slug) => {
      const pipeline = byslug(slug);
      const access = accessOf(slug);
      const build: SimulatedBuild = { branch: pipeline.defaultBranch, source: "schedule" };
      const running = stepsThatRun(pipeline, build);
      // The apply step is in the build, holding its key, and does nothing in it.
      expect(running.map(kindOf)).toEqual(["command", "command"]);
      expect(running[0].key).toBe(access.plan.stepKeys[0]);
      expectIdle(pipeline, running[1], build);
      const clean = observe(pipeline, running[0], build, 0);
      expect(clean.roleArn).toBe(access.plan.roleArn);
      expect(clean.run.status).toBe(0);
      expect(clean.run.callsOf("terraform", "plan")[0].args).toContain("-detailed-exitcode");
      const drifted = observe(pipeline, running[0], build, 2);
      expect(drifted.run.status).toBe(DRIFT_EXIT_STATUS);
      expect(drifted.run.stderr).toContain("Drift");
      const broken = observe(pipeline, running[0], build, 1);
      expect(broken.run.status).toBe(1);
    },
  );

  it("each Terraform pipeline has one drift schedule on its default branch; the maintenance pipeline has the rotation schedule instead", () => {
    const schedules = resourcesOfType(buildkiteJson, "buildkite_pipeline_schedule");
    const pipelineIds = Object.fromEntries(
      Object.entries<any>(buildkiteJson.resource.buildkite_pipeline).map(([id, p]) => [`\${buildkite_pipeline.${id}.id}`, p]),
    );
    const summary = schedules.map((s) => [pipelineIds[s.pipeline_id].slug, s.branch, s.cronline, s.label]).sort();
    expect(summary).toEqual([
      ["data-platform", "release", "30 2 * * *", "Drift detection: Data platform"],
      ["networking", "main", "0 3 * * *", "Drift detection: Networking"],
      ["payments-service", "main", "0 3 * * *", "Drift detection: Payments service"],
      ["platform-trust", "main", "15 */3 * * *", buildkite.cluster.rotationSchedule.label],
    ]);
  });

  it("the maintenance pipeline's scheduled build plans only the rotation resources and applies without approval", () => {
    const pipeline = byslug("platform-trust");
    const access = accessOf("platform-trust");
    const build: SimulatedBuild = { branch: "main", source: "schedule" };
    const running = stepsThatRun(pipeline, build);
    expect(running.map((s) => s.key)).toEqual(["plan", "apply"]);
    const plan = observe(pipeline, running[0], build);
    expect(plan.roleArn).toBe(access.plan.roleArn);
    const targets = plan.run
      .callsOf("terraform", "plan")[0]
      .args.filter((a) => a.startsWith("-target="))
      .map((a) => a.slice("-target=".length));
    expect(targets).toEqual(buildkite.cluster.rotationSchedule.targets);
    for (const target of targets) {
      const [type, name] = target.split(".");
      expect(buildkiteJson.resource[type][name]).toBeDefined();
    }
    const apply = observe(pipeline, running[1], build);
    expect(apply.roleArn).toBe(access.apply.roleArn);
    expect(apply.run.status).toBe(0);
    // It runs npm ci and cdktf synth first, at the repository root.
    expect(plan.run.calls.find((c) => c.tool === "terraform")!.cwd).toBe("cdktf.out/stacks/buildkite");
  });
});
