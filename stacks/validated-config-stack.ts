import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { undeclaredReferences } from "./undeclared-references";

type TerraformConfig = ReturnType<TerraformStack["toTerraform"]>;

/**
 * An app whose {@link ValidatedConfigStack}s resolve their configuration once
 * while it synthesizes. The flag they read is this app's own: another app in
 * the same process (a test's, one built while this one synthesizes) keeps
 * cdktf's synthesis.
 */
export class ValidatedConfigApp extends App {
  private synthesizingNow = false;

  /** True while {@link synth} runs, when no code of ours can change the tree. */
  get synthesizing(): boolean {
    return this.synthesizingNow;
  }

  /** `App.synth()`, with the stacks that extend {@link ValidatedConfigStack} resolving their configuration once. */
  synth(): void {
    this.synthesizingNow = true;
    try {
      super.synth();
    } finally {
      this.synthesizingNow = false;
    }
  }
}

/**
 * A stack whose Terraform configuration cdktf resolves once per synthesis
 * instead of three times. While its {@link ValidatedConfigApp} synthesizes:
 *
 * - it skips cdktf's preparing pass, which resolves every element only to
 *   find references to other stacks' tokens: the app's stacks take values
 *   from other stacks through explicit outputs and remote state only, and a
 *   validation refuses any reference the stack does not declare (which is
 *   what an implicit cross-stack reference would become);
 * - the configuration a validation resolved (the guardrails check it) is the
 *   one the synthesizer writes, so the file is exactly what was checked.
 *
 * Any other synthesis (a plain `App`'s `synth()`, `Testing.synth`) is cdktf's own.
 */
export class ValidatedConfigStack extends TerraformStack {
  private validating = false;
  private validatedConfig?: TerraformConfig;

  /** Whether this stack's app is a {@link ValidatedConfigApp} that is synthesizing it. */
  private get synthesizing(): boolean {
    const app = this.node.root;
    return app instanceof ValidatedConfigApp && app.synthesizing;
  }

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({
      validate: () =>
        this.synthesizing
          ? undeclaredReferences(this.toTerraform()).map(
              (address) => `refers to ${address}, which this stack does not declare: take values from another stack through an output and remote state`,
            )
          : [],
    });
  }

  prepareStack(): void {
    if (this.synthesizing) this.ensureBackendExists();
    else super.prepareStack();
  }

  runAllValidations(): void {
    this.validatedConfig = undefined;
    this.validating = this.synthesizing;
    try {
      super.runAllValidations();
    } finally {
      this.validating = false;
    }
  }

  toTerraform(): TerraformConfig {
    if (this.validating) return (this.validatedConfig ??= super.toTerraform());
    // The first call after the validations is the synthesizer's; it takes the validated configuration, once.
    const config = this.synthesizing ? this.validatedConfig : undefined;
    this.validatedConfig = undefined;
    return config ?? super.toTerraform();
  }
}
