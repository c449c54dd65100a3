// Platform declarations of any size for the benchmark, derived from the
// example's shape: its organization, single account, state, cluster and
// platform pipeline, with `size` generated pipelines whose slugs, owners,
// teams, permission sets, branches and options vary the way a real fleet's do.
"use strict";

/** Teams the generated pipelines are owned by and shared with. */
const TEAMS = ["platform", "payments", "data", "identity", "search", "mobile", "growth", "security", "ml", "edge"];
/** Permission sets of the catalogue (platform/permission-sets.ts) an apply role may get; plan roles stay read-only. */
const APPLY_SETS = [["network-admin"], ["ecs-deploy", "ecr-push"], ["glue-admin", "s3-admin"], ["lambda-deploy"], ["database-admin"], ["s3-admin"]];
const PLAN_SETS = [["read-only"], ["view-only"]];
const KINDS = ["service", "infra", "data", "network", "edge"];
const ACCESS = ["READ_ONLY", "BUILD_AND_READ", "MANAGE_BUILD_AND_READ"];
/** AWS's default "roles per account" quota; the generator raises it (as an operator would) when the fleet needs more. */
const DEFAULT_ROLE_QUOTA = 1000;
/** The highest value AWS raises "roles per account" to. */
const MAX_ROLE_QUOTA = 5000;

/** A stable fake UUID for pipeline `i` (lowercase 8-4-4-4-12 hex). */
function pipelineUuid(i) {
  const hex = (i + 1).toString(16).padStart(12, "0");
  return `7e57be4c-0000-4000-8000-${hex}`;
}

function pipeline(i, account, region) {
  const team = TEAMS[i % TEAMS.length];
  const kind = KINDS[i % KINDS.length];
  const slug = `${team}-${kind}-${String(i + 1).padStart(4, "0")}`;
  const other = TEAMS[(i + 3) % TEAMS.length];
  const releaseBranch = i % 7 === 3;
  const defaultBranch = releaseBranch ? "release" : "main";
  const p = {
    slug,
    name: `${team} ${kind} ${i + 1}`,
    repository: `git@github.com:acme/${slug}.git`,
    account: account.name,
    defaultBranch,
    owner: team,
    teams: [{ team, access: "BUILD_AND_READ" }, ...(other === team ? [] : [{ team: other, access: ACCESS[i % ACCESS.length] }])],
    plan: { branches: releaseBranch ? ["release", "feature/*"] : ["*"], permissions: { sets: PLAN_SETS[i % PLAN_SETS.length] } },
    apply: {
      branches: [defaultBranch],
      stepKey: i % 4 === 0 ? `apply-${kind}` : "apply",
      permissions: { sets: APPLY_SETS[i % APPLY_SETS.length] },
    },
    approval: i % 5 !== 0,
  };
  if (i % 3 === 0) p.workingDirectory = "infra";
  if (i % 2 === 0) p.driftSchedule = `${i % 60} ${i % 6} * * *`;
  if (i % 10 === 0) p.queue = "terraform-data";
  if (i % 4 === 1) p.id = pipelineUuid(i);
  if (i % 6 === 2) {
    p.apply.permissions.statements = [
      {
        sid: "ServiceSecrets",
        actions: ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"],
        resources: [`arn:aws:secretsmanager:${region}:${account.id}:secret:${slug}/*`],
      },
    ];
  }
  return p;
}

/** Pipelines per shard the generator aims at: well under the default `pipelinesPerStack` of 100, as hashing fills shards unevenly. */
const PIPELINES_PER_SHARD = 60;
/** The second account of a two-account fleet; its identity stacks keep their state in the first's bucket, deployed through this role. */
const SECOND_ACCOUNT = { name: "staging", id: "210987654321", region: "eu-west-1", deployRoleArn: "arn:aws:iam::210987654321:role/platform-deployer" };

/**
 * A platform declaration with `size` pipelines in the example's account (or,
 * with `accounts: 2`, alternately in it and a second one), shared out to as
 * many identity shards per account and Buildkite shards as keep each near
 * PIPELINES_PER_SHARD pipelines. When an account needs more IAM roles than
 * its default quota allows (two per pipeline), it declares a raised quota, as it must.
 *
 * @param {object} example the example declaration (platform/example-platform.ts EXAMPLE_PLATFORM)
 * @param {number} size how many pipelines (at least 1)
 * @param {{ accounts?: 1 | 2 }} [options]
 */
function benchDeclaration(example, size, { accounts: accountCount = 1 } = {}) {
  if (!Number.isInteger(size) || size < 1) throw new Error(`size must be a whole number of pipelines, at least 1 (got ${size})`);
  const [first] = example.accounts;
  const accounts = [first, SECOND_ACCOUNT].slice(0, accountCount);
  const pipelines = Array.from({ length: size }, (_, i) => {
    const account = accounts[i % accounts.length];
    return pipeline(i, account, account.region);
  });
  const shards = (n) => Math.max(1, Math.ceil(n / PIPELINES_PER_SHARD));
  return {
    ...example,
    accounts: accounts.map((account, index) => {
      const held = pipelines.filter((p) => p.account === account.name).length + (index === 0 && example.platformPipeline ? 1 : 0);
      const quota = 2 * held >= 0.8 * DEFAULT_ROLE_QUOTA ? MAX_ROLE_QUOTA : undefined;
      return { ...account, shards: shards(held), ...(quota ? { iamRoleQuota: quota } : {}) };
    }),
    buildkiteShards: shards(size + 1),
    teams: TEAMS.map((slug) => ({ slug, name: slug[0].toUpperCase() + slug.slice(1) })),
    pipelines,
  };
}

module.exports = { benchDeclaration };
