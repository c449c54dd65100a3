import { Testing } from "cdktf";
import { DEFAULT_OWN_STATE_KEY, StateBackendStack, StateBackendStackProps } from "../../stacks/state-backend-stack";
import { resource, synthJson } from "../support/synth";
import { ACCOUNT, BUCKET, KEY_ARN, stackProps } from "./support/state-backend-stack";

const stateBackendJson = (overrides: Partial<StateBackendStackProps> = {}) =>
  synthJson(new StateBackendStack(Testing.app(), "state-backend", stackProps(overrides)));

describe("StateBackendStack props", () => {
  const policyOf = (config: any) => JSON.parse(resource(config, "aws_s3_bucket_policy").policy);

  it("passes the lock table name and key alias to the backend", () => {
    const config = stateBackendJson({ lockTableName: "acme-locks", kmsAliasName: "alias/acme-state" });
    expect(resource(config, "aws_dynamodb_table").name).toBe("acme-locks");
    expect(resource(config, "aws_kms_alias").name).toBe("alias/acme-state");
  });

  it("passes the key prefix and the pipeline state fence, with its exemptions, or none", () => {
    const exempt = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-platform-apply`;
    const fence = policyOf(stateBackendJson({ keyPrefix: "ci", pipelineStateFence: { exemptPrincipalArns: [exempt] } })).Statement.find(
      (s: any) => s.Sid === "DenyPipelinesOtherStates",
    );
    expect(fence.NotResource[1]).toBe(`arn:aws:s3:::${BUCKET}/ci/$\${aws:PrincipalTag/buildkite:pipeline}/*`);
    expect(fence.Condition.ArnNotEquals).toEqual({ "aws:PrincipalArn": [exempt] });
    expect(policyOf(stateBackendJson({ pipelineStateFence: false })).Statement.map((s: any) => s.Sid)).not.toContain("DenyPipelinesOtherStates");
  });
});

describe("StateBackendStack own state", () => {
  it("stays on cdktf's local backend until migrated", () => {
    expect(stateBackendJson().terraform.backend).toBeUndefined();
    const withPath = stateBackendJson({ ownState: { type: "local", path: "/var/state/bootstrap.tfstate" } });
    expect(withPath.terraform.backend).toEqual({ local: { path: "/var/state/bootstrap.tfstate" } });
  });

  it("moves into its own bucket, encrypted with its own key and locked, once migrated", () => {
    const config = stateBackendJson({ ownState: { type: "s3", kmsKeyArn: KEY_ARN } });
    expect(config.terraform.backend).toEqual({
      s3: {
        bucket: BUCKET,
        key: DEFAULT_OWN_STATE_KEY,
        region: "eu-west-1",
        encrypt: true,
        kms_key_id: KEY_ARN,
        dynamodb_table: `${BUCKET}-locks`,
        use_lockfile: true,
      },
    });
  });

  it("refuses a key alias for its own backend, which the bucket policy would refuse", () => {
    expect(
      () =>
        new StateBackendStack(
          Testing.app(),
          "state-backend",
          stackProps({ ownState: { type: "s3", kmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/${BUCKET}` } }),
        ),
    ).toThrow(/kmsKeyArn .* is not a KMS key ARN: .*not an alias/);
  });
});
