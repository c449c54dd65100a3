/**
 * The review workflow, run: the generated plan and apply steps of one pipeline executed in dash with
 * stub terraform, aws, git and buildkite-agent, for every kind of build and each approval policy. What
 * is asserted is what the steps did: the state key and lock flags Terraform got, the role assumed, the
 * annotation posted, the artifacts and steps uploaded, and whether Terraform applied. The attacker is
 * code of the build: it can upload steps (a block step it unblocks itself) and set meta-data; the apply
 * step must still refuse a plan that needs approval no approving team gave.
 */
import * as fs from "fs";
import * as path from "path";
import { Construct } from "constructs";
import { load } from "js-yaml";
import { planAnnotationContext } from "../../../constructs/buildkite/plan-review";
import { TerraformPipelineSteps, TerraformPipelineStepsProps } from "../../../constructs/buildkite/terraform-pipeline-steps";
import { TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { PipelineAccess } from "../../../constructs/trust/pipeline-access";
import { buildContext, evaluateCondition, SimulatedBuild } from "./support/buildkite-conditional";
import { flagValue, flagValues, JobEnvironment, runStep, StepRun } from "./support/step-runner";

const backends = new Construct(undefined as unknown as Construct, "backends");
let imported = 0;
const access = new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking" });
const APPROVERS = ["platform"];

/** The networking pipeline's states in the test backend (a new construct each time). */
function networkingState() {
  return TerraformStateBackend.fromAttributes(backends, `state-${++imported}`, {
    bucketName: "acme-terraform-state",
    region: "eu-west-1",
    kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/0f0f0f0f-1111-4222-8333-444455556666",
    lockMode: "lockfile",
    keyPrefix: "pipelines",
  }).pipelineState("networking");
}

function pipeline(approval: TerraformPipelineStepsProps["approval"] = { allowedTeams: APPROVERS }): TerraformPipelineSteps {
  const state = networkingState();
  // Written-out credentials, so that the role each step assumes is seen in its aws call.
  return new TerraformPipelineSteps({ name: "Networking", plan: access.plan, apply: access.apply, state, approval, credentials: "script" });
}

/** A resource change of a JSON plan. */
const change = (address: string, actions: string[], extra: Record<string, unknown> = {}) => ({
  address,
  type: address.split(".")[0],
  change: {
    actions,
    before: actions.includes("create") && actions.length === 1 ? null : {},
    after: actions.includes("delete") && actions.length === 1 ? null : {},
    ...extra,
  },
});
const plan = (...changes: unknown[]) => ({ format_version: "1.2", terraform_version: "1.11.0", resource_changes: changes });
const CREATES_ONLY = plan(change("aws_sqs_queue.jobs", ["create"]), change("aws_s3_bucket.assets", ["no-op"]));
const DESTROYS = plan(change("aws_s3_bucket.logs", ["delete"]), change("aws_sqs_queue.jobs", ["create"]));

/** The plan reviewers see in the docs: one change of each kind, and the text `terraform show` prints for it. */
const DOCS_PLAN = plan(
  change("aws_s3_bucket.logs", ["delete"]),
  change("aws_instance.web", ["delete", "create"]),
  change("aws_iam_role_policy.deploy", ["update"]),
  change("aws_sqs_queue.jobs", ["create"]),
);
const DOCS_PLAN_TEXT = `Terraform will perform the following actions:

  # aws_iam_role_policy.deploy will be updated in-place
  ~ resource "aws_iam_role_policy" "deploy" {
        id     = "bk-networking-apply:deploy"
      ~ policy = jsonencode(...)
    }

  # aws_instance.web must be replaced
-/+ resource "aws_instance" "web" {
      ~ ami           = "ami-0aaa" -> "ami-0bbb" # forces replacement
      ~ id            = "i-0123456789abcdef0" -> (known after apply)
        tags          = { "Name" = "web" }
    }

  # aws_s3_bucket.logs will be destroyed
  - resource "aws_s3_bucket" "logs" {
      - bucket = "acme-logs" -> null
    }

  # aws_sqs_queue.jobs will be created
  + resource "aws_sqs_queue" "jobs" {
      + name            = "jobs"
      + kms_master_key_id = (sensitive value)
    }

Plan: 2 to add, 1 to change, 2 to destroy.
`;

/** The rendered steps, as Buildkite reads them. */
const rendered = (steps: TerraformPipelineSteps): any[] => (load(steps.yaml) as any).steps;

interface Build extends SimulatedBuild {
  readonly name: string;
  /** Whether the build applies (the default branch, not a pull request, not the drift schedule). */
  readonly applies: boolean;
}
const BUILDS: Build[] = [
  { name: "a push to the default branch", branch: "main", applies: true },
  { name: "a push to a feature branch", branch: "feature/x", applies: false },
  { name: "a pull request from the repository", branch: "feature/x", pullRequest: 12, applies: false },
  { name: "a pull request from a fork", branch: "mallory:feature/x", pullRequest: 13, fork: true, applies: false },
  { name: "the nightly schedule", branch: "main", source: "schedule", applies: false },
  { name: "an API-created build of the default branch with a pull request number", branch: "main", source: "api", pullRequest: 7, applies: false },
];

/** Runs the steps of a build that its `if` admits, in order: the plan step (if in the build), then the apply step. */
function runBuild(steps: TerraformPipelineSteps, build: Build, job: Partial<JobEnvironment> = {}): { plan?: StepRun; apply: StepRun } {
  const inBuild = rendered(steps).filter((s) => s.command && (s.if === undefined || evaluateCondition(s.if, buildContext(build, "main"))));
  const run = (step: any) =>
    runStep(step.command, { branch: build.branch, pullRequest: build.pullRequest, source: build.source, defaultBranch: "main", shell: "dash", ...job });
  const planStep = inBuild.find((s) => s.key === steps.planStepKey);
  return { plan: planStep && run(planStep), apply: run(inBuild.find((s) => s.key === steps.applyStepKey)) };
}

const stateKey = (run: StepRun) => flagValues(run.callsOf("terraform", "init")[0].args, "-backend-config").find((v) => v.startsWith("key="));
const roleAssumed = (run: StepRun) => flagValue(run.callsOf("aws", "sts", "assume-role-with-web-identity")[0].args, "--role-arn");
const annotations = (run: StepRun) => run.callsOf("buildkite-agent", "annotate");
const uploadedSteps = (run: StepRun) => run.callsOf("buildkite-agent", "pipeline", "upload").map((c) => (load(c.stdin!) as any).steps);
const artifacts = (run: StepRun) => run.callsOf("buildkite-agent", "artifact", "upload").map((c) => c.args[2]);
const applied = (run: StepRun) => run.callsOf("terraform", "apply").length === 1;

describe("the review workflow, for each kind of build (on-risk approval by the platform team, a plan that destroys)", () => {
  const steps = pipeline();

  it.each(BUILDS.map((b) => [b.name, b] as const))("%s", (_name, build) => {
    const { plan, apply } = runBuild(steps, build, { planJson: DESTROYS });
    if (build.fork) {
      // The plan step is not in the build; the apply step holds its key and does nothing.
      expect(plan).toBeUndefined();
    } else {
      expect(plan!.status).toBe(0);
      // Every plan reads the state merging would change, without a lock, with the read-only plan role.
      expect(stateKey(plan!)).toBe("key=pipelines/networking/default/terraform.tfstate");
      expect(plan!.callsOf("terraform", "plan")[0].args).toContain("-lock=false");
      expect(roleAssumed(plan!)).toBe(access.plan.roleArn);
      // The annotation, with its stable context, says what the plan does and what the policy decides.
      const [annotation] = annotations(plan!);
      expect(annotation.args).toEqual(["annotate", "--context", "terraform-plan-networking-default", "--style", build.applies ? "warning" : "info"]);
      expect(annotation.stdin).toContain("**1 to add, 0 to change, 1 to destroy, 0 to import.**");
      expect(annotation.stdin).toContain("- destroys aws_s3_bucket.logs");
      expect(annotation.stdin).toContain(build.applies ? "**The apply waits for approval:**" : "**Once merged, the apply would wait for approval:**");
      // The JSON plan for everyone; the saved plan and the block step only where the build applies.
      expect(artifacts(plan!)).toEqual(build.applies ? ["tfplan.json", "tfplan"] : ["tfplan.json"]);
      expect(uploadedSteps(plan!)).toEqual(
        build.applies ? [[{ block: ":terraform: Apply?", key: "approve", prompt: "Apply the reviewed plan?", allowed_teams: APPROVERS }]] : [],
      );
    }
    if (build.applies) {
      // Not approved: the apply step reviews the plan itself and refuses it.
      expect(apply.status).toBe(1);
      expect(apply.stderr).toContain("Refusing to apply: this plan needs approval, and no member of the approving teams (platform) unblocked this build.");
      expect(roleAssumed(apply)).toBe(access.apply.roleArn);
      expect(stateKey(apply)).toBe("key=pipelines/networking/default/terraform.tfstate");
      expect(applied(apply)).toBe(false);
    } else {
      // Nothing that could assume the apply role or touch the state.
      expect(apply.status).toBe(0);
      expect(apply.calls).toEqual([]);
    }
  });

  it("the default branch applies once a member of an approving team unblocked the build, with the lock it waits for", () => {
    const { apply } = runBuild(steps, BUILDS[0], { planJson: DESTROYS, unblocker: { id: "u-1", teams: ["sre", "platform"] } });
    expect(apply.status).toBe(0);
    expect(apply.stdout).toContain("Approved by Alice (teams sre:platform).");
    expect(apply.callsOf("terraform", "apply")[0].args).toEqual(["apply", "-input=false", "-lock-timeout=5m", "tfplan"]);
  });

  it("a plan that only creates and updates applies without waiting: no block step, no approver", () => {
    const { plan, apply } = runBuild(steps, BUILDS[0], { planJson: CREATES_ONLY });
    expect(uploadedSteps(plan!)).toEqual([]);
    expect(annotations(plan!)[0].stdin).toContain("**The apply goes ahead without approval:** nothing in this plan needs it.");
    expect(annotations(plan!)[0].args).toContain("info");
    expect(apply.status).toBe(0);
    expect(applied(apply)).toBe(true);
  });
});

describe("what on-risk counts as risky", () => {
  const steps = pipeline({ allowedTeams: APPROVERS, riskyResourceTypes: ["aws_db_*"] });
  const kmsPolicyChange = change("aws_kms_key.state", ["update"], { before: { policy: "{}" }, after: { policy: '{"Statement":[]}' } });
  const kmsTagChange = change("aws_kms_key.state", ["update"], { before: { policy: "{}", tags: {} }, after: { policy: "{}", tags: { a: "b" } } });

  it.each<[string, unknown, string[]]>([
    ["a replacement", plan(change("aws_instance.web", ["create", "delete"])), ["replaces aws_instance.web"]],
    ["an IAM change", plan(change("aws_iam_role.deploy", ["create"])), ["changes IAM: aws_iam_role.deploy"]],
    ["a KMS key policy change", plan(kmsPolicyChange), ["changes a KMS key policy: aws_kms_key.state"]],
    ["a KMS key policy resource", plan(change("aws_kms_key_policy.state", ["create"])), ["changes a KMS key policy: aws_kms_key_policy.state"]],
    ["a declared risky type", plan(change("aws_db_instance.main", ["update"])), ["changes a declared risky type (approval.riskyTypes): aws_db_instance.main"]],
    ["a KMS key whose policy stays", plan(kmsTagChange), []],
    ["reads and no-ops", plan(change("aws_iam_role.deploy", ["no-op"]), change("aws_iam_policy_document.x", ["read"])), []],
  ])("%s", (_name, planJson, reasons) => {
    // The plan step only (the apply step runs the same review, shown above and below).
    const planStep = rendered(steps).find((s) => s.key === steps.planStepKey);
    const planRun = runStep(planStep.command, { branch: "main", defaultBranch: "main", shell: "dash", planJson });
    const annotation = annotations(planRun)[0].stdin!;
    const listed = annotation.split("\n").filter((line) => /^- (destroys|replaces|changes) /.test(line));
    expect(listed).toEqual(reasons.map((reason) => `- ${reason}`));
    expect(uploadedSteps(planRun)).toHaveLength(reasons.length > 0 ? 1 : 0);
  });

  it("a commit that is not on the default branch (a build created through the API can build any commit as main)", () => {
    const { plan: planRun, apply } = runBuild(steps, BUILDS[0], { planJson: CREATES_ONLY, commitOnDefaultBranch: false });
    expect(annotations(planRun!)[0].stdin).toContain(
      "- cannot confirm that commit 0123456789abcdef0123456789abcdef01234567 is on main: the plan may be of code nobody reviewed",
    );
    expect(uploadedSteps(planRun!)).toHaveLength(1);
    expect(applied(apply)).toBe(false);
    expect(apply.callsOf("git", "merge-base")[0].args).toEqual(["merge-base", "--is-ancestor", "HEAD", "FETCH_HEAD"]);
  });

  it("a plan it cannot read: without jq, the apply waits (and the step says where to get jq)", () => {
    const { plan: planRun, apply } = runBuild(steps, BUILDS[0], { planJson: CREATES_ONLY, missingTools: ["jq"] });
    expect(planRun!.status).toBe(0);
    const annotation = annotations(planRun!)[0].stdin!;
    expect(annotation).toContain("The plan could not be summarized.");
    expect(annotation).toContain('- cannot decide: jq is not installed on this agent (install it: docs/buildkite.md, "Tools the agents need")');
    expect(uploadedSteps(planRun!)).toHaveLength(1);
    expect(apply.status).toBe(1);
    expect(applied(apply)).toBe(false);
  });
});

describe("the policies always and never", () => {
  it("always: the block step is in every build, and the apply waits for it even for a plan that only creates", () => {
    const steps = pipeline({ policy: "always", allowedTeams: APPROVERS });
    expect(rendered(steps).map((s) => s.key)).toEqual(["plan", "approve", "apply"]);
    const { plan: planRun, apply } = runBuild(steps, BUILDS[0], { planJson: CREATES_ONLY });
    expect(uploadedSteps(planRun!)).toEqual([]);
    expect(annotations(planRun!)[0].stdin).toContain("- approval.policy is always: every apply waits for approval");
    expect(applied(apply)).toBe(false);
    expect(applied(runBuild(steps, BUILDS[0], { planJson: CREATES_ONLY, unblocker: { id: "u-1", teams: ["platform"] } }).apply)).toBe(true);
  });

  it("never: no block step, and a plan that destroys applies at once", () => {
    const steps = pipeline({ policy: "never" });
    expect(rendered(steps).map((s) => s.key)).toEqual(["plan", "apply"]);
    const { plan: planRun, apply } = runBuild(steps, BUILDS[0], { planJson: DESTROYS });
    expect(uploadedSteps(planRun!)).toEqual([]);
    expect(annotations(planRun!)[0].stdin).toContain("**The apply goes ahead without approval:**");
    expect(applied(apply)).toBe(true);
  });
});

describe("an attacker among the build's steps (a default-branch build whose plan step runs code nobody reviewed)", () => {
  const steps = pipeline();

  it("setting meta-data or uploading a block step it unblocks itself does not get a risky plan applied", () => {
    // The attacker's plan step uploads no block step, sets the meta-data a naive design would trust, and
    // uploads a block step of its own without allowed_teams, which it unblocks: Buildkite then sets the
    // unblocker's teams, none of them an approving team.
    const attacker = runStep(
      ["buildkite-agent meta-data set terraform-approval not-needed", "printf 'steps:\\n  - block: ok\\n' | buildkite-agent pipeline upload"],
      { branch: "main", defaultBranch: "main", shell: "dash" },
    );
    expect(attacker.status).toBe(0);
    const { apply } = runBuild(steps, BUILDS[0], { planJson: DESTROYS, unblocker: { id: "mallory", teams: ["contractors"] } });
    expect(apply.status).toBe(1);
    expect(applied(apply)).toBe(false);
    // The apply step trusts no meta-data: it reviewed the plan it was about to apply.
    expect(apply.callsOf("buildkite-agent", "meta-data")).toEqual([]);
    expect(apply.callsOf("terraform", "show")[0].args).toEqual(["show", "-json", "tfplan"]);
    expect(apply.stderr).toContain("destroys aws_s3_bucket.logs");
  });

  it("a plan step that uploads no block step does not get a risky plan applied either", () => {
    expect(applied(runBuild(steps, BUILDS[0], { planJson: DESTROYS }).apply)).toBe(false);
  });
});

describe("a build creator who sets the build's environment (UI, API or trigger step)", () => {
  const steps = pipeline();
  const createdBy = (source: NonNullable<Build["source"]>): Build => ({
    name: `a build of the default branch created by ${source}`,
    branch: "main",
    source,
    applies: true,
  });

  it.each(["api", "ui", "trigger_job"] as const)(
    "does not get a risky plan applied by setting BUILDKITE_UNBLOCKER_TEAMS to an approving team in a build created by %s",
    (source) => {
      // What the job would see if Buildkite passed the creator's variable through: an approving team, as if unblocked.
      const { apply } = runBuild(steps, createdBy(source), { planJson: DESTROYS, unblocker: { id: "mallory", teams: [APPROVERS[0]] } });
      expect(apply.status).toBe(1);
      expect(applied(apply)).toBe(false);
      expect(apply.stderr).toContain(`this build was created by ${source}, whose creator sets its environment variables`);
      expect(apply.stderr).toContain("destroys aws_s3_bucket.logs");
    },
  );

  it("still gets a plan that needs no approval applied: the refusal is about approvals only", () => {
    const { apply } = runBuild(steps, createdBy("ui"), { planJson: CREATES_ONLY });
    expect(apply.status).toBe(0);
    expect(applied(apply)).toBe(true);
  });

  it("the same approval in a build of a push applies", () => {
    const { apply } = runBuild(steps, BUILDS[0], { planJson: DESTROYS, unblocker: { id: "u-1", teams: [APPROVERS[0]] } });
    expect(applied(apply)).toBe(true);
  });
});

describe("preview environments (previews: preview-*)", () => {
  const previewAccess = new PipelineAccess({
    accountId: "111111111111",
    organization: "acme",
    pipeline: "networking",
    preview: { branches: ["preview-*"] },
  });
  const state = networkingState();
  const steps = new TerraformPipelineSteps({
    name: "Networking",
    plan: previewAccess.plan,
    apply: previewAccess.apply,
    preview: previewAccess.preview,
    state,
    approval: { allowedTeams: APPROVERS },
    credentials: "script",
  });
  const PREVIEW_KEY = "key=pipelines/networking/br-preview-42/terraform.tfstate";

  /** Every step of the build its `if` admits, by key, run in order as the agents would. */
  function runAll(build: Build, job: Partial<JobEnvironment> = {}): Record<string, StepRun> {
    const inBuild = rendered(steps).filter((s) => s.command && (s.if === undefined || evaluateCondition(s.if, buildContext(build, "main"))));
    return Object.fromEntries(
      inBuild.map((step) => [
        step.key,
        runStep(step.command, { branch: build.branch, pullRequest: build.pullRequest, source: build.source, defaultBranch: "main", shell: "dash", ...job }),
      ]),
    );
  }

  it("adds the preview and preview-destroy steps to every build, without an if, so no uploaded step can take their keys", () => {
    expect(rendered(steps).map((s) => s.key)).toEqual(["plan", "apply", "preview", "preview-destroy"]);
    for (const key of ["preview", "preview-destroy"]) expect(rendered(steps).find((s) => s.key === key).if).toBeUndefined();
    expect(rendered(steps).find((s) => s.key === "preview-destroy").depends_on).toEqual(["preview"]);
  });

  it("a push to a preview branch: the plan step plans the stable state for review, the apply step does not apply, the preview step applies into br-<branch> with the preview role", () => {
    const run = runAll({ name: "a push to a preview branch", branch: "preview-42", applies: false }, { planJson: CREATES_ONLY });
    // The review plan is the stable workspace's, read-only, as for any branch.
    expect(stateKey(run.plan)).toBe("key=pipelines/networking/default/terraform.tfstate");
    expect(run.plan.callsOf("terraform", "plan")[0].args).toContain("-lock=false");
    expect(roleAssumed(run.plan)).toBe(access.plan.roleArn);
    expect(run.apply.calls).toEqual([]);
    // The preview: its own workspace, the preview role, its token tagged with the branch, a locked plan and apply.
    const preview = run.preview;
    expect(preview.stderr).toBe("");
    expect(preview.status).toBe(0);
    expect(roleAssumed(preview)).toBe(previewAccess.preview!.roleArn);
    expect(flagValue(preview.callsOf("buildkite-agent", "oidc", "request-token")[0].args, "--aws-session-tag")).toBe("build_branch");
    expect(stateKey(preview)).toBe(PREVIEW_KEY);
    expect(preview.callsOf("terraform", "apply")[0].args).toEqual(["apply", "-input=false", "-auto-approve", "-lock-timeout=5m"]);
    expect(preview.calls.flatMap((c) => c.args)).not.toContain("-lock=false");
    expect(preview.callsOf("terraform", "destroy")).toEqual([]);
    const [annotation] = annotations(preview);
    expect(annotation.args).toEqual(["annotate", "--context", "terraform-preview-networking-br-preview-42", "--style", "success"]);
    expect(annotation.stdin).toContain("s3://acme-terraform-state/pipelines/networking/br-preview-42/terraform.tfstate");
    // Destroying needs a build created with BKTT_PREVIEW_DESTROY=true.
    expect(run["preview-destroy"].status).toBe(0);
    expect(run["preview-destroy"].calls).toEqual([]);
  });

  it.each<[string, Build]>([
    ["a push to a feature branch that is not a preview", { name: "feature", branch: "feature/x", applies: false }],
    ["a push to a branch that only looks like a preview", { name: "look-alike", branch: "previewx", applies: false }],
    ["a pull request from a preview branch", { name: "pr", branch: "preview-42", pullRequest: 12, applies: false }],
    ["a pull request from a fork's preview branch", { name: "fork", branch: "mallory:preview-42", pullRequest: 13, fork: true, applies: false }],
    ["a push to the default branch", { name: "main", branch: "main", applies: true }],
    ["the nightly schedule", { name: "schedule", branch: "main", source: "schedule", applies: false }],
  ])("%s: the preview steps end at once, without a token or Terraform", (_name, build) => {
    const run = runAll(build, { planJson: CREATES_ONLY, buildEnv: { BKTT_PREVIEW_DESTROY: "true" } });
    for (const key of ["preview", "preview-destroy"]) {
      expect(run[key].status).toBe(0);
      expect(run[key].calls).toEqual([]);
      expect(run[key].stdout).toMatch(/^This build does not preview: /);
    }
  });

  it("a build of the preview branch created with BKTT_PREVIEW_DESTROY=true destroys the preview, and only that", () => {
    const build: Build = { name: "destroy", branch: "preview-42", source: "api", applies: false };
    const run = runAll(build, { buildEnv: { BKTT_PREVIEW_DESTROY: "true" } });
    expect(run.preview.calls).toEqual([]);
    expect(run.preview.stdout).toContain("This build destroys the preview (BKTT_PREVIEW_DESTROY=true)");
    const destroy = run["preview-destroy"];
    expect(destroy.status).toBe(0);
    expect(roleAssumed(destroy)).toBe(previewAccess.preview!.roleArn);
    expect(stateKey(destroy)).toBe(PREVIEW_KEY);
    expect(destroy.callsOf("terraform", "destroy")[0].args).toEqual(["destroy", "-input=false", "-auto-approve", "-lock-timeout=5m"]);
    expect(destroy.callsOf("terraform", "apply")).toEqual([]);
    // Any other value leaves the preview alone.
    const kept = runAll(build, { buildEnv: { BKTT_PREVIEW_DESTROY: "yes" } });
    expect(kept["preview-destroy"].calls).toEqual([]);
    expect(kept.preview.callsOf("terraform", "apply")).toHaveLength(1);
  });

  it.each(["preview-a/b", "preview--x", "preview-x-", "preview-Big", `preview-${"x".repeat(40)}`])(
    "refuses the preview branch %s, whose name is not its workspace's, before any token",
    (branch) => {
      const run = runAll({ name: branch, branch, applies: false });
      expect(run.preview.status).toBe(1);
      expect(run.preview.calls).toEqual([]);
      expect(run.preview.stderr).toMatch(/^Refusing to preview /);
    },
  );
});

describe("the tools the steps need", () => {
  it.each(["terraform", "aws"])("without %s, the step stops at once, naming it and where the docs say to install it", (tool) => {
    const { plan: planRun } = runBuild(pipeline(), BUILDS[0], { missingTools: [tool] });
    expect(planRun!.status).toBe(1);
    expect(planRun!.stderr).toBe(
      `This step needs ${tool} on the agent's PATH, and it is not there: install it (docs/buildkite.md, "Tools the agents need").\n`,
    );
    expect(planRun!.calls).toEqual([]);
  });
});

describe("docs/buildkite.md", () => {
  const BEGIN = "<!-- plan-annotation:begin (the plan step's output; test/constructs/buildkite/review-workflow.integration.test.ts checks it) -->";
  const END = "<!-- plan-annotation:end -->";

  it("shows the annotation the plan step writes, as it writes it", () => {
    const { plan: planRun } = runBuild(pipeline(), BUILDS[0], { planJson: DOCS_PLAN, planText: DOCS_PLAN_TEXT });
    const [annotation] = annotations(planRun!);
    expect(annotation.args[2]).toBe(planAnnotationContext("networking", "default"));
    const file = path.join(__dirname, "../../../docs/buildkite.md");
    const docs = fs.readFileSync(file, "utf8");
    const begin = docs.indexOf(BEGIN);
    const end = docs.indexOf(END);
    expect({ begin: begin >= 0, end: end > begin }).toEqual({ begin: true, end: true });
    const expected = `\n\n${annotation.stdin!.trimEnd()}\n\n`;
    if (process.env.BKTT_WRITE_DOCS === "1") fs.writeFileSync(file, docs.slice(0, begin + BEGIN.length) + expected + docs.slice(end));
    expect(docs.slice(begin + BEGIN.length, end)).toBe(expected);
  });
});
