import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { stateBucketAdminOnly } from "../../../../constructs/guardrails/rules/state-bucket-admin-only";
import { recordStateResource } from "../../../../constructs/guardrails/state-resources";
import { PolicyStatement, renderPolicy, renderTerraformPolicy } from "../../../../constructs/policy/policy-document";
import { stateBucketPolicy } from "../../../../constructs/state/state-bucket-policy";
import { awsStack } from "../../../support/synth";
import { check, resource } from "./support/blocks";

const BUCKET_ARN = "arn:aws:s3:::acme-tfstate";
const ADMIN = "arn:aws:iam::111111111111:role/terraform-state-admin";
const ADMINISTRATORS = { partition: "aws", accountId: "111111111111", administratorArns: [ADMIN] };
const statePolicy = (fence = true) =>
  stateBucketPolicy({
    bucketArn: BUCKET_ARN,
    kmsKeyArn: "${aws_kms_key.state.arn}",
    administrators: ADMINISTRATORS,
    pipelineStateFence: fence ? { keyPrefix: "pipelines" } : undefined,
  });
const withoutAdminDeny = (statements: PolicyStatement[]) => statements.filter((s) => s.Sid !== "DenyConfigurationExceptAdministrators");
const bucketPolicy = (statements: PolicyStatement[]) =>
  resource("aws_s3_bucket_policy", { bucket: "acme-tfstate", policy: renderTerraformPolicy({ Version: "2012-10-17", Statement: statements }) });
const adminDeny = (overrides: Partial<PolicyStatement> = {}): PolicyStatement => ({
  ...statePolicy().Statement.find((s) => s.Sid === "DenyConfigurationExceptAdministrators")!,
  ...overrides,
});

describe("guardrail state-bucket-admin-only", () => {
  it("passes the policy TerraformStateBackend writes, and a hand-written Deny of the same shape", () => {
    expect(check(stateBucketAdminOnly, bucketPolicy(statePolicy().Statement))).toEqual([]);
    const handWritten: PolicyStatement = {
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: ["s3:PutBucket*", "s3:DeleteBucket*", "s3:Put*Configuration"],
      Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`],
      Condition: { ArnNotEquals: { "aws:PrincipalArn": ADMIN } },
    };
    expect(check(stateBucketAdminOnly, bucketPolicy([...withoutAdminDeny(statePolicy().Statement), handWritten]))).toEqual([]);
  });

  it("passes bucket policies of other buckets, which it does not recognize as state buckets", () => {
    const website = bucketPolicy([{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::www/*" }]);
    expect(check(stateBucketAdminOnly, website)).toEqual([]);
  });

  it("refuses a state bucket policy without the administrators-only Deny: with the pipeline fence, or recorded as a state bucket", () => {
    expect(check(stateBucketAdminOnly, bucketPolicy(withoutAdminDeny(statePolicy().Statement)))).toEqual([
      {
        message:
          "the state bucket's policy does not deny its configuration to all but named administrators: no statement denies them to every principal but named administrators.",
        fix: expect.stringContaining("DenyConfigurationExceptAdministrators"),
      },
    ]);
    // Without the fence only the record says it is a state bucket: an escape-hatch override is still caught.
    const stack = awsStack();
    const policy = new S3BucketPolicy(stack, "policy", { bucket: "acme-tfstate", policy: renderPolicy(statePolicy(false)) });
    recordStateResource(policy, "bucket-policy");
    policy.addOverride("policy", renderPolicy({ Version: "2012-10-17", Statement: withoutAdminDeny(statePolicy(false).Statement) }));
    const block = bucketPolicy(withoutAdminDeny(statePolicy(false).Statement));
    expect(check(stateBucketAdminOnly, block)).toEqual([]);
    expect(check(stateBucketAdminOnly, block, [], 2048, policy)).toHaveLength(1);
  });

  it.each<[string, Partial<PolicyStatement>, string]>([
    ["a Deny that misses DeleteBucketPolicy", { Action: ["s3:PutBucket*", "s3:Put*Configuration", "s3:DeleteBucket"] }, "does not deny s3:DeleteBucketPolicy"],
    ["a Deny only on the objects", { Resource: `${BUCKET_ARN}/*` }, "not on the resource"],
    ["a Deny to one account only", { Principal: { AWS: "arn:aws:iam::111111111111:root" } }, "not denied to every principal"],
    [
      "an exemption by wildcard",
      { Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::111111111111:role/*" } } },
      'it exempts "arn:aws:iam::111111111111:role/*", a wildcard that covers principals nobody declared',
    ],
    [
      "an exemption by another key",
      { Condition: { ArnNotLike: { "aws:PrincipalArn": ADMIN }, StringNotEquals: { "aws:PrincipalTag/team": "platform" } } },
      "its condition StringNotEquals aws:PrincipalTag/team lets principals other than named administrators through",
    ],
  ])("refuses %s", (_name, overrides, reason) => {
    expect(check(stateBucketAdminOnly, bucketPolicy([...withoutAdminDeny(statePolicy().Statement), adminDeny(overrides)]))).toEqual([
      { message: `the state bucket's policy does not deny its configuration to all but named administrators: ${reason}.`, fix: expect.any(String) },
    ]);
  });

  it("refuses a state bucket policy it cannot read", () => {
    const stack = awsStack();
    const policy = new S3BucketPolicy(stack, "policy", { bucket: "acme-tfstate", policy: "${data.external.policy.result}" });
    recordStateResource(policy, "bucket-policy");
    expect(check(stateBucketAdminOnly, resource("aws_s3_bucket_policy", { policy: "${data.external.policy.result}" }), [], 2048, policy)[0].message).toMatch(
      /is not a JSON document the guardrails can read/,
    );
  });
});
