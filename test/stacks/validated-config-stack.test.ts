import * as fs from "fs";
import * as path from "path";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { Rotating } from "@cdktf/provider-time/lib/rotating";
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

  it("skips cdktf's preparing pass under synthesizeApp, and runs it under a plain app.synth()", () => {
    const prepares = jest.spyOn(TerraformStack.prototype, "prepareStack");
    try {
      const app = Testing.app();
      checkedStack(app, []);
      synthesizeApp(app);
      expect(prepares).not.toHaveBeenCalled();
      app.synth();
      expect(prepares).toHaveBeenCalledTimes(1);
    } finally {
      prepares.mockRestore();
    }
  });

  it("refuses under synthesizeApp a reference to another stack's resource, which only cdktf's preparing pass would route", () => {
    const stacksWithReference = (): App => {
      const app = Testing.app();
      const producer = new ValidatedConfigStack(app, "producer");
      new TimeProvider(producer, "time");
      const rotation = new Rotating(producer, "rotation", { rotationDays: 30 });
      const consumer = new ValidatedConfigStack(app, "consumer");
      new TerraformOutput(consumer, "rotated", { value: rotation.id });
      return app;
    };
    expect(() => synthesizeApp(stacksWithReference())).toThrow(
      /consumer.*refers to time_rotating\.rotation, which this stack does not declare: take values from another stack through an output and remote state/s,
    );
    // cdktf's own synthesis turns the same reference into an output and a remote state.
    expect(() => stacksWithReference().synth()).not.toThrow();
  });
});
