// Preloaded into the project's synth once: at exit it writes the list of
// provider and cdktf modules the app loaded, so that the import floor loads
// exactly the same modules and nothing else.
"use strict";
const fs = require("fs");
const file = process.env.BKTT_BENCH_MODULES_FILE;
if (file) {
  process.on("exit", () => {
    const wanted = /node_modules\/(cdktf|constructs|@cdktf\/provider-[a-z]+)\/|\/providers\/buildkite\/lib\//;
    const modules = Object.keys(require.cache).filter((m) => wanted.test(m) && !m.includes("node_modules/cdktf/node_modules"));
    fs.writeFileSync(file, JSON.stringify(modules));
  });
}
