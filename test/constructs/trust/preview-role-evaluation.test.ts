/**
 * The preview role of a pipeline with preview environments, evaluated by an IAM evaluator
 * (@cloud-copilot/iam-simulate): its trust policy AS SYNTHESIZED against Buildkite-shaped tokens, and its
 * state policy against the requests Terraform's S3 backend makes, with the session's `build_branch` tag.
 * The attacker can push a branch (a preview branch or another), upload steps into its build, and holds
 * whatever the preview role holds; it must not reach the stable state, another branch's, or the role
 * from another branch or step.
 */
import { CLAIM_CHECKS, ClaimCheck } from "../../../constructs/trust/buildkite-trust";
import { BuildkitePipelineRoles } from "../../../constructs/trust/buildkite-pipeline-roles";
import { PipelineAccess } from "../../../constructs/trust/pipeline-access";
import { PolicyStatement } from "../../../constructs/policy/policy-document";
import { TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { stateBucketPolicy } from "../../../constructs/state/state-bucket-policy";
import { awsStack, resourcesOfType, synthJson } from "../../support/synth";
import { decide } from "../state/iam-simulation";
import { BuildkiteJob, canAssume, mintToken } from "./support/sts-evaluation";

const ACCOUNT = "111111111111";
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/agent.buildkite.com`;
const BUCKET = "acme-terraform-state";
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const TABLE_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/terraform-locks`;
const PREVIEWS = ["preview-*", "demo"];

const accessFor = (claimCheck: ClaimCheck) =>
  new PipelineAccess({ accountId: ACCOUNT, organization: "acme", pipeline: "networking", claimCheck, preview: { branches: PREVIEWS } });

/** The synthesized roles of one claim check, and the preview role's state policy. */
function synthesized(claimCheck: ClaimCheck) {
  const stack = awsStack(`identity-${claimCheck}`);
  const state = TerraformStateBackend.fromAttributes(stack, "state", {
    bucketName: BUCKET,
    region: "eu-west-1",
    kmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
    lockMode: "both",
    lockTableName: "terraform-locks",
    accountId: ACCOUNT,
  });
  const roles = new BuildkitePipelineRoles(stack, "networking", { access: accessFor(claimCheck), state });
  const config = synthJson(stack);
  const trust = Object.fromEntries(resourcesOfType(config, "aws_iam_role").map((role) => [role.name, JSON.parse(role.assume_role_policy)]));
  // As Terraform hands it to IAM: `$${` is Terraform's escape of a literal `${`.
  const statePolicies = resourcesOfType(config, "aws_iam_role_policy").filter((p) => p.name === "terraform-state");
  const previewState = statePolicies.find((p) => p.role.includes("Preview") || p.role.includes("preview"));
  return { roles, trust, previewStatePolicy: JSON.parse(previewState.policy.replace(/\$\$\{/g, "${")) };
}

const job = (overrides: Partial<BuildkiteJob>): BuildkiteJob => ({
  organization: "acme",
  pipeline: "networking",
  organizationId: "0184990a-477b-4fa8-9968-496074483c77",
  pipelineId: "0184990a-4782-42b5-afc1-000000000001",
  clusterId: "0191f956-042f-7ec4-aa62-8e5eeae396d0",
  branch: "preview-42",
  commit: "9f3182061f1e2cca4702c368cbc039b7dc9d4485",
  stepKey: "preview",
  ...overrides,
});

describe.each(CLAIM_CHECKS)("the preview role's trust (claim check %s), as synthesized", (claimCheck) => {
  const { roles, trust } = synthesized(claimCheck);
  const preview = roles.preview!.access;
  // AWS puts the token's session tags in the request context whatever the claim check: with condition-keys, the
  // preview role's trust reads build_branch from both (the harness's "both"); the other modes decide on their own source.
  const sources = claimCheck === "condition-keys" ? "both" : claimCheck;
  const assumes = (j: BuildkiteJob, request = preview.tokenRequest) =>
    canAssume(trust[preview.roleName], { roleArn: preview.roleArn, providerArn: PROVIDER_ARN }, mintToken(j, request), sources);

  it("is bk-<slug>-preview, and its token carries build_branch as a session tag", () => {
    expect(preview.roleName).toBe("bk-networking-preview");
    expect(preview.tokenRequest.sessionTags).toContain("build_branch");
  });

  it("admits the preview and preview-destroy steps of a preview branch's build", () => {
    expect(assumes(job({}))).toBe(true);
    expect(assumes(job({ stepKey: "preview-destroy" }))).toBe(true);
    expect(assumes(job({ branch: "demo" }))).toBe(true);
  });

  it("refuses a branch that is not a preview branch, the default branch included", () => {
    for (const branch of ["main", "feature-x", "demo-2", "previewx"]) expect(assumes(job({ branch }))).toBe(false);
  });

  it("refuses another step of a preview branch's build (plan, apply, an uploaded step)", () => {
    for (const stepKey of ["plan", "apply", "deploy", undefined]) expect(assumes(job({ stepKey }))).toBe(false);
  });

  it("refuses a subject with a smuggled colon, and a fork's owner:branch", () => {
    expect(assumes(job({ stepKey: "pwn:step:preview" }))).toBe(false);
    expect(assumes(job({ branch: "mallory:preview-42" }))).toBe(false);
    expect(assumes(job({ commit: "abc:step:preview" }))).toBe(false);
  });

  it("refuses a token without the build_branch session tag, which its state policy needs", () => {
    expect(assumes(job({}), { ...preview.tokenRequest, sessionTags: preview.tokenRequest.sessionTags.filter((tag) => tag !== "build_branch") })).toBe(false);
  });

  it("is not admitted by the plan and apply roles' trust for the preview steps", () => {
    for (const role of [roles.plan.access, roles.apply.access]) {
      expect(canAssume(trust[role.roleName], { roleArn: role.roleArn, providerArn: PROVIDER_ARN }, mintToken(job({}), role.tokenRequest), claimCheck)).toBe(
        false,
      );
    }
  });
});

describe("the preview role's state policy, with the session's build_branch tag", () => {
  const { previewStatePolicy } = synthesized("condition-keys");
  const statements = previewStatePolicy.Statement as PolicyStatement[];
  const ownState = "pipelines/networking/br-preview-42/terraform.tfstate";
  // null: a session without the tag (undefined would take the default).
  const as = (branch: string | null): Record<string, string> => (branch === null ? {} : { "aws:PrincipalTag/build_branch": branch });
  const s3 = (action: string, key: string, branch: string | null = "preview-42", extra: PolicyStatement[] = []) =>
    decide([...statements, ...extra], { action, resource: `${BUCKET_ARN}/${key}`, context: as(branch) });
  const item = (action: string, lockId: string, branch: string | null = "preview-42", extra: PolicyStatement[] = []) =>
    decide([...statements, ...extra], { action, resource: TABLE_ARN, context: { ...as(branch), "dynamodb:LeadingKeys": [`${BUCKET}/${lockId}`] } });

  it("reads and writes its own workspace's state, and takes and releases its lock (lock file and lock table)", async () => {
    for (const action of ["s3:GetObject", "s3:PutObject"]) expect(await s3(action, ownState)).toBe("Allowed");
    for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) expect(await s3(action, `${ownState}.tflock`)).toBe("Allowed");
    for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]) {
      expect(await item(action, ownState)).toBe("Allowed");
      expect(await item(action, `${ownState}-md5`)).toBe("Allowed");
    }
    // Terraform never deletes a state outside `workspace delete`: a destroyed preview leaves an empty one.
    expect(await s3("s3:DeleteObject", ownState)).toBe("ImplicitlyDenied");
  });

  it("cannot read or write the stable workspace's state, nor take its lock", async () => {
    const stable = "pipelines/networking/default/terraform.tfstate";
    for (const action of ["s3:GetObject", "s3:PutObject"]) expect(await s3(action, stable)).toBe("ExplicitlyDenied");
    expect(await s3("s3:PutObject", `${stable}.tflock`)).toBe("ExplicitlyDenied");
    for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]) expect(await item(action, stable)).toBe("ExplicitlyDenied");
  });

  it("cannot read or write another branch's or a pull request's state, nor take their locks", async () => {
    for (const key of ["pipelines/networking/br-preview-43/terraform.tfstate", "pipelines/networking/br-preview-42/x/terraform.tfstate"]) {
      for (const action of ["s3:GetObject", "s3:PutObject"]) expect(await s3(action, key)).toBe("ImplicitlyDenied");
      expect(await item("dynamodb:PutItem", key)).toBe("ImplicitlyDenied");
    }
    const pullRequest = "pipelines/networking/pr-7/terraform.tfstate";
    expect(await s3("s3:PutObject", pullRequest)).toBe("ExplicitlyDenied");
    expect(await s3("s3:GetObject", "pipelines/payments/br-preview-42/terraform.tfstate")).toBe("ImplicitlyDenied");
  });

  it("reaches nothing in a session without the tag", async () => {
    expect(await s3("s3:GetObject", ownState, null)).toBe("ImplicitlyDenied");
    expect(await s3("s3:PutObject", ownState, null)).toBe("ImplicitlyDenied");
    expect(await item("dynamodb:PutItem", ownState, null)).toBe("ImplicitlyDenied");
  });

  it("keeps the stable and pull request states out of reach even when previews.permissions grant s3:* and dynamodb:* on everything", async () => {
    const broad: PolicyStatement[] = [{ Effect: "Allow", Action: ["s3:*", "dynamodb:*"], Resource: "*" }];
    for (const key of ["pipelines/networking/default/terraform.tfstate", "pipelines/networking/pr-7/terraform.tfstate"]) {
      for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) expect(await s3(action, key, "preview-42", broad)).toBe("ExplicitlyDenied");
      expect(await item("dynamodb:DeleteItem", key, "preview-42", broad)).toBe("ExplicitlyDenied");
    }
  });
});

describe("the state bucket's fence for preview roles (pipelineStateFence.previews), whatever the role's own policies allow", () => {
  const ADMINISTRATORS = { partition: "aws", accountId: ACCOUNT, administratorArns: [`arn:aws:iam::${ACCOUNT}:role/terraform-state-admin`] };
  const bucketPolicy = (previews: boolean) =>
    stateBucketPolicy({
      bucketArn: BUCKET_ARN,
      kmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
      administrators: ADMINISTRATORS,
      pipelineStateFence: { keyPrefix: "pipelines", previews },
    });
  /** A preview role given s3:* on everything by previews.permissions. */
  const everything: PolicyStatement[] = [{ Effect: "Allow", Action: "s3:*", Resource: "*" }];
  const session = (kind: string, branch = "preview-42") => ({
    "aws:PrincipalTag/buildkite:pipeline": "networking",
    "aws:PrincipalTag/buildkite:role": kind,
    "aws:PrincipalTag/build_branch": branch,
  });
  const s3 = (action: string, key: string, kind = "preview", previews = true) =>
    decide(everything, { action, resource: `${BUCKET_ARN}/${key}`, context: session(kind) }, bucketPolicy(previews));
  const own = "pipelines/networking/br-preview-42/terraform.tfstate";

  it("leaves a preview role its own state and lock file", async () => {
    for (const action of ["s3:GetObject", "s3:PutObject"]) expect(await s3(action, own)).toBe("Allowed");
    expect(await s3("s3:DeleteObject", `${own}.tflock`)).toBe("Allowed");
  });

  it("denies it every other object: another branch's preview, the stable state, a pull request's, its own folder's other keys", async () => {
    for (const key of [
      "pipelines/networking/br-preview-43/terraform.tfstate",
      "pipelines/networking/default/terraform.tfstate",
      "pipelines/networking/pr-7/terraform.tfstate",
      "pipelines/networking/br-preview-42/other.tfstate",
      "pipelines/payments/br-preview-42/terraform.tfstate",
    ]) {
      for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) expect(await s3(action, key)).toBe("ExplicitlyDenied");
    }
  });

  it("holds only for preview roles, and only when the fence is told about previews", async () => {
    // The apply role keeps its pipeline's folder; without `previews` the preview role has the pipeline fence only.
    expect(await s3("s3:PutObject", "pipelines/networking/default/terraform.tfstate", "apply")).toBe("Allowed");
    expect(await s3("s3:PutObject", "pipelines/networking/br-preview-43/terraform.tfstate", "preview", false)).toBe("Allowed");
    expect(bucketPolicy(false).Statement.map((s) => s.Sid)).not.toContain("DenyPreviewsOtherStates");
  });
});
