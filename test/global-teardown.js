// Removes the run's temporary root, then fails the run if anything new was
// left in the system temp folder (something escaped the private root).
const fs = require("fs");
const { LEFTOVER } = require("./global-setup");

module.exports = async function globalTeardown() {
  const root = process.env.BKTT_TEST_TMPDIR;
  if (root && root.includes("bktt-jest-")) fs.rmSync(root, { recursive: true, force: true });
  const before = new Set(JSON.parse(process.env.BKTT_TMP_BEFORE || "[]"));
  const systemTmp = process.env.BKTT_SYSTEM_TMPDIR;
  const left = fs.readdirSync(systemTmp).filter((name) => LEFTOVER.test(name) && !before.has(name) && !name.startsWith("bktt-jest-"));
  if (left.length > 0) {
    throw new Error(`the tests left temporary folders in ${systemTmp}: ${left.join(", ")}`);
  }
};
