/**
 * The platform pipeline's Buildkite stack steps read the Buildkite API token at job time, after assuming their
 * role, from the store the declaration names, hand it to Terraform (BUILDKITE_API_TOKEN, which the provider
 * reads), and annotate the build when it is older than its maximum age. Run in dash with stub aws, terraform and
 * buildkite-agent (support/step-runner.ts).
 */
import { Testing } from "cdktf";
import * as fs from "fs";
import { load } from "js-yaml";
import * as os from "os";
import * as path from "path";
import { buildPlatform } from "../../../platform/build-platform";
import { PlatformDeclarationInput } from "../../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../../platform/example-platform";
import { validateDeclaration } from "../../../platform/validate";
import { flagValue, runStep, StepRun } from "./support/step-runner";

const DAY = 86_400_000;

/** The platform pipeline's steps with the token in `token`. */
function stepsWith(token: Record<string, unknown>): any[] {
  const input = structuredClone(EXAMPLE_PLATFORM) as PlatformDeclarationInput & { platformPipeline: any };
  input.platformPipeline.buildkiteApiToken = token;
  const pipeline = buildPlatform(Testing.app(), validateDeclaration(input), { offline: true }).buildkite!.maintenancePipeline!;
  return (load(pipeline.stepsYaml) as { steps: any[] }).steps;
}

/** Runs a step of the platform pipeline as in a build of main whose selection marked every stack. */
function run(step: any, awsOutputs: { ssm?: string; secretsmanager?: string }): StepRun {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-token-"));
  try {
    fs.mkdirSync(path.join(state, "meta-data"));
    for (const stack of ["state-backend", "identity-production", "buildkite"])
      fs.writeFileSync(path.join(state, "meta-data", `bktt-changed-${stack}`), "changed");
    return runStep(step.command, {
      branch: "main",
      defaultBranch: "main",
      shell: "dash",
      state,
      awsOutputs,
      files: { "cdktf.out/stacks/buildkite/cdk.tf.json": "{}" },
      // The platform pipeline's applies wait for its block step: unblocked by its owner team.
      unblocker: { id: "approver", teams: ["platform"] },
    });
  } finally {
    fs.rmSync(state, { recursive: true, force: true });
  }
}

/** The age warnings a run annotated the build with (the plan's own annotation has another context). */
const ageWarnings = (ran: StepRun) => ran.callsOf("buildkite-agent", "annotate").filter((c) => flagValue(c.args, "--context") === "buildkite-api-token-age");
const iso = (time: number) => new Date(time).toISOString().replace("Z", "+00:00");

describe("the Buildkite API token in the platform pipeline's steps", () => {
  const ssm = stepsWith({ ssmParameter: "/buildkite/platform/api-token", maxAgeDays: 90 });
  const step = (steps: any[], key: string) => steps.find((s) => s.key === key);

  it("is read after the role is assumed, with it, from the SSM parameter, and reaches terraform, for plan and apply of the Buildkite stack", () => {
    for (const key of ["plan-buildkite", "apply-buildkite"]) {
      const ran = run(step(ssm, key), { ssm: `bkua_fresh\t${iso(Date.now() - 3 * DAY)}` });
      expect({ key, status: ran.status, stderr: ran.stderr }).toEqual({ key, status: 0, stderr: "" });
      const read = ran.callsOf("aws", "ssm", "get-parameter")[0];
      expect(flagValue(read.args, "--name")).toBe("/buildkite/platform/api-token");
      expect(read.args).toContain("--with-decryption");
      // With the role's credentials, never before them.
      expect(read.awsAccessKeyId).toBe("ASIAFAKEACCESSKEY");
      const terraform = ran.calls.filter((c) => c.tool === "terraform");
      expect(terraform.length).toBeGreaterThan(0);
      expect(terraform.every((c) => c.buildkiteApiToken === "bkua_fresh")).toBe(true);
      expect(ageWarnings(ran)).toEqual([]);
    }
  });

  it("is read by no step of another stack", () => {
    for (const key of ["plan-identity-production", "apply-identity-production", "plan"]) {
      const ran = run(step(ssm, key), { ssm: `bkua_fresh\t${iso(Date.now())}` });
      expect(ran.callsOf("aws", "ssm")).toEqual([]);
      expect(ran.calls.every((c) => c.buildkiteApiToken === "")).toBe(true);
    }
  });

  it("annotates the build with a warning when the token is older than maxAgeDays, and still applies", () => {
    const ran = run(step(ssm, "apply-buildkite"), { ssm: `bkua_old\t${iso(Date.now() - 120 * DAY)}` });
    expect(ran.status).toBe(0);
    const [annotate] = ageWarnings(ran);
    expect(flagValue(annotate.args, "--style")).toBe("warning");
    expect(flagValue(annotate.args, "--context")).toBe("buildkite-api-token-age");
    expect(annotate.args.at(-1)).toBe(
      "The Buildkite API token (SSM parameter /buildkite/platform/api-token) was last changed 120 days ago, more than its maximum age of 90 days: " +
        "rotate it (docs/buildkite.md, Rotating the Buildkite API token).",
    );
    expect(ran.callsOf("terraform", "apply")).toHaveLength(1);
  });

  it("reads a Secrets Manager secret the same way, its age from the current version's creation", () => {
    const arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:buildkite/api-token-AbCdEf";
    const ran = run(step(stepsWith({ secretArn: arn, maxAgeDays: 30 }), "plan-buildkite"), { secretsmanager: `bkua_secret\t${iso(Date.now() - 45 * DAY)}` });
    expect(ran.status).toBe(0);
    expect(flagValue(ran.callsOf("aws", "secretsmanager", "get-secret-value")[0].args, "--secret-id")).toBe(arn);
    expect(ran.callsOf("terraform", "plan")[0].buildkiteApiToken).toBe("bkua_secret");
    expect(ageWarnings(ran)[0].args.at(-1)).toContain("was last changed 45 days ago, more than its maximum age of 30 days");
  });

  it("stops before Terraform when the store holds no token", () => {
    const ran = run(step(ssm, "plan-buildkite"), { ssm: "" });
    expect(ran.status).not.toBe(0);
    expect(ran.stderr).toContain("The SSM parameter /buildkite/platform/api-token holds no Buildkite API token.");
    expect(ran.calls.filter((c) => c.tool === "terraform")).toEqual([]);
  });
});
