/**
 * The steps of a Terraform pipeline, built as plain data: which steps exist,
 * their conditions, keys, queue and scripts, the schedule, and the inputs
 * refused. No stack is synthesized (BuildkiteTerraformPipeline's test covers
 * the resources made from these steps).
 */
import { Construct } from "constructs";
import { load } from "js-yaml";
import { TerraformPipelineSteps, TerraformPipelineStepsProps } from "../../../constructs/buildkite/terraform-pipeline-steps";
import { PipelineState } from "../../../constructs/state/state-backend";
import { StateBackendAttributes, TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { PipelineAccess, PipelineAccessProps } from "../../../constructs/trust/pipeline-access";
import { GcpPipelineAccess } from "../../../constructs/gcp/gcp-pipeline-access";
import { refusalOf } from "../../support/refusal";
import { buildContext, evaluateCondition, SimulatedBuild } from "./support/buildkite-conditional";
import { runStep } from "./support/step-runner";
import { carriedScript } from "../../../constructs/private/interpolation";

/** The steps YAML as plain data. */
const parse = (yaml: string): any => load(yaml);

/** A root for the imported backends: importing one creates no resource, and nothing here is synthesized. */
const backends = new Construct(undefined as unknown as Construct, "backends");
let imported = 0;
/** The states of the pipeline `networking` in a backend created elsewhere. */
const state = (overrides: Partial<StateBackendAttributes> = {}, stableWorkspace?: string): PipelineState =>
  TerraformStateBackend.fromAttributes(backends, `state-${++imported}`, {
    bucketName: "acme-terraform-state",
    region: "eu-west-1",
    kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/0f0f0f0f-1111-4222-8333-444455556666",
    lockMode: "lockfile",
    keyPrefix: "pipelines",
    ...overrides,
  }).pipelineState("networking", { stableWorkspace });

const access = (props: Partial<PipelineAccessProps> = {}) =>
  new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking", ...props });

function build(props: Partial<TerraformPipelineStepsProps> & { access?: PipelineAccess } = {}): TerraformPipelineSteps {
  const { access: roles = access(), ...rest } = props;
  return new TerraformPipelineSteps({ name: "Networking", plan: roles.plan, apply: roles.apply, state: state(), ...rest });
}

/** The rendered steps, as Buildkite reads them. */
const rendered = (steps: TerraformPipelineSteps): any[] => parse(steps.yaml).steps;

/** The `if` of every rendered step, by key. */
const conditions = (steps: TerraformPipelineSteps): Record<string, string | undefined> => Object.fromEntries(rendered(steps).map((s) => [s.key, s.if]));

const NOT_FORK = "build.pull_request.repository.fork != true";
const NOT_SCHEDULED = "!(build.source == 'schedule')";

/** The keys of the steps a build of these steps holds (their `if` evaluated as Buildkite would at upload). */
const keysInBuild = (steps: TerraformPipelineSteps, build: SimulatedBuild): string[] =>
  rendered(steps)
    .filter((s) => s.if === undefined || evaluateCondition(s.if, buildContext(build, steps.defaultBranch)))
    .map((s) => s.key);

/**
 * Builds an attacker or a schedule can create, and whether the apply step of each may apply: a build created in the
 * UI applies only what needs no approval, since its creator may have set BUILDKITE_UNBLOCKER_TEAMS themselves.
 */
const BUILDS: [string, SimulatedBuild, boolean | "only without approval"][] = [
  ["a push to the default branch", { branch: "main" }, true],
  ["a build of the default branch created in the UI", { branch: "main", source: "ui" }, "only without approval"],
  ["a pull request", { branch: "feature/x", pullRequest: 7 }, false],
  ["an API-created build of the default branch with a pull request number", { branch: "main", source: "api", pullRequest: 7 }, false],
  ["an API-created build of another branch", { branch: "feature/x", source: "api" }, false],
  ["a scheduled build of the default branch", { branch: "main", source: "schedule" }, false],
];

describe("TerraformPipelineSteps", () => {
  describe("with defaults: approval on risk", () => {
    const steps = build();

    it("plans, then applies; the block step is the plan step's to add, when the plan needs it", () => {
      expect(steps.approvalPolicy).toBe("on-risk");
      expect(rendered(steps).map((s) => [s.key, s.depends_on])).toEqual([
        ["plan", undefined],
        ["apply", ["plan"]],
      ]);
      // An uploaded step waits for the step that uploads it, and so does every step that depends on that one.
      expect(steps.approvalStepKey).toBe("approve");
      expect(rendered(steps)[0].command[0]).toContain("buildkite-agent pipeline upload");
    });

    it.each(BUILDS)("holds the apply key in %s, so no uploaded step can take it", (_name, build) => {
      expect(keysInBuild(steps, build)).toEqual(["plan", "apply"]);
    });

    it("never runs two applies of the same state at once", () => {
      expect(rendered(steps)[1]).toMatchObject({ concurrency: 1, concurrency_group: "terraform-state/networking/default", concurrency_method: "ordered" });
    });
  });

  describe("with approval always: the block step in every build", () => {
    const steps = build({ approval: { policy: "always" } });

    it("plans, asks for approval, then applies, keyed as the roles admit", () => {
      expect(steps.steps.map((s) => s.type)).toEqual(["command", "block", "command"]);
      expect(rendered(steps).map((s) => s.key)).toEqual(["plan", "approve", "apply"]);
      expect([steps.planStepKey, steps.approvalStepKey, steps.applyStepKey]).toEqual(["plan", "approve", "apply"]);
      expect(steps.slug).toBe("networking");
      expect(steps.defaultBranch).toBe("main");
    });

    it("renders the typed steps to the YAML the pipeline stores", () => {
      expect(steps.yaml).toMatch(/^steps:\n/);
      expect(rendered(steps)[1]).toMatchObject({ block: ":terraform: Apply?", prompt: "Apply the reviewed plan?", depends_on: ["plan"] });
      expect(rendered(steps)[2].depends_on).toEqual(["plan", "approve"]);
    });

    it("plans on every branch but forks, and has the approve and apply steps in every build, unconditioned", () => {
      expect(conditions(steps)).toEqual({ plan: NOT_FORK, approve: undefined, apply: undefined });
    });

    it.each(BUILDS)("holds the approve and apply keys in %s, so no uploaded step can take them", (_name, build) => {
      expect(keysInBuild(steps, build)).toEqual(["plan", "approve", "apply"]);
    });

    it.each(BUILDS)("in %s, applies only if it is a build of the default branch that no pull request or schedule started", (_name, build, applies) => {
      const run = runStep(rendered(steps)[2].command, { ...build, defaultBranch: "main", folders: [], unblocker: { id: "approver", teams: [] } });
      if (applies === "only without approval") {
        // With `always` every apply needs approval: refused, and Terraform applies nothing.
        expect(run.status).toBe(1);
        expect(run.callsOf("terraform", "apply")).toEqual([]);
        expect(run.stderr).toContain(`this build was created by ${build.source}, whose creator sets its environment variables`);
        return;
      }
      expect(run.status).toBe(0);
      if (applies) {
        expect(run.callsOf("buildkite-agent", "oidc", "request-token")).toHaveLength(1);
        expect(run.callsOf("terraform", "apply")).toHaveLength(1);
      } else {
        // Nothing that could assume the role or touch the state: no token, no STS call, no Terraform.
        expect(run.calls).toEqual([]);
        expect(run.stdout).toMatch(/This (build|scheduled build) (does not apply|checks for drift)/);
      }
    });

    it("never gives the apply step a plugin, whose hook would assume the role before the step decides", () => {
      expect(rendered(steps)[2].plugins).toBeUndefined();
      expect(rendered(steps)[0].plugins).toBeDefined();
    });

    it("limits each step to its role's session", () => {
      const [plan, , apply] = rendered(steps);
      expect(plan.timeout_in_minutes).toBe(60);
      expect(apply.timeout_in_minutes).toBe(60);
    });

    it("never runs two applies of the same state at once", () => {
      expect(steps.stableWorkspace).toBe("default");
      expect(rendered(steps)[2]).toMatchObject({ concurrency: 1, concurrency_group: "terraform-state/networking/default", concurrency_method: "ordered" });
    });

    it("schedules the nightly drift check, labelled with the pipeline's name", () => {
      expect(steps.schedule).toEqual({ run: { kind: "drift-check" }, cronline: "0 3 * * *", label: "Drift detection: Networking" });
      expect(rendered(steps)[0].command[0]).toContain("-detailed-exitcode");
    });

    it("runs on the cluster's default queue", () => {
      expect(
        rendered(steps)
          .filter((s) => s.command)
          .map((s) => s.agents),
      ).toEqual([undefined, undefined]);
    });
  });

  describe("steps", () => {
    it("follows the apply role's step key and the plan role's branches", () => {
      const steps = build({
        access: access({ plan: { branches: ["release", "feature/*"] }, apply: { branches: ["release"], stepKeys: ["apply-net"] } }),
        defaultBranch: "release",
      });
      const yaml = rendered(steps);
      expect(yaml.map((s: any) => s.key)).toEqual(["plan", "apply-net"]);
      expect(yaml[0].if).toBe("build.pull_request.repository.fork != true && (build.branch == 'release' || build.branch =~ /^feature\\/.*$$/)");
      expect(yaml[1].if).toBeUndefined();
      // A branch the plan role does not admit still holds the apply key.
      expect(keysInBuild(steps, { branch: "hotfix" })).toEqual(["apply-net"]);
    });

    it("uses the step keys given, when the roles admit them", () => {
      const steps = build({
        access: access({ plan: { stepKeys: ["plan", "plan-net"] }, apply: { stepKeys: ["apply", "apply-net"] } }),
        stepKeys: { plan: "plan-net", approval: "ok", apply: "apply-net" },
        approval: { policy: "always" },
      });
      expect(rendered(steps).map((s) => [s.key, s.depends_on])).toEqual([
        ["plan-net", undefined],
        ["ok", ["plan-net"]],
        ["apply-net", ["plan-net", "ok"]],
      ]);
      expect(carriedScript(rendered(steps)[2].command[0])).toContain("--step plan-net");
    });

    it("names the plan step plan when the plan role admits several keys and none is given", () => {
      expect(build({ access: access({ plan: { stepKeys: ["check", "plan"] } }) }).planStepKey).toBe("plan");
    });

    it("applies without a block step when approval is off", () => {
      const steps = build({ approval: false });
      const yaml = rendered(steps);
      expect(yaml.map((s: any) => s.key)).toEqual(["plan", "apply"]);
      expect(yaml[1].depends_on).toEqual(["plan"]);
      expect(steps.approvalStepKey).toBeUndefined();
      expect(conditions(steps).apply).toBeUndefined();
    });

    it("lets named teams unblock the apply", () => {
      const steps = build({ approval: { policy: "always", prompt: "Ship it?", allowedTeams: ["platform", "sre"] } });
      expect(rendered(steps)[1]).toMatchObject({ block: ":terraform: Apply?", prompt: "Ship it?", allowed_teams: ["platform", "sre"] });
    });

    it("applies without a block step with policy never, as with approval off", () => {
      const steps = build({ approval: { policy: "never" } });
      expect(rendered(steps).map((s: any) => [s.key, s.depends_on])).toEqual([
        ["plan", undefined],
        ["apply", ["plan"]],
      ]);
      expect(steps.approvalStepKey).toBeUndefined();
      expect(rendered(steps)[0].command[0]).not.toContain("pipeline upload");
    });

    it("runs on the given queue", () => {
      const steps = build({ queue: "terraform-data" });
      const commandSteps = rendered(steps).filter((s: any) => s.command);
      expect(commandSteps).toHaveLength(2);
      for (const step of commandSteps) expect(step.agents).toEqual({ queue: "terraform-data" });
    });

    it("runs the apply step alone on the apply queue", () => {
      const [plan, apply] = rendered(build({ queue: "terraform", applyQueue: "terraform-apply" }));
      expect(plan.agents).toEqual({ queue: "terraform" });
      expect(apply.agents).toEqual({ queue: "terraform-apply" });
      expect(rendered(build({ applyQueue: "terraform-apply" }))[0].agents).toBeUndefined();
    });

    it("plans with -lock=false on every branch, the default branch included: a plan role may take no lock", () => {
      const plan = rendered(build())[0].command;
      const lockFlag = (job: { branch: string; pullRequest?: number }) =>
        runStep(plan, { ...job, defaultBranch: "main", preexportedCredentials: true })
          .callsOf("terraform", "plan")[0]
          .args.filter((a) => a.startsWith("-lock"));
      expect(lockFlag({ branch: "main" })).toEqual(["-lock=false"]);
      expect(lockFlag({ branch: "feature/x" })).toEqual(["-lock=false"]);
      expect(lockFlag({ branch: "main", pullRequest: 7 })).toEqual(["-lock=false"]);
    });

    it("writes the token request out when forced to, even where the plugin could do it", () => {
      const yaml = rendered(build({ credentials: "script" }));
      expect(yaml[0].plugins).toBeUndefined();
      expect(yaml[0].command[0]).toContain("buildkite-agent oidc request-token");
    });

    it("runs the setup commands at the repository root, then Terraform in the working directory", () => {
      const plan = rendered(build({ setupCommands: ["npm ci", "cd somewhere-else", "npx cdktf synth"], workingDirectory: "cdktf.out/stacks/net/" }))[0];
      const run = runStep(plan.command, {
        branch: "main",
        defaultBranch: "main",
        preexportedCredentials: true,
        folders: ["cdktf.out/stacks/net", "somewhere-else"],
      });
      expect(run.stderr).toBe("");
      expect(run.calls.map((c) => [c.tool, c.args[0], c.cwd])).toEqual([
        ["npm", "ci", "."],
        ["npx", "cdktf", "somewhere-else"],
        ["terraform", "init", "cdktf.out/stacks/net"],
        ["terraform", "plan", "cdktf.out/stacks/net"],
        ["terraform", "show", "cdktf.out/stacks/net"],
        ["git", "fetch", "cdktf.out/stacks/net"],
        ["git", "merge-base", "cdktf.out/stacks/net"],
        ["terraform", "show", "cdktf.out/stacks/net"],
        ["buildkite-agent", "annotate", "cdktf.out/stacks/net"],
        ["buildkite-agent", "artifact", "cdktf.out/stacks/net"],
        ["buildkite-agent", "artifact", "cdktf.out/stacks/net"],
      ]);
    });

    it("locks with DynamoDB and lock files while migrating", () => {
      const steps = build({ state: state({ lockMode: "both", lockTableName: "acme-locks" }) });
      const run = runStep(rendered(steps)[0].command, { branch: "main", defaultBranch: "main", preexportedCredentials: true });
      const init = run.callsOf("terraform", "init")[0].args;
      expect(init).toEqual(expect.arrayContaining(["-backend-config=dynamodb_table=acme-locks", "-backend-config=use_lockfile=true"]));
    });

    it("waits for the state lock as long as told", () => {
      expect(rendered(build({ lockTimeout: "90s" }))[1].command[0]).toContain("-lock-timeout=90s");
    });

    it("applies the stable workspace it is given", () => {
      const steps = build({ state: state({}, "production") });
      expect(steps.stableWorkspace).toBe("production");
      expect(rendered(steps)[1].concurrency_group).toBe("terraform-state/networking/production");
    });
  });

  describe("schedules", () => {
    it("runs the drift check at the cron line given", () => {
      expect(build({ driftDetection: { cronline: "30 2 * * 1-5 Europe/Berlin" } }).schedule?.cronline).toBe("30 2 * * 1-5 Europe/Berlin");
    });

    it("has no schedule, and no drift check in the plan step, when drift detection is off", () => {
      const steps = build({ driftDetection: false });
      expect(steps.schedule).toBeUndefined();
      expect(rendered(steps)[0].command[0]).not.toContain("-detailed-exitcode");
    });

    it("plans the targets and applies them without approval in a scheduled apply", () => {
      const steps = build({
        driftDetection: false,
        scheduledApply: { cronline: "0 * * * *", label: "Rotate tokens", targets: ["buildkite_agent_token.ci"] },
        approval: { policy: "always" },
      });
      expect(steps.schedule).toEqual({ run: { kind: "apply", targets: ["buildkite_agent_token.ci"] }, cronline: "0 * * * *", label: "Rotate tokens" });
      expect(conditions(steps)).toEqual({ plan: NOT_FORK, approve: NOT_SCHEDULED, apply: undefined });
      // Scheduled builds apply without approval; every other build waits for it.
      expect(keysInBuild(steps, { branch: "main", source: "schedule" })).toEqual(["plan", "apply"]);
      expect(keysInBuild(steps, { branch: "main", source: "api", pullRequest: 7 })).toEqual(["plan", "approve", "apply"]);
      const applyRun = runStep(rendered(steps)[2].command, { branch: "main", source: "schedule", defaultBranch: "main" });
      expect(applyRun.callsOf("terraform", "apply")).toHaveLength(1);
      expect(carriedScript(rendered(steps)[0].command[0])).toContain("-target=buildkite_agent_token.ci");
    });
  });

  describe("refuses, naming the field", () => {
    it.each<[string, Partial<TerraformPipelineStepsProps> & { access?: PipelineAccess }, string, RegExp]>([
      [
        "a default branch the apply role does not admit",
        { defaultBranch: "trunk", access: access({ plan: { branches: ["*"] } }) },
        "defaultBranch",
        /^defaultBranch "trunk" is not a branch the apply role bk-networking-apply admits \(\[main\]\), and the apply step runs on it: add it to the apply role's branches or change defaultBranch\.$/,
      ],
      [
        "a default branch the plan role does not admit",
        { access: access({ plan: { branches: ["feature/*"] } }) },
        "defaultBranch",
        /defaultBranch "main" is not a branch the plan role bk-networking-plan admits \(\[feature\/\*\]\)/,
      ],
      ["an empty default branch", { defaultBranch: "" }, "defaultBranch", /defaultBranch "" is empty/],
      ["a default branch that is a pattern", { defaultBranch: "release/*" }, "defaultBranch", /defaultBranch "release\/\*" contains "\*" or "\?"/],
      ["a default branch a step condition cannot quote", { defaultBranch: "it's" }, "defaultBranch", /contains a quote/],
      ["an empty list of approving teams", { approval: { allowedTeams: [] } }, "approval.allowedTeams", /^approval.allowedTeams is empty: name the teams/],
      [
        "an approving team that is no team",
        { approval: { allowedTeams: ["Platform Team"] } },
        "approval.allowedTeams[0]",
        /is not a Buildkite team slug or UUID/,
      ],
      [
        "an approving team named by its UUID",
        { approval: { allowedTeams: ["96176d08-f503-413f-8423-96094953b9e7"] } },
        "approval.allowedTeams[0]",
        /is a team UUID, and the apply step checks its approver against BUILDKITE_UNBLOCKER_TEAMS, which lists team slugs: name the team by its slug\.$/,
      ],
      [
        "an approval policy that is none",
        { approval: { policy: "sometimes" as never } },
        "approval.policy",
        /^approval.policy "sometimes" is not an approval policy: use one of "always", "never", "on-risk"\.$/,
      ],
      [
        "risky types with a policy that does not read them",
        { approval: { policy: "always", riskyResourceTypes: ["aws_db_instance"] } },
        "approval.riskyResourceTypes",
        /only matter with policy "on-risk", and the policy is "always": remove riskyResourceTypes or use policy "on-risk"\.$/,
      ],
      [
        "a risky type that is no resource type",
        { approval: { riskyResourceTypes: ["aws_db_instance.main"] } },
        "approval.riskyResourceTypes[0]",
        /"aws_db_instance.main" is not a Terraform resource type/,
      ],
      ["an apply queue key Buildkite would not take", { applyQueue: "tf apply" }, "applyQueue", /applyQueue "tf apply" is not a queue key/],
      [
        "an apply step key the apply role does not admit",
        { stepKeys: { apply: "deploy" } },
        "stepKeys.apply",
        /stepKeys.apply "deploy" is not a step key the apply role bk-networking-apply admits \(\[apply\]\)/,
      ],
      [
        "a plan step key the plan role does not admit",
        { stepKeys: { plan: "check" } },
        "stepKeys.plan",
        /stepKeys.plan "check" is not a step key the plan role/,
      ],
      [
        "a step key that would span segments of the token subject",
        { access: access({ plan: { stepKeys: [] } }), stepKeys: { plan: "plan:x" } },
        "stepKeys.plan",
        /is not a step key this library can pin/,
      ],
      ["an approval step key that is not a step key", { stepKeys: { approval: "ok?" } }, "stepKeys.approval", /stepKeys.approval "ok\?" is not a step key/],
      [
        "two steps with the same key",
        { stepKeys: { approval: "apply" } },
        "stepKeys.approval",
        /stepKeys.approval "apply" is also the apply step's key: give every step its own key/,
      ],
      [
        "a working directory outside the repository",
        { workingDirectory: "../other" },
        "workingDirectory",
        /workingDirectory "\.\.\/other" is not a path inside the repository/,
      ],
      [
        "a DynamoDB lock mode without a table",
        { state: state({ lockMode: "dynamodb" }) },
        "state",
        /^state is refused: IStateBackend.lockTableName is required when lockMode is "dynamodb"\.$/,
      ],
      [
        "a stable workspace that looks like a pull request",
        { state: state({}, "pr-1") },
        "state",
        /state is refused: workspaceName: stableName "pr-1" must be/,
      ],
      [
        "both a drift check and a scheduled apply",
        { driftDetection: {}, scheduledApply: { cronline: "0 * * * *", label: "x", targets: ["a.b"] } },
        "driftDetection",
        /driftDetection and scheduledApply/,
      ],
      [
        "a scheduled apply without targets",
        { driftDetection: false, scheduledApply: { cronline: "0 * * * *", label: "x", targets: [] } },
        "scheduledApply.targets",
        /scheduledApply.targets is empty/,
      ],
      [
        "a drift check cron line Buildkite would not read",
        { driftDetection: { cronline: "nightly" } },
        "driftDetection.cronline",
        /driftDetection.cronline "nightly" is not a Buildkite schedule/,
      ],
      [
        "a scheduled apply cron line Buildkite would not read",
        { driftDetection: false, scheduledApply: { cronline: "hourly", label: "x", targets: ["a.b"] } },
        "scheduledApply.cronline",
        /is not a Buildkite schedule/,
      ],
      [
        "a lock timeout Terraform would not parse",
        { lockTimeout: "5 minutes" },
        "lockTimeout",
        /lockTimeout "5 minutes" is not a duration Terraform reads: use a whole number of s, m or h/,
      ],
      ["a queue key Buildkite would not take", { queue: "tf gpu" }, "queue", /queue "tf gpu" is not a queue key/],
      ["a region that is not one", { region: "europe" }, "region", /region "europe" is not an AWS region/],
      [
        "the plugin when the role needs an optional claim",
        { credentials: "plugin", access: access({ organizationId: "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f" }) },
        "credentials",
        /credentials "plugin" cannot give role bk-networking-plan its token: .*cannot request this token \(audience "sts.amazonaws.com", claims \[organization_id\]\)/,
      ],
      [
        "preview branches that admit the default branch",
        { preview: access({ preview: { branches: ["ma*"] } }).preview },
        "preview.branches",
        /preview\.branches admit the default branch "main", which applies into the stable workspace with the apply role/,
      ],
      [
        "a hand-made preview role whose branch is not its workspace's name",
        { preview: { ...access({ preview: { branches: ["preview-*"] } }).preview!, branches: ["feature/*"] } },
        "preview.branches[0]",
        /preview\.branches\[0\] "feature\/\*" is not a preview branch/,
      ],
      [
        "previews with Google Cloud, whose credentials the preview steps do not get",
        {
          preview: access({ preview: { branches: ["preview-*"] } }).preview,
          gcp: new GcpPipelineAccess({ projectNumber: "480155837211", projectId: "acme-networking", organization: "acme", pipeline: "networking" }),
        },
        "preview",
        /preview is given with gcp, and the preview steps get AWS credentials only/,
      ],
      [
        "a preview step key the preview role does not admit",
        { preview: access({ preview: { branches: ["preview-*"] } }).preview, stepKeys: { previewDestroy: "teardown" } },
        "stepKeys.previewDestroy",
        /stepKeys\.previewDestroy "teardown" is not a step key the preview role bk-networking-preview admits \(\[preview, preview-destroy\]\)/,
      ],
      [
        "an apply step keyed like a preview step",
        {
          access: access({ apply: { branches: ["main"], stepKeys: ["preview"] }, preview: { branches: ["preview-*"] } }),
          preview: access({ preview: { branches: ["preview-*"] } }).preview,
        },
        "stepKeys.preview",
        /stepKeys\.preview "preview" is also the apply step's key/,
      ],
    ])("%s", (_name, props, field, message) => {
      const refusal = refusalOf(() => build(props));
      expect(refusal.field).toBe(field);
      expect(refusal.message).toMatch(message);
    });
  });
});
