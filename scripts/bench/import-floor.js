// The import floor: loads exactly the cdktf, constructs and provider modules
// the app loads (the JSON list loaded-modules.js wrote) and synthesizes
// nothing, so the app's synth can be compared with the cost of its imports.
// With a second argument, a provider package (`@cdktf/provider-aws`) or
// `none`, it loads cdktf's and constructs' modules, then only that provider's,
// and prints how long the provider's `require`s took in the process (JSON,
// `requireMs`), which process start-up and the machine's load blur less.
"use strict";
const fs = require("fs");
const modules = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const only = process.argv[3];
if (only === undefined) {
  for (const module of modules) require(module);
} else {
  const core = /node_modules\/(cdktf|constructs)\//;
  for (const module of modules) if (core.test(module)) require(module);
  const started = process.hrtime.bigint();
  for (const module of modules) if (only !== "none" && module.includes(`node_modules/${only}/`)) require(module);
  process.stdout.write(`${JSON.stringify({ requireMs: Number(process.hrtime.bigint() - started) / 1e6 })}\n`);
}
