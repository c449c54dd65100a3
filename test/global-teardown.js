const fs = require("fs");

module.exports = async function globalTeardown() {
  const root = process.env.BKTT_TEST_TMPDIR;
  if (root && root.includes("bktt-jest-")) fs.rmSync(root, { recursive: true, force: true });
};
