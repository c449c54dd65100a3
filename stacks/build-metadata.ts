/** The Buildkite variables that describe the build running the app, and the tag each becomes. */
const BUILD_VARIABLES: Readonly<Record<string, string>> = {
  BUILDKITE_ORGANIZATION_SLUG: "buildkite:organization",
  BUILDKITE_PIPELINE_SLUG: "buildkite:pipeline",
  BUILDKITE_BUILD_NUMBER: "buildkite:build-number",
  BUILDKITE_BUILD_URL: "buildkite:build-url",
  BUILDKITE_COMMIT: "buildkite:commit",
  BUILDKITE_BRANCH: "buildkite:branch",
};

/** AWS tag values allow letters, digits, spaces and `_ . : / = + - @`, up to 256 characters. */
function tagValue(value: string): string {
  return value.replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, "_").slice(0, 256);
}

/**
 * Tags describing the Buildkite build that runs the app, read from its
 * environment; empty outside a build (no `BUILDKITE_BUILD_NUMBER`).
 */
export function buildMetadataTags(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  if (!env.BUILDKITE_BUILD_NUMBER) return {};
  const tags: Record<string, string> = {};
  for (const [variable, tag] of Object.entries(BUILD_VARIABLES)) {
    const value = env[variable];
    if (value) tags[tag] = tagValue(value);
  }
  return tags;
}
