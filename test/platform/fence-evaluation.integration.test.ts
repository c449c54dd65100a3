/**
 * The state fence of the synthesized platform, evaluated by an IAM simulator: for every pipeline role, its
 * identity policies (inline and managed), its permissions boundary when it has one, the state bucket's policy
 * and the state key's policy together. Each role reaches its own states (from its own account or another),
 * and no other pipeline's, not the bootstrap state, not the platform stacks' (unless it is the platform's), and
 * it changes nothing of the bucket's or the key's configuration, whatever its identity policies say.
 *
 * Across accounts the simulator demands that the identity policy AND the resource policy allow (within one
 * account either suffices, and a KMS key's policy must trust the account); the last block shows both halves
 * are needed. Integration tier: about 1,500 simulated requests (15 s).
 */
import * as path from "path";
import { PolicyDocument, PolicyStatement } from "../../constructs/policy/policy-document";
import { STATE_BUCKET_CONFIGURATION_ACTIONS, STATE_KEY_ADMINISTRATION_ACTIONS } from "../../constructs/state/state-administrators";
import { PlatformDeclaration } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { loadDeclaration } from "../../platform/load";
import { allPipelines } from "../../platform/stack-plan";
import { validateDeclaration } from "../../platform/validate";
import { FencedRole, FenceEvaluation, platformStates, synthesizedFence } from "./support/fence";

const TWO_ACCOUNTS = path.join(__dirname, "..", "..", "examples", "two-accounts.yaml");
const ADMINISTRATOR_ACCESS: PolicyStatement[] = [{ Effect: "Allow", Action: "*", Resource: "*" }];

/** Bucket-level writes to try: what STATE_BUCKET_CONFIGURATION_ACTIONS' globs stand for, one action each. */
const BUCKET_CONFIGURATION = [
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutBucketVersioning",
  "s3:PutEncryptionConfiguration",
  "s3:PutLifecycleConfiguration",
  "s3:PutBucketOwnershipControls",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutReplicationConfiguration",
  "s3:PutBucketLogging",
  "s3:PutBucketObjectLockConfiguration",
  "s3:PutBucketTagging",
  "s3:DeleteBucket",
];

const stateKey = (d: PlatformDeclaration, slug: string) => `${d.state.keyPrefix}/${slug}/default/terraform.tfstate`;

function describeFence(name: string, load: () => PlatformDeclaration) {
  describe(name, () => {
    const d = load();
    const { state, roles: all } = synthesizedFence(d);
    // The platform pipeline's deploy roles are the platform's too; below, separately.
    const isDeployer = (role: FencedRole) => role.arn.endsWith("-deployer");
    const roles = all.filter((role) => !isDeployer(role));
    const platformSlug = d.platformPipeline?.slug;
    const platform = platformStates(d);
    const slugs = allPipelines(d).map((p) => p.slug);
    const label = (role: FencedRole) => `${role.pipeline} ${role.kind} (account ${role.accountId})`;

    it("has a plan and an apply role for every pipeline, the platform's included", () => {
      expect(roles.map((r) => `${r.pipeline}/${r.kind}`).sort()).toEqual(slugs.flatMap((s) => [`${s}/apply`, `${s}/plan`]).sort());
    });

    describe.each(roles.map((role) => [label(role), role] as const))("%s", (_label, role) => {
      const as = new FenceEvaluation(state, role);
      const isPlatform = role.pipeline === platformSlug;
      // The platform pipeline's states are the platform stacks (its workspaces); the others' their default workspace.
      const own = isPlatform ? platform.stacks : [stateKey(d, role.pipeline)];

      it("reads its own states, and writes them and takes their locks only as apply (plans take no lock)", async () => {
        const apply = role.kind === "apply";
        const writes = apply ? "Allowed" : expect.stringMatching(/Denied$/);
        for (const key of own) {
          if (isPlatform && role.kind === "plan" && key.includes("/buildkite/")) continue; // left to the boundary work on secret-bearing state
          const lockId = `${state.bucketName}/${key}`;
          const decisions = {
            read: await as.object("read", key),
            write: await as.object("write", key),
            lockFile: await as.s3("s3:PutObject", `${key}.tflock`),
            lockItem: (await as.lockItem("dynamodb:PutItem", lockId)) ?? writes,
            digestRead: (await as.lockItem("dynamodb:GetItem", `${lockId}-md5`)) ?? "Allowed",
            digestWrite: (await as.lockItem("dynamodb:PutItem", `${lockId}-md5`)) ?? writes,
          };
          expect([key, decisions]).toEqual([
            key,
            { read: "Allowed", write: writes, lockFile: writes, lockItem: writes, digestRead: "Allowed", digestWrite: writes },
          ]);
        }
      });

      it("reaches no other pipeline's states, nor their locks", async () => {
        for (const other of slugs.filter((s) => s !== role.pipeline && s !== platformSlug)) {
          const key = stateKey(d, other);
          for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) {
            expect([key, action, await as.s3(action, key)]).toEqual([key, action, expect.stringMatching(/Denied$/)]);
          }
          for (const action of ["dynamodb:PutItem", "dynamodb:DeleteItem"]) {
            const decision = await as.lockItem(action, `${state.bucketName}/${key}`);
            if (decision) expect([key, action, decision]).toEqual([key, action, expect.stringMatching(/Denied$/)]);
          }
        }
      });

      it(`reaches the bootstrap state not at all, and the platform stacks' states ${isPlatform ? "as their pipeline" : "not at all"}`, async () => {
        for (const action of ["s3:GetObject", "s3:PutObject"]) {
          expect([platform.bootstrap, action, await as.s3(action, platform.bootstrap)]).toEqual([platform.bootstrap, action, expect.stringMatching(/Denied$/)]);
          if (isPlatform) continue;
          for (const key of platform.stacks) expect([key, action, await as.s3(action, key)]).toEqual([key, action, expect.stringMatching(/Denied$/)]);
        }
      });

      it("changes nothing of the bucket's and the key's configuration, even with AdministratorAccess", async () => {
        for (const evaluation of [as, as.withIdentity([...role.identity, ...ADMINISTRATOR_ACCESS])]) {
          for (const action of BUCKET_CONFIGURATION) expect([action, await evaluation.s3(action)]).toEqual([action, expect.stringMatching(/Denied$/)]);
          for (const action of STATE_KEY_ADMINISTRATION_ACTIONS)
            expect([action, await evaluation.kms(action, false)]).toEqual([action, expect.stringMatching(/Denied$/)]);
        }
      });
    });

    describe.each(all.filter(isDeployer).map((role) => [role.arn.replace(/^.*\//, ""), role] as const))("the deploy role %s", (_name, role) => {
      const as = new FenceEvaluation(state, role);
      it("reaches the platform's states, and no pipeline's nor their locks", async () => {
        for (const key of platform.stacks) expect([key, await as.s3("s3:GetObject", key)]).toEqual([key, "Allowed"]);
        for (const other of slugs.filter((s) => s !== platformSlug)) {
          const key = stateKey(d, other);
          for (const action of ["s3:GetObject", "s3:PutObject"])
            expect([key, action, await as.s3(action, key)]).toEqual([key, action, expect.stringMatching(/Denied$/)]);
          const decision = await as.lockItem("dynamodb:PutItem", `${state.bucketName}/${key}`);
          if (decision) expect([key, decision]).toEqual([key, expect.stringMatching(/Denied$/)]);
        }
      });
      const administrator = role.arn.endsWith("-state-backend-deployer");
      it(`${administrator ? "configures" : "changes nothing of"} the bucket and the key${administrator ? ", as a state administrator" : ""}`, async () => {
        for (const action of BUCKET_CONFIGURATION)
          expect([action, await as.s3(action)]).toEqual([action, administrator ? "Allowed" : expect.stringMatching(/Denied$/)]);
      });
    });

    it("tries every bucket configuration action the bucket policy denies", () => {
      for (const action of BUCKET_CONFIGURATION) {
        const glob = (pattern: string) => new RegExp(`^${pattern.replace(/\*/g, ".*")}$`).test(action);
        expect([action, STATE_BUCKET_CONFIGURATION_ACTIONS.some(glob)]).toEqual([action, true]);
      }
    });
  });
}

describeFence("the fence of the example platform (one account)", () => validateDeclaration(EXAMPLE_PLATFORM));
describeFence("the fence of examples/two-accounts.yaml", () => loadDeclaration(TWO_ACCOUNTS));

describe("across accounts, the identity policy and the resource policy must both allow", () => {
  const d = loadDeclaration(TWO_ACCOUNTS);
  const { state, roles } = synthesizedFence(d);
  const apply = roles.find((r) => r.pipeline === "data-platform" && r.kind === "apply")!;
  const own = stateKey(d, "data-platform");
  const without = (document: PolicyDocument, sidPrefix: string): PolicyDocument => ({
    ...document,
    Statement: document.Statement.filter((s) => !s.Sid?.startsWith(sidPrefix)),
  });

  it("puts the role in the other account", () => {
    expect(apply.accountId).not.toBe(state.accountId);
  });

  it("allows the role's own state with both", async () => {
    expect(await new FenceEvaluation(state, apply).object("write", own)).toBe("Allowed");
  });

  it("denies it without the bucket policy's account statement, or the key policy's, or the table policy", async () => {
    const noBucketGrant = new FenceEvaluation({ ...state, bucketPolicy: without(state.bucketPolicy, "PipelineStatesOfAccount") }, apply);
    expect(await noBucketGrant.s3("s3:GetObject", own)).toBe("ImplicitlyDenied");
    const noKeyGrant = new FenceEvaluation({ ...state, keyPolicy: without(state.keyPolicy, "StateEncryptionThroughS3ForAccount") }, apply);
    expect(await noKeyGrant.kms("kms:Decrypt", true)).toBe("ImplicitlyDenied");
    const noTablePolicy = new FenceEvaluation({ ...state, tablePolicy: undefined }, apply);
    expect(await noTablePolicy.lockItem("dynamodb:PutItem", `${state.bucketName}/${own}`)).toBe("ImplicitlyDenied");
  });

  it("denies it without the role's state policy, though the resource policies allow", async () => {
    // reporting's apply role has no other permission on the state backend than its state policy.
    const reporting = roles.find((r) => r.pipeline === "reporting" && r.kind === "apply")!;
    const key = stateKey(d, "reporting");
    const withState = new FenceEvaluation(state, reporting);
    const noIdentity = withState.withIdentity(reporting.identity.filter((s) => !s.Sid?.startsWith("TerraformState")));
    expect(await withState.object("write", key)).toBe("Allowed");
    expect(await noIdentity.s3("s3:PutObject", key)).toBe("ImplicitlyDenied");
    expect(await noIdentity.kms("kms:GenerateDataKey", true)).toBe("ImplicitlyDenied");
    expect(await noIdentity.lockItem("dynamodb:PutItem", `${state.bucketName}/${key}`)).toBe("ImplicitlyDenied");
  });
});
