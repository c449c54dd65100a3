/**
 * The example platform's fences as an IAM evaluator sees them (@cloud-copilot/iam-simulate), over the
 * synthesized configuration: every pipeline role with its permissions boundary, the state bucket's policy and
 * the agent-token key's policy. A role's AWS managed policies are not in this repository, so its identity
 * policies are its inline policies plus, standing in for those, everything: what is denied below is denied
 * whatever the managed policies allow.
 */
import { Testing } from "cdktf";
import { PolicyDocument, PolicyStatement } from "../../constructs/policy/policy-document";
import { buildPlatform } from "../../platform/build-platform";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { platformStateKey } from "../../platform/stack-plan";
import { validateDeclaration } from "../../platform/validate";
import { decide, Decision, SimulatedRequest } from "../constructs/state/iam-simulation";
import { canAssume, mintToken } from "../constructs/trust/support/sts-evaluation";
import { resource, resourceAddress, resourcesOfType, synthJson } from "../support/synth";

const ACCOUNT = "123456789012";
const declaration = validateDeclaration(EXAMPLE_PLATFORM);
const stacks = buildPlatform(Testing.app(), declaration, { offline: true });
const identity = synthJson(stacks.identity[0]);
const buildkite = synthJson(stacks.buildkite!);
const state = synthJson(stacks.stateBackend);

/** A policy as IAM receives it: Terraform turns `$${` into `${`. */
const asIamReceivesIt = (rendered: string): PolicyDocument => JSON.parse(rendered.replace(/\$\$\{/g, "${"));
const boundaryArn = `arn:aws:iam::${ACCOUNT}:policy/buildkite/acme/bk-pipeline-boundary`;
const boundary = asIamReceivesIt(resource(identity, "aws_iam_policy", (p) => p.name === "bk-pipeline-boundary").policy);
const bucketPolicy = asIamReceivesIt(resource(state, "aws_s3_bucket_policy").policy);
const tokenKeyPolicy = asIamReceivesIt(resource(buildkite, "aws_kms_key").policy);

interface PipelineRole {
  readonly name: string;
  readonly arn: string;
  readonly pipeline: string;
  readonly kind: string;
  readonly permissionsBoundary: string;
  /** Its inline policies' statements, and everything in place of its managed policies. */
  readonly identity: PolicyStatement[];
}

// The platform pipeline's deploy roles carry the deployers' boundary instead (test/platform/deployer-evaluation.test.ts).
const roles: PipelineRole[] = resourcesOfType(identity, "aws_iam_role")
  .filter((role) => !role.name.endsWith("-deployer"))
  .map((role) => {
    const reference = `\${${resourceAddress(identity, "aws_iam_role", (r) => r.name === role.name)}.name}`;
    const inline = resourcesOfType(identity, "aws_iam_role_policy")
      .filter((p) => p.role === reference)
      .flatMap((p) => asIamReceivesIt(p.policy).Statement);
    return {
      name: role.name,
      arn: `arn:aws:iam::${ACCOUNT}:role${role.path}${role.name}`,
      pipeline: role.tags["buildkite:pipeline"],
      kind: role.tags["buildkite:role"],
      permissionsBoundary: role.permissions_boundary,
      identity: [...inline, { Effect: "Allow", Action: "*", Resource: "*" }],
    };
  });
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/agent.buildkite.com`;

/** The decision for a request of `role`, with its identity policies and its boundary. */
const asRole = (role: PipelineRole, request: Omit<SimulatedRequest, "principal">, resourcePolicy?: PolicyDocument) =>
  decide(role.identity, { principal: role.arn, resourceAccount: ACCOUNT, ...request }, resourcePolicy, boundary);

describe("the example platform, evaluated by an IAM simulator", () => {
  it("has the four pipelines' plan and apply roles, each carrying the account's boundary", () => {
    expect(roles).toHaveLength(8);
    for (const role of roles) expect(role.permissionsBoundary).toBe(boundaryArn);
  });

  describe.each(roles.map((role) => [role.name, role] as const))("%s, whatever its identity policies allow,", (_name, role) => {
    const others = roles.filter((other) => other !== role);

    it.each(["iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRole"])(
      "may not %s itself",
      async (action) => {
        await expect(asRole(role, { action, resource: role.arn })).resolves.toBe<Decision>("ExplicitlyDenied");
      },
    );

    it("may not change another pipeline role's permissions, trust or buildkite: tags", async () => {
      for (const other of others) {
        await expect(asRole(role, { action: "iam:AttachRolePolicy", resource: other.arn })).resolves.toBe<Decision>("ExplicitlyDenied");
        await expect(asRole(role, { action: "iam:UpdateAssumeRolePolicy", resource: other.arn })).resolves.toBe<Decision>("ExplicitlyDenied");
        await expect(
          asRole(role, { action: "iam:UntagRole", resource: other.arn, context: { "aws:TagKeys": ["buildkite:pipeline"] } }),
        ).resolves.toBe<Decision>("ExplicitlyDenied");
      }
    });

    it("may not change the Buildkite OIDC provider or the boundary", async () => {
      await expect(asRole(role, { action: "iam:AddClientIDToOpenIDConnectProvider", resource: PROVIDER })).resolves.toBe<Decision>("ExplicitlyDenied");
      await expect(asRole(role, { action: "iam:DeleteOpenIDConnectProvider", resource: PROVIDER })).resolves.toBe<Decision>("ExplicitlyDenied");
      await expect(asRole(role, { action: "iam:CreatePolicyVersion", resource: boundaryArn })).resolves.toBe<Decision>("ExplicitlyDenied");
    });

    it("may create a role only with the boundary attached", async () => {
      const created = `arn:aws:iam::${ACCOUNT}:role/app/${role.pipeline}-task`;
      await expect(asRole(role, { action: "iam:CreateRole", resource: created })).resolves.toBe<Decision>("ExplicitlyDenied");
      await expect(asRole(role, { action: "iam:CreateRole", resource: created, context: { "iam:PermissionsBoundary": boundaryArn } })).resolves.toBe<Decision>(
        "Allowed",
      );
    });

    it("may not change the state bucket's policy or the state key's policy", async () => {
      await expect(asRole(role, { action: "s3:DeleteBucketPolicy", resource: "arn:aws:s3:::acme-terraform-state" })).resolves.toBe<Decision>(
        "ExplicitlyDenied",
      );
      await expect(asRole(role, { action: "kms:PutKeyPolicy", resource: declaration.state.kmsKeyArn! })).resolves.toBe<Decision>("ExplicitlyDenied");
    });
  });

  describe("the buildkite stack's state, which holds the agent tokens", () => {
    const key = platformStateKey(declaration, "buildkite");
    const object = `arn:aws:s3:::acme-terraform-state/${key}`;
    const platform = EXAMPLE_PLATFORM.platformPipeline!.slug;

    it("is denied by the bucket fence to every other pipeline's roles, whatever their identity policies allow", async () => {
      for (const role of roles.filter((r) => r.pipeline !== platform)) {
        const request = {
          action: "s3:GetObject",
          resource: object,
          context: { "aws:PrincipalTag/buildkite:pipeline": role.pipeline, "aws:PrincipalArn": role.arn },
        };
        await expect(asRole(role, request, bucketPolicy)).resolves.toBe<Decision>("ExplicitlyDenied");
      }
    });

    it("is read by the platform pipeline's plan role, which no branch build but main's may assume", () => {
      const plan = stacks.pipelines.find((p) => p.slug === platform)!.roles.find((r) => r.kind === "plan")!.access;
      const job = {
        organization: "acme",
        pipeline: platform,
        organizationId: EXAMPLE_PLATFORM.organization.id!,
        pipelineId: "",
        clusterId: "",
        commit: "abc",
        stepKey: "plan",
      };
      const target = { roleArn: plan.roleArn, providerArn: PROVIDER };
      expect(canAssume(plan.trustPolicy, target, mintToken({ ...job, branch: "main" }, plan.tokenRequest))).toBe(true);
      for (const branch of ["feature/rogue-agent", "main-2", "dependabot/npm/x"]) {
        expect(canAssume(plan.trustPolicy, target, mintToken({ ...job, branch }, plan.tokenRequest))).toBe(false);
      }
    });
  });

  describe("the agent tokens in SSM", () => {
    const tokenKey = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-4000-8000-000000000000";
    const decryptToken = (principal: string) =>
      decide(
        [{ Effect: "Allow", Action: "kms:*", Resource: "*" }],
        {
          principal,
          resourceAccount: ACCOUNT,
          action: "kms:Decrypt",
          resource: tokenKey,
          context: {
            "kms:ViaService": "ssm.eu-west-1.amazonaws.com",
            "kms:EncryptionContext:PARAMETER_ARN": `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/buildkite/clusters/terraform/agent-tokens/default`,
          },
        },
        tokenKeyPolicy,
      );

    it("are decrypted by the declared agent role and the platform pipeline's roles", async () => {
      for (const reader of [...declaration.cluster.agentTokenReaders, ...roles.filter((r) => r.pipeline === "platform-trust").map((r) => r.arn)]) {
        await expect(decryptToken(reader)).resolves.toBe<Decision>("Allowed");
      }
    });

    it("are not decrypted by any other pipeline role or principal of the account, even with kms:* in its IAM policy", async () => {
      for (const principal of [...roles.filter((r) => r.pipeline !== "platform-trust").map((r) => r.arn), `arn:aws:iam::${ACCOUNT}:role/admin`]) {
        await expect(decryptToken(principal)).resolves.not.toBe<Decision>("Allowed");
      }
    });
  });
});
