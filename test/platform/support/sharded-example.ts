import { EXAMPLE_PLATFORM } from "../../../platform/example-platform";
import { validateDeclaration } from "../../../platform/validate";

/** The example with one pipeline per stack: seven stacks besides the state backend. */
export function shardedExample(mutate: (d: any) => void = () => undefined) {
  const input = structuredClone(EXAMPLE_PLATFORM) as any;
  input.pipelinesPerStack = 1;
  mutate(input);
  return validateDeclaration(input);
}
