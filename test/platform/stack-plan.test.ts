import { PlatformDeclarationInput } from "../../platform/declaration";
import { DeclarationError } from "../../platform/declaration-error";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { shardFindings } from "../../platform/quotas";
import { buildkiteShards, identityShards, pipelineMoves, placementOf, shardOfSlug } from "../../platform/stack-plan";
import { validateDeclaration } from "../../platform/validate";

// Its identity stacks keep their state in the state account's bucket: deployed through this role.
const staging = { name: "staging", id: "210987654321", region: "eu-west-1", deployRoleArn: "arn:aws:iam::210987654321:role/platform-deployer" };
const DATA_PLATFORM_UUID = "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f";

/** The example, changed by `mutate` on a copy. */
function example(mutate: (d: any) => void = () => undefined) {
  const input = structuredClone(EXAMPLE_PLATFORM) as any;
  mutate(input);
  return input as PlatformDeclarationInput;
}

/** The issues validation reports, as `path: message`. */
function refusals(input: PlatformDeclarationInput): string[] {
  try {
    validateDeclaration(input);
  } catch (err) {
    if (err instanceof DeclarationError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

describe("shardOfSlug", () => {
  it("is a fixed function of the slug and the count: these values may never change (a change would move every pipeline)", () => {
    const table = (slug: string) => [1, 2, 3, 4, 5, 10].map((n) => shardOfSlug(slug, n));
    expect(table("networking")).toEqual([1, 1, 1, 4, 4, 9]);
    expect(table("payments-service")).toEqual([1, 1, 1, 1, 1, 1]);
    expect(table("data-platform")).toEqual([1, 2, 2, 4, 4, 7]);
  });

  it("moves only the slugs the new shard takes when a shard is added (about 1/N of them), and spreads them evenly", () => {
    const slugs = Array.from({ length: 2000 }, (_, i) => `service-${i}`);
    const moved = slugs.filter((s) => shardOfSlug(s, 7) !== shardOfSlug(s, 8));
    expect(moved.every((s) => shardOfSlug(s, 8) === 8)).toBe(true);
    expect(moved.length).toBeGreaterThan(2000 / 8 - 60);
    expect(moved.length).toBeLessThan(2000 / 8 + 60);
    const perShard = [1, 2, 3, 4].map((n) => slugs.filter((s) => shardOfSlug(s, 4) === n).length);
    for (const count of perShard) expect(Math.abs(count - 500)).toBeLessThan(75);
  });
});

describe("the stacks of a sharded fleet", () => {
  const d = validateDeclaration(
    example((input) => {
      input.accounts = [{ ...input.accounts[0], shards: 3 }, { ...staging }];
      input.buildkiteShards = 2;
      input.pipelines[1].account = "staging";
      input.pipelines[2].identityShard = 3;
      input.pipelines[2].buildkiteShard = 2;
    }),
  );

  it("declares every shard as a stack, empty ones included, so that no state vanishes when its last pipeline leaves", () => {
    const held = (shards: { id: string; pipelines: readonly { slug: string }[] }[]) =>
      shards.map((s) => `${s.id}: ${s.pipelines.map((p) => p.slug).join(" ")}`);
    // networking and the platform pipeline hash to shard 1 of 3; the data platform is pinned to 3.
    expect(held(identityShards(d))).toEqual([
      "identity-production: networking platform-trust",
      "identity-production-2: ",
      "identity-production-3: data-platform",
      "identity-staging: payments-service",
    ]);
    // The platform pipeline is always in the main stack (which it applies), outside the shards' lists.
    expect(held(buildkiteShards(d))).toEqual(["buildkite: networking payments-service", "buildkite-2: data-platform"]);
  });

  it("keeps a lowered count's shards while previousShards is declared: they only hand their pipelines over", () => {
    const lowered = validateDeclaration(
      example((input) => {
        input.accounts[0] = { ...input.accounts[0], shards: 1, previousShards: 3 };
        input.pipelines[2].id = DATA_PLATFORM_UUID;
      }),
    );
    expect(identityShards(lowered).map((s) => `${s.id}:${s.pipelines.length}`)).toEqual([
      "identity-production:4",
      "identity-production-2:0",
      "identity-production-3:0",
    ]);
    expect(pipelineMoves(lowered).map((m) => `${m.pipeline.slug} ${m.from.identityStack} -> ${m.to.identityStack}`)).toEqual([
      // With three shards, only the data platform hashed elsewhere (shard 2).
      "data-platform identity-production-2 -> identity-production",
    ]);
  });

  it("moves a pipeline to another account and shard as its movedFrom declares, and nothing else", () => {
    const moved = validateDeclaration(
      example((input) => {
        input.accounts = [{ ...input.accounts[0], shards: 2 }, staging];
        input.buildkiteShards = 2;
        Object.assign(input.pipelines[2], { account: "staging", buildkiteShard: 2, movedFrom: { account: "production", buildkiteShard: 1 } });
      }),
    );
    expect(pipelineMoves(moved)).toEqual([
      {
        pipeline: moved.pipelines[2],
        from: { account: "production", identityStack: "identity-production-2", buildkiteStack: "buildkite" },
        to: { account: "staging", identityStack: "identity-staging", buildkiteStack: "buildkite-2" },
      },
    ]);
    expect(placementOf(moved, moved.pipelines[0])).toEqual({ account: "production", identityStack: "identity-production", buildkiteStack: "buildkite" });
  });
});

describe("the fleet rules of the declaration", () => {
  it("refuses pins outside the declared shards, naming the count and the fix", () => {
    expect(
      refusals(
        example((input) => {
          input.pipelines[0].identityShard = 2;
          input.pipelines[1].buildkiteShard = 3;
        }),
      ),
    ).toEqual([
      'pipelines[0].identityShard: shard 2 is not one of the 1 identity shards of account "production" (1 to 1) — pick one of them, or raise accounts[0].shards',
      "pipelines[1].buildkiteShard: shard 3 is not one of the 1 Buildkite shards (1 to 1) — pick one of them, or raise buildkiteShards",
    ]);
  });

  it("refuses a move from an unknown account, a movedFrom that moves nothing, and a previous count equal to the count", () => {
    expect(
      refusals(
        example((input) => {
          input.accounts[0].previousShards = 1;
          input.pipelines[0].movedFrom = { account: "legacy" };
          input.pipelines[1].movedFrom = { identityShard: 1 };
        }),
      ),
    ).toEqual([
      "accounts[0].previousShards: equals shards (1), so nothing moves — remove previousShards",
      'pipelines[0].movedFrom.account: unknown account "legacy" — the account a pipeline moves from stays declared until the move is applied',
      "pipelines[1].movedFrom: moves nothing: the pipeline was and stays in identity-production and buildkite — remove movedFrom",
    ]);
  });

  it("needs the UUID of a Buildkite pipeline it imports: one that is adopted or moves between Buildkite stacks", () => {
    expect(
      refusals(
        example((input) => {
          input.buildkiteShards = 2;
          input.pipelines[0].buildkiteShard = 2;
          input.pipelines[0].movedFrom = { buildkiteShard: 1 };
          input.pipelines[1].adopt = { pipeline: true };
        }),
      ),
    ).toEqual([
      "pipelines[0].id: the pipeline moves from buildkite to buildkite-2, which imports the Buildkite pipeline by its UUID — set id to the UUID in the pipeline's settings (it also pins the roles' trust to it)",
      "pipelines[1].id: adopt.pipeline imports the existing Buildkite pipeline by its UUID — set id to the UUID in its settings",
    ]);
  });

  it("keeps the platform pipeline in the main Buildkite stack, and a retired pipeline out of the declared ones", () => {
    expect(
      refusals(
        example((input) => {
          input.platformPipeline.buildkiteShard = 1;
          input.retired = [
            { slug: "networking", reason: "replaced by the network-v2 pipeline" },
            { slug: "old", reason: "replaced by the network-v2 pipeline" },
            { slug: "old", reason: "replaced by the network-v2 pipeline" },
          ];
        }),
      ),
    ).toEqual([
      "platformPipeline.buildkiteShard: the platform pipeline always lives in the buildkite stack, which it applies — remove buildkiteShard",
      'retired[0].slug: "networking" is declared in pipelines too — remove the pipeline\'s entry, or this retired one to keep it',
      'retired[2].slug: "old" is retired twice — keep one entry',
    ]);
  });
});

describe("shard capacity", () => {
  const fleet = (size: number, limit: number) =>
    example((input) => {
      input.pipelinesPerStack = limit;
      input.pipelines = Array.from({ length: size }, (_, i) => ({ ...input.pipelines[0], slug: `service-${i}`, name: `Service ${i}` }));
    });

  it("warns from 80% of pipelinesPerStack with the fix, and refuses a shard over it", () => {
    // 8 pipelines and the platform pipeline: 9 roles' worth in identity-production, 9 Buildkite pipelines in buildkite.
    const findings = shardFindings(validateDeclaration(fleet(8, 10)));
    expect(findings.map((f) => `${f.level} ${f.path}`)).toEqual(["warning accounts[0].shards", "warning buildkiteShards"]);
    expect(findings[0].message).toBe(
      "stack identity-production holds 9 pipelines, 90% of pipelinesPerStack (10) — raise accounts[0].shards to 2 with previousShards: 1 " +
        "(the pipelines the new shard takes move, explicitly), or pin pipelines to another shard with identityShard",
    );
    expect(refusals(fleet(10, 10))).toEqual([
      expect.stringMatching(
        /^accounts\[0\]\.shards: \[shard-capacity\] stack identity-production would hold 11 pipelines, over pipelinesPerStack \(10\) — raise/,
      ),
      expect.stringMatching(/^buildkiteShards: \[shard-capacity\] stack buildkite would hold 11 pipelines, over pipelinesPerStack \(10\) — raise/),
    ]);
  });
});
