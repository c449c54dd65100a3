import * as path from "path";
import { BuildkiteCluster, BuildkiteClusterProps } from "../../../constructs/buildkite/buildkite-cluster";
import { addRotationTriggerProvider } from "../../../constructs/buildkite/rotation-trigger";
import { BuildkiteProvider } from "../../../providers/buildkite/lib/provider";
import { checkSchemaConformance } from "../../../testing/schema-conformance";
import { awsStack, resource, resourceAddress, resourcesOfType, synthJson } from "../../support/synth";
import { agentTokenKeyPolicy, agentTokenManagementStatements } from "../../../constructs/buildkite/agent-token-access";
import { ACCOUNT, decide, Decision, SimulatedRequest } from "../state/iam-simulation";

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "..", "providers", "buildkite", "schema.json");
const KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0f0f0f0f-1111-4222-8333-444455556666";

function build(props: Partial<BuildkiteClusterProps> = {}): { cluster: BuildkiteCluster; json: any } {
  const stack = awsStack("agents");
  new BuildkiteProvider(stack, "buildkite", { organization: "acme" });
  addRotationTriggerProvider(stack);
  const cluster = new BuildkiteCluster(stack, "cluster", {
    name: "Terraform",
    queues: [{ key: "terraform" }, { key: "terraform-data", description: "data" }],
    defaultQueue: "terraform",
    ...props,
  });
  return { cluster, json: synthJson(stack) };
}

describe("BuildkiteCluster", () => {
  describe("with defaults", () => {
    const { cluster, json } = build();

    it("rotates the agent tokens every 6 hours with time_rotating", () => {
      expect(resource(json, "time_rotating").rotation_hours).toBe(6);
    });

    it("replaces each token when the rotation expires, creating the new one before destroying the old", () => {
      const token = resource(json, "buildkite_cluster_agent_token");
      expect(token.lifecycle.create_before_destroy).toBe(true);
      expect(token.lifecycle.replace_triggered_by).toEqual([resourceAddress(json, "time_rotating")]);
    });

    it("stores the current token as a SecureString encrypted with a customer managed key it creates", () => {
      const key = resource(json, "aws_kms_key");
      const parameter = resource(json, "aws_ssm_parameter");
      expect(parameter.type).toBe("SecureString");
      expect(parameter.key_id).toBe(`\${${resourceAddress(json, "aws_kms_key")}.arn}`);
      expect(parameter.value).toBe(`\${${resourceAddress(json, "buildkite_cluster_agent_token")}.token}`);
      expect(parameter.name).toBe("/buildkite/clusters/terraform/agent-tokens/default");
      expect(key.enable_key_rotation).toBe(true);
      expect(key.deletion_window_in_days).toBe(30);
    });

    it("declares the queues and makes the named one the default", () => {
      const keys = resourcesOfType(json, "buildkite_cluster_queue").map((q) => q.key);
      expect(keys.sort()).toEqual(["terraform", "terraform-data"]);
      const defaultQueue = resource(json, "buildkite_cluster_default_queue");
      expect(defaultQueue.queue_id).toBe(`\${${resourceAddress(json, "buildkite_cluster_queue", (q) => q.key === "terraform")}.id}`);
    });

    it("offers a maintenance schedule every half period that targets the rotation resources", () => {
      const schedule = cluster.rotationSchedule;
      expect(schedule.cronline).toBe("15 */3 * * *");
      const addresses = schedule.targets.map((t) => t.split("."));
      for (const [type, name] of addresses) expect(json.resource[type]?.[name]).toBeDefined();
      expect(schedule.targets.some((t) => t.startsWith("aws_ssm_parameter."))).toBe(true);
      expect(schedule.targets.some((t) => t.startsWith("buildkite_cluster_agent_token."))).toBe(true);
    });

    it("conforms to the Buildkite provider schema", () => {
      expect(checkSchemaConformance(json, BUILDKITE_SCHEMA)).toEqual([]);
    });

    it("grants agents only what reading the token needs", () => {
      const statements = cluster.agentTokenReadStatements();
      expect(statements.map((s) => s.Action)).toEqual(["ssm:GetParameter", "kms:Decrypt"]);
      expect(statements[1].Condition).toEqual({ StringLike: { "kms:ViaService": "ssm.*.amazonaws.com" } });
    });
  });

  it("uses a given key, a given rotation period and several tokens", () => {
    const { cluster, json } = build({
      kmsKeyArn: KEY_ARN,
      tokenRotationHours: 48,
      agentTokens: [{ name: "linux" }, { name: "mac", allowedIpAddresses: ["10.0.0.0/8"] }],
    });
    expect(resourcesOfType(json, "aws_kms_key")).toEqual([]);
    const parameters = resourcesOfType(json, "aws_ssm_parameter");
    expect(parameters.map((p) => [p.name, p.type, p.key_id])).toEqual([
      ["/buildkite/clusters/terraform/agent-tokens/linux", "SecureString", KEY_ARN],
      ["/buildkite/clusters/terraform/agent-tokens/mac", "SecureString", KEY_ARN],
    ]);
    expect(resourcesOfType(json, "buildkite_cluster_agent_token").map((t) => t.allowed_ip_addresses)).toEqual([undefined, ["10.0.0.0/8"]]);
    expect(resource(json, "time_rotating").rotation_hours).toBe(48);
    expect(cluster.rotationSchedule.cronline).toBe("15 4 * * *");
  });

  describe("with the access to its agent tokens declared", () => {
    const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
    const access = {
      accountId: ACCOUNT,
      region: "eu-west-1",
      readerArns: [role("buildkite-agent"), role("buildkite/acme/bk-platform-plan")],
      managerArns: [role("buildkite/acme/bk-platform-apply")],
      administratorArns: [role("state-admin")],
    };
    const { json } = build({ agentTokenKey: access });
    const keyPolicy = JSON.parse(resource(json, "aws_kms_key").policy);
    const PARAMETER = `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/buildkite/clusters/terraform/agent-tokens/default`;
    /** A KMS request as SSM makes it for a principal, for the token parameter unless told otherwise. */
    const throughSsm = (principal: string, action: string, parameter = PARAMETER): SimulatedRequest => ({
      principal,
      action,
      resource: KEY_ARN,
      context: { "kms:ViaService": "ssm.eu-west-1.amazonaws.com", "kms:EncryptionContext:PARAMETER_ARN": parameter },
    });
    // Whatever their IAM policies say: an identity policy of kms:* on * changes nothing the key policy refuses.
    const everyKmsAction = [{ Effect: "Allow" as const, Action: "kms:*", Resource: "*" }];

    it("sets the key policy agentTokenKeyPolicy makes for the token parameters", () => {
      expect(keyPolicy).toEqual(agentTokenKeyPolicy(access, "/buildkite/clusters/terraform/agent-tokens/"));
    });

    it.each([
      ["the agents' instance role", role("buildkite-agent")],
      ["the platform pipeline's plan role (Terraform refreshes the parameter)", role("buildkite/acme/bk-platform-plan")],
      ["the platform pipeline's apply role", role("buildkite/acme/bk-platform-apply")],
      ["a state administrator", role("state-admin")],
    ])("lets %s decrypt a token through SSM", async (_name, principal) => {
      await expect(decide([], throughSsm(principal, "kms:Decrypt"), keyPolicy)).resolves.toBe<Decision>("Allowed");
    });

    it.each<[string, SimulatedRequest]>([
      ["a role the declaration does not name, even with kms:* in its IAM policy", throughSsm(role("buildkite/acme/bk-networking-apply"), "kms:Decrypt")],
      [
        "a reader, for a parameter that is not a token",
        throughSsm(role("buildkite-agent"), "kms:Decrypt", `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/db-password`),
      ],
      ["a reader, outside SSM", { principal: role("buildkite-agent"), action: "kms:Decrypt", resource: KEY_ARN }],
      ["a reader, writing a token", throughSsm(role("buildkite-agent"), "kms:Encrypt")],
      ["the platform pipeline's plan role, writing a token", throughSsm(role("buildkite/acme/bk-platform-plan"), "kms:Encrypt")],
      ["the account root's IAM principals, granting use of the key", { principal: role("admin"), action: "kms:CreateGrant", resource: KEY_ARN }],
    ])("refuses %s", async (_name, request) => {
      await expect(decide(everyKmsAction, request, keyPolicy)).resolves.not.toBe<Decision>("Allowed");
    });

    it("lets the managers write tokens and administer the key, and the account root only administer it when no administrator is named", async () => {
      const apply = role("buildkite/acme/bk-platform-apply");
      await expect(decide([], throughSsm(apply, "kms:Encrypt"), keyPolicy)).resolves.toBe<Decision>("Allowed");
      await expect(decide([], { principal: apply, action: "kms:PutKeyPolicy", resource: KEY_ARN }, keyPolicy)).resolves.toBe<Decision>("Allowed");
      const rootAdministered = agentTokenKeyPolicy({ ...access, administratorArns: [] }, "/buildkite/clusters/terraform/agent-tokens/");
      await expect(
        decide(everyKmsAction, { principal: role("admin"), action: "kms:PutKeyPolicy", resource: KEY_ARN }, rootAdministered),
      ).resolves.toBe<Decision>("Allowed");
      await expect(decide(everyKmsAction, throughSsm(role("admin"), "kms:Decrypt"), rootAdministered)).resolves.not.toBe<Decision>("Allowed");
    });

    it("gives the role that applies the stack only the token parameters in SSM", () => {
      const [manage, describe] = agentTokenManagementStatements(access, "/buildkite/clusters/terraform/agent-tokens/");
      expect(manage.Resource).toBe(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/buildkite/clusters/terraform/agent-tokens/*`);
      expect(manage.Action).toEqual(expect.arrayContaining(["ssm:GetParameter", "ssm:PutParameter", "ssm:DeleteParameter"]));
      expect(describe).toEqual({ Sid: "DescribeParameters", Effect: "Allow", Action: "ssm:DescribeParameters", Resource: "*" });
    });
  });

  it.each<[string, Partial<BuildkiteClusterProps>, RegExp]>([
    [
      "an access to a key it does not create",
      { kmsKeyArn: KEY_ARN, agentTokenKey: { accountId: ACCOUNT, region: "eu-west-1" } },
      /agentTokenKey sets the policy of the key this construct creates, but kmsKeyArn names an existing key/,
    ],
    ["a default queue that is not declared", { defaultQueue: "gpu" }, /defaultQueue "gpu" is not one of the queues \(terraform, terraform-data\)/],
    ["no queues", { queues: [] }, /queues is empty/],
    ["a duplicate queue", { queues: [{ key: "a" }, { key: "a" }], defaultQueue: "a" }, /queues\[1\].key "a" is declared twice/],
    ["a rotation period of zero", { tokenRotationHours: 0 }, /tokenRotationHours must be a whole number of hours from 1 to 720/],
    ["a fractional rotation period", { tokenRotationHours: 1.5 }, /tokenRotationHours/],
    ["a KMS alias", { kmsKeyArn: "alias/tokens" }, /kmsKeyArn "alias\/tokens" is not a KMS key ARN/],
    ["a bad parameter prefix", { tokenParameterPrefix: "buildkite/tokens" }, /tokenParameterPrefix "buildkite\/tokens" must start and end with "\/"/],
    ["duplicate token names", { agentTokens: [{ name: "a" }, { name: "a" }] }, /agentTokens\[1\].name "a" is declared twice/],
  ])("refuses %s", (_name, props, error) => {
    expect(() => build(props)).toThrow(error);
  });
});
