import * as fs from "fs";
import * as path from "path";
import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { addRotationTriggerProvider, rotationTrigger } from "../../constructs/buildkite/rotation-trigger";
import { ValidatedConfigApp, ValidatedConfigStack } from "../../stacks/validated-config-stack";
import { testValidatedConfigApp } from "../support/validated-config-app";

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

  it("resolves its configuration once per ValidatedConfigApp synthesis and writes the configuration the validation checked", () => {
    const app = testValidatedConfigApp();
    const seen: object[] = [];
    checkedStack(app, seen);
    app.synth();
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
    const app = testValidatedConfigApp();
    const stack = new ValidatedConfigStack(app, "failing");
    let fail = true;
    stack.node.addValidation({ validate: () => (stack.toTerraform(), fail ? ["refused"] : []) });
    expect(() => app.synth()).toThrow(/refused/);
    expect(app.synthesizing).toBe(false);
    fail = false;
    new TerraformOutput(stack, "fixed", { value: "yes" });
    app.synth();
    const written = JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", "failing", "cdk.tf.json"), "utf8"));
    expect(written.output.fixed.value).toBe("yes");
  });

  it("skips cdktf's preparing pass under a ValidatedConfigApp, and runs it under a plain App", () => {
    const prepares = jest.spyOn(TerraformStack.prototype, "prepareStack");
    try {
      const app = testValidatedConfigApp();
      checkedStack(app, []);
      app.synth();
      expect(prepares).not.toHaveBeenCalled();
      const plain = Testing.app();
      checkedStack(plain, []);
      plain.synth();
      expect(prepares).toHaveBeenCalledTimes(1);
    } finally {
      prepares.mockRestore();
    }
  });

  it("reads the synthesis flag of its own app: a plain App synthesized meanwhile keeps cdktf's synthesis", () => {
    const prepares = jest.spyOn(TerraformStack.prototype, "prepareStack");
    try {
      const app = testValidatedConfigApp();
      const stack = checkedStack(app, []);
      let flags: boolean[] = [];
      stack.node.addValidation({
        validate: () => {
          // Another app, built and synthesized while this one synthesizes.
          const plain = Testing.app();
          checkedStack(plain, []);
          plain.synth();
          flags = [app.synthesizing, (plain as Partial<ValidatedConfigApp>).synthesizing ?? false];
          return [];
        },
      });
      app.synth();
      expect(flags).toEqual([true, false]);
      // Only the plain app's stack went through cdktf's preparing pass.
      expect(prepares).toHaveBeenCalledTimes(1);
      expect(prepares.mock.contexts[0]).not.toBe(stack);
      expect(app.synthesizing).toBe(false);
    } finally {
      prepares.mockRestore();
    }
  });

  it("refuses under a ValidatedConfigApp a reference to another stack's resource, which only cdktf's preparing pass would route", () => {
    const stacksWithReference = (app: App): App => {
      const producer = new ValidatedConfigStack(app, "producer");
      addRotationTriggerProvider(producer);
      const rotation = rotationTrigger(producer, "rotation", 720);
      const consumer = new ValidatedConfigStack(app, "consumer");
      new TerraformOutput(consumer, "rotated", { value: rotation.getStringAttribute("id") });
      return app;
    };
    expect(() => stacksWithReference(testValidatedConfigApp()).synth()).toThrow(
      /consumer.*refers to time_rotating\.rotation, which this stack does not declare: take values from another stack through an output and remote state/s,
    );
    // cdktf's own synthesis turns the same reference into an output and a remote state.
    expect(() => stacksWithReference(Testing.app()).synth()).not.toThrow();
  });
});
