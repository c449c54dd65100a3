import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import * as path from "path";
import { BuildkiteCluster, BuildkiteClusterProps } from "../../../constructs/buildkite/buildkite-cluster";
import { BuildkiteProvider } from "../../../providers/buildkite/lib/provider";
import { addAwsProvider } from "../../../stacks/aws-provider";
import { checkSchemaConformance } from "../../../testing/schema-conformance";

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "..", "providers", "buildkite", "schema.json");
const KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0f0f0f0f-1111-4222-8333-444455556666";

function synth(props: Partial<BuildkiteClusterProps> = {}): { cluster: BuildkiteCluster; json: any } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "agents");
  new BuildkiteProvider(stack, "buildkite", { organization: "acme" });
  new TimeProvider(stack, "time");
  addAwsProvider(stack, { region: "eu-west-1", accountId: "111111111111", offline: true });
  const cluster = new BuildkiteCluster(stack, "cluster", {
    name: "Terraform",
    queues: [{ key: "terraform" }, { key: "terraform-data", description: "data" }],
    defaultQueue: "terraform",
    ...props,
  });
  return { cluster, json: JSON.parse(Testing.synth(stack)) };
}

const only = (json: any, type: string): [string, any] => {
  const entries = Object.entries(json.resource[type] ?? {});
  expect(entries).toHaveLength(1);
  return entries[0] as [string, any];
};

describe("BuildkiteCluster", () => {
  describe("with defaults", () => {
    const { cluster, json } = synth();

    it("rotates the agent tokens every 6 hours with time_rotating", () => {
      const [, rotation] = only(json, "time_rotating");
      expect(rotation.rotation_hours).toBe(6);
    });

    it("replaces each token when the rotation expires, creating the new one before destroying the old", () => {
      const [rotationId] = only(json, "time_rotating");
      const [, token] = only(json, "buildkite_cluster_agent_token");
      expect(token.lifecycle.create_before_destroy).toBe(true);
      expect(token.lifecycle.replace_triggered_by).toEqual([`time_rotating.${rotationId}`]);
    });

    it("stores the current token as a SecureString encrypted with a customer managed key it creates", () => {
      const [keyId, key] = only(json, "aws_kms_key");
      const [tokenId] = only(json, "buildkite_cluster_agent_token");
      const [, parameter] = only(json, "aws_ssm_parameter");
      expect(parameter.type).toBe("SecureString");
      expect(parameter.key_id).toBe(`\${aws_kms_key.${keyId}.arn}`);
      expect(parameter.value).toBe(`\${buildkite_cluster_agent_token.${tokenId}.token}`);
      expect(parameter.name).toBe("/buildkite/clusters/terraform/agent-tokens/default");
      expect(key.enable_key_rotation).toBe(true);
      expect(key.deletion_window_in_days).toBe(30);
    });

    it("declares the queues and makes the named one the default", () => {
      const queues = json.resource.buildkite_cluster_queue;
      const keys = Object.values<any>(queues).map((q) => q.key);
      expect(keys.sort()).toEqual(["terraform", "terraform-data"]);
      const [, defaultQueue] = only(json, "buildkite_cluster_default_queue");
      const [defaultQueueId] = Object.entries<any>(queues).find(([, q]) => q.key === "terraform")!;
      expect(defaultQueue.queue_id).toBe(`\${buildkite_cluster_queue.${defaultQueueId}.id}`);
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

    it("matches the snapshot", () => {
      expect(json).toMatchSnapshot();
    });
  });

  it("uses a given key, a given rotation period and several tokens", () => {
    const { cluster, json } = synth({ kmsKeyArn: KEY_ARN, tokenRotationHours: 48, agentTokens: [{ name: "linux" }, { name: "mac", allowedIpAddresses: ["10.0.0.0/8"] }] });
    expect(json.resource.aws_kms_key).toBeUndefined();
    const parameters = Object.values<any>(json.resource.aws_ssm_parameter);
    expect(parameters.map((p) => [p.name, p.type, p.key_id])).toEqual([
      ["/buildkite/clusters/terraform/agent-tokens/linux", "SecureString", KEY_ARN],
      ["/buildkite/clusters/terraform/agent-tokens/mac", "SecureString", KEY_ARN],
    ]);
    expect(Object.values<any>(json.resource.buildkite_cluster_agent_token).map((t) => t.allowed_ip_addresses)).toEqual([undefined, ["10.0.0.0/8"]]);
    expect(only(json, "time_rotating")[1].rotation_hours).toBe(48);
    expect(cluster.rotationSchedule.cronline).toBe("15 4 * * *");
  });

  it.each<[string, Partial<BuildkiteClusterProps>, RegExp]>([
    ["a default queue that is not declared", { defaultQueue: "gpu" }, /defaultQueue "gpu" is not one of the queues \(terraform, terraform-data\)/],
    ["no queues", { queues: [] }, /queues is empty/],
    ["a duplicate queue", { queues: [{ key: "a" }, { key: "a" }], defaultQueue: "a" }, /queues\[1\].key "a" is declared twice/],
    ["a rotation period of zero", { tokenRotationHours: 0 }, /tokenRotationHours must be a whole number of hours from 1 to 720/],
    ["a fractional rotation period", { tokenRotationHours: 1.5 }, /tokenRotationHours/],
    ["a KMS alias", { kmsKeyArn: "alias/tokens" }, /kmsKeyArn "alias\/tokens" is not a KMS key ARN/],
    ["a bad parameter prefix", { tokenParameterPrefix: "buildkite/tokens" }, /tokenParameterPrefix "buildkite\/tokens" must start and end with "\/"/],
    ["duplicate token names", { agentTokens: [{ name: "a" }, { name: "a" }] }, /agentTokens\[1\].name "a" is declared twice/],
  ])("refuses %s", (_name, props, error) => {
    expect(() => synth(props)).toThrow(error);
  });
});
