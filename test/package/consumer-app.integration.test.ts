/**
 * The library as another team gets it: the project is built and packed, the
 * tarball is installed by name into a temporary copy of examples/consumer-app,
 * which is type-checked (node16 and classic node resolution) and synthesized.
 * A public export the consumer uses that disappears fails the type check here.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { load } from "js-yaml";

const projectRoot = path.resolve(__dirname, "../..");
const consumerSource = path.join(projectRoot, "examples/consumer-app");
const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8"));

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

interface PackResult {
  readonly filename: string;
  readonly unpackedSize: number;
  readonly files: PackedFile[];
}

/** The environment of child processes, without what `npm test` exports about this project. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "1" };
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** Runs a command and returns its stdout; throws with all of its output when it fails. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, env: childEnv(), encoding: "utf8", timeout: 120_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Builds the package the way `npm pack` does (its prepack script compiles
 * tsconfig.lib.json: the library and the Buildkite bindings, not the app), but
 * in a private staging folder: a fresh compile, so the tarball holds no stale
 * output and concurrent builds in the checkout cannot race with it.
 */
function buildAndPack(workdir: string): { tarball: string; pack: PackResult } {
  const stage = path.join(workdir, "stage");
  fs.mkdirSync(stage);
  run(
    process.execPath,
    [
      require.resolve("typescript/bin/tsc"),
      ...["-p", path.join(projectRoot, "tsconfig.lib.json")],
      ...["--outDir", path.join(stage, "dist"), "--incremental", "false", "--tsBuildInfoFile", "null"],
    ],
    projectRoot,
  );
  for (const file of ["package.json", "README.md", "CHANGELOG.md", "LICENSE"]) {
    if (fs.existsSync(path.join(projectRoot, file))) fs.copyFileSync(path.join(projectRoot, file), path.join(stage, file));
  }
  const packs = path.join(workdir, "packs");
  fs.mkdirSync(packs);
  const [pack] = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packs], stage)) as PackResult[];
  return { tarball: path.join(packs, pack.filename), pack };
}

/** Copies the consumer app (not its local build or install) and points it at the tarball. */
function prepareConsumer(workdir: string, tarball: string): string {
  const app = path.join(workdir, "consumer-app");
  const skipped = new Set(["node_modules", "dist", "cdktf.out"]);
  fs.cpSync(consumerSource, app, {
    recursive: true,
    filter: (source) => !skipped.has(path.relative(consumerSource, source).split(path.sep)[0]),
  });
  const manifestPath = path.join(app, "package.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  expect(manifest.dependencies).toHaveProperty(packageJson.name);
  manifest.dependencies[packageJson.name] = `file:${tarball}`;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return app;
}

/** What the consumer app declares (examples/consumer-app/main.ts). */
const ACCOUNT_ID = "222222222222";
const ORGANIZATION = "acme";
const PIPELINE = "payments-infra";
const ORGANIZATION_ID = "0b6a6f3e-59c8-4a64-9d2b-2c6e3f0c1a11";
const PIPELINE_ID = "5f3d9a2c-8e41-4b7a-a0d6-7c1e2b9f4d22";
const STATE_OBJECTS = "arn:aws:s3:::acme-terraform-state/pipelines/payments-infra/";
const ROLES_STACK = "payments-ci-roles";
const BUILDKITE_STACK = "payments-ci-buildkite";

type TerraformJson = {
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  provider?: Record<string, any[]>;
  terraform?: { backend?: Record<string, any> };
};

function readStacks(outdir: string): Record<string, TerraformJson> {
  const stacksDir = path.join(outdir, "stacks");
  return Object.fromEntries(fs.readdirSync(stacksDir).map((name) => [name, JSON.parse(fs.readFileSync(path.join(stacksDir, name, "cdk.tf.json"), "utf8"))]));
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The role of the stack with this IAM name, with its trust policy parsed from the synthesized JSON. */
function roleNamed(stack: TerraformJson, name: string): { address: string; trust: any } {
  const found = Object.entries(stack.resource?.aws_iam_role ?? {}).filter(([, role]) => role.name === name);
  expect(found.map(([address]) => address)).toHaveLength(1);
  const [address, role] = found[0];
  return { address, trust: JSON.parse(role.assume_role_policy) };
}

/** The role's ARN as IAM will report it, from the synthesized name and path. */
function roleArnOf(stack: TerraformJson, address: string): string {
  const role = stack.resource!.aws_iam_role[address];
  return `arn:aws:iam::${ACCOUNT_ID}:role${role.path ?? "/"}${role.name}`;
}

/** The inline policies attached to a role (by its resource address), parsed. */
function inlinePoliciesOf(stack: TerraformJson, roleAddress: string): any[] {
  return Object.values(stack.resource?.aws_iam_role_policy ?? {})
    .filter((policy) => policy.role === `\${aws_iam_role.${roleAddress}.name}`)
    .map((policy) => JSON.parse(policy.policy));
}

/**
 * The checks every role of the pipeline must pass: one web-identity statement
 * whose principal is the account's Buildkite OIDC provider, with the audience
 * pinned to AWS STS and the subject and UUIDs pinned to this organization and pipeline.
 */
function expectPipelineTrust(trust: any): string[] {
  expect(trust.Statement).toHaveLength(1);
  const [statement] = trust.Statement;
  expect(statement.Effect).toBe("Allow");
  expect(asList(statement.Action)).toEqual(["sts:AssumeRoleWithWebIdentity"]);
  expect(statement.Principal).toEqual({ Federated: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/agent.buildkite.com` });
  const equals = statement.Condition.StringEquals;
  expect(asList(equals["agent.buildkite.com:aud"])).toEqual(["sts.amazonaws.com"]);
  expect(asList(equals["agent.buildkite.com:organization_id"])).toEqual([ORGANIZATION_ID]);
  expect(asList(equals["agent.buildkite.com:pipeline_id"])).toEqual([PIPELINE_ID]);
  const subjects = [...asList(equals["agent.buildkite.com:sub"]), ...asList(statement.Condition.StringLike?.["agent.buildkite.com:sub"])] as string[];
  expect(subjects.length).toBeGreaterThan(0);
  for (const subject of subjects) expect(subject.startsWith(`organization:${ORGANIZATION}:pipeline:${PIPELINE}:ref:`)).toBe(true);
  return subjects;
}

function typescriptCompiler(app: string): string[] {
  return [process.execPath, path.join(app, "node_modules/typescript/bin/tsc")];
}

describe("the packed library in a consumer app", () => {
  let workdir: string;
  let pack: PackResult;
  let app: string;

  beforeAll(() => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-consumer-"));
    const packed = buildAndPack(workdir);
    pack = packed.pack;
    app = prepareConsumer(workdir, packed.tarball);
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], app);
  }, 180_000);

  afterAll(() => {
    if (workdir) fs.rmSync(workdir, { recursive: true, force: true });
  });

  describe("the tarball", () => {
    it("holds only the compiled library, the generated Buildkite bindings and the package documents", () => {
      const outside = pack.files
        .map((file) => file.path)
        .filter(
          (file) =>
            !file.startsWith("dist/constructs/") &&
            !file.startsWith("dist/providers/buildkite/lib/") &&
            !["package.json", "README.md", "CHANGELOG.md", "LICENSE"].includes(file),
        );
      expect(outside).toEqual([]);
    });

    it("ships declarations for every compiled module and no tests", () => {
      const files = new Set(pack.files.map((file) => file.path));
      const modules = [...files].filter((file) => file.endsWith(".js"));
      expect(modules.filter((file) => !files.has(file.replace(/\.js$/, ".d.ts")))).toEqual([]);
      expect([...files].filter((file) => /\.(test|spec)\.|__snapshots__|\.ts$(?<!\.d\.ts)/.test(file))).toEqual([]);
    });

    it("ships the Buildkite bindings that the exports map promises, and no barrel that would load them all", () => {
      const files = new Set(pack.files.map((file) => file.path));
      const bindings = fs
        .readdirSync(path.join(projectRoot, "providers/buildkite/lib"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      expect(bindings.length).toBeGreaterThan(0);
      const missing = bindings.filter(
        (name) => !files.has(`dist/providers/buildkite/lib/${name}/index.js`) || !files.has(`dist/providers/buildkite/lib/${name}/index.d.ts`),
      );
      expect(missing).toEqual([]);
      expect(files.has("dist/providers/buildkite/lib/index.js")).toBe(false);
    });

    it("stays small (no app code, no generated schemas, no build caches)", () => {
      expect(pack.unpackedSize).toBeLessThan(2 * 1024 * 1024);
    });
  });

  describe("the consumer app", () => {
    // Declaration order matters: the first test compiles dist/main.js, which the synth block runs.
    it("type-checks and compiles with node16 module resolution", () => {
      const [node, tsc] = typescriptCompiler(app);
      run(node, [tsc, "-p", "tsconfig.json"], app);
    });

    it("type-checks with classic node module resolution", () => {
      const [node, tsc] = typescriptCompiler(app);
      run(node, [tsc, "--noEmit", "-p", "tsconfig.json", "--module", "commonjs", "--moduleResolution", "node10"], app);
    });

    describe("synthesized", () => {
      let stacks: Record<string, TerraformJson>;

      beforeAll(() => {
        if (!fs.existsSync(path.join(app, "dist/main.js"))) throw new Error("the consumer app did not compile; see the type-check test");
        run(process.execPath, ["dist/main.js"], app);
        stacks = readStacks(path.join(app, "cdktf.out"));
      });

      it("trusts the plan role to plan steps of the pipeline on any branch", () => {
        const subjects = expectPipelineTrust(roleNamed(stacks[ROLES_STACK], "bk-payments-infra-plan").trust);
        for (const subject of subjects) expect(subject).toMatch(/:ref:refs\/heads\/\*:commit:\*:step:plan$/);
      });

      it("trusts the apply role only to the apply step of builds of main", () => {
        const subjects = expectPipelineTrust(roleNamed(stacks[ROLES_STACK], "bk-payments-infra-apply").trust);
        for (const subject of subjects) expect(subject).toMatch(/:ref:refs\/heads\/main:commit:\*:step:apply$/);
      });

      it("keeps its own state in the platform's bucket, encrypted with its key and locked with a lock file", () => {
        expect(stacks[ROLES_STACK].terraform?.backend).toEqual({
          s3: expect.objectContaining({
            bucket: "acme-terraform-state",
            key: "teams/payments/ci-roles/terraform.tfstate",
            encrypt: true,
            kms_key_id: expect.stringMatching(/^arn:aws:kms:eu-west-1:222222222222:key\//),
            use_lockfile: true,
          }),
        });
      });

      it("generates the pipeline's steps so each assumes the role whose trust policy admits its step key", () => {
        const pipelines = Object.values(stacks[BUILDKITE_STACK].resource?.buildkite_pipeline ?? {});
        expect(pipelines.map((pipeline) => pipeline.slug)).toEqual([PIPELINE]);
        expect(pipelines[0].provider_settings.build_pull_request_forks).toBe(false);
        // The steps are signed: the pipeline stores the data source's output, made from the unsigned steps.
        const signers = Object.entries<any>(stacks[BUILDKITE_STACK].data?.buildkite_signed_pipeline_steps ?? {});
        expect(signers.map(([name]) => `\${data.buildkite_signed_pipeline_steps.${name}.steps}`)).toEqual([pipelines[0].steps]);
        const steps = (load(signers[0][1].unsigned_steps) as { steps: any[] }).steps;
        for (const roleName of ["bk-payments-infra-plan", "bk-payments-infra-apply"]) {
          const role = roleNamed(stacks[ROLES_STACK], roleName);
          const admittedStep = /:step:([^:*]+)$/.exec(expectPipelineTrust(role.trust)[0])![1];
          const assuming = steps.filter((step) => JSON.stringify(step).includes(roleArnOf(stacks[ROLES_STACK], role.address)));
          expect(assuming.map((step) => step.key)).toEqual([admittedStep]);
        }
      });

      it("passes its own guardrail (registered with the library's) and records no guardrail finding", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(app, "cdktf.out/manifest.json"), "utf8"));
        const annotations = Object.values<any>(manifest.stacks).flatMap((stack) => stack.annotations);
        expect(annotations.filter((a) => /guardrail/.test(a.message))).toEqual([]);
        expect(stacks[ROLES_STACK].provider?.aws?.[0]?.default_tags).toEqual([{ tags: { owner: "payments" } }]);
      });

      it("refuses, with its own rule's finding and fix, a role without an owner tag", () => {
        // A second program of the consumer: the same rule (compiled guardrails.js), the library by its package name only.
        const script = [
          'const { Testing, TerraformStack } = require("cdktf");',
          'const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");',
          'const { IamRole } = require("@cdktf/provider-aws/lib/iam-role");',
          'const { applyGuardrails } = require("buildkite-terraform-trust");',
          'const { PAYMENTS_GUARDRAILS } = require("./dist/guardrails.js");',
          "const app = Testing.app();",
          'const stack = new TerraformStack(app, "untagged");',
          'new AwsProvider(stack, "aws", { region: "eu-west-1" });',
          'new IamRole(stack, "deployer", { name: "deployer", assumeRolePolicy: "{}" });',
          "applyGuardrails(app, { packs: [PAYMENTS_GUARDRAILS] });",
          'try { Testing.synth(stack, true); console.log("passed"); } catch (error) { console.log(error.message); }',
        ].join("\n");
        fs.writeFileSync(path.join(app, "untagged-role.js"), script);
        const output = run(process.execPath, ["untagged-role.js"], app);
        expect(output).toContain(
          `guardrail role-owner-tagged refuses untagged/deployer (aws_iam_role.deployer): the role deployer has no owner tag. Fix: add tags: { owner: "<team>" } to the role, or to the provider's defaultTags.`,
        );
        expect(output).not.toContain("passed");
      });

      it("lets apply write the pipeline's state and plan only read it, both only under the pipeline's prefix", () => {
        const stack = stacks[ROLES_STACK];
        const objectActions = (roleName: string) =>
          inlinePoliciesOf(stack, roleNamed(stack, roleName).address)
            .flatMap((policy) => policy.Statement)
            .filter((statement: any) => asList(statement.Resource).some((resource) => String(resource).startsWith("arn:aws:s3:::acme-terraform-state/")))
            .map((statement: any) => ({ effect: statement.Effect, actions: asList(statement.Action), resources: asList(statement.Resource) as string[] }));
        for (const roleName of ["bk-payments-infra-plan", "bk-payments-infra-apply"]) {
          const statements = objectActions(roleName);
          expect(statements.length).toBeGreaterThan(0);
          for (const { resources } of statements) for (const resource of resources) expect(resource.startsWith(STATE_OBJECTS)).toBe(true);
        }
        const writesState = (roleName: string, effect: string) =>
          objectActions(roleName).some((s) => s.effect === effect && s.actions.includes("s3:PutObject") && s.resources.includes(`${STATE_OBJECTS}*`));
        expect(writesState("bk-payments-infra-apply", "Allow")).toBe(true);
        expect(writesState("bk-payments-infra-plan", "Allow")).toBe(false);
        // Plans take no lock: the plan role is denied every write under the prefix, lock files included.
        expect(writesState("bk-payments-infra-plan", "Deny")).toBe(true);
      });
    });
  });
});
