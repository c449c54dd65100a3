// The import floor: loads exactly the cdktf, constructs and provider modules
// the app loads (the JSON list loaded-modules.js wrote) and synthesizes
// nothing, so the app's synth can be compared with the cost of its imports.
"use strict";
const fs = require("fs");
for (const module of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) require(module);
