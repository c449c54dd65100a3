import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { S3BackendWithLockfile, addS3Backend, backendConfigArguments, renderBackendHcl } from "../../../constructs/state/backend-config";
import { IStateBackend } from "../../../constructs/state/state-backend";
import { StateBackendAttributes, TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { synthJson } from "../../support/synth";

const KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0b1c2d3e-1111-4222-8333-444455556666";
const KEY = "pipelines/networking/default/terraform.tfstate";

const backends = new TerraformStack(Testing.app(), "backends");
let imported = 0;
/** A backend created elsewhere, known by these attributes. */
const backend = (overrides: Partial<StateBackendAttributes> = {}): IStateBackend =>
  TerraformStateBackend.fromAttributes(backends, `backend-${++imported}`, {
    bucketName: "acme-tfstate",
    region: "eu-west-1",
    kmsKeyArn: KEY_ARN,
    lockMode: "both",
    lockTableName: "acme-tfstate-locks",
    ...overrides,
  });

/** The backend settings of the default test location (both lock modes) at KEY. */
const BOTH_LOCKS_SETTINGS = {
  bucket: "acme-tfstate",
  key: KEY,
  region: "eu-west-1",
  encrypt: true,
  kms_key_id: KEY_ARN,
  dynamodb_table: "acme-tfstate-locks",
  use_lockfile: true,
};

describe("IStateBackend.backendConfig", () => {
  it("always encrypts with the state key, and configures the locks of the mode", () => {
    expect(backend({ lockMode: "both" }).backendConfig(KEY)).toEqual(BOTH_LOCKS_SETTINGS);
    const lockfile = backend({ lockMode: "lockfile", lockTableName: undefined }).backendConfig(KEY);
    expect(lockfile.use_lockfile).toBe(true);
    expect(lockfile).not.toHaveProperty("dynamodb_table");
    const dynamodb = backend({ lockMode: "dynamodb" }).backendConfig(KEY);
    expect(dynamodb.dynamodb_table).toBe("acme-tfstate-locks");
    expect(dynamodb).not.toHaveProperty("use_lockfile");
  });

  it("leaves the key out for a pipeline's partial configuration", () => {
    expect(backend().backendConfig()).not.toHaveProperty("key");
  });

  it.each<[string, Partial<StateBackendAttributes>, string | undefined, RegExp]>([
    [
      "a key alias instead of the key ARN",
      { kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:alias/state" },
      KEY,
      /kmsKeyArn .* is not a KMS key ARN: .*not an alias/,
    ],
    [
      "a key ID instead of the key ARN",
      { kmsKeyArn: "0b1c2d3e-1111-4222-8333-444455556666" },
      KEY,
      /kmsKeyArn "0b1c2d3e-1111-4222-8333-444455556666" is not a KMS key ARN/,
    ],
    ["a missing lock table", { lockMode: "dynamodb", lockTableName: undefined }, KEY, /lockTableName is required when lockMode is "dynamodb"/],
    ["a bucket ARN instead of its name", { bucketName: "arn:aws:s3:::acme" }, KEY, /bucketName "arn:aws:s3:::acme" is not a state bucket name/],
    ["a bad region", { region: "Europe" }, KEY, /region "Europe" is not an AWS region/],
    ["a key with a leading slash", {}, `/${KEY}`, /key "\/pipelines.*" must be an object key without leading or trailing "\/"/],
  ])("refuses %s", (_name, overrides, key, message) => {
    expect(() => backend(overrides).backendConfig(key)).toThrow(message);
  });

  it("refuses Terraform references, which backends cannot evaluate", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const bucketName = new TerraformVariable(stack, "bucket", { type: "string" }).stringValue;
    expect(() => backend({ bucketName }).backendConfig(KEY)).toThrow(/IStateBackend.bucketName is a Terraform reference/);
  });
});

describe("S3BackendWithLockfile and addS3Backend", () => {
  it("synthesizes use_lockfile next to cdktf's own S3 backend arguments", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    addS3Backend(stack, backend().backendConfig(KEY));
    expect(synthJson(stack).terraform.backend).toEqual({
      s3: BOTH_LOCKS_SETTINGS,
    });
    expect(Testing.synthHcl(stack)).toMatch(/backend "s3" \{[^}]*use_lockfile = true/);
  });

  it("omits use_lockfile unless asked", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new S3BackendWithLockfile(stack, { bucket: "b", key: "k" });
    expect(synthJson(stack).terraform.backend.s3).not.toHaveProperty("use_lockfile");
  });

  it("needs the key of the stack's state", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => addS3Backend(stack, backend().backendConfig())).toThrow(/settings.key is missing/);
  });
});

describe("renderBackendHcl and backendConfigArguments", () => {
  it("renders one line per setting, booleans bare and strings quoted", () => {
    expect(renderBackendHcl(backend({ lockMode: "lockfile", lockTableName: undefined }).backendConfig())).toBe(
      ['bucket = "acme-tfstate"', 'region = "eu-west-1"', "encrypt = true", `kms_key_id = "${KEY_ARN}"`, "use_lockfile = true", ""].join("\n"),
    );
    expect(renderBackendHcl({ endpoints: { s3: "http://127.0.0.1:1" } })).toBe('endpoints = { s3 = "http://127.0.0.1:1" }\n');
  });

  it("refuses names that are not backend arguments", () => {
    expect(() => renderBackendHcl({ 'bucket = "x"\nkey': "y" })).toThrow(/is not a backend argument name/);
  });

  it("renders -backend-config arguments", () => {
    expect(backendConfigArguments(backend({ lockMode: "dynamodb" }).backendConfig(KEY))).toEqual([
      "-backend-config=bucket=acme-tfstate",
      `-backend-config=key=${KEY}`,
      "-backend-config=region=eu-west-1",
      "-backend-config=encrypt=true",
      `-backend-config=kms_key_id=${KEY_ARN}`,
      "-backend-config=dynamodb_table=acme-tfstate-locks",
    ]);
  });
});
