import { declarationSchema, DEFAULT_PLATFORM_SLUG, PipelineDeclaration, PlatformDeclaration } from "./declaration";
import { DeclarationError, DeclarationIssue, formatPath } from "./declaration-error";
import { PERMISSION_SETS } from "./permission-sets";
import { pipelineAccess } from "./pipeline-access";

/**
 * Validates a platform declaration: its shape (types, formats, unknown
 * fields) and the rules that span fields (references, duplicates, apply
 * scope). Throws a {@link DeclarationError} listing every issue.
 */
export function validateDeclaration(input: unknown, source?: string): PlatformDeclaration {
  const parsed = declarationSchema.safeParse(input);
  if (!parsed.success) {
    throw new DeclarationError(
      parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: withFix(issue) })),
      source,
    );
  }
  const issues = crossFieldIssues(parsed.data);
  if (issues.length > 0) throw new DeclarationError(issues, source);
  return parsed.data;
}

function withFix(issue: { code: string; message: string; keys?: string[] }): string {
  if (issue.code === "unrecognized_keys") return `${issue.message}; remove it or check its spelling`;
  return issue.message;
}

function crossFieldIssues(d: PlatformDeclaration): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const accounts = new Set<string>();
  const accountIds = new Set<string>();
  d.accounts.forEach((a, i) => {
    if (accounts.has(a.name)) add(`accounts[${i}].name`, `duplicate account name "${a.name}"; give each account its own name`);
    if (accountIds.has(a.id)) add(`accounts[${i}].id`, `account ${a.id} is declared twice; declare each AWS account once`);
    accounts.add(a.name);
    accountIds.add(a.id);
  });
  const knownAccounts = [...accounts].join(", ");
  if (!accounts.has(d.state.account)) {
    add("state.account", `unknown account "${d.state.account}"; use one of the declared accounts (${knownAccounts})`);
  }
  if (d.state.lockMode !== "lockfile" && !d.state.lockTable) {
    add("state.lockTable", `lockMode "${d.state.lockMode}" needs a DynamoDB table; set state.lockTable or use lockMode "lockfile"`);
  }

  const queues = new Set<string>();
  d.cluster.queues.forEach((q, i) => {
    if (queues.has(q.key)) add(`cluster.queues[${i}].key`, `duplicate queue key "${q.key}"; queue keys must be unique in a cluster`);
    queues.add(q.key);
  });
  if (!queues.has(d.cluster.defaultQueue)) {
    add("cluster.defaultQueue", `"${d.cluster.defaultQueue}" is not one of cluster.queues; declare it there or pick one of ${[...queues].join(", ")}`);
  }

  const teams = new Set<string>();
  d.teams.forEach((t, i) => {
    if (teams.has(t.slug)) add(`teams[${i}].slug`, `duplicate team "${t.slug}"; declare each team once`);
    teams.add(t.slug);
  });

  const pipelines = new Set<string>();
  const declared: [PipelineDeclaration, string][] = d.pipelines.map((p, i) => [p, `pipelines[${i}]`]);
  if (d.platformPipeline) declared.push([d.platformPipeline, "platformPipeline"]);
  declared.forEach(([p, at]) => {
    if (pipelines.has(p.slug)) add(`${at}.slug`, `duplicate pipeline "${p.slug}"; each pipeline slug may be declared once (the platform pipeline included)`);
    pipelines.add(p.slug);
    if (!accounts.has(p.account)) add(`${at}.account`, `unknown account "${p.account}"; use one of the declared accounts (${knownAccounts})`);
    if (p.queue !== undefined && !queues.has(p.queue)) add(`${at}.queue`, `unknown queue "${p.queue}"; declare it in cluster.queues`);
    if (p.owner !== undefined && !teams.has(p.owner)) add(`${at}.owner`, `unknown team "${p.owner}"; declare it in teams`);
    p.teams.forEach((t, j) => {
      if (!teams.has(t.team)) add(`${at}.teams[${j}].team`, `unknown team "${t.team}"; declare it in teams`);
    });
    for (const role of ["plan", "apply"] as const) {
      p[role].permissions.sets.forEach((name, j) => {
        if (!(name in PERMISSION_SETS)) {
          add(`${at}.${role}.permissions.sets[${j}]`, `unknown permission set "${name}"; use one of ${Object.keys(PERMISSION_SETS).join(", ")}`);
        }
      });
    }
    if (!p.apply.branches.includes(p.defaultBranch)) {
      add(`${at}.apply.branches`, `the apply step runs on the default branch "${p.defaultBranch}", which apply.branches does not admit; add it`);
    }
    if (p.plan.stepKey !== undefined && p.plan.stepKey === p.apply.stepKey) {
      add(`${at}.apply.stepKey`, `plan and apply use the same step key "${p.apply.stepKey}"; give apply its own step key`);
    }
    if (accounts.has(p.account)) {
      // The trust declaration checks branches, step keys, role names and durations itself.
      try {
        pipelineAccess(d, p);
      } catch (err) {
        add(at, (err as Error).message);
      }
    }
  });
  if (!d.platformPipeline && pipelines.has(DEFAULT_PLATFORM_SLUG)) {
    add("pipelines", `the slug "${DEFAULT_PLATFORM_SLUG}" files the platform's own states when there is no platformPipeline; rename that pipeline or declare platformPipeline`);
  }
  if (d.state.migrated && !d.state.kmsKeyArn) {
    add("state.migrated", "the state-backend stack can only use its bucket once state.kmsKeyArn is set; set it, or set migrated to false");
  }
  const stateAccount = d.accounts.find((a) => a.name === d.state.account);
  if (d.state.kmsKeyArn && stateAccount && !d.state.kmsKeyArn.includes(`:kms:${stateAccount.region}:${stateAccount.id}:key/`)) {
    add("state.kmsKeyArn", `the state key must be in the state account ${stateAccount.id} and region ${stateAccount.region}; copy the kms_key_arn output of the state-backend stack`);
  }
  return issues;
}
