import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { load } from "js-yaml";
import { carriedScript } from "../../constructs/index";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { pipelineStepListing } from "../../platform/step-listing";
import { synthesizePlatform } from "../../platform/synthesize";
import { validateDeclaration } from "../../platform/validate";

/**
 * `npm run steps -- SLUG` is how a reviewer reads what a Buildkite job runs: the stored command is
 * `sh -eu -c "$(printf '%b' '…')"`, unreadable by eye. The listing is only worth reading if it shows
 * exactly what the shell will run, so each decoded script is compared with what `printf '%b'`
 * prints in dash for the very command Terraform stores.
 */
describe("pipelineStepListing: the stored steps, decoded for reviewers", () => {
  let dir: string;
  const outdir = () => path.join(dir, "cdktf.out");

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-step-listing-"));
    // The example, with one pipeline signing its steps: its steps are read through the data source that signs them.
    const input = JSON.parse(JSON.stringify(EXAMPLE_PLATFORM)) as PlatformDeclarationInput & { pipelines: { slug: string; signing?: unknown }[] };
    input.pipelines.find((p) => p.slug === "networking")!.signing = { jwksFile: "/etc/buildkite/signing.json", keyId: "acme-1" };
    await synthesizePlatform(validateDeclaration(input, "test declaration"), { outdir: outdir(), offline: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The commands of every stored command step: each pipeline's steps YAML, or the unsigned steps of the data source that signs them. */
  function storedCommands(): string[] {
    const commands: string[] = [];
    for (const stack of fs.readdirSync(path.join(outdir(), "stacks"))) {
      const config = JSON.parse(fs.readFileSync(path.join(outdir(), "stacks", stack, "cdk.tf.json"), "utf8"));
      const texts = [
        ...Object.values<{ steps: string }>(config.resource?.buildkite_pipeline ?? {}).map((p) => p.steps),
        ...Object.values<{ unsigned_steps: string }>(config.data?.buildkite_signed_pipeline_steps ?? {}).map((d) => d.unsigned_steps),
      ].filter((text) => !text.startsWith("${"));
      for (const text of texts) {
        for (const step of (load(text) as { steps: { command?: string[] }[] }).steps) commands.push(...(step.command ?? []));
      }
    }
    return commands;
  }

  it("decodes every stored Terraform step to exactly the script the shell runs", () => {
    const commands = storedCommands();
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const command of commands) {
      // The same command with `sh -eu -c` replaced by printf: dash prints the script the job would run.
      const printed = spawnSync("dash", ["-c", command.replace(/^sh -eu -c /, "printf '%s' ")], { encoding: "utf8" });
      expect(printed.status).toBe(0);
      expect(carriedScript(command)?.replace(/\n+$/, "")).toBe(printed.stdout);
    }
  });

  it("lists a pipeline's steps in order, with their conditions, queues and decoded scripts", () => {
    const listing = pipelineStepListing(outdir(), "data-platform");
    expect(listing).toMatch(/^# Steps of data-platform \(stack buildkite\)\n/);
    const plan = listing.indexOf("## plan: :terraform: Plan");
    const apply = listing.indexOf("## apply-data:");
    expect(plan).toBeGreaterThan(0);
    expect(apply).toBeGreaterThan(plan);
    expect(listing).toContain("- agents: queue=terraform-data");
    // Read as written: variables, quotes and backslashes, no octal escapes.
    expect(listing).toContain('case "${BUILDKITE_BRANCH}" in');
    expect(listing).toContain("terraform plan -input=false -lock=false -out=tfplan");
    expect(listing).toContain("printf '%s\\n'");
    expect(listing).not.toContain("\\0044");
    expect(listing).not.toContain("\\0047");
  });

  it("reads a signed pipeline's steps from the steps it signs", () => {
    const listing = pipelineStepListing(outdir(), "networking");
    expect(listing).toMatch(/^# Steps of networking \(stack buildkite, signed\)\n/);
    expect(listing).toContain("terraform apply -input=false");
    expect(listing).not.toContain("\\0044");
  });

  it("names the pipelines there are when asked for one that is not, and the fix when nothing was synthesized", () => {
    expect(() => pipelineStepListing(outdir(), "payments")).toThrow(
      /no pipeline "payments" in .*\(it has data-platform, networking, payments-service, platform-trust\) — name one of its pipelines/,
    );
    expect(() => pipelineStepListing(path.join(dir, "nothing"), "data-platform")).toThrow(/no synthesized stacks in .* — run npm run synth first/);
  });
});
