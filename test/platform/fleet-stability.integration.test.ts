/**
 * A fleet's stacks do not depend on the order or the presence of the other
 * pipelines: over a declaration of 250 pipelines in two accounts, removing a
 * pipeline, inserting one at the front, reversing the order and appending one
 * moves no resource (type + logical ID) from one stack to another; appending
 * changes only the stacks that hold the new pipeline. (With the former
 * `chunk(pipelines, pipelinesPerStack)`, removing the first pipeline moved 22
 * resources and reversing the list moved thousands.) In the integration tier:
 * five builds of a 250-pipeline platform.
 */
import { TerraformResource, TerraformStack, Testing } from "cdktf";
import { buildPlatform } from "../../platform/build-platform";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { validateDeclaration } from "../../platform/validate";

// Plain Node module shared with scripts/bench.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { benchDeclaration } = require("../../scripts/bench/declarations") as {
  benchDeclaration(example: PlatformDeclarationInput, size: number, options?: { accounts?: number }): PlatformDeclarationInput;
};

/** Each resource of the platform (`<type>.<logical ID>`) and the stack that holds it. */
function resourceStacks(input: PlatformDeclarationInput): Map<string, string> {
  const app = Testing.app();
  buildPlatform(app, validateDeclaration(input), { offline: true });
  const held = new Map<string, string>();
  for (const stack of app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c))) {
    for (const resource of stack.node.findAll().filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c))) {
      const key = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
      // A logical ID is unique within its stack; the same one in two stacks (one provider per account) is told apart by the stack.
      held.set(held.has(key) ? `${stack.node.id}/${key}` : key, stack.node.id);
    }
  }
  return held;
}

/** The resources present in both platforms whose stack differs. */
function moved(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([key, stack]) => after.has(key) && after.get(key) !== stack).map(([key, stack]) => `${key}: ${stack} -> ${after.get(key)}`);
}

describe("a 250-pipeline fleet in two accounts", () => {
  const base = benchDeclaration(EXAMPLE_PLATFORM, 251, { accounts: 2 });
  // The pipeline the variants insert or append: a new slug, outside the fleet.
  const [extra] = benchDeclaration(EXAMPLE_PLATFORM, 251, { accounts: 2 }).pipelines.splice(250, 1);
  base.pipelines.splice(250, 1);
  const variant = (change: (pipelines: any[]) => any[]): PlatformDeclarationInput => ({ ...base, pipelines: change([...base.pipelines]) });
  const before = resourceStacks(base);
  let appended: Map<string, string> | undefined;

  it("is spread over several identity shards per account and several Buildkite shards", () => {
    expect(base.pipelines).toHaveLength(250);
    expect(new Set(base.pipelines.map((p) => p.account)).size).toBe(2);
    const stacks = new Set(before.values());
    expect([...stacks].filter((s) => s.startsWith("identity-production")).length).toBeGreaterThanOrEqual(2);
    expect([...stacks].filter((s) => s.startsWith("identity-staging")).length).toBeGreaterThanOrEqual(2);
    expect([...stacks].filter((s) => s.startsWith("buildkite")).length).toBeGreaterThanOrEqual(3);
    expect(before.size).toBeGreaterThan(2500);
  });

  it.each([
    ["removing the first pipeline", (p: any[]) => p.slice(1), base.pipelines[0].slug],
    ["inserting a pipeline at the front", (p: any[]) => [extra, ...p], extra.slug],
    ["reversing the order", (p: any[]) => p.reverse(), undefined],
    ["appending a pipeline", (p: any[]) => [...p, extra], extra.slug],
  ])("moves zero resources between stacks when %s", (name, change, changedSlug) => {
    const after = resourceStacks(variant(change));
    if (name === "appending a pipeline") appended = after;
    expect(moved(before, after)).toEqual([]);
    // Only the removed or added pipeline's resources (their logical IDs start with its construct's path) come or go.
    const cameOrWent = [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.has(key) !== after.has(key));
    if (changedSlug === undefined) expect(cameOrWent).toEqual([]);
    else expect(cameOrWent.length).toBeGreaterThanOrEqual(8);
    for (const key of cameOrWent) expect(key).toMatch(new RegExp(`^[a-z_]+\\.(pipeline-)?${changedSlug}_`));
  });

  it("changes only the stacks that hold an appended pipeline", () => {
    const after = appended ?? resourceStacks(variant((p) => [...p, extra]));
    const changedStacks = new Set([...after].filter(([key]) => !before.has(key)).map(([, stack]) => stack));
    expect([...changedStacks].sort()).toHaveLength(2); // its identity stack and its Buildkite stack
    for (const stack of new Set(before.values())) {
      if (changedStacks.has(stack)) continue;
      const keys = (m: Map<string, string>) =>
        [...m]
          .filter(([, s]) => s === stack)
          .map(([k]) => k)
          .sort();
      expect(keys(after)).toEqual(keys(before));
    }
  });
});
