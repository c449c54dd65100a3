import {
  ApprovalPolicy,
  GcpPipelineAccess,
  PipelineAccess,
  PipelineAwsRoleKind,
  PipelineRoleKind,
  PipelineState,
  PolicyStatement,
  RoleAccess,
  ServiceAccountAccess,
} from "../constructs/index";
import { PipelineDeclaration, PlatformDeclaration } from "./declaration";
import { permissionSummary, statementSummary } from "./permission-sets";
import { approvalPolicy, approvingTeams } from "./pipeline-access";

/** One role of a pipeline, as auditors need to see it. */
export interface ReportedRole {
  /** `plan`, `apply` or `preview`. */
  readonly kind: string;
  readonly access: RoleAccess;
  /** Human-readable permissions: permission sets, managed policies, inline statement summaries. */
  readonly permissions: readonly string[];
  /** The state keys (S3 key patterns) the role may read or write, and how. */
  readonly state: string;
  /** The declared statements that grant administrator access, each with its `allowAdminReason`. */
  readonly administratorAccess: readonly { readonly statement: string; readonly reason: string }[];
}

/** One Google Cloud service account of a pipeline, as auditors need to see it. */
export interface ReportedServiceAccount {
  /** `plan` or `apply`. */
  readonly kind: string;
  readonly access: ServiceAccountAccess;
  /** The project roles it holds. */
  readonly roles: readonly string[];
}

/** A pipeline and the roles it may assume. */
export interface ReportedPipeline {
  readonly slug: string;
  readonly account: string;
  /** The pipeline UUID every trust policy pins, when the declaration gives it. */
  readonly id?: string;
  /** The teams whose members may unblock the apply; false when it applies without approval. */
  readonly approvers: readonly string[] | false;
  /** When the apply waits for them. */
  readonly approvalPolicy: ApprovalPolicy;
  readonly roles: readonly ReportedRole[];
  /** The Google Cloud project (its ID) and service accounts, when the pipeline uses one. */
  readonly gcp?: { readonly projectId: string; readonly serviceAccounts: readonly ReportedServiceAccount[] };
}

/** A synthesized stack and how many resources it holds. */
export interface ReportedStack {
  readonly name: string;
  readonly resources: number;
  readonly dependsOn: readonly string[];
}

/**
 * The report's rows for a declared pipeline: its two roles, who may assume them, their permissions (the declared
 * ones, and the statements the platform adds) and state, and its service accounts when it reaches Google Cloud.
 */
export function reportedPipeline(
  p: PipelineDeclaration,
  access: PipelineAccess,
  state: PipelineState,
  gcp?: GcpPipelineAccess,
  added: Partial<Record<PipelineRoleKind, readonly PolicyStatement[]>> = {},
  policy: ApprovalPolicy = approvalPolicy(p),
): ReportedPipeline {
  const where = `s3://${state.backend.bucketName}/${state.pipelinePrefix}*`;
  const declared = (kind: PipelineAwsRoleKind) => (kind === "preview" ? p.previews!.permissions : p[kind].permissions);
  const role = (kind: PipelineAwsRoleKind, stateAccess: string): ReportedRole => ({
    kind,
    access: access.role(kind),
    permissions: [...permissionSummary(declared(kind)), ...((kind === "preview" ? undefined : added[kind]) ?? []).map(statementSummary)],
    state: kind === "preview" ? stateAccess : `${stateAccess} ${where}`,
    administratorAccess: declared(kind).statements.flatMap((s) =>
      s.allowAdminReason ? [{ statement: statementSummary({ Effect: s.effect, Action: s.actions, Resource: s.resources }), reason: s.allowAdminReason }] : [],
    ),
  });
  const pipeline = {
    slug: p.slug,
    account: p.account,
    id: p.id,
    approvers: approvingTeams(p),
    approvalPolicy: policy,
    roles: [
      role("plan", "read (no lock)"),
      role("apply", "read/write + lock"),
      // Its own workspace only: the state policy names it through the session's build_branch tag.
      ...(p.previews ? [role("preview", `read/write + lock s3://${state.backend.bucketName}/${state.pipelinePrefix}br-<its branch>/terraform.tfstate`)] : []),
    ],
  };
  if (!gcp) return pipeline;
  const serviceAccounts = [
    { kind: "plan", access: gcp.plan, roles: p.plan.permissions.roles },
    { kind: "apply", access: gcp.apply, roles: p.apply.permissions.roles },
  ];
  return { ...pipeline, gcp: { projectId: gcp.projectId, serviceAccounts } };
}

/** Which declaration produced a report: the file as the user names it, and its git commit when it is in a repository. */
export interface DeclarationProvenance {
  /** The file, relative to the working directory (or as named); `the built-in example` for the embedded one. */
  readonly file: string;
  /** The commit `HEAD` of the file's repository. @default - not in a git repository, or git is not installed */
  readonly commit?: string;
  /** Whether the file differs from that commit (uncommitted or untracked). @default - unknown, as `commit` */
  readonly uncommitted?: boolean;
}

/**
 * The access report as data: what access-report.json holds and access-report.md shows. The JSON's keys are in the
 * order of these interfaces, and every key is always present (`null` where a value is absent), so two reports
 * compare line by line.
 */
export interface AccessReport {
  /** The shape's version; raised when a key changes meaning or goes away. */
  readonly reportVersion: 1;
  readonly organization: {
    readonly slug: string;
    /** The organization UUID every trust policy pins, or null when the declaration does not pin it. */
    readonly id: string | null;
  };
  /** Which declaration produced the report; null when the synthesis was not given one (tests, library use). */
  readonly declaration: { readonly file: string; readonly commit: string | null; readonly uncommittedChanges: boolean | null } | null;
  readonly stacks: readonly { readonly name: string; readonly resources: number; readonly deployAfter: readonly string[] }[];
  readonly pipelines: readonly AccessReportPipeline[];
}

/** One pipeline in {@link AccessReport}. */
export interface AccessReportPipeline {
  readonly slug: string;
  readonly account: string;
  /** The pipeline UUID every trust policy of its roles pins, or null. */
  readonly id: string | null;
  /** The teams whose members may unblock its apply, or null when it applies without approval. */
  readonly approvedBy: readonly string[] | null;
  /** When the apply waits for them: `always`, `on-risk` (only for a plan that needs it, docs/buildkite.md), or `never`. */
  readonly approvalPolicy: ApprovalPolicy;
  readonly roles: readonly {
    readonly kind: string;
    readonly name: string;
    readonly arn: string;
    /** Branch names or patterns whose builds may assume the role (`*`: any). */
    readonly branches: readonly string[];
    /** Step keys that may assume the role (empty: any step). */
    readonly stepKeys: readonly string[];
    readonly sessionDurationSeconds: number;
    /** Permission sets, managed policies and statements, each in a few words with its resources. */
    readonly permissions: readonly string[];
    /** The statements that grant administrator access, with the declared reason. */
    readonly administratorAccess: readonly { readonly statement: string; readonly reason: string }[];
    /** What the role may do with the pipeline's state, and where it is. */
    readonly state: string;
  }[];
  /** Its Google Cloud project and service accounts, or null when it reaches no Google Cloud project. */
  readonly gcp: {
    readonly projectId: string;
    readonly serviceAccounts: readonly {
      readonly kind: string;
      readonly email: string;
      readonly branches: readonly string[];
      readonly stepKeys: readonly string[];
      readonly roles: readonly string[];
    }[];
  } | null;
}

/** The report of a synthesized declaration. */
export function accessReport(
  declaration: Pick<PlatformDeclaration, "organization">,
  stacks: readonly ReportedStack[],
  pipelines: readonly ReportedPipeline[],
  provenance?: DeclarationProvenance,
): AccessReport {
  return {
    reportVersion: 1,
    organization: { slug: declaration.organization.slug, id: declaration.organization.id ?? null },
    declaration: provenance ? { file: provenance.file, commit: provenance.commit ?? null, uncommittedChanges: provenance.uncommitted ?? null } : null,
    stacks: stacks.map((s) => ({ name: s.name, resources: s.resources, deployAfter: s.dependsOn })),
    pipelines: pipelines.map((p) => ({
      slug: p.slug,
      account: p.account,
      id: p.id ?? null,
      approvedBy: p.approvers === false ? null : p.approvers,
      approvalPolicy: p.approvalPolicy,
      roles: p.roles.map((r) => ({
        kind: r.kind,
        name: r.access.roleName,
        arn: r.access.roleArn,
        branches: r.access.branches,
        stepKeys: r.access.stepKeys,
        sessionDurationSeconds: r.access.sessionDurationSeconds,
        permissions: r.permissions,
        administratorAccess: r.administratorAccess,
        state: r.state,
      })),
      gcp: p.gcp
        ? {
            projectId: p.gcp.projectId,
            serviceAccounts: p.gcp.serviceAccounts.map((sa) => ({
              kind: sa.kind,
              email: sa.access.email,
              branches: sa.access.branches,
              stepKeys: sa.access.stepKeys,
              roles: sa.roles,
            })),
          }
        : null,
    })),
  };
}

/** access-report.json: the report with two-space indentation and a final newline. */
export function accessReportJson(report: AccessReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function who(access: Pick<RoleAccess, "branches" | "stepKeys">): string {
  const branches = access.branches.includes("*") ? "any branch" : `branches ${access.branches.join(", ")}`;
  const steps = access.stepKeys.length === 0 ? "any step" : `step ${access.stepKeys.join(", ")}`;
  return `${branches}; ${steps}`;
}

/** Which declaration produced the report, in words. */
function provenanceLine(declaration: AccessReport["declaration"]): string {
  if (declaration === null) return "not recorded";
  if (declaration.commit === null) return `\`${declaration.file}\` (no git commit: not in a git repository)`;
  const state = declaration.uncommittedChanges ? "with uncommitted changes" : "as committed";
  return `\`${declaration.file}\` at git commit \`${declaration.commit}\`, ${state}`;
}

/** The access report as Markdown, for auditors. */
export function accessReportMarkdown(report: AccessReport): string {
  const { organization, stacks, pipelines } = report;
  const pinned = (id: string | null, field: string) => (id === null ? `not pinned (set \`${field}\`)` : `\`${id}\``);
  const lines = [
    `# Access report: Buildkite organization \`${organization.slug}\``,
    "",
    "Generated by `npm run synth`; every role below trusts only Buildkite OIDC tokens (`https://agent.buildkite.com`).",
    "",
    `- Declaration: ${provenanceLine(report.declaration)}`,
    `- Organization UUID pinned in every trust policy: ${pinned(organization.id, "organization.id")}`,
    "",
    "## Stacks",
    "",
    "| stack | resources | deploy after |",
    "| --- | ---: | --- |",
    ...stacks.map((s) => `| ${s.name} | ${s.resources} | ${s.deployAfter.join(", ") || "-"} |`),
    "",
    "## Pipelines",
    "",
    "| pipeline | account | pipeline UUID pinned | apply approved by |",
    "| --- | --- | --- | --- |",
    ...pipelines.map(
      (p) =>
        `| ${p.slug} | ${p.account} | ${pinned(p.id, "id")} | ${p.approvedBy === null ? "nobody: applies without approval" : `team ${p.approvedBy.join(", team ")} (${p.approvalPolicy})`} |`,
    ),
    "",
    "## Roles",
    "",
    "| pipeline | account | role | who may assume it | session | permissions | state |",
    "| --- | --- | --- | --- | ---: | --- | --- |",
  ];
  for (const p of pipelines) {
    for (const r of p.roles) {
      lines.push(
        `| ${p.slug} | ${p.account} | ${r.kind}: \`${r.name}\` | ${who(r)} | ${r.sessionDurationSeconds} s | ${r.permissions.join("<br>")} | ${r.state} |`,
      );
    }
  }
  const admin = pipelines.flatMap((p) => p.roles.flatMap((r) => r.administratorAccess.map((a) => ({ pipeline: p.slug, role: r.name, ...a }))));
  lines.push("", "## Administrator access", "");
  if (admin.length === 0) lines.push("No declared statement grants `*` or `iam:*` on `*`.");
  else {
    lines.push("| pipeline | role | statement | reason (`allowAdminReason`) |", "| --- | --- | --- | --- |");
    admin.forEach((a) => lines.push(`| ${a.pipeline} | \`${a.role}\` | ${a.statement} | ${a.reason} |`));
  }
  const gcp = pipelines.filter((p) => p.gcp);
  if (gcp.length > 0) {
    lines.push(
      "",
      "## Google Cloud service accounts",
      "",
      "Impersonated through the project's workload identity pool for Buildkite (no keys); the state stays in S3, through the AWS roles above.",
      "",
      "| pipeline | project | service account | who may impersonate it | roles |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const p of gcp) {
      for (const sa of p.gcp!.serviceAccounts) {
        lines.push(`| ${p.slug} | ${p.gcp!.projectId} | ${sa.kind}: \`${sa.email}\` | ${who(sa)} | ${sa.roles.join("<br>") || "-"} |`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** From this many shards of one stack on, the summary prints them as one line (access-report.md lists each). */
export const MIN_SHARDS_SUMMARIZED = 3;

/**
 * The stacks as the summary lists them: one line each, except a run of shards (`identity-production`,
 * `identity-production-2` … `-11`), which is one line with their total resources.
 */
function stackLines(stacks: readonly ReportedStack[]): string[] {
  const runs: ReportedStack[][] = [];
  for (const stack of stacks) {
    const run = runs[runs.length - 1];
    if (run && stack.name === `${run[0].name}-${run.length + 1}`) run.push(stack);
    else runs.push([stack]);
  }
  const line = (name: string, resources: number, after: readonly string[], shards = "") =>
    `  ${name.padEnd(28)} ${String(resources).padStart(5)} resources${shards}${after.length ? `  (after ${after.join(", ")})` : ""}`;
  return runs.flatMap((run) => {
    if (run.length < MIN_SHARDS_SUMMARIZED) return run.map((s) => line(s.name, s.resources, s.dependsOn));
    const names = new Set(run.map((s) => s.name));
    const after = [...new Set(run.flatMap((s) => s.dependsOn))].filter((name) => !names.has(name));
    const total = run.reduce((sum, s) => sum + s.resources, 0);
    return [line(`${run[0].name} … -${run.length}`, total, after, ` in ${run.length} shards`)];
  });
}

/** The short summary printed by the main job. */
export function accessReportText(stacks: readonly ReportedStack[], pipelines: readonly ReportedPipeline[]): string {
  const out: string[] = ["Stacks:", ...stackLines(stacks)];
  out.push("", "Access:");
  for (const p of pipelines) {
    out.push(`  ${p.slug} (${p.account})`);
    for (const r of p.roles) {
      out.push(`    ${r.kind.padEnd(5)} -> ${r.access.roleName}`);
      out.push(`          who:    ${who(r.access)}`);
      out.push(`          may:    ${r.permissions.join(", ")}`);
      out.push(`          state:  ${r.state}`);
    }
    for (const sa of p.gcp?.serviceAccounts ?? []) {
      out.push(`    ${sa.kind.padEnd(5)} -> ${sa.access.email}`);
      out.push(`          who:    ${who(sa.access)}`);
      out.push(`          may:    ${sa.roles.join(", ") || "-"}`);
    }
  }
  return `${out.join("\n")}\n`;
}
