/**
 * The steps of a pipeline as Buildkite stores them, read back from the
 * synthesized Terraform, with each step's script as a person reads it.
 *
 * Buildkite shows a Terraform step as `sh -eu -c "$(printf '%b' '…')"`, every
 * `$` written `\0044` and every `'` written `\0047`: Buildkite interpolates
 * `$NAME`, `${…}` and their escapes `$$NAME`, `\$NAME` in stored steps, and the
 * provider's `buildkite_signed_pipeline_steps` refuses all four (see
 * docs/buildkite.md, "Why the step scripts look escaped"). This listing is how a
 * reviewer or auditor reads them: decoded from the very text Terraform sends.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { carriedScript } from "../constructs/index";

/** A stored step, as far as the listing needs it. */
interface StoredStep {
  readonly key?: string;
  readonly label?: string;
  readonly block?: string;
  readonly if?: string;
  readonly agents?: Record<string, string>;
  readonly allowed_teams?: readonly string[];
  readonly command?: string | readonly string[];
  readonly commands?: string | readonly string[];
}

/** A Buildkite pipeline resource of a synthesized stack. */
interface StoredPipeline {
  readonly stack: string;
  readonly slug: string;
  readonly signed: boolean;
  readonly steps: readonly StoredStep[];
}

/** The steps of the pipeline `slug`, decoded, as Markdown; throws naming the fix when there is none. */
export function pipelineStepListing(outdir: string, slug: string): string {
  const pipelines = storedPipelines(outdir);
  const pipeline = pipelines.find((p) => p.slug === slug);
  if (pipeline === undefined) {
    const known = pipelines.map((p) => p.slug).sort();
    throw new Error(
      `no pipeline "${slug}" in ${outdir}` +
        (known.length > 0 ? ` (it has ${known.slice(0, 10).join(", ")}${known.length > 10 ? `, … ${known.length} in all` : ""})` : "") +
        ` — name one of its pipelines, or run npm run synth for the declaration that has it`,
    );
  }
  const lines = [
    `# Steps of ${pipeline.slug} (stack ${pipeline.stack}${pipeline.signed ? ", signed" : ""})`,
    "",
    "As Terraform stores them in Buildkite; each script decoded as `printf '%b'` decodes it when the job runs.",
  ];
  for (const step of pipeline.steps) lines.push("", ...stepLines(step));
  return `${lines.join("\n")}\n`;
}

function stepLines(step: StoredStep): string[] {
  const commands = [step.commands ?? step.command ?? []].flat();
  const heading = `## ${step.key ?? "(no key)"}: ${step.block !== undefined ? `block step "${step.block}"` : (step.label ?? "")}`;
  const facts = [
    ...(step.if !== undefined ? [`- runs if: \`${step.if}\``] : []),
    ...(step.agents !== undefined
      ? [
          `- agents: ${Object.entries(step.agents)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")}`,
        ]
      : []),
    ...(step.allowed_teams !== undefined ? [`- approved by the teams: ${step.allowed_teams.join(", ")}`] : []),
  ];
  const scripts = commands.flatMap((command) => {
    const script = carriedScript(command);
    return script === undefined ? ["```sh", command, "```"] : ["```sh", script, "```"];
  });
  return [heading, ...(facts.length > 0 ? ["", ...facts] : []), ...(scripts.length > 0 ? ["", ...scripts] : [])];
}

/** Every Buildkite pipeline of the synthesized stacks; signed pipelines through the steps they sign. */
function storedPipelines(outdir: string): StoredPipeline[] {
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) throw new Error(`no synthesized stacks in ${outdir} — run npm run synth first`);
  const found: StoredPipeline[] = [];
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const config = JSON.parse(fs.readFileSync(file, "utf8")) as {
      resource?: { buildkite_pipeline?: Record<string, { slug?: string; name: string; steps?: string }> };
      data?: { buildkite_signed_pipeline_steps?: Record<string, { unsigned_steps: string }> };
    };
    for (const pipeline of Object.values(config.resource?.buildkite_pipeline ?? {})) {
      const signedBy = pipeline.steps?.match(/^\$\{data\.buildkite_signed_pipeline_steps\.([^.]+)\.steps\}$/)?.[1];
      const text = signedBy !== undefined ? config.data?.buildkite_signed_pipeline_steps?.[signedBy]?.unsigned_steps : pipeline.steps;
      const document = yaml.load(text ?? "") as { steps?: StoredStep[] } | undefined;
      found.push({ stack, slug: pipeline.slug ?? pipeline.name, signed: signedBy !== undefined, steps: document?.steps ?? [] });
    }
  }
  return found;
}
