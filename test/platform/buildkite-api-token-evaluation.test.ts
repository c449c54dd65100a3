/**
 * No static key for Buildkite either: the example with its Buildkite API token in an SSM SecureString (and in a
 * Secrets Manager secret), evaluated by an IAM simulator over the synthesized configuration. Only the platform
 * pipeline's apply role, of the roles with the account's boundary, reads it, whatever their identity policies
 * allow (ReadOnlyAccess reads SSM parameters); the roles that apply the Buildkite shards are granted it and carry
 * no pipeline boundary; and no build but one of the default branch's Buildkite stack steps can assume those roles.
 */
import { Testing } from "cdktf";
import { PolicyDocument, PolicyStatement } from "../../constructs/policy/policy-document";
import { buildPlatform } from "../../platform/build-platform";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { validateDeclaration } from "../../platform/validate";
import { decide, Decision } from "../constructs/state/iam-simulation";
import { canAssume, mintToken } from "../constructs/trust/support/sts-evaluation";
import { resource, resourceAddress, resourcesOfType, synthJson } from "../support/synth";

const ACCOUNT = "123456789012";
const ORGANIZATION_ID = EXAMPLE_PLATFORM.organization.id!;
const PARAMETER = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/buildkite/platform/api-token`;
const SECRET = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:buildkite/api-token-AbCdEf`;
const asIamReceivesIt = (rendered: string): PolicyDocument => JSON.parse(rendered.replace(/\$\$\{/g, "${"));

function platformWith(token: Record<string, unknown>) {
  const input = structuredClone(EXAMPLE_PLATFORM) as PlatformDeclarationInput & { platformPipeline: any };
  input.platformPipeline.buildkiteApiToken = token;
  input.buildkiteShards = 2;
  const stacks = buildPlatform(Testing.app(), validateDeclaration(input), { offline: true });
  const identity = synthJson(stacks.identity[0]);
  const boundary = asIamReceivesIt(resource(identity, "aws_iam_policy", (p) => p.name === "bk-pipeline-boundary").policy);
  const roles = resourcesOfType(identity, "aws_iam_role").map((role) => {
    const reference = `\${${resourceAddress(identity, "aws_iam_role", (r) => r.name === role.name)}.name}`;
    const inline: PolicyStatement[] = resourcesOfType(identity, "aws_iam_role_policy")
      .filter((p) => p.role === reference)
      .flatMap((p) => asIamReceivesIt(p.policy).Statement);
    const attached = resourcesOfType(identity, "aws_iam_role_policy_attachment").some((a) => a.role === reference);
    return {
      name: role.name as string,
      arn: `arn:aws:iam::${ACCOUNT}:role${role.path}${role.name}`,
      trust: JSON.parse(role.assume_role_policy),
      bounded: role.permissions_boundary?.endsWith("/bk-pipeline-boundary") ?? false,
      // Its managed policies are not in this repository: a role with any stands in with everything.
      identity: attached ? [...inline, { Effect: "Allow", Action: "*", Resource: "*" } as PolicyStatement] : inline,
    };
  });
  const reads = (role: (typeof roles)[number], action: string, target: string) =>
    decide(
      role.identity,
      { principal: role.arn, resourceAccount: ACCOUNT, action, resource: target, context: { "aws:PrincipalArn": role.arn } },
      undefined,
      role.bounded ? boundary : undefined,
    );
  return { roles, reads };
}

describe.each([
  ["an SSM SecureString", { ssmParameter: "/buildkite/platform/api-token", maxAgeDays: 90 }, PARAMETER, "ssm:GetParameter"],
  ["a Secrets Manager secret", { secretArn: SECRET, maxAgeDays: 90 }, SECRET, "secretsmanager:GetSecretValue"],
])("the Buildkite API token in %s", (_name, token, arn, read) => {
  const { roles, reads } = platformWith(token);
  const readers = ["bk-platform-trust-apply", "bk-platform-trust-buildkite-2-deployer"];

  it("is read by the roles that apply the Buildkite stacks", async () => {
    for (const name of readers)
      await expect(
        reads(
          roles.find((r) => r.name === name)!,
          read,
          arn,
        ),
      ).resolves.toBe<Decision>("Allowed");
  });

  it("is read by no other role: not the platform's plan role, not another pipeline's, not another deploy role", async () => {
    const others = roles.filter((r) => !readers.includes(r.name));
    expect(others.map((r) => r.name)).toEqual(
      expect.arrayContaining(["bk-platform-trust-plan", "bk-networking-apply", "bk-platform-trust-identity-production-deployer"]),
    );
    for (const role of others) {
      const actions = read.startsWith("ssm:") ? ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParameterHistory"] : ["secretsmanager:GetSecretValue"];
      for (const action of actions) await expect(reads(role, action, arn)).resolves.not.toBe<Decision>("Allowed");
    }
    if (read.startsWith("ssm:")) {
      // Nor through its parent paths.
      const plan = roles.find((r) => r.name === "bk-platform-trust-plan")!;
      for (const path of ["/buildkite", "/buildkite/platform"]) {
        await expect(reads(plan, "ssm:GetParametersByPath", `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter${path}`)).resolves.toBe<Decision>("ExplicitlyDenied");
      }
    }
  });

  it("reaches no build but the default branch's Buildkite stack steps: the readers' trust refuses other branches and steps", () => {
    for (const name of readers) {
      const role = roles.find((r) => r.name === name)!;
      const target = { roleArn: role.arn, providerArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/agent.buildkite.com` };
      const stack = name === "bk-platform-trust-apply" ? "buildkite" : "buildkite-2";
      const job = (branch: string, step: string) =>
        mintToken(
          {
            organization: "acme",
            organizationId: ORGANIZATION_ID,
            pipeline: "platform-trust",
            pipelineId: "00000000-0000-4000-8000-000000000000",
            clusterId: "00000000-0000-4000-8000-000000000001",
            branch,
            stepKey: step,
            commit: "0123456789abcdef0123456789abcdef01234567",
          },
          { audience: "sts.amazonaws.com", claims: ["organization_id"], sessionTags: [] },
        );
      expect(canAssume(role.trust, target, job("main", `apply-${stack}`), "condition-keys")).toBe(true);
      expect(canAssume(role.trust, target, job("feature/token", `apply-${stack}`), "condition-keys")).toBe(false);
      expect(canAssume(role.trust, target, job("main", "plan"), "condition-keys")).toBe(false);
      expect(canAssume(role.trust, target, job("main", "apply-identity-production"), "condition-keys")).toBe(false);
    }
  });
});
