/**
 * A terraform harness for tests and scripts: runs the real `terraform` binary
 * (init, plan -out, show -json) on a synthesized stack in a private temporary
 * folder, offline, and returns the parsed plan.
 */
import { spawnSync } from "child_process";
import { Testing, TerraformStack } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProcess } from "./child-process";

/** Where the provider mirror is looked for unless `TF_PROVIDER_MIRROR` says otherwise. */
export const DEFAULT_PROVIDER_MIRROR = "/opt/tf-plugins";

/** One resource of `terraform show -json` planned values (root module and children). */
export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly mode: "managed" | "data";
  readonly values: Record<string, any>;
}

export interface TerraformPlan {
  /** The whole document printed by `terraform show -json <planfile>`. */
  readonly json: any;
  /** Every planned resource, flattened across modules. */
  readonly resources: PlannedResource[];
  /** The planned resources of one type. */
  ofType(type: string): PlannedResource[];
  /** The single planned resource of one type; throws when there are none or several. */
  only(type: string): PlannedResource;
}

export interface TerraformRunOptions {
  /** Environment added to the terraform processes. */
  readonly env?: Record<string, string>;
  /** Keep the working folder (for debugging); it is removed otherwise. */
  readonly keepWorkdir?: boolean;
}

/** The version line of `terraform version`, or undefined when no terraform is on PATH. */
export function terraformVersion(): string | undefined {
  const result = spawnSync("terraform", ["version"], { encoding: "utf8", env: terraformEnv() });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.split("\n")[0];
}

/**
 * The terraform CLI configuration this harness uses: a filesystem mirror when
 * one exists (so init works offline), direct download otherwise.
 */
export function cliConfig(mirror = providerMirror()): string {
  if (mirror && fs.existsSync(mirror)) {
    return [
      "provider_installation {",
      `  filesystem_mirror {`,
      `    path    = ${JSON.stringify(mirror)}`,
      `    include = ["registry.terraform.io/*/*"]`,
      "  }",
      "  direct {",
      `    exclude = ["registry.terraform.io/*/*"]`,
      "  }",
      "}",
      "",
    ].join("\n");
  }
  return "provider_installation {\n  direct {}\n}\n";
}

function providerMirror(): string {
  return process.env.TF_PROVIDER_MIRROR ?? DEFAULT_PROVIDER_MIRROR;
}

/** The environment every terraform process of this harness runs with. */
export function terraformEnv(extra: Record<string, string> = {}, cliConfigFile?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "1",
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    // Dummy credentials: the offline provider configuration skips every call that would check them.
    AWS_ACCESS_KEY_ID: "offline-plan",
    AWS_SECRET_ACCESS_KEY: "offline-plan",
    AWS_EC2_METADATA_DISABLED: "true",
    ...extra,
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  if (cliConfigFile) env.TF_CLI_CONFIG_FILE = cliConfigFile;
  return env;
}

/** Runs terraform in `cwd` and returns stdout; throws with stderr on failure. */
export function runTerraform(cwd: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync("terraform", args, { cwd, env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`terraform ${args.join(" ")} failed (exit ${result.status}) in ${cwd}:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

/**
 * Runs `fn` in a fresh temporary folder that holds a CLI config for the
 * provider mirror, and always removes the folder afterwards.
 */
export function withTerraformWorkdir<T>(fn: (dir: string, env: NodeJS.ProcessEnv) => T, options: TerraformRunOptions = {}): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-terraform-"));
  try {
    const cliConfigFile = path.join(dir, ".terraformrc");
    fs.writeFileSync(cliConfigFile, cliConfig());
    return fn(dir, terraformEnv(options.env, cliConfigFile));
  } finally {
    if (!options.keepWorkdir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Copies a synthesized stack (the folder that holds its `cdk.tf.json`, or the
 * configuration itself) into a temporary folder and runs `terraform init`,
 * `plan -out` and `show -json` there. `plan` validates the configuration
 * first, with the same diagnostics as `terraform validate`, so a separate
 * `validate` (which loads the provider's schema once more, 3-4 s) adds nothing.
 */
export function planConfiguration(config: string | object, options: TerraformRunOptions = {}): TerraformPlan {
  return withTerraformWorkdir((dir, env) => {
    const work = path.join(dir, "stack");
    if (typeof config === "string") {
      fs.cpSync(config, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}.terraform`) });
    } else {
      fs.mkdirSync(work);
      fs.writeFileSync(path.join(work, "cdk.tf.json"), JSON.stringify(config, null, 2));
    }
    withLocalBackend(path.join(work, "cdk.tf.json"));
    runTerraform(work, ["init", "-input=false", "-no-color"], env);
    runTerraform(work, ["plan", "-input=false", "-refresh=false", "-lock=false", "-no-color", "-out=plan.tfplan"], env);
    return parsePlan(runTerraform(work, ["show", "-json", "plan.tfplan"], env));
  }, options);
}

/** What {@link planConfigurationAsync} adds to a plan. */
export interface AsyncPlanOptions extends TerraformRunOptions {
  /** A Terraform state (format 4) to plan from instead of an empty one. */
  readonly state?: object;
  /** Service endpoints of the `aws` provider (`{ iam: "http://127.0.0.1:port" }`): servers in this process, such as testing/fake-iam.ts. */
  readonly awsEndpoints?: Readonly<Record<string, string>>;
}

/**
 * {@link planConfiguration} without blocking the event loop, so that servers of this process (a fake
 * IAM that answers the reads of `import` blocks) can answer terraform; from `state` if given.
 */
export async function planConfigurationAsync(config: object, options: AsyncPlanOptions = {}): Promise<TerraformPlan> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-terraform-"));
  try {
    const cliConfigFile = path.join(dir, ".terraformrc");
    fs.writeFileSync(cliConfigFile, cliConfig());
    const env = terraformEnv(options.env, cliConfigFile);
    const work = path.join(dir, "stack");
    fs.mkdirSync(work);
    const patched = JSON.parse(JSON.stringify(config));
    if (options.awsEndpoints) for (const aws of [patched.provider?.aws ?? []].flat()) aws.endpoints = [{ ...options.awsEndpoints }];
    fs.writeFileSync(path.join(work, "cdk.tf.json"), JSON.stringify(patched, null, 2));
    withLocalBackend(path.join(work, "cdk.tf.json"));
    if (options.state) fs.writeFileSync(path.join(work, "terraform.tfstate"), JSON.stringify(options.state));
    return parsePlan(await planInFolder(work, env));
  } finally {
    if (!options.keepWorkdir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `terraform init`, `plan -out` and `show -json` in `work`, without blocking the event loop: the document show prints. */
async function planInFolder(work: string, env: NodeJS.ProcessEnv): Promise<string> {
  await runProcess("terraform", ["init", "-input=false", "-no-color"], work, env);
  await runProcess("terraform", ["plan", "-input=false", "-refresh=false", "-lock=false", "-no-color", "-out=plan.tfplan"], work, env);
  return (await runProcess("terraform", ["show", "-json", "plan.tfplan"], work, env)).stdout;
}

/**
 * Plans several configurations (synthesized cdk.tf.json, parsed) in one terraform run, each a child module of a
 * generated root, and returns the plan of each by its key (a module name). Why: terraform and the aws provider
 * load the provider's schema (some 2-4 s of CPU) once per `plan` and once per `show`, however many
 * configurations there are, and `npm test` is CPU-bound; a suite with several plans pays that once. Terraform
 * validates and plans each module as it would the configuration alone, with the module's own provider
 * configuration; the backend is dropped (an offline plan never reaches it; {@link planConfiguration} swaps in a local one).
 * A configuration planned from a state gets it in `states` (format 4, addresses of the configuration alone).
 * Each plan holds the module's planned values and resource changes with the addresses a plan of that
 * configuration alone shows (`module.<key>.` taken off). Not for `import` blocks (root module only): plan those
 * alone. Asynchronous, as {@link planConfigurationAsync}, so that servers of this process can answer other
 * terraform runs meanwhile.
 */
export async function planConfigurations<K extends string>(
  configs: Record<K, object>,
  states: Partial<Record<K, object>> = {},
): Promise<Record<K, TerraformPlan>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-terraform-"));
  try {
    const cliConfigFile = path.join(dir, ".terraformrc");
    fs.writeFileSync(cliConfigFile, cliConfig());
    const env = terraformEnv({}, cliConfigFile);
    const root = path.join(dir, "root");
    const module: Record<string, { source: string }> = {};
    const stateResources: object[] = [];
    for (const [name, config] of Object.entries<any>(configs)) {
      if (config.import !== undefined) throw new Error(`${name}: import blocks are allowed only in the root module; use planConfiguration`);
      const { backend: _backend, ...terraform } = config.terraform ?? {};
      fs.mkdirSync(path.join(root, name), { recursive: true });
      fs.writeFileSync(path.join(root, name, "cdk.tf.json"), JSON.stringify({ ...config, terraform }, null, 2));
      module[name] = { source: `./${name}` };
      const state = (states as Record<string, any>)[name];
      // The state's resources move into the module, with the module's provider configuration.
      stateResources.push(
        ...(state?.resources ?? []).map((resource: any) => ({ ...resource, module: `module.${name}`, provider: `module.${name}.${resource.provider}` })),
      );
    }
    fs.writeFileSync(path.join(root, "main.tf.json"), JSON.stringify({ module }, null, 2));
    if (stateResources.length > 0) {
      const [first] = Object.values<any>(states);
      fs.writeFileSync(path.join(root, "terraform.tfstate"), JSON.stringify({ ...first, resources: stateResources }));
    }
    const whole = JSON.parse(await planInFolder(root, env));
    return Object.fromEntries(Object.keys(module).map((name) => [name, parsePlan(JSON.stringify(moduleOnly(whole, name)))])) as Record<K, TerraformPlan>;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The plan document of one child module of the root, with the addresses of that module planned alone. */
function moduleOnly(whole: any, name: string): any {
  const prefix = `module.${name}`;
  const rebase = (address: string | undefined) => (address === prefix ? undefined : address?.replace(`${prefix}.`, ""));
  const rebaseModule = (m: any): any => ({
    ...m,
    address: rebase(m.address),
    resources: (m.resources ?? []).map((r: any) => ({ ...r, address: rebase(r.address) })),
    child_modules: (m.child_modules ?? []).map(rebaseModule),
  });
  const child = (whole.planned_values?.root_module?.child_modules ?? []).find((m: any) => m.address === prefix);
  if (child === undefined) throw new Error(`the plan has no ${prefix}`);
  const inModule = (c: any) => c.module_address === prefix || c.module_address?.startsWith(`${prefix}.`);
  return {
    ...whole,
    planned_values: { ...whole.planned_values, root_module: rebaseModule(child) },
    resource_changes: (whole.resource_changes ?? []).filter(inModule).map((c: any) => {
      const { module_address: moduleAddress, ...change } = c;
      const nested = rebase(moduleAddress);
      return { ...change, address: rebase(c.address), ...(nested === undefined ? {} : { module_address: nested }) };
    }),
  };
}

/**
 * Swaps the stack's backend (S3 in real use) for a local one in the private
 * copy: an offline plan cannot reach the bucket, and planning from empty
 * state is what the tests assert on.
 */
export function withLocalBackend(configFile: string): void {
  const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
  if (!config.terraform?.backend) return;
  config.terraform.backend = { local: { path: "terraform.tfstate" } };
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
}

/** Synthesizes one stack (running its validations) and plans it with {@link planConfiguration}. */
export function planStack(stack: TerraformStack, options: TerraformRunOptions = {}): TerraformPlan {
  return planConfiguration(JSON.parse(Testing.synth(stack, true)), options);
}

/** Parses `terraform show -json` output into a {@link TerraformPlan}. */
export function parsePlan(showJson: string): TerraformPlan {
  const json = JSON.parse(showJson);
  const resources: PlannedResource[] = [];
  const visit = (module: any): void => {
    if (!module) return;
    for (const r of module.resources ?? []) {
      resources.push({ address: r.address, type: r.type, name: r.name, mode: r.mode, values: r.values ?? {} });
    }
    for (const child of module.child_modules ?? []) visit(child);
  };
  visit(json.planned_values?.root_module);
  return {
    json,
    resources,
    ofType: (type) => resources.filter((r) => r.type === type),
    only: (type) => {
      const found = resources.filter((r) => r.type === type);
      if (found.length !== 1) throw new Error(`expected exactly one planned ${type}, found ${found.length}`);
      return found[0];
    },
  };
}
