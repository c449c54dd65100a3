import { Testing, TerraformStack } from "cdktf";
import { TerraformVariable } from "cdktf";
import { policyDocument } from "../../../constructs/policy/policy-document";
import { stateAccessStatements } from "../../../constructs/state/state-access-policy";
import { IStateBackend, StateAccess, StateAccessOptions } from "../../../constructs/state/state-backend";
import { StateBackendAttributes, TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { ACCOUNT, decide } from "./iam-simulation";

const BUCKET = "acme-tfstate";
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0b1c2d3e-1111-4222-8333-444455556666`;
const TABLE_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/acme-tfstate-locks`;
/** The stable workspace's state, the one the apply changes and locks. */
const STATE = "pipelines/networking/default/terraform.tfstate";
/** States of a branch and a pull request build of the same pipeline. */
const BUILD_STATES = ["pipelines/networking/br-feature-x/terraform.tfstate", "pipelines/networking/pr-12/terraform.tfstate"];
const OTHER_STATE = "pipelines/payments/default/terraform.tfstate";

/** What one test case varies: the access, the backend's attributes, and fields a custom IStateBackend could hold. */
interface Case extends Partial<StateBackendAttributes>, StateAccessOptions {
  readonly access?: StateAccess;
  /** Fields of the backend itself, replacing what the attributes give (e.g. a malformed ARN). */
  readonly fields?: Partial<Pick<IStateBackend, "bucketArn" | "lockTableArn" | "lockMode">>;
}

const stack = new TerraformStack(Testing.app(), "backends");
let backends = 0;

/** The statements for the networking pipeline of a backend imported with the test's attributes. */
function statements({ access = "read", fields = {}, restrictListingToPrefix, ...attributes }: Case = {}) {
  const imported = TerraformStateBackend.fromAttributes(stack, `backend-${++backends}`, {
    bucketName: BUCKET,
    region: "eu-west-1",
    kmsKeyArn: KEY_ARN,
    lockMode: "both",
    lockTableName: "acme-tfstate-locks",
    accountId: ACCOUNT,
    ...attributes,
  });
  // The same backend with some fields replaced, as a hand-written IStateBackend could hold them.
  const backend: IStateBackend = Object.assign(Object.create(imported), fields);
  return stateAccessStatements(backend.pipelineState("networking"), access, { restrictListingToPrefix });
}

/** A key policy that delegates to IAM (the account-root statement), as TerraformStateBackend's does. */
const KEY_POLICY = policyDocument([{ Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }]);

const object = (key: string) => `${BUCKET_ARN}/${key}`;
const lockItem = (key: string) => ({ "dynamodb:LeadingKeys": [`${BUCKET}/${key}`] });
const digestItem = (key: string) => ({ "dynamodb:LeadingKeys": [`${BUCKET}/${key}-md5`] });
const viaS3 = { "kms:ViaService": "s3.eu-west-1.amazonaws.com", "kms:EncryptionContext:aws:s3:arn": BUCKET_ARN };

describe("stateAccessStatements: S3 objects", () => {
  const plan = statements({ access: "read", lockMode: "lockfile" });
  const apply = statements({ access: "write", lockMode: "lockfile" });

  it("lets plan read the state, but never write it nor take, hold or break a lock file, stable or not", async () => {
    expect(await decide(plan, { action: "s3:GetObject", resource: object(STATE) })).toBe("Allowed");
    for (const key of [STATE, ...BUILD_STATES]) {
      for (const action of ["s3:PutObject", "s3:DeleteObject"]) {
        expect(await decide(plan, { action, resource: object(`${key}.tflock`) })).toBe("ExplicitlyDenied");
        expect(await decide(plan, { action, resource: object(key) })).toBe("ExplicitlyDenied");
      }
    }
  });

  it("denies plan every write under its prefix even when another policy of the role allows it", async () => {
    const s3Writer = { Effect: "Allow" as const, Action: "s3:*", Resource: "*" };
    expect(await decide([...plan, s3Writer], { action: "s3:PutObject", resource: object(`${STATE}.tflock`) })).toBe("ExplicitlyDenied");
    expect(await decide([...plan, s3Writer], { action: "s3:DeleteObject", resource: object(STATE) })).toBe("ExplicitlyDenied");
  });

  it("lets apply write the state and hold its lock file, but never delete the state", async () => {
    expect(await decide(apply, { action: "s3:GetObject", resource: object(STATE) })).toBe("Allowed");
    expect(await decide(apply, { action: "s3:PutObject", resource: object(STATE) })).toBe("Allowed");
    expect(await decide(apply, { action: "s3:PutObject", resource: object(`${STATE}.tflock`) })).toBe("Allowed");
    expect(await decide(apply, { action: "s3:DeleteObject", resource: object(`${STATE}.tflock`) })).toBe("Allowed");
    expect(await decide(apply, { action: "s3:DeleteObject", resource: object(STATE) })).toBe("ImplicitlyDenied");
  });

  it("keeps both away from the states of other prefixes, including look-alike prefixes", async () => {
    for (const statements of [plan, apply]) {
      expect(await decide(statements, { action: "s3:GetObject", resource: object(OTHER_STATE) })).toBe("ImplicitlyDenied");
      expect(await decide(statements, { action: "s3:PutObject", resource: object(`${OTHER_STATE}.tflock`) })).toBe("ImplicitlyDenied");
      expect(await decide(statements, { action: "s3:GetObject", resource: object("pipelines/networking-legacy/terraform.tfstate") })).toBe("ImplicitlyDenied");
    }
  });

  it("lets both list the bucket so a missing state reads as 404, unless listing is restricted to the prefix", async () => {
    expect(await decide(plan, { action: "s3:ListBucket", resource: BUCKET_ARN, context: { "s3:prefix": "pipelines/" } })).toBe("Allowed");
    const restricted = statements({ lockMode: "lockfile", restrictListingToPrefix: true });
    const list = (prefix: string) => decide(restricted, { action: "s3:ListBucket", resource: BUCKET_ARN, context: { "s3:prefix": prefix } });
    expect(await list("pipelines/networking/")).toBe("Allowed");
    expect(await list("pipelines/networking/pr-12/")).toBe("Allowed");
    expect(await list("pipelines/payments/")).toBe("ImplicitlyDenied");
  });
});

describe("stateAccessStatements: DynamoDB lock table", () => {
  const plan = statements({ access: "read", lockMode: "dynamodb" });
  const apply = statements({ access: "write", lockMode: "dynamodb" });

  it("lets plan read the digest, but never take, hold or break the lock item nor write the digest, stable or not", async () => {
    expect(await decide(plan, { action: "dynamodb:GetItem", resource: TABLE_ARN, context: digestItem(STATE) })).toBe("Allowed");
    expect(await decide(plan, { action: "dynamodb:DescribeTable", resource: TABLE_ARN })).toBe("Allowed");
    for (const key of [STATE, ...BUILD_STATES]) {
      for (const action of ["dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"]) {
        expect(await decide(plan, { action, resource: TABLE_ARN, context: lockItem(key) })).toBe("ExplicitlyDenied");
        expect(await decide(plan, { action, resource: TABLE_ARN, context: digestItem(key) })).toBe("ExplicitlyDenied");
      }
    }
  });

  it("lets apply take and release the lock item and write the digest", async () => {
    for (const action of ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem"]) {
      expect(await decide(apply, { action, resource: TABLE_ARN, context: lockItem(STATE) })).toBe("Allowed");
      expect(await decide(apply, { action, resource: TABLE_ARN, context: digestItem(STATE) })).toBe("Allowed");
    }
  });

  it("refuses lock items of other prefixes and other buckets", async () => {
    for (const statements of [plan, apply]) {
      expect(await decide(statements, { action: "dynamodb:PutItem", resource: TABLE_ARN, context: lockItem(OTHER_STATE) })).toBe("ImplicitlyDenied");
      expect(
        await decide(statements, {
          action: "dynamodb:DeleteItem",
          resource: TABLE_ARN,
          context: { "dynamodb:LeadingKeys": [`other-bucket/${STATE}`] },
        }),
      ).toBe("ImplicitlyDenied");
    }
  });

  it("grants apply no S3 lock-file deletes in DynamoDB-only mode", async () => {
    expect(await decide(apply, { action: "s3:DeleteObject", resource: object(`${STATE}.tflock`) })).toBe("ImplicitlyDenied");
  });
});

describe("stateAccessStatements: KMS", () => {
  const kms = (identity: ReturnType<typeof stateAccessStatements>, action: string, context: Record<string, string>) =>
    decide(identity, { action, resource: KEY_ARN, context }, KEY_POLICY);

  it("allows decrypting only through S3 for this bucket, with the bucket ARN as context (S3 Bucket Keys)", async () => {
    const plan = statements({ lockMode: "dynamodb" });
    expect(await kms(plan, "kms:Decrypt", viaS3)).toBe("Allowed");
    // Objects written without a bucket key carry their own ARN as context.
    expect(await kms(plan, "kms:Decrypt", { ...viaS3, "kms:EncryptionContext:aws:s3:arn": object(STATE) })).toBe("Allowed");
    expect(await kms(plan, "kms:Decrypt", { ...viaS3, "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::other-bucket" })).toBe("ImplicitlyDenied");
    expect(await kms(plan, "kms:Decrypt", { "kms:EncryptionContext:aws:s3:arn": BUCKET_ARN })).toBe("ImplicitlyDenied");
    expect(await kms(plan, "kms:Decrypt", { ...viaS3, "kms:ViaService": "s3.us-east-1.amazonaws.com" })).toBe("ImplicitlyDenied");
  });

  it("allows generating data keys only to apply, which writes objects (plan writes not even lock files)", async () => {
    expect(await kms(statements({ lockMode: "dynamodb" }), "kms:GenerateDataKey", viaS3)).toBe("ImplicitlyDenied");
    expect(await kms(statements({ lockMode: "lockfile" }), "kms:GenerateDataKey", viaS3)).toBe("ImplicitlyDenied");
    expect(await kms(statements({ lockMode: "dynamodb", access: "write" }), "kms:GenerateDataKey", viaS3)).toBe("Allowed");
    expect(await kms(statements({ lockMode: "lockfile", access: "write" }), "kms:GenerateDataKey", viaS3)).toBe("Allowed");
  });

  it("takes the region of the backend, also when the key ARN is not a literal", async () => {
    const keyArn = new TerraformVariable(stack, "key", { type: "string" }).stringValue;
    const granted = statements({ kmsKeyArn: keyArn, region: "us-east-2" });
    expect(granted.find((s) => s.Sid === "TerraformStateKey")?.Condition?.StringEquals).toEqual({
      "kms:ViaService": "s3.us-east-2.amazonaws.com",
    });
  });
});

describe("stateAccessStatements: lock modes and input checks", () => {
  const sids = (c: Case) => statements(c).map((statement) => statement.Sid);

  it("grants exactly the lock mechanisms of the mode", () => {
    expect(sids({ access: "write", lockMode: "lockfile" })).not.toEqual(expect.arrayContaining(["TerraformStateLockTable"]));
    expect(sids({ access: "write", lockMode: "dynamodb" })).not.toEqual(expect.arrayContaining(["TerraformStateLockFile"]));
    expect(sids({ access: "write", lockMode: "both" })).toEqual(expect.arrayContaining(["TerraformStateLockFile", "TerraformStateLockTable"]));
    expect(sids({ lockMode: "both" })).not.toEqual(expect.arrayContaining(["TerraformStateLockFile"]));
  });

  it("does not need a lock table for lock files only", () => {
    expect(() => statements({ lockMode: "lockfile", lockTableName: undefined })).not.toThrow();
  });

  it.each<[string, Case, RegExp]>([
    ["a missing lock table", { lockMode: "dynamodb", lockTableName: undefined }, /lockTableArn is required when lockMode is "dynamodb"/],
    [
      "a lock table whose account is unknown",
      { lockMode: "dynamodb", accountId: undefined },
      /lockTableArn is required when lockMode is "dynamodb".*lockTableName and accountId/,
    ],
    ["a lock table that is not a table ARN", { fields: { lockTableArn: "acme-locks" } }, /lockTableArn "acme-locks" is not a DynamoDB table ARN/],
    // The pipeline's folder is <keyPrefix>/<slug>/, built and checked by PipelineState.
    ["an empty key prefix", { keyPrefix: "" }, /stateKey: prefix "" is not a state key prefix/],
    ["a key prefix with a trailing slash", { keyPrefix: "pipelines/" }, /prefix "pipelines\/" is not a state key prefix: .*without leading or trailing "\/"/],
    ["a key prefix with a leading slash", { keyPrefix: "/pipelines" }, /prefix "\/pipelines" is not a state key prefix: .*without leading or trailing "\/"/],
    ["a wildcard in the key prefix", { keyPrefix: "pipelines/*" }, /prefix "pipelines\/\*" is not a state key prefix/],
    ["a bucket name instead of its ARN", { fields: { bucketArn: BUCKET } }, /bucketArn must be a literal S3 bucket ARN/],
    ["an unknown access level", { access: "admin" as "read" }, /access must be "read" \(plan\), "write" \(apply\) or "preview" \(a preview role\)/],
    ["an unknown lock mode", { lockMode: "none" as "both" }, /lockMode must be "dynamodb", "lockfile" or "both"/],
    ["a malformed region", { region: "EU" }, /region "EU" is not an AWS region/],
  ])("refuses %s with a message naming the field", (_name, overrides, message) => {
    expect(() => statements(overrides)).toThrow(message);
  });
});
