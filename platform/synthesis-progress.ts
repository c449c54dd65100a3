import { SynthesisProgress } from "./synthesize";

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Progress of a long synthesis for a person at a terminal, on stderr so that stdout stays the report.
 * Nothing when stderr is not a terminal or under CI (`CI` set, as Buildkite and most CI systems do):
 * logs keep only the result. Each line says what is being done and how long it has taken.
 */
export function synthesisProgressPrinter(
  stream: ProgressStream,
  env: Readonly<Record<string, string | undefined>>,
  now: () => number = Date.now,
): ((progress: SynthesisProgress) => void) | undefined {
  if (!stream.isTTY || (env.CI !== undefined && env.CI !== "" && env.CI !== "false")) return undefined;
  const start = now();
  const elapsed = () => `${((now() - start) / 1000).toFixed(1)} s`;
  return (progress) => {
    switch (progress.step) {
      case "started": {
        const processes = progress.processes === 1 ? "" : ` in ${progress.processes} processes`;
        stream.write(`Synthesizing ${progress.stacks} stacks (${progress.pipelines} pipelines)${processes}...\n`);
        break;
      }
      case "share-done":
        stream.write(
          progress.processes === 1
            ? `  built and synthesized ${progress.stacks} stacks (${elapsed()})\n`
            : `  process ${progress.process} of ${progress.processes}: ${progress.stacks} stacks done (${elapsed()})\n`,
        );
        break;
      case "writing":
        stream.write(`  checked; moving the output into place (${elapsed()})\n`);
        break;
    }
  };
}
