// Global setup of the integration tier: compiles the app into dist/ once, for
// the tests that run it as a process (the main job, the workers of a
// multi-process synthesis, the packed consumer app). The unit tier never needs it.
const { buildIfStale } = require("../scripts/build-if-stale");

// As npm run synth: nothing to compile when dist/ is newer than every source.
module.exports = async function compileApp() {
  buildIfStale();
};
