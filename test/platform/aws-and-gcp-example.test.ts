/**
 * The example declaration with one AWS account and one Google Cloud project
 * (examples/aws-and-gcp/platform.yaml): it validates, builds every stack, and the
 * access report shows the pipeline's service accounts beside its AWS roles.
 */
import * as path from "path";
import { Testing } from "cdktf";
import { load } from "js-yaml";
import { accessReport, accessReportMarkdown } from "../../platform/access-report";
import { buildPlatform } from "../../platform/build-platform";
import { loadDeclaration } from "../../platform/load";
import { platformStackPlan } from "../../platform/stack-plan";
import { validateDeclaration } from "../../platform/validate";
import { resourcesOfType, synthJson } from "../support/synth";
import { runStep } from "../constructs/buildkite/support/step-runner";

const EXAMPLE = path.join(__dirname, "../../examples/aws-and-gcp/platform.yaml");

describe("the AWS + Google Cloud example declaration", () => {
  const declaration = loadDeclaration(EXAMPLE);
  const stacks = buildPlatform(Testing.app(), declaration, { offline: true });
  const gcp = synthJson(stacks.gcpIdentity[0]);

  it("plans a GCP identity stack for the project, deployed before the Buildkite stack", () => {
    expect(platformStackPlan(declaration).map((s) => `${s.id}:${s.kind}`)).toEqual([
      "state-backend:state-backend",
      "identity-production:identity",
      "gcp-identity-analytics:gcp-identity",
      "buildkite:buildkite",
    ]);
    expect(stacks.gcpIdentity.map((s) => s.node.id)).toEqual(["gcp-identity-analytics"]);
    expect(stacks.buildkite!.dependencies.map((s) => s.node.id)).toContain("gcp-identity-analytics");
  });

  it("creates the pool for the organization, pinned by UUID, and the analytics service accounts only", () => {
    const [provider] = resourcesOfType(gcp, "google_iam_workload_identity_pool_provider");
    expect(provider.attribute_condition).toContain('assertion.organization_id == "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f"');
    expect(provider.attribute_condition).toContain('assertion.pipeline_slug in ["analytics"]');
    expect(provider.attribute_condition).toContain(
      '(assertion.pipeline_slug != "analytics" || assertion.pipeline_id == "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f")',
    );
    expect(
      resourcesOfType(gcp, "google_service_account")
        .map((sa) => sa.account_id)
        .sort(),
    ).toEqual(["bk-analytics-apply", "bk-analytics-plan"]);
    const members = resourcesOfType(gcp, "google_project_iam_member").map(
      (m) => `${m.member.replace(/^.*\.(\w+)-(plan|apply)_.*$/, "$2")} ${m.role} ${m.project}`,
    );
    expect(members.sort()).toEqual([
      "apply roles/bigquery.admin acme-analytics",
      "apply roles/storage.admin acme-analytics",
      "plan roles/iam.securityReviewer acme-analytics",
      "plan roles/viewer acme-analytics",
    ]);
    expect(resourcesOfType(gcp, "google_service_account_key")).toEqual([]);
  });

  it("keeps the state in S3: the GCP identity stack's own state and the pipeline's, through its AWS roles", () => {
    expect(gcp.terraform.backend.s3.key).toContain("gcp-identity-analytics");
    expect(stacks.pipelines.find((p) => p.slug === "analytics")!.roles.map((r) => r.state)).toEqual([
      "read (no lock) s3://acme-terraform-state/pipelines/analytics/*",
      "read/write + lock s3://acme-terraform-state/pipelines/analytics/*",
    ]);
  });

  it("gives the analytics steps, and only them, their service accounts' Google credentials beside their AWS roles", () => {
    const pipeline = (slug: string) => stacks.buildkite!.pipelines.find((p) => p.slug === slug)!;
    const command = (slug: string, key: string) => (load(pipeline(slug).stepsYaml) as any).steps.find((s: any) => s.key === key).command;
    const impersonated = (slug: string, key: string) => {
      const run = runStep(command(slug, key), { branch: "main", defaultBranch: "main", shell: "dash", preexportedCredentials: true });
      expect(run.status).toBe(0);
      const google = run.callsOf("terraform", "init")[0].google;
      return (
        google &&
        JSON.parse(google.files[google.applicationCredentials]).service_account_impersonation_url.replace(/^.*serviceAccounts\/|:generateAccessToken$/g, "")
      );
    };
    expect(impersonated("analytics", "plan")).toBe("bk-analytics-plan@acme-analytics.iam.gserviceaccount.com");
    expect(impersonated("analytics", "apply")).toBe("bk-analytics-apply@acme-analytics.iam.gserviceaccount.com");
    expect(impersonated("networking", "plan")).toBeUndefined();
    expect(pipeline("networking").stepsYaml).not.toContain("googleapis");
  });

  it("shows the GCP service accounts beside the AWS roles in the access report", () => {
    const report = accessReportMarkdown(accessReport({ organization: { slug: "acme" } }, [], stacks.pipelines));
    expect(report).toContain("| analytics | production | plan: `bk-analytics-plan` |");
    expect(report).toContain("## Google Cloud service accounts");
    expect(report).toContain(
      "| analytics | acme-analytics | plan: `bk-analytics-plan@acme-analytics.iam.gserviceaccount.com` | any branch; step plan | roles/viewer<br>roles/iam.securityReviewer |",
    );
    expect(report).toContain(
      "| analytics | acme-analytics | apply: `bk-analytics-apply@acme-analytics.iam.gserviceaccount.com` | branches main; step apply | roles/bigquery.admin<br>roles/storage.admin |",
    );
    expect(report).not.toContain("| networking | acme-analytics");
  });

  it.each([
    [{ gcpProject: "nope" }, "pipelines[1].gcpProject", 'unknown GCP project "nope"'],
    [{ plan: { branches: ["*"], permissions: { roles: ["roles/storage.admin"] } } }, "pipelines[1].plan.permissions.roles[0]", "plan is read-only"],
    [{ apply: { branches: ["release/*"], stepKey: "apply" } }, "pipelines[1].apply.branches[0]", "principalSet"],
  ])("refuses %j on the GCP pipeline", (override, at, message) => {
    const input = JSON.parse(JSON.stringify(declaration));
    Object.assign(input.pipelines[1], override);
    expect(() => validateDeclaration(input)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`${at.replace(/[[\].]/g, "\\$&")}[^\\n]*${message.replace(/[/.*]/g, "\\$&")}`)) }),
    );
  });

  it("refuses Google Cloud roles on a pipeline without a gcpProject", () => {
    const input = JSON.parse(JSON.stringify(declaration));
    input.pipelines[0].apply.permissions.roles = ["roles/compute.admin"];
    expect(() => validateDeclaration(input)).toThrow(/pipelines\[0\]\.apply\.permissions\.roles[^\n]*names no gcpProject/);
  });
});
