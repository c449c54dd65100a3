// Gives the whole test run a private temporary root: every temporary folder of
// the harness and of cdktf's Testing helpers (cdktf.outdir.*) lands there, and
// global-teardown.js removes it, even when tests fail. Runs for both tiers;
// the integration tier also compiles the app (compile-app.js).
const fs = require("fs");
const os = require("os");
const path = require("path");

/** Temporary folders the project or cdktf could leave in the system temp folder. */
const LEFTOVER = /^(cdktf\.outdir\.|bktt-|buildkite-bindings-|declaration-)/;

module.exports = async function globalSetup() {
  const systemTmp = os.tmpdir();
  const tmpRoot = fs.mkdtempSync(path.join(systemTmp, "bktt-jest-"));
  process.env.BKTT_SYSTEM_TMPDIR = systemTmp;
  process.env.BKTT_TEST_TMPDIR = tmpRoot;
  process.env.BKTT_TMP_BEFORE = JSON.stringify(fs.readdirSync(systemTmp).filter((name) => LEFTOVER.test(name)));
  process.env.TMPDIR = tmpRoot;
};
module.exports.LEFTOVER = LEFTOVER;
