import { PolicyStatement } from "../../../constructs/policy/policy-document";
import { pipelineBoundaryArn, pipelineBoundaryPolicy, PipelinePermissionsBoundary } from "../../../constructs/trust/pipeline-permissions-boundary";
import { ACCOUNT, decide, Decision, SimulatedRequest } from "../state/iam-simulation";
import { awsStack, resource, synthJson } from "../../support/synth";

const ROLE_PATH = "/buildkite/acme/";
const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/buildkite/acme/bk-pipeline-boundary`;
const BUCKET = "arn:aws:s3:::acme-terraform-state";
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/6f1c2d3e-4b5a-4c6d-9e8f-7a6b5c4d3e2f`;
const TABLE = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/acme-terraform-locks`;
const boundary = pipelineBoundaryPolicy({ accountId: ACCOUNT, rolePath: ROLE_PATH, stateBucketArn: BUCKET, stateKmsKeyArn: KEY, lockTableArn: TABLE });

const SELF = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-networking-apply`;
const OTHER_PIPELINE_ROLE = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-payments-service-apply`;
const APP_ROLE = `arn:aws:iam::${ACCOUNT}:role/app/payments-task`;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/agent.buildkite.com`;
const withBoundary = (arn = BOUNDARY_ARN) => ({ "iam:PermissionsBoundary": arn });

// The worst case: a role whose identity policy allows everything. The boundary alone must hold.
const EVERYTHING: PolicyStatement[] = [{ Effect: "Allow", Action: "*", Resource: "*" }];
const asSelf = (request: SimulatedRequest): SimulatedRequest => ({ principal: SELF, ...request });

describe("the pipeline permissions boundary, evaluated by an IAM simulator with an identity policy that allows everything", () => {
  it.each<[string, SimulatedRequest]>([
    ["attaching a policy to the role itself", { action: "iam:AttachRolePolicy", resource: SELF }],
    ["writing an inline policy into the role itself", { action: "iam:PutRolePolicy", resource: SELF }],
    ["rewriting the role's own trust policy", { action: "iam:UpdateAssumeRolePolicy", resource: SELF }],
    ["removing the role's own boundary", { action: "iam:DeleteRolePermissionsBoundary", resource: SELF }],
    ["rewriting another pipeline's trust policy", { action: "iam:UpdateAssumeRolePolicy", resource: OTHER_PIPELINE_ROLE }],
    ["attaching AdministratorAccess to another pipeline role", { action: "iam:AttachRolePolicy", resource: OTHER_PIPELINE_ROLE }],
    ["deleting another pipeline role", { action: "iam:DeleteRole", resource: OTHER_PIPELINE_ROLE }],
    [
      "untagging another pipeline role's buildkite:pipeline (out of the bucket fence)",
      { action: "iam:UntagRole", resource: OTHER_PIPELINE_ROLE, context: { "aws:TagKeys": ["buildkite:pipeline"] } },
    ],
    [
      "tagging a role outside the platform's path with buildkite:pipeline",
      { action: "iam:TagRole", resource: APP_ROLE, context: { "aws:TagKeys": ["team", "buildkite:pipeline"] } },
    ],
    [
      "creating a role tagged buildkite:pipeline, even with the boundary",
      { action: "iam:CreateRole", resource: APP_ROLE, context: { ...withBoundary(), "aws:TagKeys": ["buildkite:pipeline"] } },
    ],
    ["creating a role under the platform's path", { action: "iam:CreateRole", resource: `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-rogue-apply` }],
    ["creating a role without the boundary", { action: "iam:CreateRole", resource: APP_ROLE }],
    [
      "creating a role with another boundary",
      { action: "iam:CreateRole", resource: APP_ROLE, context: withBoundary(`arn:aws:iam::${ACCOUNT}:policy/lenient`) },
    ],
    ["creating a user without the boundary", { action: "iam:CreateUser", resource: `arn:aws:iam::${ACCOUNT}:user/ci` }],
    ["changing a role that does not carry the boundary", { action: "iam:AttachRolePolicy", resource: APP_ROLE }],
    [
      "swapping a bounded role's boundary for another",
      { action: "iam:PutRolePermissionsBoundary", resource: APP_ROLE, context: withBoundary("arn:aws:iam::aws:policy/AdministratorAccess") },
    ],
    ["removing a bounded role's boundary", { action: "iam:DeleteRolePermissionsBoundary", resource: APP_ROLE, context: withBoundary() }],
    ["rewriting the boundary itself", { action: "iam:CreatePolicyVersion", resource: BOUNDARY_ARN }],
    ["making another version of the boundary the default", { action: "iam:SetDefaultPolicyVersion", resource: BOUNDARY_ARN }],
    ["adding an audience to the Buildkite OIDC provider", { action: "iam:AddClientIDToOpenIDConnectProvider", resource: PROVIDER }],
    ["deleting the Buildkite OIDC provider", { action: "iam:DeleteOpenIDConnectProvider", resource: PROVIDER }],
    ["replacing the state bucket's policy", { action: "s3:PutBucketPolicy", resource: BUCKET }],
    ["deleting the state bucket's policy", { action: "s3:DeleteBucketPolicy", resource: BUCKET }],
    ["suspending the state bucket's versioning", { action: "s3:PutBucketVersioning", resource: BUCKET }],
    ["changing the state bucket's encryption", { action: "s3:PutEncryptionConfiguration", resource: BUCKET }],
    ["changing the state bucket's lifecycle", { action: "s3:PutLifecycleConfiguration", resource: BUCKET }],
    ["turning off the state bucket's public-access block", { action: "s3:PutBucketPublicAccessBlock", resource: BUCKET }],
    ["deleting the state bucket", { action: "s3:DeleteBucket", resource: BUCKET }],
    ["replacing the state key's policy", { action: "kms:PutKeyPolicy", resource: KEY }],
    ["granting use of the state key", { action: "kms:CreateGrant", resource: KEY }],
    ["scheduling the state key's deletion", { action: "kms:ScheduleKeyDeletion", resource: KEY }],
    ["disabling the state key", { action: "kms:DisableKey", resource: KEY }],
    ["deleting the lock table", { action: "dynamodb:DeleteTable", resource: TABLE }],
  ])("denies %s", async (_name, request) => {
    await expect(decide(EVERYTHING, asSelf(request), undefined, boundary)).resolves.toBe<Decision>("ExplicitlyDenied");
  });

  it.each<[string, SimulatedRequest]>([
    ["creating a role with this boundary", { action: "iam:CreateRole", resource: APP_ROLE, context: withBoundary() }],
    ["attaching a policy to a role that carries this boundary", { action: "iam:AttachRolePolicy", resource: APP_ROLE, context: withBoundary() }],
    ["rewriting the trust of a role that carries this boundary", { action: "iam:UpdateAssumeRolePolicy", resource: APP_ROLE, context: withBoundary() }],
    ["tagging a bounded role with the team's tags", { action: "iam:TagRole", resource: APP_ROLE, context: { "aws:TagKeys": ["team"] } }],
    ["reading a pipeline role", { action: "iam:GetRole", resource: OTHER_PIPELINE_ROLE, context: withBoundary() }],
    ["reading the OIDC provider", { action: "iam:GetOpenIDConnectProvider", resource: PROVIDER }],
    [
      "reading and writing state objects (the bucket policy fences them)",
      { action: "s3:PutObject", resource: `${BUCKET}/pipelines/networking/default/terraform.tfstate` },
    ],
    ["whatever else the identity policy grants", { action: "ec2:RunInstances", resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-0123456789abcdef0` }],
  ])("allows %s", async (_name, request) => {
    await expect(decide(EVERYTHING, asSelf(request), undefined, boundary)).resolves.toBe<Decision>("Allowed");
  });

  it("leaves the use of the state key to the key policy and the bucket fence", async () => {
    const delegatedToIam = {
      Version: "2012-10-17" as const,
      Statement: [{ Effect: "Allow" as const, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
    };
    await expect(decide(EVERYTHING, asSelf({ action: "kms:Decrypt", resource: KEY }), delegatedToIam, boundary)).resolves.toBe<Decision>("Allowed");
  });

  it("grants nothing itself: without an identity policy every request stays denied", async () => {
    await expect(
      decide([], asSelf({ action: "ec2:RunInstances", resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-0123456789abcdef0` }), undefined, boundary),
    ).resolves.toBe<Decision>("ImplicitlyDenied");
  });

  it("names no state resource it was not given", () => {
    const bare = pipelineBoundaryPolicy({ accountId: ACCOUNT, rolePath: ROLE_PATH });
    expect(bare.Statement.map((s) => s.Sid)).toEqual([
      "AllowWithinBoundary",
      "DenyPlatformRoleChanges",
      "DenyPlatformTagsOnAnyPrincipal",
      "DenyBoundaryRemoval",
      "DenyPlatformPolicyChanges",
      "DenyOidcProviderChanges",
      "DenyPrincipalsWithoutThisBoundary",
    ]);
  });
});

describe("PipelinePermissionsBoundary", () => {
  it("creates the policy under the platform's path, named as pipelineBoundaryArn says, exempt from no-admin-wildcard only", () => {
    const stack = awsStack("identity");
    const created = new PipelinePermissionsBoundary(stack, "Boundary", { accountId: ACCOUNT, rolePath: ROLE_PATH, stateBucketArn: BUCKET });
    const policy = resource(synthJson(stack), "aws_iam_policy");
    expect(policy).toMatchObject({ name: "bk-pipeline-boundary", path: ROLE_PATH });
    expect(JSON.parse(policy.policy)).toEqual(created.document);
    expect(created.policyArn).toBe(BOUNDARY_ARN);
    expect(PipelinePermissionsBoundary.fromAccount(ACCOUNT, ROLE_PATH).policyArn).toBe(BOUNDARY_ARN);
    expect(pipelineBoundaryArn(ACCOUNT, ROLE_PATH, "aws-us-gov")).toBe(`arn:aws-us-gov:iam::${ACCOUNT}:policy/buildkite/acme/bk-pipeline-boundary`);
  });

  it.each([
    ["an account ID that is not one", () => PipelinePermissionsBoundary.fromAccount("1234", ROLE_PATH), /accountId "1234" is not an AWS account ID/],
    ["a path without its slashes", () => PipelinePermissionsBoundary.fromAccount(ACCOUNT, "buildkite"), /rolePath "buildkite" is not a valid IAM path/],
  ])("refuses %s", (_name, make, message) => {
    expect(make).toThrow(message);
  });
});
