import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { undeclaredReferences } from "./undeclared-references";

type TerraformConfig = ReturnType<TerraformStack["toTerraform"]>;

/** Set while {@link synthesizeApp} runs `app.synth()`, when no code of ours can change the tree. */
let synthesizing = false;

/**
 * A stack whose Terraform configuration cdktf resolves once per synthesis
 * instead of three times. During {@link synthesizeApp}:
 *
 * - it skips cdktf's preparing pass, which resolves every element only to
 *   find references to other stacks' tokens: the app's stacks take values
 *   from other stacks through explicit outputs and remote state only, and a
 *   validation refuses any reference the stack does not declare (which is
 *   what an implicit cross-stack reference would become);
 * - the configuration a validation resolved (the guardrails check it) is the
 *   one the synthesizer writes, so the file is exactly what was checked.
 *
 * Any other synthesis (`app.synth()`, `Testing.synth`) is cdktf's own.
 */
export class ValidatedConfigStack extends TerraformStack {
  private validating = false;
  private validatedConfig?: TerraformConfig;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({
      validate: () =>
        synthesizing
          ? undeclaredReferences(this.toTerraform()).map(
              (address) =>
                `refers to ${address}, which this stack does not declare: take values from another stack through an output and remote state`,
            )
          : [],
    });
  }

  prepareStack(): void {
    if (synthesizing) this.ensureBackendExists();
    else super.prepareStack();
  }

  runAllValidations(): void {
    this.validatedConfig = undefined;
    this.validating = synthesizing;
    try {
      super.runAllValidations();
    } finally {
      this.validating = false;
    }
  }

  toTerraform(): TerraformConfig {
    if (this.validating) return (this.validatedConfig ??= super.toTerraform());
    // The first call after the validations is the synthesizer's; it takes the validated configuration, once.
    const config = synthesizing ? this.validatedConfig : undefined;
    this.validatedConfig = undefined;
    return config ?? super.toTerraform();
  }
}

/**
 * `app.synth()`, with the stacks that extend {@link ValidatedConfigStack}
 * resolving their configuration once.
 */
export function synthesizeApp(app: App): void {
  synthesizing = true;
  try {
    app.synth();
  } finally {
    synthesizing = false;
  }
}
