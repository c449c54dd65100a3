import * as fs from "fs";
import * as path from "path";
import { App, TerraformResource, TerraformStack } from "cdktf";
import { buildPlatform, PlatformOptions } from "../stacks/platform";
import { synthesizeApp } from "../stacks/validated-config-stack";
import { accessReportMarkdown, ReportedPipeline, ReportedStack } from "./access-report";
import { PlatformDeclaration } from "./declaration";

/** Where and how the platform is synthesized. */
export interface SynthesizeOptions extends PlatformOptions {
  /** The cdktf output folder; replaced only when the whole synthesis succeeds. */
  readonly outdir: string;
  /** The auditors' Markdown report. @default "access-report.md" beside `outdir` */
  readonly reportFile?: string;
}

/** What one synthesis produced. */
export interface SynthesisResult {
  readonly stacks: readonly ReportedStack[];
  readonly pipelines: readonly ReportedPipeline[];
  readonly reportFile: string;
  /** What the operator must do before the remaining stacks can be synthesized, if anything. */
  readonly pending?: string;
}

function resourceCount(stack: TerraformStack): number {
  return stack.node.findAll().filter((c) => TerraformResource.isTerraformResource(c)).length;
}

/**
 * Synthesizes every stack of a validated declaration into a staging folder
 * and moves it into place only when the whole app (guardrails included)
 * synthesized, so an invalid platform never leaves a partial `cdktf.out/`.
 */
export function synthesizePlatform(declaration: PlatformDeclaration, options: SynthesizeOptions): SynthesisResult {
  const outdir = path.resolve(options.outdir);
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const staging = fs.mkdtempSync(`${outdir}.staging-`);
  try {
    const app = new App({ outdir: staging });
    const platform = buildPlatform(app, declaration, options);
    synthesizeApp(app);
    const stacks = app.node.children
      .filter((c): c is TerraformStack => TerraformStack.isStack(c))
      .map((s) => ({ name: s.node.id, resources: resourceCount(s), dependsOn: s.dependencies.map((d) => d.node.id) }));
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.renameSync(staging, outdir);
    const reportFile = options.reportFile ?? path.join(path.dirname(outdir), "access-report.md");
    fs.writeFileSync(reportFile, accessReportMarkdown(declaration.organization.slug, stacks, platform.pipelines));
    return { stacks, pipelines: platform.pipelines, reportFile, pending: platform.pending };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
