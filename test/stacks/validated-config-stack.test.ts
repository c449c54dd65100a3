import * as fs from "fs";
import * as path from "path";
import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { synthesizeApp, ValidatedConfigStack } from "../../stacks/validated-config-stack";

/** A stack with a validation that, like the guardrails, checks the resolved configuration. */
function checkedStack(app: App, seen: object[]): ValidatedConfigStack {
  const stack = new ValidatedConfigStack(app, "checked");
  new TerraformOutput(stack, "greeting", { value: "hello" });
  stack.node.addValidation({
    validate: () => {
      seen.push(stack.toTerraform());
      return [];
    },
  });
  return stack;
}

describe("ValidatedConfigStack", () => {
  let resolves: jest.SpyInstance;
  beforeEach(() => (resolves = jest.spyOn(TerraformStack.prototype, "toTerraform")));
  afterEach(() => resolves.mockRestore());

  it("resolves its configuration once per synthesizeApp and writes the configuration the validation checked", () => {
    const app = Testing.app();
    const seen: object[] = [];
    checkedStack(app, seen);
    synthesizeApp(app);
    expect(resolves).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
    const written = JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", "checked", "cdk.tf.json"), "utf8"));
    expect(written).toEqual(JSON.parse(JSON.stringify(seen[0])));
    expect(written.output.greeting.value).toBe("hello");
  });

  it("resolves twice under a plain app.synth(), as cdktf does", () => {
    const app = Testing.app();
    checkedStack(app, []);
    app.synth();
    expect(resolves).toHaveBeenCalledTimes(2);
  });

  it("never hands out a configuration resolved before a change to the stack", () => {
    const app = Testing.app();
    const stack = checkedStack(app, []);
    stack.runAllValidations();
    new TerraformOutput(stack, "added", { value: "after validation" });
    expect((stack.toTerraform() as any).output.added.value).toBe("after validation");
  });

  it("keeps nothing from a synthesis whose validation failed", () => {
    const app = Testing.app();
    const stack = new ValidatedConfigStack(app, "failing");
    let fail = true;
    stack.node.addValidation({ validate: () => (stack.toTerraform(), fail ? ["refused"] : []) });
    expect(() => synthesizeApp(app)).toThrow(/refused/);
    fail = false;
    new TerraformOutput(stack, "fixed", { value: "yes" });
    synthesizeApp(app);
    const written = JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", "failing", "cdk.tf.json"), "utf8"));
    expect(written.output.fixed.value).toBe("yes");
  });
});
