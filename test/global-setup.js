// Gives the whole test run a private temporary root: every temporary folder of
// the harness and of cdktf's Testing helpers (cdktf.outdir.*) lands there, and
// global-teardown.js removes it, even when tests fail.
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async function globalSetup() {
  const systemTmp = os.tmpdir();
  const root = fs.mkdtempSync(path.join(systemTmp, "bktt-jest-"));
  process.env.BKTT_SYSTEM_TMPDIR = systemTmp;
  process.env.BKTT_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
};
