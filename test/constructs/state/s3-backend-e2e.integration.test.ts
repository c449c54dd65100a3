/**
 * The real terraform binary and its real S3 backend against local S3 (s3rver behind the
 * conditional-write proxy) and DynamoDB (dynalite), configured by this project's backend helpers:
 * state lands in the bucket, the lock is visible while an apply holds it, a concurrent plan is
 * refused with Terraform's own "Error acquiring the state lock", and a plan with `-lock=false` (the
 * plan step's) runs beside it without touching its lock.
 */
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { TerraformResource, TerraformStack, Testing } from "cdktf";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StateLockMode, addS3Backend, renderBackendHcl } from "../../../constructs/state/backend-config";
import { StateBackendAttributes, TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { stateKey, workspaceName } from "../../../constructs/state/state-key";
import { RunningProcess, runProcess, startProcess } from "../../../testing/child-process";
import { LocalAws, localBackendOverrides, startLocalAws } from "../../../testing/local-aws";
import { cliConfig, terraformEnv } from "../../../testing/terraform";
import { describeWithTerraform } from "../../support/terraform";

const BUCKET = "acme-tfstate";
const TABLE = "acme-tfstate-locks";
const KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0b1c2d3e-1111-4222-8333-444455556666";

/** Polls `check` until it returns a value, failing after `timeoutMs` or as soon as `holder` has exited. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, holder: RunningProcess, timeoutMs = 20_000): Promise<T> {
  let exited = false;
  void holder.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (exited) throw new Error(`${what}: the holding process exited first:\n${holder.output()}`);
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms:\n${holder.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithTerraform("S3 backend end to end (local S3 and DynamoDB)", () => {
  let aws: LocalAws;
  let root: string;
  let env: NodeJS.ProcessEnv;
  const running: RunningProcess[] = [];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-backend-e2e-"));
    fs.writeFileSync(path.join(root, ".terraformrc"), cliConfig());
    env = terraformEnv({}, path.join(root, ".terraformrc"));
    aws = await startLocalAws([BUCKET]);
    await aws.createLockTable(TABLE);
  });

  afterEach(async () => {
    // A failed assertion must not leave a terraform waiting on a lock.
    for (const process of running.splice(0)) {
      process.kill();
      await process.exited.catch(() => undefined);
    }
  });

  afterAll(async () => {
    await aws?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  /**
   * A cdktf stack whose backend comes from the project's helpers (none: local state) and whose only
   * resource, when `releaseFile` is given, holds its apply until that file exists.
   */
  function consumerStack(backend: StateBackendAttributes | undefined, key: string, releaseFile?: string): string {
    const stack = new TerraformStack(Testing.app(), "consumer");
    if (backend) addS3Backend(stack, TerraformStateBackend.fromAttributes(stack, "state", backend).backendConfig(key));
    new TerraformResource(stack, "hold", {
      terraformResourceType: "terraform_data",
      provisioners: releaseFile
        ? [
            {
              type: "local-exec",
              // Holds the apply (and so the state lock) until the test releases it; gives up after 30 s.
              command: `i=0; while [ ! -f '${releaseFile}' ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done`,
            },
          ]
        : undefined,
    });
    return Testing.synth(stack);
  }

  /** Writes the configuration (and the local-server overrides when it has an S3 backend) and runs terraform init. */
  async function initWorkdir(name: string, config: string): Promise<string> {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), config);
    const remote = JSON.parse(config).terraform?.backend?.s3 !== undefined;
    if (remote) fs.writeFileSync(path.join(dir, "local.s3.tfbackend"), renderBackendHcl(localBackendOverrides(aws)));
    await runProcess("terraform", ["init", "-input=false", "-no-color", ...(remote ? ["-backend-config=local.s3.tfbackend"] : [])], dir, env);
    return dir;
  }

  const lockItem = async (lockId: string) =>
    (await aws.dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { LockID: { S: lockId } }, ConsistentRead: true }))).Item;
  const objectExists = async (key: string) =>
    aws.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
      () => true,
      () => false,
    );

  it.each<[StateLockMode]>([["dynamodb"], ["lockfile"], ["both"]])(
    "%s locking: the apply's lock is visible, refuses a concurrent locking plan and survives a -lock=false one; the state lands in the bucket",
    async (lockMode) => {
      const usesTable = lockMode !== "lockfile";
      const usesFile = lockMode !== "dynamodb";
      const workspace = workspaceName({ branch: `feature/${lockMode}-locking`, defaultBranch: "main" });
      const key = stateKey({ prefix: "pipelines", pipelineSlug: "e2e", workspace });
      const location: StateBackendAttributes = {
        bucketName: BUCKET,
        region: "eu-west-1",
        kmsKeyArn: KEY_ARN,
        lockMode,
        lockTableName: usesTable ? TABLE : undefined,
      };
      const releaseFile = path.join(root, `release-${lockMode}`);
      const config = consumerStack(location, key, releaseFile);
      const [applier, planner] = await Promise.all([initWorkdir(`${lockMode}-apply`, config), initWorkdir(`${lockMode}-plan`, config)]);

      const apply = startProcess("terraform", ["apply", "-auto-approve", "-input=false", "-no-color", "-lock-timeout=0s"], applier, env);
      running.push(apply);
      const lockId = `${BUCKET}/${key}`;
      const lockInfo = await waitFor(
        "the apply's lock",
        async () => {
          if (usesTable) {
            const item = await lockItem(lockId);
            return item?.Info?.S ? JSON.parse(item.Info.S) : undefined;
          }
          return (await objectExists(`${key}.tflock`)) ? {} : undefined;
        },
        apply,
      );
      if (usesTable) expect(lockInfo).toMatchObject({ Operation: "OperationTypeApply", Path: lockId });
      expect(await objectExists(`${key}.tflock`)).toBe(usesFile);

      const refusedBefore = aws.proxy.refused.length;
      const plan = await startProcess("terraform", ["plan", "-input=false", "-no-color", "-lock-timeout=0s"], planner, env).exited;
      expect(plan.code).toBe(1);
      expect(plan.stderr).toContain("Error acquiring the state lock");
      expect(plan.stderr).toContain("OperationTypeApply");
      if (usesFile) {
        // The lock file was refused by the conditional write itself (412), not by a check before it.
        expect(aws.proxy.refused.slice(refusedBefore)).toContain(`/${BUCKET}/${key}.tflock`);
      }

      // The plan step's own command (-lock=false, all a plan role may do) runs beside the apply and leaves its lock alone.
      const lockFree = await runProcess("terraform", ["plan", "-input=false", "-no-color", "-lock=false"], planner, env);
      expect(lockFree.stdout).toContain("Plan: 1 to add");
      if (usesTable) expect(JSON.parse((await lockItem(lockId))!.Info!.S!)).toEqual(lockInfo);
      expect(await objectExists(`${key}.tflock`)).toBe(usesFile);

      fs.writeFileSync(releaseFile, "");
      const applied = await apply.exited;
      expect(applied.stderr).toBe("");
      expect(applied.code).toBe(0);

      const stateObject = await aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      const stateText = await stateObject.Body!.transformToString();
      const state = JSON.parse(stateText);
      expect(state.resources.map((r: { type: string; name: string }) => `${r.type}.${r.name}`)).toEqual(["terraform_data.hold"]);
      expect(await objectExists(`${key}.tflock`)).toBe(false);
      if (usesTable) {
        expect(await lockItem(lockId)).toBeUndefined();
        const digest = await lockItem(`${lockId}-md5`);
        expect(digest?.Digest?.S).toBe(createHash("md5").update(stateText).digest("hex"));
      }

      // With the lock released, the same plan goes through and sees no changes.
      const replan = await runProcess("terraform", ["plan", "-input=false", "-no-color", "-lock-timeout=0s", "-detailed-exitcode"], planner, env);
      expect(replan.stdout).toContain("No changes.");
    },
  );

  describe("scripts/migrate-state.sh", () => {
    const script = path.resolve(__dirname, "../../../scripts/migrate-state.sh");
    const key = "bootstrap/state-backend/terraform.tfstate";
    const location: StateBackendAttributes = { bucketName: BUCKET, region: "eu-west-1", kmsKeyArn: KEY_ARN, lockMode: "both", lockTableName: TABLE };
    const readState = async (stateKey: string) =>
      JSON.parse(await (await aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: stateKey }))).Body!.transformToString());
    const migrate = (stackDir: string, localState: string) =>
      startProcess(
        "sh",
        [script, "--stack-dir", stackDir, "--local-state", localState, "--backend-config", path.join(stackDir, "local.s3.tfbackend")],
        root,
        env,
      ).exited;

    it("moves a local state into the bucket, after which the stack plans no changes; a re-run is harmless", async () => {
      const bootstrap = await initWorkdir("bootstrap-local", consumerStack(undefined, key));
      await runProcess("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], bootstrap, env);
      const localState = path.join(bootstrap, "terraform.tfstate");
      const local = JSON.parse(fs.readFileSync(localState, "utf8"));

      const stackDir = await initWorkdir("bootstrap-s3", consumerStack(location, key));
      const migrated = await migrate(stackDir, localState);
      expect(migrated.stderr).toBe("");
      expect(migrated.code).toBe(0);

      const remote = await readState(key);
      // terraform init -migrate-state gives the copy a new lineage; what it holds is the same.
      expect({ resources: remote.resources, outputs: remote.outputs }).toEqual({ resources: local.resources, outputs: local.outputs });
      expect(remote.resources.map((r: { type: string }) => r.type)).toEqual(["terraform_data"]);
      expect(fs.existsSync(localState)).toBe(false);
      expect(fs.readdirSync(bootstrap).filter((f) => f.startsWith("terraform.tfstate.migrated-"))).toHaveLength(1);
      const plan = await startProcess("terraform", ["plan", "-input=false", "-no-color", "-detailed-exitcode"], stackDir, env).exited;
      expect(plan.code).toBe(0);

      // Running it again with the moved-aside copy finds the same state in the bucket and copies nothing.
      const movedAside = path.join(
        bootstrap,
        fs.readdirSync(bootstrap).find((f) => f.startsWith("terraform.tfstate.migrated-"))!,
      );
      fs.copyFileSync(movedAside, localState);
      const again = await migrate(stackDir, localState);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("already holds this state");
    });

    it("refuses to overwrite another state in the bucket, and leaves everything as it was", async () => {
      const otherKey = "bootstrap/other/terraform.tfstate";
      const applyLocally = async (name: string) => {
        const dir = await initWorkdir(name, consumerStack(undefined, otherKey));
        await runProcess("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);
        return path.join(dir, "terraform.tfstate");
      };
      const [first, second] = await Promise.all([applyLocally("first-local"), applyLocally("second-local")]);
      const stackDir = await initWorkdir("other-s3", consumerStack(location, otherKey));
      expect((await migrate(stackDir, first)).code).toBe(0);
      const before = await readState(otherKey);

      const refused = await migrate(stackDir, second);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("the bucket already holds another state");
      expect(await readState(otherKey)).toEqual(before);
      expect(fs.existsSync(second)).toBe(true);
    });

    it("refuses a stack folder whose configuration declares no S3 backend", async () => {
      const local = await initWorkdir("still-local", consumerStack(undefined, key));
      await runProcess("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], local, env);
      const result = await startProcess("sh", [script, "--stack-dir", local, "--local-state", path.join(local, "terraform.tfstate")], root, env).exited;
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("declares no S3 backend");
    });
  });
});
