// Global setup of the integration tier: compiles the app into dist/ once, for
// the tests that run it as a process (the main job, the workers of a
// multi-process synthesis, the packed consumer app). The unit tier never needs it.
const { spawnSync } = require("child_process");
const path = require("path");

module.exports = async function compileApp() {
  const root = path.resolve(__dirname, "..");
  // Build mode, as npm run build: nothing to compile when dist/ is newer than every source.
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
};
