/**
 * The Google Cloud credentials of the Terraform steps, run in dash with the step runner's fakes:
 * what the step requests from the agent, the external-account configuration Terraform and gcloud
 * find, that a build which does not apply gets none in the apply step, and that the token leaves
 * with the step.
 */
import { Construct } from "constructs";
import { load } from "js-yaml";
import { TerraformPipelineSteps } from "../../../constructs/buildkite/terraform-pipeline-steps";
import { GcpPipelineAccess, GcpPipelineAccessProps } from "../../../constructs/gcp/gcp-pipeline-access";
import { externalAccountCredentials } from "../../../constructs/gcp/workload-identity";
import { TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { PipelineAccess, PipelineAccessProps } from "../../../constructs/trust/pipeline-access";
import { refusalOf } from "../../support/refusal";
import { FAKE_OIDC_TOKEN, flagValue, JobEnvironment, runStep, StepRun, ToolCall } from "./support/step-runner";

const state = TerraformStateBackend.fromAttributes(new Construct(undefined as unknown as Construct, "backends"), "state", {
  bucketName: "acme-terraform-state",
  region: "eu-west-1",
  kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/0f0f0f0f-1111-4222-8333-444455556666",
  lockMode: "lockfile",
  keyPrefix: "pipelines",
}).pipelineState("analytics");

const aws = (props: Partial<PipelineAccessProps> = {}) =>
  new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "analytics", ...props });
const gcp = (props: Partial<GcpPipelineAccessProps> = {}) =>
  new GcpPipelineAccess({ projectId: "acme-analytics", projectNumber: "480155837211", organization: "acme", pipeline: "analytics", ...props });

function steps(google: GcpPipelineAccess | undefined, roles = aws()): TerraformPipelineSteps {
  return new TerraformPipelineSteps({ name: "Analytics", plan: roles.plan, apply: roles.apply, state, gcp: google });
}

/** The plan and apply commands of the steps, as Buildkite reads them. */
function commands(of: TerraformPipelineSteps): { plan: string[]; apply: string[] } {
  const rendered = (load(of.yaml) as { steps: { key: string; command?: string[] }[] }).steps;
  const command = (key: string) => rendered.find((s) => s.key === key)!.command!;
  return { plan: command(of.planStepKey), apply: command(of.applyStepKey) };
}

const run = (command: string[], job: Omit<JobEnvironment, "defaultBranch" | "shell">) => runStep(command, { defaultBranch: "main", shell: "dash", ...job });

const googleTokenRequests = (step: StepRun) =>
  step.callsOf("buildkite-agent", "oidc", "request-token").filter((c) => flagValue(c.args, "--audience")!.startsWith("//iam.googleapis.com/"));

/** The external-account configuration a tool found, with the token file it names. */
function configurationSeen(call: ToolCall): { configuration: Record<string, any>; token: string | undefined } {
  const google = call.google!;
  expect(google.gcloudCredentialFileOverride).toBe(google.applicationCredentials);
  const configuration = JSON.parse(google.files[google.applicationCredentials]);
  return { configuration, token: google.files[configuration.credential_source.file] };
}

describe("the Google Cloud credentials of the Terraform steps", () => {
  const access = gcp();
  const { plan, apply } = commands(steps(access));

  it("plan: requests the pool provider's token with the claims the condition reads, and Terraform impersonates the plan account with it", () => {
    const step = run(plan, { branch: "feature/x", preexportedCredentials: true });
    expect(step.stderr).toBe("");
    expect(step.status).toBe(0);
    const [request, ...more] = googleTokenRequests(step);
    expect(more).toEqual([]);
    expect(request.args).toEqual([
      "oidc",
      "request-token",
      "--audience",
      "//iam.googleapis.com/projects/480155837211/locations/global/workloadIdentityPools/buildkite/providers/buildkite-agent",
      "--claim",
      "organization_id,pipeline_id",
    ]);
    expect(request.google).toBeUndefined();
    const terraform = step.callsOf("terraform");
    // init, plan, and the review's show -json and show (which load the providers too).
    expect(terraform.map((c) => c.args[0])).toEqual(["init", "plan", "show", "show"]);
    for (const call of terraform) {
      const { configuration, token } = configurationSeen(call);
      expect(configuration).toEqual(
        externalAccountCredentials(access.audience, "bk-analytics-plan@acme-analytics.iam.gserviceaccount.com", configuration.credential_source.file),
      );
      expect(token).toBe(`${FAKE_OIDC_TOKEN}\n`);
    }
    // The token is in the file only, and the folder leaves with the step.
    expect(step.stdout + step.stderr).not.toContain(FAKE_OIDC_TOKEN);
    expect(step.leftInTmpdir).toEqual([]);
  });

  it("apply: in a build that applies, impersonates the apply account, after the AWS role, and removes the token", () => {
    const step = run(apply, { branch: "main" });
    expect(step.stderr).toBe("");
    expect(step.status).toBe(0);
    expect(googleTokenRequests(step)).toHaveLength(1);
    const applyCall = step.callsOf("terraform", "apply")[0];
    const { configuration, token } = configurationSeen(applyCall);
    expect(configuration.service_account_impersonation_url).toBe(
      "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/bk-analytics-apply@acme-analytics.iam.gserviceaccount.com:generateAccessToken",
    );
    expect(configuration).toEqual(externalAccountCredentials(access.audience, access.apply.email, configuration.credential_source.file));
    expect(token).toBe(`${FAKE_OIDC_TOKEN}\n`);
    const order = step.calls.map((c) => `${c.tool} ${c.args[0]} ${c.args[1]}`);
    expect(order.indexOf("aws sts assume-role-with-web-identity")).toBeLessThan(order.lastIndexOf("buildkite-agent oidc request-token"));
    expect(step.leftInTmpdir).toEqual([]);
  });

  it.each<[string, Omit<JobEnvironment, "defaultBranch" | "shell">]>([
    ["another branch", { branch: "feature/x" }],
    ["a pull request from the default branch", { branch: "main", pullRequest: 7 }],
    ["the scheduled drift check", { branch: "main", source: "schedule" }],
  ])("apply: %s gets no Google credentials, nor any token", (_name, job) => {
    const step = run(apply, job);
    expect(step.status).toBe(0);
    expect(step.callsOf("buildkite-agent", "oidc")).toEqual([]);
    expect(step.calls.filter((c) => c.google)).toEqual([]);
    expect(step.leftInTmpdir).toEqual([]);
  });

  it("removes the token when Terraform fails", () => {
    const step = run(plan, { branch: "main", preexportedCredentials: true, planExitStatus: 1 });
    expect(step.status).toBe(1);
    expect(step.callsOf("terraform", "plan")[0].google).toBeDefined();
    expect(step.leftInTmpdir).toEqual([]);
  });

  it("adds nothing to the steps of a pipeline without a Google Cloud project", () => {
    const yaml = steps(undefined).yaml;
    expect(yaml).not.toContain("GOOGLE_APPLICATION_CREDENTIALS");
    expect(yaml).not.toContain("googleapis");
  });

  it.each<[string, () => TerraformPipelineSteps, RegExp]>([
    ["the access of another pipeline", () => steps(gcp({ pipeline: "billing" })), /gcp\.plan.*pipeline "billing"/],
    ["a plan account that does not admit the plan step's key", () => steps(gcp({ plan: { stepKeys: ["terraform-plan"] } })), /gcp\.plan.*"plan"/],
    [
      "a plan account that admits fewer branches than the plan role",
      () => steps(gcp({ plan: { branches: ["main"] } })),
      /gcp\.plan.*also runs on \[\*\].*same branches/,
    ],
    [
      "an apply account that does not admit the default branch",
      () => steps(gcp({ apply: { branches: ["release"] } }), aws({ apply: { branches: ["main", "release"] } })),
      /gcp\.apply.*also runs on \[main\]/,
    ],
  ])("refuses %s: its jobs would fail at the token exchange", (_name, make, message) => {
    const refusal = refusalOf(make);
    expect(refusal.code).toBe("conflict");
    expect(refusal.message).toMatch(message);
  });
});
