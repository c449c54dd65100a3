import { PlatformDeclarationInput } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { quotaFindings } from "../../platform/quotas";
import { validateDeclaration } from "../../platform/validate";

// Plain Node module shared with scripts/bench.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { benchDeclaration } = require("../../scripts/bench/declarations") as {
  benchDeclaration(example: PlatformDeclarationInput, size: number): PlatformDeclarationInput;
};

describe("the benchmark's declaration generator", () => {
  it.each([1, 10, 100, 1000])("generates a valid declaration with %i pipelines in the example's one account", (size) => {
    const declaration = validateDeclaration(benchDeclaration(EXAMPLE_PLATFORM, size), `${size} pipelines`);
    expect(declaration.pipelines).toHaveLength(size);
    expect(declaration.accounts.map((a) => a.id)).toEqual([EXAMPLE_PLATFORM.accounts[0].id]);
    // The example's platform pipeline and state are kept, so the stacks are those of the example, larger.
    expect(declaration.platformPipeline?.slug).toBe(EXAMPLE_PLATFORM.platformPipeline?.slug);
    expect(declaration.state.bucket).toBe(EXAMPLE_PLATFORM.state.bucket);
    // Below the quota warning: the benchmark measures synthesis, not warnings.
    expect(quotaFindings(declaration)).toEqual([]);
  });

  it("varies slugs, owners, teams and permission sets across the fleet", () => {
    const { pipelines } = validateDeclaration(benchDeclaration(EXAMPLE_PLATFORM, 100));
    const distinct = (values: string[]) => new Set(values).size;
    expect(distinct(pipelines.map((p) => p.slug))).toBe(100);
    expect(distinct(pipelines.map((p) => p.owner ?? ""))).toBeGreaterThanOrEqual(5);
    expect(distinct(pipelines.flatMap((p) => p.teams.map((t) => `${t.team}:${t.access}`)))).toBeGreaterThanOrEqual(10);
    expect(distinct(pipelines.map((p) => p.apply.permissions.sets.join("+")))).toBeGreaterThanOrEqual(4);
    expect(distinct(pipelines.map((p) => p.plan.permissions.sets.join("+")))).toBe(2);
  });

  it("refuses a size that is not a whole number of pipelines", () => {
    expect(() => benchDeclaration(EXAMPLE_PLATFORM, 0)).toThrow(/at least 1/);
    expect(() => benchDeclaration(EXAMPLE_PLATFORM, 2.5)).toThrow(/whole number/);
  });
});
