import { TerraformStack } from "cdktf";
import { PolicyDocument } from "../../../constructs/policy/policy-document";
import { IStateGrantee, PipelineState, StateAccess } from "../../../constructs/state/state-backend";
import { StateBackendAttributes, TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { BuildkitePipelineRole } from "../../../constructs/trust/buildkite-pipeline-role";
import { PipelineAccess } from "../../../constructs/trust/pipeline-access";
import { awsStack, synthJson } from "../../support/synth";
import { ACCOUNT, decide } from "./iam-simulation";

const BUCKET = "acme-tfstate";
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0b1c2d3e-1111-4222-8333-444455556666`;
const TABLE = `${BUCKET}-locks`;
const TABLE_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/${TABLE}`;
const ATTRIBUTES: StateBackendAttributes = {
  bucketName: BUCKET,
  region: "eu-west-1",
  kmsKeyArn: KEY_ARN,
  lockMode: "both",
  lockTableName: TABLE,
  accountId: ACCOUNT,
};

/** A role of pipeline `pipeline` without state access, for grants made afterwards. */
function role(scope: TerraformStack, kind: "plan" | "apply", pipeline = "networking"): BuildkitePipelineRole {
  const access = new PipelineAccess({ accountId: ACCOUNT, organization: "acme", pipeline });
  return new BuildkitePipelineRole(scope, `${pipeline}-${kind}`, { access, kind });
}

/** The synthesized inline policies, by `<role construct ID>/<policy name>`. */
function inlinePolicies(scope: TerraformStack): Record<string, PolicyDocument> {
  const policies = Object.entries<any>(synthJson(scope).resource.aws_iam_role_policy ?? {});
  return Object.fromEntries(policies.map(([logicalId, p]) => [`${logicalId.split("_")[0]}/${p.name}`, JSON.parse(p.policy)]));
}

describe("TerraformStateBackend.fromAttributes", () => {
  it("derives the bucket and lock table ARNs, in the backend's partition", () => {
    const backend = TerraformStateBackend.fromAttributes(awsStack(), "state", ATTRIBUTES);
    expect(backend).toMatchObject({
      bucketName: BUCKET,
      bucketArn: BUCKET_ARN,
      region: "eu-west-1",
      kmsKeyArn: KEY_ARN,
      lockMode: "both",
      lockTableName: TABLE,
      lockTableArn: TABLE_ARN,
    });
    expect(backend.keyPrefix).toBe("pipelines");
    const china = TerraformStateBackend.fromAttributes(awsStack(), "state", { ...ATTRIBUTES, region: "cn-north-1", partition: "aws-cn" });
    expect(china.bucketArn).toBe(`arn:aws-cn:s3:::${BUCKET}`);
    expect(china.lockTableArn).toBe(`arn:aws-cn:dynamodb:cn-north-1:${ACCOUNT}:table/${TABLE}`);
  });

  it("knows no lock table when the backend locks with files only, and none it cannot name", () => {
    const lockFiles = TerraformStateBackend.fromAttributes(awsStack(), "state", { ...ATTRIBUTES, lockMode: "lockfile" });
    expect([lockFiles.lockTableName, lockFiles.lockTableArn]).toEqual([undefined, undefined]);
    const noAccount = TerraformStateBackend.fromAttributes(awsStack(), "state", { ...ATTRIBUTES, accountId: undefined });
    expect(noAccount.lockTableArn).toBeUndefined();
  });

  it("creates nothing: a stack holding only the import synthesizes no resource", () => {
    const scope = awsStack();
    TerraformStateBackend.fromAttributes(scope, "state", ATTRIBUTES);
    expect(synthJson(scope).resource).toBeUndefined();
  });

  it("round-trips an owned backend: its attributes imported elsewhere give the same policies, with literals for its references", () => {
    const owner = awsStack("owner");
    const owned = new TerraformStateBackend(owner, "state", { bucketName: BUCKET, region: "eu-west-1", accountId: ACCOUNT, administratorArns: [] });
    const elsewhere = awsStack("elsewhere");
    const imported = TerraformStateBackend.fromAttributes(elsewhere, "state", owned.attributes(KEY_ARN));
    expect(imported).toMatchObject({ bucketArn: owned.bucketArn, lockTableName: owned.lockTableName, lockTableArn: TABLE_ARN, keyPrefix: owned.keyPrefix });
    for (const kind of ["plan", "apply"] as const) {
      const access: StateAccess = kind === "apply" ? "write" : "read";
      const fromOwned = owned.grantPipelineState(role(owner, kind), { pipeline: "networking", access });
      const fromImported = imported.grantPipelineState(role(elsewhere, kind), { pipeline: "networking", access });
      // The owned backend's key and table ARNs are references to its resources; everything else is the same.
      const literal = JSON.stringify(fromOwned).split(owned.kmsKeyArn).join(KEY_ARN).split(owned.lockTableArn!).join(TABLE_ARN);
      expect(JSON.parse(literal)).toEqual(fromImported);
    }
  });
});

describe("PipelineState", () => {
  const backend = TerraformStateBackend.fromAttributes(awsStack(), "state", { ...ATTRIBUTES, keyPrefix: "ci/states" });

  it("is the pipeline's folder under the backend's key prefix, one state per workspace", () => {
    const state = backend.pipelineState("networking");
    expect(state).toBeInstanceOf(PipelineState);
    expect(state.pipelinePrefix).toBe("ci/states/networking/");
    expect(state.stateKey("pr-12")).toBe("ci/states/networking/pr-12/terraform.tfstate");
    expect(state.stableWorkspace).toBe("default");
    expect(backend.pipelineState("networking", { stableWorkspace: "buildkite" }).stableWorkspace).toBe("buildkite");
  });

  it("gives the backend settings of one workspace, or the shared part without a key", () => {
    const state = backend.pipelineState("networking");
    expect(state.backendConfig("main")).toEqual({
      bucket: BUCKET,
      key: "ci/states/networking/main/terraform.tfstate",
      region: "eu-west-1",
      encrypt: true,
      kms_key_id: KEY_ARN,
      dynamodb_table: TABLE,
      use_lockfile: true,
    });
    expect(state.backendConfig()).not.toHaveProperty("key");
    expect(state.backendConfig()).toEqual({ ...state.backendConfig("main"), key: undefined });
  });

  it.each([
    ["a slug with a wildcard", "net*", /pipelineSlug "net\*" is not a Buildkite slug/],
    ["a slug with a slash", "a/b", /pipelineSlug "a\/b" is not a Buildkite slug/],
  ])("refuses %s", (_name, slug, message) => {
    expect(() => backend.pipelineState(slug)).toThrow(message);
  });

  it("refuses a workspace that is not a workspace name", () => {
    expect(() => backend.pipelineState("networking").stateKey("Feature/X")).toThrow(/workspace "Feature\/X" is not a workspace name/);
  });
});

describe("IStateBackend.grantPipelineState", () => {
  const STATE = "pipelines/networking/main/terraform.tfstate";
  const OTHER_STATE = "pipelines/payments/main/terraform.tfstate";
  const object = (key: string) => `${BUCKET_ARN}/${key}`;
  const lockItem = (key: string) => ({ "dynamodb:LeadingKeys": [`${BUCKET}/${key}`] });
  const digestItem = (key: string) => ({ "dynamodb:LeadingKeys": [`${BUCKET}/${key}-md5`] });

  const scope = awsStack();
  const backend = TerraformStateBackend.fromAttributes(scope, "state", ATTRIBUTES);
  const plan = role(scope, "plan");
  const apply = role(scope, "apply");
  const planPolicy = backend.grantPipelineState(plan, { pipeline: "networking", access: "read" });
  const applyPolicy = backend.grantPipelineState(apply, { pipeline: "networking", access: "write" });
  const synthesized = inlinePolicies(scope);

  it("attaches the policy to the role as its terraform-state inline policy", () => {
    expect(plan.statePolicy).toBe(planPolicy);
    expect(apply.statePolicy).toBe(applyPolicy);
    expect(synthesized).toEqual({ "networking-plan/terraform-state": planPolicy, "networking-apply/terraform-state": applyPolicy });
  });

  it("hands any grantee the policy under the same construct ID and name", () => {
    const attached: [string, string, PolicyDocument][] = [];
    const grantee: IStateGrantee = { addInlinePolicy: (id, name, document) => void attached.push([id, name, document]) };
    const document = backend.grantPipelineState(grantee, { pipeline: "networking", access: "read" });
    expect(attached).toEqual([["StatePolicy", "terraform-state", document]]);
    expect(document).toEqual(planPolicy);
  });

  it("lets a plan role read its own state and digest, but take no lock and write nothing", async () => {
    const statements = planPolicy.Statement;
    expect(await decide(statements, { action: "s3:GetObject", resource: object(STATE) })).toBe("Allowed");
    expect(await decide(statements, { action: "dynamodb:GetItem", resource: TABLE_ARN, context: digestItem(STATE) })).toBe("Allowed");
    expect(await decide(statements, { action: "s3:PutObject", resource: object(`${STATE}.tflock`) })).toBe("ExplicitlyDenied");
    expect(await decide(statements, { action: "dynamodb:PutItem", resource: TABLE_ARN, context: lockItem(STATE) })).toBe("ExplicitlyDenied");
    expect(await decide(statements, { action: "s3:PutObject", resource: object(STATE) })).toBe("ExplicitlyDenied");
    expect(await decide(statements, { action: "dynamodb:PutItem", resource: TABLE_ARN, context: digestItem(STATE) })).toBe("ExplicitlyDenied");
  });

  it("keeps a plan role away from another pipeline's states and locks", async () => {
    const statements = planPolicy.Statement;
    expect(await decide(statements, { action: "s3:GetObject", resource: object(OTHER_STATE) })).toBe("ImplicitlyDenied");
    expect(await decide(statements, { action: "s3:PutObject", resource: object(`${OTHER_STATE}.tflock`) })).toBe("ImplicitlyDenied");
    expect(await decide(statements, { action: "dynamodb:PutItem", resource: TABLE_ARN, context: lockItem(OTHER_STATE) })).toBe("ImplicitlyDenied");
  });

  it("lets an apply role write its own state and digest and hold its locks, and nothing of another pipeline", async () => {
    const statements = applyPolicy.Statement;
    expect(await decide(statements, { action: "s3:PutObject", resource: object(`${STATE}.tflock`) })).toBe("Allowed");
    expect(await decide(statements, { action: "dynamodb:PutItem", resource: TABLE_ARN, context: lockItem(STATE) })).toBe("Allowed");
    expect(await decide(statements, { action: "s3:PutObject", resource: object(STATE) })).toBe("Allowed");
    expect(await decide(statements, { action: "dynamodb:PutItem", resource: TABLE_ARN, context: digestItem(STATE) })).toBe("Allowed");
    expect(await decide(statements, { action: "s3:DeleteObject", resource: object(STATE) })).toBe("ImplicitlyDenied");
    expect(await decide(statements, { action: "s3:PutObject", resource: object(OTHER_STATE) })).toBe("ImplicitlyDenied");
    expect(await decide(statements, { action: "dynamodb:PutItem", resource: TABLE_ARN, context: digestItem(OTHER_STATE) })).toBe("ImplicitlyDenied");
  });

  it("passes the listing restriction on", () => {
    const restricted = backend.grantPipelineState(
      { addInlinePolicy: () => undefined },
      { pipeline: "networking", access: "read", restrictListingToPrefix: true },
    );
    expect(restricted.Statement.find((s) => s.Sid === "TerraformStateList")?.Condition).toEqual({
      StringLike: { "s3:prefix": ["pipelines/networking/", "pipelines/networking/*"] },
    });
  });

  it("refuses a second state policy on one role", () => {
    expect(() => backend.grantPipelineState(plan, { pipeline: "networking", access: "read" })).toThrow(
      /networking-plan: the plan role already has an inline policy "terraform-state"; grant it once/,
    );
  });
});
