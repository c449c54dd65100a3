import { App, TerraformStack } from "cdktf";

type TerraformConfig = ReturnType<TerraformStack["toTerraform"]>;

/** Set while {@link synthesizeApp} runs `app.synth()`, when no code of ours can change the tree. */
let synthesizing = false;

/**
 * A stack whose Terraform configuration is resolved once per synthesis
 * instead of twice. cdktf's synthesizer runs a stack's validations and then
 * resolves its configuration to write it; the guardrails' validation resolves
 * the same configuration to check it, which for a large shard is a third of
 * the synth. During {@link synthesizeApp}, the configuration a validation
 * resolved is the one the synthesizer then writes (so the file is exactly what
 * the guardrails checked); any other call resolves it afresh, as cdktf does.
 */
export class ValidatedConfigStack extends TerraformStack {
  private validating = false;
  private validatedConfig?: TerraformConfig;

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
