/**
 * Buildkite interpolates `$NAME`, `${NAME...}` (and their escapes `$$NAME`,
 * `\$NAME`) in pipeline YAML when it is uploaded. Steps stored in pipeline
 * settings are not uploaded by an agent, and the provider's
 * `buildkite_signed_pipeline_steps` refuses any such syntax, escaped or not,
 * because a signed step must mean the same thing before and after upload.
 * So the steps generated here contain none of it: shell scripts that need
 * variables are carried in a form the interpolation grammar leaves alone.
 */

/** `$` followed by a letter or `{` starts an expansion in Buildkite's interpolation grammar (`$(`, `$1`, `$?` do not). */
const EXPANSION = /\$[\p{L}{]/gu;

/** The interpolation expansions in a text, as written (for example `$BUILDKITE_BRANCH`, `${`). */
export function findInterpolations(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(EXPANSION)) {
    const rest = text.slice(match.index).match(/^\$(\{[^}]*\}?|[\p{L}\p{N}_]+)/u);
    found.add(rest ? rest[0] : match[0]);
  }
  return [...found];
}

/** How {@link interpolationFreeScript} wraps the escaped script. */
const CARRIER_START = `sh -eu -c "$(printf '%b' '`;
const CARRIER_END = `')"`;

/**
 * A single shell command that runs a POSIX `sh` script and contains no
 * Buildkite interpolation syntax: the script is passed through `printf '%b'`
 * with each `$` written as the octal escape `\0044`, each `'` as `\0047` and
 * each backslash doubled, so it reaches `sh -eu` byte for byte as written,
 * whether or not anything interpolates the step, and stays readable there.
 */
export function interpolationFreeScript(script: string): string {
  const escaped = script.replace(/\\/g, "\\\\").replace(/\$/g, "\\0044").replace(/'/g, "\\0047");
  return `${CARRIER_START}${escaped}${CARRIER_END}`;
}

/**
 * The script a generated Terraform step's command (`sh -eu -c "$(printf '%b' '…')"`) runs, as a person reads it (what
 * `printf '%b'` prints); undefined for any other command. For reviewers and auditors of the stored
 * steps, and for tests that read what a step does.
 */
export function carriedScript(command: string): string | undefined {
  if (!command.startsWith(CARRIER_START) || !command.endsWith(CARRIER_END)) return undefined;
  const escaped = command.slice(CARRIER_START.length, -CARRIER_END.length);
  if (escaped.includes("'")) return undefined;
  return escaped.replace(/\\(\\|0044|0047)/g, (_, code: string) => (code === "\\" ? "\\" : code === "0044" ? "$" : "'"));
}
