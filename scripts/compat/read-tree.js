// Every file under a folder with its content, by path relative to the folder with `/` separators:
// the form in which two synthesized outputs are compared (scripts/compat-cdktn.js, and the tests
// through test/support/read-tree.ts).
"use strict";
const fs = require("fs");
const path = require("path");

function readTree(dir, prefix = "") {
  return Object.assign(
    {},
    ...fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).map((entry) => {
      const relative = path.posix.join(prefix, entry.name);
      return entry.isDirectory() ? readTree(dir, relative) : { [relative]: fs.readFileSync(path.join(dir, relative), "utf8") };
    }),
  );
}

module.exports = { readTree };
