// Preloaded (node --require) into every Node process of a benchmark run: at
// exit it appends the process's peak resident set size (KiB) and the CPU time
// it used (user + system, microseconds) to the file named by
// BKTT_BENCH_RSS_FILE, so the benchmark can report the peak and the total CPU
// of a whole process tree (the cdktf CLI starts the app as a child process).
"use strict";
const fs = require("fs");
const file = process.env.BKTT_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    fs.appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
