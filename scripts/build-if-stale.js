// Compiles the app into dist/ (`tsc -b tsconfig.build.json`) only when a source
// is newer than the last build. `tsc -b` makes the same decision, but loading
// the compiler to make it costs most of a second on every `npm run synth`;
// comparing modification times of the build's inputs costs milliseconds.
// When anything is newer (or dist/ was never built), tsc decides as usual.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const PROJECT = path.resolve(__dirname, "..");
const BUILD_CONFIG = "tsconfig.build.json";

/** The files and folders tsconfig.build.json compiles, and the configurations that shape the build. */
function buildInputs(root) {
  const config = JSON.parse(fs.readFileSync(path.join(root, BUILD_CONFIG), "utf8"));
  const included = config.include.map((pattern) => pattern.replace(/\/\*\*\/\*\.ts$/, ""));
  return [...included, BUILD_CONFIG, config.extends, "package-lock.json"].map((entry) => path.join(root, entry));
}

/** The newest modification time under a file or folder (TypeScript sources and JSON only). */
function newestChange(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder
  for (const child of fs.readdirSync(entry, { withFileTypes: true })) {
    if (child.isDirectory() || /\.(ts|json)$/.test(child.name)) newest = Math.max(newest, newestChange(path.join(entry, child.name)));
  }
  return newest;
}

/** Whether dist/ (its build info) may be older than its sources, in the project at `root`. */
function isStale(root = PROJECT) {
  const built = fs.statSync(path.join(root, "dist", ".tsbuildinfo"), { throwIfNoEntry: false });
  return !built || buildInputs(root).some((input) => newestChange(input) > built.mtimeMs);
}

/** Runs `tsc -b` when dist/ may be stale; throws with the compiler's output when it fails. */
function buildIfStale(root = PROJECT) {
  if (!isStale(root)) return false;
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", BUILD_CONFIG], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`tsc -b ${BUILD_CONFIG} failed:\n${build.stdout}${build.stderr}`);
  return true;
}

module.exports = { buildIfStale, isStale };

if (require.main === module) {
  try {
    buildIfStale();
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}
