/**
 * Two tiers, chosen by file name so that a new test lands in the right one:
 * - unit: everything but `*.integration.test.ts`. In-process (synthesis, validation, rules), plus a few runs of
 *   generated shell functions in sh/bash; no terraform, no network, no compiled app. `npm run test:unit`, seconds.
 * - integration: `*.integration.test.ts`. Real terraform plans, s3rver/dynalite, the packed consumer app, the
 *   compiled app run as a process (main job, synthesis workers), typedoc, the bindings regeneration, and the
 *   generated steps run in bash against the trust policies (hundreds of shells).
 * `npm test` runs both.
 */
const INTEGRATION = "\\.integration\\.test\\.ts$";

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // tsconfig.json sets isolatedModules, so ts-jest only transpiles: `npm test` type-checks first with tsc.
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: { warnOnly: false } }] },
};

const PROJECTS = [
  {
    ...shared,
    displayName: "unit",
    testMatch: ["**/*.test.ts"],
    testPathIgnorePatterns: ["/node_modules/", INTEGRATION],
  },
  {
    ...shared,
    displayName: "integration",
    testMatch: ["**/*.integration.test.ts"],
    // Compiles the app into dist/ once, for the tests that run it as a process; only when this project runs.
    globalSetup: "<rootDir>/test/compile-app.js",
  },
];

// `npm run test:unit` sets BKTT_TEST_TIER=unit; jest's --selectProjects would swallow the test paths given after it.
const tier = process.env.BKTT_TEST_TIER;
if (tier !== undefined && !PROJECTS.some((p) => p.displayName === tier)) {
  throw new Error(`BKTT_TEST_TIER=${tier} is not a test tier: use ${PROJECTS.map((p) => p.displayName).join(" or ")}, or leave it unset for both`);
}

/** @type {import('jest').Config} */
module.exports = {
  projects: tier === undefined ? PROJECTS : PROJECTS.filter((p) => p.displayName === tier),
  // A private temporary root for the whole run, and the check that nothing escaped it, for both tiers.
  globalSetup: "<rootDir>/test/global-setup.js",
  globalTeardown: "<rootDir>/test/global-teardown.js",
  testTimeout: 120000,
  // Most slow suites wait on terraform or npm child processes, so two workers overlap them on two cores.
  maxWorkers: 2,
};
