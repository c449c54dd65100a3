/**
 * The platform pipeline's deploy roles of the example, as an IAM evaluator sees them (@cloud-copilot/iam-simulate)
 * over the synthesized configuration: each with its inline policies (it has no managed ones) and the deployers'
 * boundary. The identity deployer manages pipeline roles and still cannot escalate: every role it creates or
 * changes carries the pipelines' boundary, and neither deployer nor boundary is within its reach.
 */
import { Testing } from "cdktf";
import { PolicyDocument, PolicyStatement } from "../../constructs/policy/policy-document";
import { buildPlatform } from "../../platform/build-platform";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { validateDeclaration } from "../../platform/validate";
import { decide, Decision, SimulatedRequest } from "../constructs/state/iam-simulation";
import { resource, resourceAddress, resourcesOfType, synthJson } from "../support/synth";

const ACCOUNT = "123456789012";
const stacks = buildPlatform(Testing.app(), validateDeclaration(EXAMPLE_PLATFORM), { offline: true });
const identity = synthJson(stacks.identity[0]);
const state = synthJson(stacks.stateBackend);
const asIamReceivesIt = (rendered: string): PolicyDocument => JSON.parse(rendered.replace(/\$\$\{/g, "${"));
const policyNamed = (name: string) => asIamReceivesIt(resource(identity, "aws_iam_policy", (p) => p.name === name).policy);
const deployerBoundary = policyNamed("bk-platform-deployer-boundary");
const bucketPolicy = asIamReceivesIt(resource(state, "aws_s3_bucket_policy").policy);

const PATH = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/`;
const PIPELINE_BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/buildkite/acme/bk-pipeline-boundary`;
const DEPLOYER_BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/buildkite/acme/bk-platform-deployer-boundary`;
const IDENTITY_DEPLOYER = `${PATH}bk-platform-trust-identity-production-deployer`;
const STATE_DEPLOYER = `${PATH}bk-platform-trust-state-backend-deployer`;

/** A deploy role's inline statements, as synthesized. */
function inlineStatements(arn: string): PolicyStatement[] {
  const name = arn.replace(/^.*\//, "");
  const reference = `\${${resourceAddress(identity, "aws_iam_role", (r) => r.name === name)}.name}`;
  return resourcesOfType(identity, "aws_iam_role_policy")
    .filter((p) => p.role === reference)
    .flatMap((p) => asIamReceivesIt(p.policy).Statement);
}

const as = (arn: string, request: Omit<SimulatedRequest, "principal">, resourcePolicy?: PolicyDocument) =>
  decide(inlineStatements(arn), { principal: arn, resourceAccount: ACCOUNT, ...request }, resourcePolicy, deployerBoundary);

describe("the platform pipeline's identity deployer, evaluated by an IAM simulator", () => {
  it("creates and changes a pipeline role that carries the pipelines' boundary", async () => {
    const pipelineRole = `${PATH}bk-new-service-apply`;
    for (const action of ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:DeleteRole"]) {
      await expect(
        as(IDENTITY_DEPLOYER, { action, resource: pipelineRole, context: { "iam:PermissionsBoundary": PIPELINE_BOUNDARY } }),
      ).resolves.toBe<Decision>("Allowed");
    }
  });

  it("creates or changes no role without the pipelines' boundary, nor with another one", async () => {
    const pipelineRole = `${PATH}bk-new-service-apply`;
    for (const boundary of [DEPLOYER_BOUNDARY, `arn:aws:iam::${ACCOUNT}:policy/lenient`]) {
      for (const action of ["iam:CreateRole", "iam:PutRolePolicy", "iam:PutRolePermissionsBoundary"]) {
        await expect(as(IDENTITY_DEPLOYER, { action, resource: pipelineRole, context: { "iam:PermissionsBoundary": boundary } })).resolves.toBe<Decision>(
          "ExplicitlyDenied",
        );
      }
    }
    await expect(as(IDENTITY_DEPLOYER, { action: "iam:DeleteRolePermissionsBoundary", resource: pipelineRole })).resolves.toBe<Decision>("ExplicitlyDenied");
  });

  it("changes neither itself nor the other deploy role", async () => {
    for (const deployer of [IDENTITY_DEPLOYER, STATE_DEPLOYER]) {
      // Even were it to claim the pipelines' boundary.
      for (const action of ["iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:DeleteRole"]) {
        await expect(
          as(IDENTITY_DEPLOYER, { action, resource: deployer, context: { "iam:PermissionsBoundary": PIPELINE_BOUNDARY } }),
        ).resolves.not.toBe<Decision>("Allowed");
      }
      await expect(as(IDENTITY_DEPLOYER, { action: "iam:TagRole", resource: deployer })).resolves.not.toBe<Decision>("Allowed");
    }
  });

  it("changes neither boundary, and creates no managed policy", async () => {
    for (const policy of [PIPELINE_BOUNDARY, DEPLOYER_BOUNDARY, `arn:aws:iam::${ACCOUNT}:policy/buildkite/acme/anything`]) {
      for (const action of ["iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy"]) {
        await expect(as(IDENTITY_DEPLOYER, { action, resource: policy })).resolves.not.toBe<Decision>("Allowed");
      }
    }
  });

  it("manages the account's Buildkite OIDC provider, and touches no state backend configuration", async () => {
    await expect(
      as(IDENTITY_DEPLOYER, { action: "iam:UpdateOpenIDConnectProviderThumbprint", resource: `arn:aws:iam::${ACCOUNT}:oidc-provider/agent.buildkite.com` }),
    ).resolves.toBe<Decision>("Allowed");
    await expect(
      as(IDENTITY_DEPLOYER, { action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::acme-terraform-state" }, bucketPolicy),
    ).resolves.not.toBe<Decision>("Allowed");
  });
});

describe("the platform pipeline's state deployer, evaluated by an IAM simulator", () => {
  it("configures the state bucket, whose policy names it among the administrators once the state is migrated", async () => {
    await expect(
      as(
        STATE_DEPLOYER,
        { action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::acme-terraform-state", context: { "aws:PrincipalArn": STATE_DEPLOYER } },
        bucketPolicy,
      ),
    ).resolves.toBe<Decision>("Allowed");
  });

  it("changes no role, policy or other bucket", async () => {
    const bounded = { "iam:PermissionsBoundary": PIPELINE_BOUNDARY };
    for (const [action, target, context] of [
      ["iam:CreateRole", `${PATH}bk-new-service-apply`, bounded],
      ["iam:PutRolePolicy", STATE_DEPLOYER, bounded],
      ["iam:CreatePolicyVersion", PIPELINE_BOUNDARY, {}],
      ["s3:PutBucketPolicy", "arn:aws:s3:::another-bucket", {}],
    ] as const) {
      await expect(as(STATE_DEPLOYER, { action, resource: target, context })).resolves.not.toBe<Decision>("Allowed");
    }
  });
});
