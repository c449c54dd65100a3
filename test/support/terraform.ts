/**
 * Jest glue for the terraform harness: terraform-backed suites run when
 * terraform is on PATH, are skipped with a visible message when it is not, and
 * fail under CI=true, where a missing terraform is a broken machine.
 */
import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { runProcess } from "../../testing/child-process";
import { cliConfig, parsePlan, TerraformPlan, terraformEnv, terraformVersion } from "../../testing/terraform";

const version = terraformVersion();

export const terraformAvailable = version !== undefined;

/** `describe` for suites that need the real terraform binary. */
export function describeWithTerraform(name: string, fn: () => void): void {
  if (terraformAvailable) {
    describe(`${name} [${version}]`, fn);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("needs terraform on PATH (CI=true)", () => {
        throw new Error("terraform is not on PATH; terraform-backed tests must run under CI=true");
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}" needs terraform on PATH, which this machine does not have.`);
  describe.skip(`${name} (skipped: terraform not on PATH)`, fn);
}

/**
 * Plans several configurations (synthesized cdk.tf.json, parsed) in one terraform run, each a child module of a
 * generated root, and returns the plan of each by its key (a module name). Why: terraform and the aws provider
 * load the provider's schema (some 2-4 s of CPU) once per `plan` and once per `show`, however many
 * configurations there are, and `npm test` is CPU-bound; a suite with several plans pays that once. Terraform
 * validates and plans each module as it would the configuration alone, with the module's own provider
 * configuration; the backend is dropped (an offline plan never reaches it, as planConfiguration's local one).
 * A configuration planned from a state gets it in `states` (format 4, addresses of the configuration alone).
 * Each plan holds the module's planned values and resource changes with the addresses a plan of that
 * configuration alone shows (`module.<key>.` taken off). Not for `import` blocks (root module only): use
 * planConfiguration or planConfigurationAsync. Asynchronous, as planConfigurationAsync, so that servers of this
 * process can answer other terraform runs meanwhile.
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
    await runProcess("terraform", ["init", "-input=false", "-no-color"], root, env);
    await runProcess("terraform", ["plan", "-input=false", "-refresh=false", "-lock=false", "-no-color", "-out=plan.tfplan"], root, env);
    const whole = JSON.parse((await runProcess("terraform", ["show", "-json", "plan.tfplan"], root, env)).stdout);
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
