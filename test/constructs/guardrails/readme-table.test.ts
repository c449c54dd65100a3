/**
 * The README's guardrail table is the rules' own description: a rule missing
 * from it, or described differently than the rule object says, fails here.
 * The expected table is printed in the failure; paste it between the markers.
 */
import * as fs from "fs";
import * as path from "path";
import { AWS_TRUST_PACK, BUILDKITE_PIPELINES_PACK, GCP_TRUST_PACK, GUARDRAIL_RULES, STATE_BACKEND_PACK } from "../../../constructs/index";
import { guardrailTable } from "../../support/guardrail-table";

const README = path.join(__dirname, "../../../README.md");
const BEGIN = "<!-- guardrail-table:begin (generated from the rules; test/constructs/guardrails/readme-table.test.ts checks it) -->";
const END = "<!-- guardrail-table:end -->";

describe("the README's guardrail table", () => {
  it("lists every rule of the library with its pack, severity, requirement and fix", () => {
    const readme = fs.readFileSync(README, "utf8");
    const begin = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(begin);
    expect(readme.slice(begin + BEGIN.length, end).trim()).toBe(guardrailTable([AWS_TRUST_PACK, BUILDKITE_PIPELINES_PACK, GCP_TRUST_PACK, STATE_BACKEND_PACK]));
  });

  it("covers every rule by going through the packs", () => {
    expect([...AWS_TRUST_PACK.rules, ...BUILDKITE_PIPELINES_PACK.rules, ...GCP_TRUST_PACK.rules, ...STATE_BACKEND_PACK.rules]).toEqual(GUARDRAIL_RULES);
  });
});
