import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { stateKeyAdminOnly } from "../../../../constructs/guardrails/rules/state-key-admin-only";
import { recordStateResource } from "../../../../constructs/guardrails/state-resources";
import { PolicyStatement, renderPolicy, renderTerraformPolicy } from "../../../../constructs/policy/policy-document";
import { STATE_KEY_ADMINISTRATION_ACTIONS } from "../../../../constructs/state/state-administrators";
import { stateBucketPolicy } from "../../../../constructs/state/state-bucket-policy";
import { stateKmsKeyPolicy } from "../../../../constructs/state/state-kms-key-policy";
import { awsStack } from "../../../support/synth";
import { check, resource } from "./support/blocks";

const ADMIN = "arn:aws:iam::111111111111:role/terraform-state-admin";
const ADMINISTRATORS = { partition: "aws", accountId: "111111111111", administratorArns: [ADMIN] };
const keyPolicy = stateKmsKeyPolicy({ ...ADMINISTRATORS, region: "eu-west-1", bucketArn: "arn:aws:s3:::acme-tfstate", stateUserArns: [] });
const withoutAdminDeny = keyPolicy.Statement.filter((s) => s.Sid !== "DenyKeyAdministrationExceptAdministrators");
const key = (statements: PolicyStatement[] | undefined, name = "state") =>
  resource("aws_kms_key", statements ? { policy: renderPolicy({ Version: "2012-10-17", Statement: statements }) } : {}, name);
/** The state bucket's policy in the same stack, which requires uploads to use the key named `state`. */
const bucketPolicy = resource(
  "aws_s3_bucket_policy",
  {
    policy: renderTerraformPolicy(
      stateBucketPolicy({
        bucketArn: "arn:aws:s3:::acme-tfstate",
        kmsKeyArn: "${aws_kms_key.state.arn}",
        administrators: ADMINISTRATORS,
        pipelineStateFence: { keyPrefix: "pipelines" },
      }),
    ),
  },
  "bucket-policy",
);

describe("guardrail state-key-admin-only", () => {
  it("passes the key policy TerraformStateBackend writes", () => {
    expect(check(stateKeyAdminOnly, key(keyPolicy.Statement), [bucketPolicy])).toEqual([]);
  });

  it("passes keys that are not a state bucket's", () => {
    expect(check(stateKeyAdminOnly, key(withoutAdminDeny, "other"), [bucketPolicy])).toEqual([]);
    expect(check(stateKeyAdminOnly, key(withoutAdminDeny))).toEqual([]);
  });

  it("refuses the key a state bucket policy requires when its policy lacks the Deny, or has none", () => {
    expect(check(stateKeyAdminOnly, key(withoutAdminDeny), [bucketPolicy])).toEqual([
      {
        message:
          "the state key's policy does not deny its administration to all but named administrators: no statement denies them to every principal but named administrators.",
        fix: expect.stringContaining("DenyKeyAdministrationExceptAdministrators"),
      },
    ]);
    expect(check(stateKeyAdminOnly, key(undefined), [bucketPolicy])[0].message).toMatch(/has no key policy the guardrails can read/);
  });

  it("refuses a recorded state key whose Deny leaves out part of the administration", () => {
    const stack = awsStack();
    const recorded = new KmsKey(stack, "key", {});
    recordStateResource(recorded, "key");
    const partial: PolicyStatement = {
      Effect: "Deny",
      Principal: "*",
      Action: STATE_KEY_ADMINISTRATION_ACTIONS.filter((a) => a !== "kms:CreateGrant"),
      Resource: "*",
      Condition: { ArnNotLike: { "aws:PrincipalArn": [ADMIN] } },
    };
    expect(check(stateKeyAdminOnly, key([...withoutAdminDeny, partial], "anything"), [], 2048, recorded)).toEqual([
      {
        message: "the state key's policy does not deny its administration to all but named administrators: does not deny kms:CreateGrant.",
        fix: expect.any(String),
      },
    ]);
  });
});
