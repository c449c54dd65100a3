/**
 * Proof without Google (no google provider binary can be installed here):
 * 1. the synthesized resources conform to the schema facts of the prebuilt
 *    @cdktf/provider-google bindings (testing/binding-schema.ts);
 * 2. the attribute mapping, the attribute condition and the impersonation
 *    bindings AS SYNTHESIZED admit each pipeline's real tokens to exactly its
 *    own plan and apply service accounts, and none of the adversarial tokens,
 *    by the CEL evaluator and the model of Google's rules in
 *    support/google-federation-model.ts.
 */
import { checkSchemaConformance } from "../../../testing/schema-conformance";
import { schemaFromBindings } from "../../../testing/binding-schema";
import { synthJson } from "../../support/synth";
import { TerraformStack, Testing } from "cdktf";
import { BuildkiteWorkloadIdentityPool, GcpPipelineAccess, GcpPipelineAccessProps } from "../../../constructs";
import { refusalOf } from "../../support/refusal";
import { accesses, gcpIdentityStack, NETWORKING_PIPELINE_ID, ORGANIZATION, ORGANIZATION_ID, PROJECT_NUMBER } from "./support/gcp-identity-fixture";
import { Claims, exchange, impersonable, readFederation } from "./support/google-federation-model";

const GOOGLE_SOURCE = "registry.terraform.io/hashicorp/google";
const BINDINGS = ["iam-workload-identity-pool", "iam-workload-identity-pool-provider", "service-account", "service-account-iam-member", "project-iam-member"];

const json = synthJson(gcpIdentityStack());
const federation = readFederation(json);
const declared = accesses();
const AUDIENCE = declared[0].audience;
const PIPELINE_IDS: Record<string, string> = {
  networking: NETWORKING_PIPELINE_ID,
  payments: "0184990a-4782-42b5-afc1-000000000002",
  data: "0184990a-4782-42b5-afc1-000000000003",
  website: "0184990a-4782-42b5-afc1-000000000004",
};

describe("schema facts of the prebuilt google bindings", () => {
  const schema = schemaFromBindings("@cdktf/provider-google", GOOGLE_SOURCE, BINDINGS);

  it("are read from the bindings: names, types, required arguments and nested blocks", () => {
    const provider = schema.provider_schemas[GOOGLE_SOURCE].resource_schemas!.google_iam_workload_identity_pool_provider.block;
    expect(provider.attributes!.attribute_condition).toEqual({ type: "string", optional: true });
    expect(provider.attributes!.attribute_mapping).toEqual({ type: ["map", "string"], optional: true });
    expect(provider.attributes!.workload_identity_pool_provider_id).toEqual({ type: "string", required: true });
    expect(provider.block_types!.oidc.block.attributes).toMatchObject({
      issuer_uri: { type: "string", required: true },
      allowed_audiences: { type: ["list", "string"], optional: true },
    });
    const member = schema.provider_schemas[GOOGLE_SOURCE].resource_schemas!.google_service_account_iam_member.block;
    expect(Object.keys(member.attributes!).sort()).toEqual(["id", "member", "role", "service_account_id"]);
    expect(Object.keys(member.block_types!)).toEqual(["condition"]);
  });

  it("the synthesized pool, provider, service accounts and bindings conform", () => {
    expect(Object.keys(json.resource).sort()).toEqual(BINDINGS.map((b) => `google_${b.replace(/-/g, "_")}`).sort());
    expect(checkSchemaConformance(json, schema)).toEqual([]);
  });

  it("a misspelt argument, a missing required one or a wrong type would be reported", () => {
    const broken = JSON.parse(JSON.stringify(json));
    const provider = Object.values<any>(broken.resource.google_iam_workload_identity_pool_provider)[0];
    provider.attribute_conditions = provider.attribute_condition;
    delete provider.workload_identity_pool_provider_id;
    provider.attribute_mapping = ["google.subject"];
    expect(
      checkSchemaConformance(broken, schema)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(["missing_required", "unknown_attribute", "wrong_type"]);
  });
});

/** A Buildkite job, and what its token carries. */
interface Job {
  readonly pipeline: string;
  readonly branch: string;
  /** null: a step without a key. */
  readonly stepKey: string | null;
}

let jobNumber = 0;

/** The claims Buildkite mints for `job` when it requests the GCP audience and the claims the jobs request (GCP_TOKEN_CLAIMS). */
function mint(job: Job, overrides: Partial<Claims> = {}, organization = ORGANIZATION): Claims {
  jobNumber += 1;
  const commit = "9f3182061f1e2cca4702c368cbc039b7dc9d4485";
  return {
    iss: "https://agent.buildkite.com",
    aud: AUDIENCE,
    sub: `organization:${organization}:pipeline:${job.pipeline}:ref:refs/heads/${job.branch}:commit:${commit}:step:${job.stepKey ?? ""}`,
    organization_slug: organization,
    organization_id: ORGANIZATION_ID,
    pipeline_slug: job.pipeline,
    pipeline_id: PIPELINE_IDS[job.pipeline],
    build_number: 42,
    build_branch: job.branch,
    build_commit: commit,
    build_source: "webhook",
    step_key: job.stepKey,
    job_id: `0190c5b8-0000-4000-8000-${String(jobNumber).padStart(12, "0")}`,
    agent_id: "0190c5b8-0000-4000-8000-ffffffffffff",
    ...overrides,
  };
}

/** What the declaration says, independently of principalSets: the accounts whose scope admits the job. */
function expectedAccounts(job: Job): string[] {
  const access = declared.find((a) => a.pipeline === job.pipeline);
  if (!access) return [];
  return [access.plan, access.apply]
    .filter((sa) => (sa.branches.includes("*") || sa.branches.includes(job.branch)) && (sa.stepKeys.length === 0 || sa.stepKeys.includes(job.stepKey ?? "\0")))
    .map((sa) => sa.accountId)
    .sort();
}

const LONG_BRANCH = `feature/${"x".repeat(120)}`;
const BRANCHES = ["main", "release/2026", "feature/login", "feature/café-ünïcode", LONG_BRANCH];
const STEPS = ["plan", "plan-prod", "apply", "apply-late", null, "lint"];
const REAL_JOBS: Job[] = declared.flatMap((a) => BRANCHES.flatMap((branch) => STEPS.map((stepKey) => ({ pipeline: a.pipeline, branch, stepKey }))));

describe("Buildkite tokens against the synthesized federation (CEL + model of Google's rules)", () => {
  it("maps google.subject to the token's sub while it fits 127 bytes, else to the job UUID", () => {
    const short = mint({ pipeline: "networking", branch: "main", stepKey: "plan" });
    expect(exchange(federation.providers[0], short)!["google.subject"]).toBe(short.sub);
    const long = mint({ pipeline: "networking", branch: LONG_BRANCH, stepKey: "plan" });
    expect(Buffer.byteLength(String(long.sub))).toBeGreaterThan(127);
    expect(exchange(federation.providers[0], long)!["google.subject"]).toBe(`job_id:${long.job_id}`);
  });

  it.each(REAL_JOBS.map((job) => [`${job.pipeline} ${job.branch.slice(0, 20)} ${job.stepKey}`, job] as const))(
    "real token %s impersonates exactly the accounts its declaration admits",
    (_, job) => {
      expect(impersonable(federation, mint(job))).toEqual(expectedAccounts(job));
    },
  );

  it("every pipeline's real tokens reach its plan and its apply account, and only its own", () => {
    for (const access of declared) {
      const reached = new Set(REAL_JOBS.filter((j) => j.pipeline === access.pipeline).flatMap((job) => impersonable(federation, mint(job))));
      expect([...reached].sort()).toEqual([access.apply.accountId, access.plan.accountId].sort());
    }
  });

  /** Tokens an attacker could present, derived from every admitted real token. */
  function probes(): [string, Claims][] {
    const admittedJobs = REAL_JOBS.filter((job) => expectedAccounts(job).length > 0);
    return admittedJobs.flatMap((job): [string, Claims][] => {
      const label = `${job.pipeline}/${job.branch.slice(0, 20)}/${job.stepKey}`;
      const step = job.stepKey ?? "";
      const variants: [string, Claims][] = [
        ["other organization", mint(job, { organization_id: "0184990a-4782-42b5-afc1-0000000000ff" }, "acme-evil")],
        ["recycled organization slug", mint(job, { organization_id: "0184990a-4782-42b5-afc1-0000000000ff" })],
        ["organization_id not requested", mint(job, { organization_id: undefined as unknown as null })],
        ["undeclared pipeline", mint({ ...job, pipeline: "website" })],
        ["fork branch owner:branch", mint({ ...job, branch: `attacker:${job.branch}` })],
        ["fork branch with the apply branch name", mint({ ...job, branch: "attacker:main" })],
        ["branch smuggling a step", mint({ ...job, branch: `${job.branch}:apply` })],
        ["step key smuggling a branch", mint({ ...job, stepKey: `main:${step}` })],
        ["step key smuggling a suffix", mint({ ...job, stepKey: `${step}:x` })],
        ["AWS audience", mint(job, { aud: "sts.amazonaws.com" })],
        ["another project's pool audience", mint(job, { aud: AUDIENCE.replace(PROJECT_NUMBER, "999999999999") })],
        ["another provider of the pool", mint(job, { aud: AUDIENCE.replace(/providers\/.*$/, "providers/github") })],
        ["other issuer", mint(job, { iss: "https://token.actions.githubusercontent.com" })],
      ];
      if (job.pipeline === "networking") {
        variants.push(["re-created pipeline (other UUID)", mint(job, { pipeline_id: "0184990a-4782-42b5-afc1-0000000000ee" })]);
        variants.push(["pipeline_id not requested", mint(job, { pipeline_id: undefined as unknown as null })]);
      }
      return variants.map(([what, claims]) => [`${label}: ${what}`, JSON.parse(JSON.stringify(claims))]);
    });
  }

  it("admits none of at least 300 adversarial tokens to any service account", () => {
    const all = probes();
    expect(all.length).toBeGreaterThanOrEqual(300);
    const admitted = all.filter(([, claims]) => impersonable(federation, claims).length > 0).map(([label]) => label);
    expect(admitted).toEqual([]);
  });

  it("the probes are refused for their own reason: without the condition, most of them would reach an account", () => {
    // Guards against a model that refuses everything: with a condition of `true`, the fork, smuggling and identity probes get through.
    const open = { ...federation, providers: federation.providers.map((p) => ({ ...p, condition: "true" })) };
    const reached = probes().filter(([, claims]) => impersonable(open, claims).length > 0);
    expect(reached.length).toBeGreaterThan(100);
  });
});

describe("GcpPipelineAccess", () => {
  const props = { projectId: "acme-infra", projectNumber: PROJECT_NUMBER, organization: "acme", pipeline: "networking" };

  it("derives the accounts, their e-mails and their principalSets", () => {
    const access = new GcpPipelineAccess(props);
    const pool = `principalSet://iam.googleapis.com/projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/buildkite`;
    expect(access.plan).toMatchObject({ accountId: "bk-networking-plan", email: "bk-networking-plan@acme-infra.iam.gserviceaccount.com" });
    expect(access.plan.members).toEqual([`${pool}/attribute.pipeline_step/networking:plan`]);
    expect(access.apply.members).toEqual([`${pool}/attribute.pipeline_branch_step/networking:main:apply`]);
    expect(access.apply.tokenRequest).toEqual({
      audience: `//iam.googleapis.com/projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/buildkite/providers/buildkite-agent`,
      claims: ["organization_id", "pipeline_id"],
      sessionTags: [],
    });
  });

  it.each([
    [{ apply: { branches: ["*"] } }, "apply.branches", "too-broad"],
    [{ apply: { stepKeys: [] } }, "apply.stepKeys", "too-broad"],
    [{ apply: { branches: ["release/*"] } }, "apply.branches[0]", "invalid-ref-pattern"],
    [{ apply: { branches: ["owner:main"] } }, "apply.branches[0]", "invalid-ref-pattern"],
    [{ plan: { stepKeys: ["plan:x"] } }, "plan.stepKeys[0]", "invalid-step-key"],
    [{ pipeline: "a-very-long-pipeline-slug-here" }, "plan.serviceAccountId", "invalid-gcp-id"],
    [{ plan: { serviceAccountId: "bk-same" }, apply: { serviceAccountId: "bk-same" } }, "plan.serviceAccountId", "conflict"],
    [{ projectNumber: "acme-infra" }, "projectNumber", "invalid-gcp-project-number"],
  ])("refuses %j at %s", (override, field, code) => {
    expect(refusalOf(() => new GcpPipelineAccess({ ...props, ...override } as GcpPipelineAccessProps))).toMatchObject({ field, code });
  });
});

describe("BuildkiteWorkloadIdentityPool", () => {
  it("refuses an attribute condition over Google's 4096 characters, and says to split the pool", () => {
    const pipelines = Array.from({ length: 40 }, (_, i) => ({
      pipeline: `pipeline-${i}`,
      pipelineId: `0184990a-4782-42b5-afc1-${String(i).padStart(12, "0")}`,
    }));
    const refusal = refusalOf(
      () =>
        new BuildkiteWorkloadIdentityPool(new TerraformStack(Testing.app(), "pool"), "Pool", {
          projectId: "acme-infra",
          projectNumber: PROJECT_NUMBER,
          organization: "acme",
          pipelines,
        }),
    );
    expect(refusal).toMatchObject({ field: "pipelines", code: "too-broad" });
    expect(refusal.fix).toContain("split the pipelines across pools");
  });
});
