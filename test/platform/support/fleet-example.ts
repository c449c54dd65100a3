import { TerraformStack, Testing } from "cdktf";
import { buildPlatform } from "../../../platform/build-platform";
import { PlatformDeclarationInput } from "../../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../../platform/example-platform";
import { validateDeclaration } from "../../../platform/validate";
import { synthJson } from "../../support/synth";

/** A second account. Its identity stacks keep their state in the state account's bucket: deployed through this role. */
export const STAGING = { name: "staging", id: "210987654321", region: "eu-west-1", deployRoleArn: "arn:aws:iam::210987654321:role/platform-deployer" };

/** The UUID the example's first pipeline (networking) declares, so that it can change Buildkite stack. */
export const NETWORKING_UUID = "0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";

/** The example with two identity shards in its account, a second account, two Buildkite shards and networking's UUID. */
export function fleetExample(mutate: (d: any) => void = () => undefined): PlatformDeclarationInput {
  const input = structuredClone(EXAMPLE_PLATFORM) as any;
  input.accounts = [{ ...input.accounts[0], shards: 2 }, STAGING];
  input.buildkiteShards = 2;
  input.pipelines[0].id = NETWORKING_UUID;
  mutate(input);
  return input;
}

/** Every stack of the platform by name, synthesized. */
export function synthesizedStacks(input: PlatformDeclarationInput): Record<string, any> {
  const app = Testing.app();
  buildPlatform(app, validateDeclaration(input), { offline: true });
  return Object.fromEntries(app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c)).map((stack) => [stack.node.id, synthJson(stack)]));
}
