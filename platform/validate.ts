import { declarationSchema, PlatformDeclaration } from "./declaration";
import { DeclarationError, DeclarationIssue, formatPath } from "./declaration-error";
import { PERMISSION_SETS } from "./permission-sets";

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
  d.pipelines.forEach((p, i) => {
    const at = `pipelines[${i}]`;
    if (pipelines.has(p.slug)) add(`${at}.slug`, `duplicate pipeline "${p.slug}"; each pipeline slug may be declared once`);
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
    p.apply.branches.forEach((branch, j) => {
      if (/^[*?]+$/.test(branch) || branch === "**") {
        add(`${at}.apply.branches[${j}]`, `apply may not run on all branches ("${branch}"); list the branches that may apply, usually just "${p.defaultBranch}"`);
      }
    });
    if (!p.apply.branches.includes(p.defaultBranch)) {
      add(`${at}.apply.branches`, `the apply step runs on the default branch "${p.defaultBranch}", which apply.branches does not admit; add it`);
    }
    if (p.plan.stepKey !== undefined && p.plan.stepKey === p.apply.stepKey) {
      add(`${at}.apply.stepKey`, `plan and apply use the same step key "${p.apply.stepKey}"; give apply its own step key`);
    }
  });
  return issues;
}
