// Compares two synthesized outputs (cdktf.out/ and what lies beside it) semantically: JSON files are
// parsed and compared value by value, everything else byte for byte. The only thing allowed to
// differ is the stamp of the cdktf version that wrote the files, so that the same app synthesized
// by cdktf 0.21 and by its community fork cdktn (aliased as `cdktf`) compares equal, and any other
// difference is reported by its file and JSON path with both values. Pure: it takes file contents,
// the caller reads the folders (scripts/compat-cdktn.js, test/scripts/synth-comparison.test.ts).
"use strict";

/**
 * Where cdktf stamps its own version, per file name: the manifest's top-level `version`, and each
 * stack's `"//": { "metadata": { "version" } }`. Nothing else is ignored.
 */
const CDKTF_VERSION_PATHS = {
  "manifest.json": [["version"]],
  "cdk.tf.json": [["//", "metadata", "version"]],
};

/** How many differences a report lists before it says how many more there are. */
const DEFAULT_REPORT_LIMIT = 20;

/** The cdktf version stamps of a kind of file: `{ path, value }` for each stamp path of CDKTF_VERSION_PATHS. */
function cdktfVersionStamps(fileName, value) {
  return (CDKTF_VERSION_PATHS[fileName.split("/").pop()] ?? []).map((stampPath) => ({
    stampPath,
    path: stampPath.reduce(childPath, "$"),
    value: stampPath.reduce((node, key) => (isObject(node) ? node[key] : undefined), value),
  }));
}

/** The JSON value without the cdktf version stamp of its kind of file (a copy; the input is not changed). */
function withoutCdktfVersion(fileName, value) {
  const copy = structuredClone(value);
  for (const { stampPath } of cdktfVersionStamps(fileName, value)) {
    const parent = stampPath.slice(0, -1).reduce((node, key) => (isObject(node) ? node[key] : undefined), copy);
    if (isObject(parent)) delete parent[stampPath[stampPath.length - 1]];
  }
  return copy;
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `$.resource.aws_iam_role["bk-networking-plan"].name`: identifiers plainly, other keys quoted. */
function childPath(path, key) {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Every place where two parsed JSON values differ: `{ path, expected, actual }`, absent values as `undefined`. */
function jsonDifferences(expected, actual, path = "$") {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    return Array.from({ length }, (_, index) => jsonDifferences(expected[index], actual[index], childPath(path, index))).flat();
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap((key) => jsonDifferences(expected[key], actual[key], childPath(path, key)));
  }
  return Object.is(expected, actual) ? [] : [{ path, expected, actual }];
}

/**
 * Compares two outputs given as `{ relativePath: content }`: the same files, JSON files equal once the
 * cdktf version stamp is removed, other files identical. Returns the differences (`file`, `path`,
 * `expected`, `actual`; a missing file has the path `(file)`) and the version stamps that were ignored.
 */
function compareSynthOutputs(expectedFiles, actualFiles) {
  const differences = [];
  const ignoredStamps = [];
  const files = [...new Set([...Object.keys(expectedFiles), ...Object.keys(actualFiles)])].sort();
  for (const file of files) {
    const [expected, actual] = [expectedFiles[file], actualFiles[file]];
    if (expected === undefined || actual === undefined) {
      differences.push({
        file,
        path: "(file)",
        expected: expected === undefined ? undefined : "present",
        actual: actual === undefined ? undefined : "present",
      });
    } else if (file.endsWith(".json")) {
      const [expectedJson, actualJson] = [JSON.parse(expected), JSON.parse(actual)];
      const [expectedBare, actualBare] = [withoutCdktfVersion(file, expectedJson), withoutCdktfVersion(file, actualJson)];
      differences.push(...jsonDifferences(expectedBare, actualBare).map((difference) => ({ file, ...difference })));
      const actualStamps = cdktfVersionStamps(file, actualJson);
      for (const [index, stamp] of cdktfVersionStamps(file, expectedJson).entries()) {
        if (stamp.value !== actualStamps[index].value) ignoredStamps.push({ file, path: stamp.path, expected: stamp.value, actual: actualStamps[index].value });
      }
    } else if (expected !== actual) {
      differences.push({ file, path: "(text)", ...firstDifferingLine(expected, actual) });
    }
  }
  return { files: files.length, differences, ignoredStamps };
}

/** The first line where two texts differ, numbered, for a readable report on non-JSON files. */
function firstDifferingLine(expected, actual) {
  const [expectedLines, actualLines] = [expected.split("\n"), actual.split("\n")];
  const index = expectedLines.findIndex((line, i) => line !== actualLines[i]);
  const at = index === -1 ? expectedLines.length : index;
  return { expected: `line ${at + 1}: ${expectedLines[at] ?? "(end of file)"}`, actual: `line ${at + 1}: ${actualLines[at] ?? "(end of file)"}` };
}

const SHORT = 160;

/** A value as one short line: JSON, cut at 160 characters (from `from` on, when given); `(absent)` for a missing value. */
function shortValue(value, from = 0) {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  if (text.length <= SHORT) return text;
  const start = Math.min(from, text.length);
  return `${start > 0 ? "..." : ""}${text.slice(start, start + SHORT)}${start + SHORT < text.length ? "..." : ""}`;
}

/** Where two long strings (a policy document, a pipeline's steps) start to differ, less some context: where both are cut. */
function windowStart(expected, actual) {
  if (typeof expected !== "string" || typeof actual !== "string") return 0;
  const [left, right] = [JSON.stringify(expected), JSON.stringify(actual)];
  let index = 0;
  while (index < left.length && left[index] === right[index]) index++;
  return Math.max(0, index - 60);
}

/** The first `limit` differences, one block each (file and path, then both values), and how many more. */
function formatDifferences(differences, { limit = DEFAULT_REPORT_LIMIT, expectedLabel = "expected", actualLabel = "actual" } = {}) {
  const width = Math.max(expectedLabel.length, actualLabel.length);
  const lines = differences
    .slice(0, limit)
    .flatMap(({ file, path, expected, actual }) => [
      `${file}: ${path}`,
      `  ${expectedLabel.padEnd(width)} ${shortValue(expected, windowStart(expected, actual))}`,
      `  ${actualLabel.padEnd(width)} ${shortValue(actual, windowStart(expected, actual))}`,
    ]);
  if (differences.length > limit) lines.push(`... and ${differences.length - limit} more differences`);
  return lines.join("\n");
}

module.exports = { CDKTF_VERSION_PATHS, compareSynthOutputs, formatDifferences, jsonDifferences, withoutCdktfVersion };
