/**
 * The declaration's fleet rules (docs/fleet.md): shard pins and counts within
 * range, moves that say where a pipeline was, what must be known to import
 * (a pipeline's UUID), and retired entries that do not contradict the fleet.
 * Run by validateDeclaration once the references they rely on are known good.
 */
import { PipelineDeclaration, PlatformDeclaration } from "./declaration";
import { DeclarationIssue } from "./declaration-error";
import { placementOf, previousPlacementOf } from "./stack-plan";

/** The declared pipelines with their field paths, the platform pipeline last. */
export function declaredPipelines(d: PlatformDeclaration): [PipelineDeclaration, string][] {
  const declared: [PipelineDeclaration, string][] = d.pipelines.map((p, i) => [p, `pipelines[${i}]`]);
  if (d.platformPipeline) declared.push([d.platformPipeline, "platformPipeline"]);
  return declared;
}

/** Issues of the fleet fields; expects accounts, slugs and references already checked. */
export function fleetIssues(d: PlatformDeclaration): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const accountIndex = new Map(d.accounts.map((a, i) => [a.name, i]));
  const accountOf = (name: string) => d.accounts[accountIndex.get(name)!];

  d.accounts.forEach((a, i) => {
    if (a.previousShards === a.shards) add(`accounts[${i}].previousShards`, `equals shards (${a.shards}), so nothing moves — remove previousShards`);
  });
  if (d.previousBuildkiteShards === d.buildkiteShards) {
    add("previousBuildkiteShards", `equals buildkiteShards (${d.buildkiteShards}), so nothing moves — remove previousBuildkiteShards`);
  }
  const outOf = (pin: number, count: number, what: string, raise: string) =>
    `shard ${pin} is not one of the ${count} ${what} (1 to ${count}) — pick one of them, or raise ${raise}`;

  for (const [p, at] of declaredPipelines(d)) {
    const before = issues.length;
    const account = accountOf(p.account);
    const accountAt = `accounts[${accountIndex.get(p.account)}]`;
    if (p.identityShard !== undefined && p.identityShard > account.shards) {
      add(`${at}.identityShard`, outOf(p.identityShard, account.shards, `identity shards of account "${account.name}"`, `${accountAt}.shards`));
    }
    const platform = at === "platformPipeline";
    if (platform && (p.buildkiteShard !== undefined || p.movedFrom?.buildkiteShard !== undefined)) {
      add(`${at}.buildkiteShard`, "the platform pipeline always lives in the buildkite stack, which it applies — remove buildkiteShard");
    } else if (p.buildkiteShard !== undefined && p.buildkiteShard > d.buildkiteShards) {
      add(`${at}.buildkiteShard`, outOf(p.buildkiteShard, d.buildkiteShards, "Buildkite shards", "buildkiteShards"));
    }
    if (p.adopt?.pipeline && p.id === undefined) {
      add(`${at}.id`, "adopt.pipeline imports the existing Buildkite pipeline by its UUID — set id to the UUID in its settings");
    }
    const moved = p.movedFrom;
    if (moved) {
      if (moved.account !== undefined && !accountIndex.has(moved.account)) {
        add(`${at}.movedFrom.account`, `unknown account "${moved.account}" — the account a pipeline moves from stays declared until the move is applied`);
        continue;
      }
      if (moved.account === p.account) add(`${at}.movedFrom.account`, `"${p.account}" is the pipeline's account already — remove movedFrom.account`);
      const old = accountOf(moved.account ?? p.account);
      const oldShards = old.previousShards ?? old.shards;
      if (moved.identityShard !== undefined && moved.identityShard > oldShards) {
        add(
          `${at}.movedFrom.identityShard`,
          `account "${old.name}" had ${oldShards} identity shards, so the pipeline cannot have been in shard ${moved.identityShard} — give the shard it was in`,
        );
      }
      const oldBuildkiteShards = d.previousBuildkiteShards ?? d.buildkiteShards;
      if (moved.buildkiteShard !== undefined && moved.buildkiteShard > oldBuildkiteShards) {
        add(
          `${at}.movedFrom.buildkiteShard`,
          `there were ${oldBuildkiteShards} Buildkite shards, so the pipeline cannot have been in shard ${moved.buildkiteShard} — give the shard it was in`,
        );
      }
    }
    if (issues.length > before) continue; // its placements need its pins in range
    const from = previousPlacementOf(d, p);
    const to = placementOf(d, p);
    if (moved && from.identityStack === to.identityStack && from.buildkiteStack === to.buildkiteStack) {
      add(`${at}.movedFrom`, `moves nothing: the pipeline was and stays in ${to.identityStack} and ${to.buildkiteStack} — remove movedFrom`);
    }
    if (from.buildkiteStack !== to.buildkiteStack && p.id === undefined) {
      add(
        `${at}.id`,
        `the pipeline moves from ${from.buildkiteStack} to ${to.buildkiteStack}, which imports the Buildkite pipeline by its UUID — ` +
          "set id to the UUID in the pipeline's settings (it also pins the roles' trust to it)",
      );
    }
  }

  const declared = new Set(declaredPipelines(d).map(([p]) => p.slug));
  const retired = new Set<string>();
  d.retired.forEach((r, j) => {
    if (declared.has(r.slug))
      add(`retired[${j}].slug`, `"${r.slug}" is declared in pipelines too — remove the pipeline's entry, or this retired one to keep it`);
    if (retired.has(r.slug)) add(`retired[${j}].slug`, `"${r.slug}" is retired twice — keep one entry`);
    retired.add(r.slug);
    const oldBuildkiteShards = d.previousBuildkiteShards ?? d.buildkiteShards;
    if (r.buildkiteShard !== undefined && r.buildkiteShard > oldBuildkiteShards) {
      add(
        `retired[${j}].buildkiteShard`,
        `there were ${oldBuildkiteShards} Buildkite shards, so the pipeline cannot have been in shard ${r.buildkiteShard} — give the shard it was in`,
      );
    }
  });
  return issues;
}
