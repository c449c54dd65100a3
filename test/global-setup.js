// Gives the whole test run a private temporary root: every temporary folder of
// the harness and of cdktf's Testing helpers (cdktf.outdir.*) lands there, and
// global-teardown.js removes it, even when tests fail. Compiles the app into
// dist/ once, for the tests that run it as a process (the main job, the
// workers of a multi-process synthesis).
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

/** Temporary folders the project or cdktf could leave in the system temp folder. */
const LEFTOVER = /^(cdktf\.outdir\.|bktt-|buildkite-bindings-|declaration-)/;

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "..");
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);

  const systemTmp = os.tmpdir();
  const tmpRoot = fs.mkdtempSync(path.join(systemTmp, "bktt-jest-"));
  process.env.BKTT_SYSTEM_TMPDIR = systemTmp;
  process.env.BKTT_TEST_TMPDIR = tmpRoot;
  process.env.BKTT_TMP_BEFORE = JSON.stringify(fs.readdirSync(systemTmp).filter((name) => LEFTOVER.test(name)));
  process.env.TMPDIR = tmpRoot;
};
module.exports.LEFTOVER = LEFTOVER;
