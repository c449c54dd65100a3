// Preloaded (node --require) into every Node process of a benchmark run: at
// exit it appends the process's peak resident set size (KiB) to the file
// named by BKTT_BENCH_RSS_FILE, so the benchmark can report the peak of a
// whole process tree (the cdktf CLI starts the app as a child process).
"use strict";
const fs = require("fs");
const file = process.env.BKTT_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
