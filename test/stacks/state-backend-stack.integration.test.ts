import { Testing } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StateBackendStack } from "../../stacks/state-backend-stack";
import { PlannedResource, TerraformPlan, planConfiguration } from "../../testing/terraform";
import { decide } from "../constructs/state/iam-simulation";
import { describeWithTerraform } from "../support/terraform";
import { ACCOUNT, ADMIN_ROLE, APPLY_ROLE, BUCKET, KEY_ARN, KEY_ID, stackProps } from "./support/state-backend-stack";

/**
 * A state in which the KMS key already exists (the situation of every plan after the first apply):
 * its ARN is then known, so the plan shows the bucket policy and encryption settings in full
 * instead of "known after apply".
 */
function stateWithExistingKey(config: any): object {
  const [name, key] = Object.entries<any>(config.resource.aws_kms_key)[0];
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "3f0e1f2a-1111-4222-8333-444455556666",
    outputs: {},
    resources: [
      {
        mode: "managed",
        type: "aws_kms_key",
        name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            schema_version: 0,
            attributes: {
              arn: KEY_ARN,
              id: KEY_ID,
              key_id: KEY_ID,
              description: key.description,
              policy: key.policy,
              enable_key_rotation: true,
              rotation_period_in_days: 365,
              deletion_window_in_days: 30,
              is_enabled: true,
              key_usage: "ENCRYPT_DECRYPT",
              customer_master_key_spec: "SYMMETRIC_DEFAULT",
              multi_region: false,
              bypass_policy_lockout_safety_check: false,
              tags: {},
              tags_all: {},
            },
          },
        ],
      },
    ],
    check_results: null,
  };
}

describeWithTerraform("StateBackendStack planned by terraform", () => {
  let plan: TerraformPlan;
  const only = (type: string): PlannedResource => plan.only(type);

  beforeAll(() => {
    const stack = new StateBackendStack(Testing.app(), "state-backend", stackProps());
    const config = Testing.synth(stack, true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-state-stack-"));
    try {
      fs.writeFileSync(path.join(dir, "cdk.tf.json"), config);
      fs.writeFileSync(path.join(dir, "terraform.tfstate"), JSON.stringify(stateWithExistingKey(JSON.parse(config))));
      plan = planConfiguration(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("creates every resource but the existing key, which it leaves unchanged", () => {
    const actions = Object.fromEntries(plan.json.resource_changes.map((c: any) => [c.type, c.change.actions]));
    expect(actions).toEqual({
      aws_kms_key: ["no-op"],
      aws_kms_alias: ["create"],
      aws_s3_bucket: ["create"],
      aws_s3_bucket_ownership_controls: ["create"],
      aws_s3_bucket_public_access_block: ["create"],
      aws_s3_bucket_versioning: ["create"],
      aws_s3_bucket_server_side_encryption_configuration: ["create"],
      aws_s3_bucket_policy: ["create"],
      aws_s3_bucket_lifecycle_configuration: ["create"],
      aws_dynamodb_table: ["create"],
    });
  });

  it("plans SSE-KMS with the state key and an S3 Bucket Key", () => {
    expect(only("aws_s3_bucket").values.bucket).toBe(BUCKET);
    expect(only("aws_s3_bucket_server_side_encryption_configuration").values.rule).toEqual([
      { apply_server_side_encryption_by_default: [{ sse_algorithm: "aws:kms", kms_master_key_id: KEY_ARN }], bucket_key_enabled: true },
    ]);
    expect(only("aws_kms_alias").values.name).toBe(`alias/${BUCKET}`);
  });

  it("plans versioning and all four public-access blocks", () => {
    expect(only("aws_s3_bucket_versioning").values.versioning_configuration).toMatchObject([{ status: "Enabled" }]);
    expect(only("aws_s3_bucket_public_access_block").values).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(only("aws_s3_bucket_ownership_controls").values.rule).toEqual([{ object_ownership: "BucketOwnerEnforced" }]);
  });

  it("plans a bucket policy whose statements refuse plain HTTP, old TLS and foreign keys, and accept the state key", async () => {
    const policy = JSON.parse(only("aws_s3_bucket_policy").values.policy);
    expect(policy.Statement.map((s: any) => [s.Sid, s.Effect])).toEqual([
      ["DenyInsecureTransport", "Deny"],
      ["DenyOutdatedTls", "Deny"],
      ["DenyOtherEncryption", "Deny"],
      ["DenyOtherKmsKeys", "Deny"],
      ["DenyCustomerProvidedKeys", "Deny"],
      ["DenyConfigurationExceptAdministrators", "Deny"],
      ["DenyPipelinesOtherStates", "Deny"],
      ["DenyPipelineTagsWithSlash", "Deny"],
    ]);
    const admin = [{ Effect: "Allow" as const, Action: "s3:*", Resource: "*" }];
    const object = `arn:aws:s3:::${BUCKET}/pipelines/x/terraform.tfstate`;
    const withKey = (key: string) => ({ "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": key });
    expect(await decide(admin, { action: "s3:PutObject", resource: object, context: withKey(KEY_ARN) }, policy)).toBe("Allowed");
    expect(await decide(admin, { action: "s3:PutObject", resource: object, context: withKey(KEY_ARN.replace("0b1c", "ffff")) }, policy)).toBe(
      "ExplicitlyDenied",
    );
    expect(await decide(admin, { action: "s3:GetObject", resource: object, context: { "aws:SecureTransport": "false" } }, policy)).toBe("ExplicitlyDenied");
    // Configuration changes: only the declared administrator, whatever IAM allows the others.
    const putPolicy = (principal: string) =>
      decide(admin, { principal, action: "s3:PutBucketPolicy", resource: `arn:aws:s3:::${BUCKET}`, context: { "aws:PrincipalArn": principal } }, policy);
    expect(await putPolicy(ADMIN_ROLE)).toBe("Allowed");
    expect(await putPolicy(APPLY_ROLE)).toBe("ExplicitlyDenied");
  });

  it("plans the pipeline state fence with the IAM policy variable reaching IAM literally", async () => {
    const planned: string = only("aws_s3_bucket_policy").values.policy;
    expect(planned).toContain(`"arn:aws:s3:::${BUCKET}/pipelines/\${aws:PrincipalTag/buildkite:pipeline}/*"`);
    expect(planned).not.toContain("$${");
    const policy = JSON.parse(planned);
    // ReadOnlyAccess-like identity: only the bucket policy can keep pipeline "a" out of other states.
    const readOnly = [{ Effect: "Allow" as const, Action: ["s3:Get*", "s3:List*"], Resource: "*" }];
    const role = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-a-plan`;
    const asA = (key: string) =>
      decide(
        readOnly,
        {
          principal: role,
          action: "s3:GetObject",
          resource: `arn:aws:s3:::${BUCKET}/${key}`,
          context: { "aws:PrincipalArn": role, "aws:PrincipalTag/buildkite:pipeline": "a" },
        },
        policy,
      );
    expect(await asA("pipelines/a/default/terraform.tfstate")).toBe("Allowed");
    expect(await asA("pipelines/b/default/terraform.tfstate")).toBe("ExplicitlyDenied");
    expect(await asA("platform/identity/terraform.tfstate")).toBe("ExplicitlyDenied");
    expect(await asA("pipelines/a-evil/default/terraform.tfstate")).toBe("ExplicitlyDenied");
  });

  it("plans the lock table with Terraform's key schema, on-demand billing, PITR, KMS encryption and deletion protection", () => {
    expect(only("aws_dynamodb_table").values).toMatchObject({
      name: `${BUCKET}-locks`,
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      billing_mode: "PAY_PER_REQUEST",
      point_in_time_recovery: [{ enabled: true }],
      server_side_encryption: [{ enabled: true, kms_key_arn: KEY_ARN }],
      deletion_protection_enabled: true,
    });
  });

  it("plans the key with rotation, a 30-day deletion window and the state user in its policy", () => {
    const key = only("aws_kms_key").values;
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    const users = JSON.parse(key.policy).Statement.find((s: any) => s.Sid === "StateEncryptionThroughS3");
    expect(users.Principal).toEqual({ AWS: [APPLY_ROLE] });
  });

  it("outputs what the backend configuration of other stacks and pipelines needs", () => {
    expect(Object.keys(plan.json.planned_values.outputs).sort()).toEqual(
      ["bucket_arn", "bucket_name", "kms_alias_name", "kms_key_arn", "lock_mode", "lock_table_arn", "lock_table_name", "region"].sort(),
    );
    expect(plan.json.planned_values.outputs.kms_key_arn.value).toBe(KEY_ARN);
  });
});
