// ESLint (flat config): ESLint's and typescript-eslint's recommended rules, for the project's TypeScript and
// its Node scripts. Formatting is Prettier's (.prettierrc.json); `npm run lint` runs both.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  // Generated or built: the Buildkite bindings (npm run gen:buildkite), compiled and synthesized output, the API reference.
  globalIgnores([
    "dist/",
    "cdktf.out/",
    "coverage/",
    "docs/api/",
    "providers/buildkite/lib/",
    "examples/*/node_modules/",
    "examples/*/dist/",
    "examples/*/cdktf.out/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // As tsc's noUnusedLocals/noUnusedParameters: a leading underscore marks what is unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Only the app's entry and the scripts talk to the terminal; a library or a test that must print says why.
    ignores: ["main.ts", "scripts/**"],
    rules: { "no-console": "error" },
  },
  {
    // The library is configured through props only (the developers' guide): it never reads the environment.
    files: ["constructs/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "constructs take their settings as props; read the environment in main.ts or platform/" },
      ],
    },
  },
  {
    // The Node scripts and configuration files are CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests and their harness read synthesized JSON and terraform plans, which are untyped documents.
    files: ["test/**/*.ts", "testing/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
