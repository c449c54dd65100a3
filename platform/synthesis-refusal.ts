/**
 * A refusal raised while synthesizing (a construct check or a guardrail, after the declaration passed
 * validation) as declaration issues: each at the pipeline and role its construct belongs to, `problem
 * — fix`, and without cdktf's advice to skip validation, which would deploy what was refused.
 */
import { PlatformDeclaration } from "./declaration";
import { DeclarationIssue } from "./declaration-error";

/** cdktf's closing advice, which the platform never wants followed. */
const SKIP_VALIDATION_ADVICE = /\n*If you wish to ignore these validations, pass 'skipValidation: true' to your App configuration\.\n*/;
/** One validation message of cdktf: `  [stack] text`. */
const STACK_MESSAGE = /^ {2}\[(?<stack>[^\]]+)\] (?<text>.+)$/;

/** Where a construct path (`identity-production/payments-service/Apply/Managed-X`) is in the declaration. */
function declarationPathOf(constructPath: string, d: PlatformDeclaration): string {
  const parts = constructPath.split("/");
  const pipelines: [string, string][] = d.pipelines.map((p, i) => [p.slug, `pipelines[${i}]`]);
  if (d.platformPipeline) pipelines.push([d.platformPipeline.slug, "platformPipeline"]);
  for (const [index, part] of parts.entries()) {
    const pipeline = pipelines.find(([slug]) => slug === part);
    if (!pipeline) continue;
    const role = parts[index + 1]?.toLowerCase();
    return role === "plan" || role === "apply" ? `${pipeline[1]}.${role}` : pipeline[1];
  }
  return "";
}

/** The issues of a synthesis refusal: none when it is not cdktf's list of validation messages. */
export function synthesisIssues(err: Error, d: PlatformDeclaration): DeclarationIssue[] {
  return withoutSkipValidationAdvice(err.message)
    .split("\n")
    .map((line) => line.match(STACK_MESSAGE)?.groups)
    .filter((groups): groups is { stack: string; text: string } => groups !== undefined)
    .map(({ stack, text }) => {
      const constructPath = text.match(/ refuses (\S+)/)?.[1] ?? stack;
      return { path: declarationPathOf(constructPath, d), message: text.replace(/\. Fix: /, " — ").replace(/\.$/, "") };
    });
}

/** A refusal's message without cdktf's closing advice to skip validation. */
export function withoutSkipValidationAdvice(message: string): string {
  return message.replace(SKIP_VALIDATION_ADVICE, "\n").trimEnd();
}
