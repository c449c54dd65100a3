import { EXAMPLE_PLATFORM } from "../../../platform/example-platform";
import { validateDeclaration } from "../../../platform/validate";

/**
 * The example with one pipeline per stack: seven stacks besides the state backend (four identity shards,
 * three Buildkite shards), each pipeline pinned to its own shard.
 */
export function shardedExample(mutate: (d: any) => void = () => undefined) {
  const input = structuredClone(EXAMPLE_PLATFORM) as any;
  input.accounts[0].shards = 4;
  input.buildkiteShards = 3;
  input.pipelines.forEach((p: any, i: number) => Object.assign(p, { identityShard: i + 1, buildkiteShard: i + 1 }));
  input.platformPipeline.identityShard = 4;
  mutate(input);
  return validateDeclaration(input);
}
