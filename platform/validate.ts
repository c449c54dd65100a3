import * as v from "valibot";
import {
  administratorAccess,
  branchAdmitted,
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_PREVIEW_STEP_KEYS,
  defaultPipelineRolePath,
  GCP_READ_ONLY_ROLES,
  grantsAdministrator,
  grantsIamWriteOn,
  iamWriteActions,
  isReadOnlyGcpRole,
  notReadOnlyActions,
  notReadOnlyPolicyReason,
  PipelineAwsRoleKind,
  PolicyStatement,
  ValidationError,
} from "../constructs";
import { declarationSchema, DEFAULT_PLATFORM_SLUG, PROVENANCE_TAG_KEYS, PipelineDeclaration, PlatformDeclaration } from "./declaration";
import { DeclarationError, DeclarationIssue, formatPath } from "./declaration-error";
import { DeclaredPermissions, isReadOnlySet, PERMISSION_SETS, readOnlySets } from "./permission-sets";
import { gcpPipelineAccess } from "./gcp-access";
import { pipelineAccess } from "./pipeline-access";
import { longestDeployRoleName } from "./platform-roles";
import { fleetIssues } from "./fleet-rules";
import { quotaFindings, shardFindings } from "./quotas";
import { schemaIssueMessage, shown } from "./schema-messages";
import { allPipelines } from "./stack-plan";

/**
 * Validates a platform declaration: its shape (types, formats, unknown
 * fields) and the rules that span fields (references, duplicates, apply
 * scope). Throws a {@link DeclarationError} listing every issue.
 */
export function validateDeclaration(input: unknown, source?: string): PlatformDeclaration {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const what = input === undefined || input === null ? "empty" : `${shown(input)}, not a mapping`;
    const fields = Object.keys(declarationSchema.entries).join(", ");
    throw new DeclarationError([{ path: "", message: `the declaration is ${what} — write a mapping of its fields at the top level (${fields})` }], source);
  }
  const hidden = hiddenCharacterIssues(input);
  const parsed = v.safeParse(declarationSchema, input);
  if (!parsed.success || hidden.length > 0) throw new DeclarationError([...hidden, ...(parsed.issues ?? []).map(declarationIssue)], source);
  const issues = crossFieldIssues(parsed.output);
  if (issues.length > 0) throw new DeclarationError(issues, source);
  return parsed.output;
}

/**
 * Control characters and bidirectional overrides (U+202A-202E, U+2066-2069), which make a value read
 * differently from what it is (a name that shows one branch and trusts another), anywhere in the declaration.
 */
// Control characters are exactly what this check looks for.
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

function hiddenCharacterIssues(value: unknown, path: PropertyKey[] = []): DeclarationIssue[] {
  if (typeof value === "string") {
    const found = value.match(HIDDEN_CHARACTERS)?.[0];
    if (found === undefined) return [];
    const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    return [{ path: formatPath(path), message: `contains the invisible character ${code} (a control character or text-direction override) — remove it` }];
  }
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) => [
    ...hiddenCharacterIssues(key, path),
    ...hiddenCharacterIssues(entry, [...path, Array.isArray(value) ? Number(key) : key]),
  ]);
}

/** A schema issue at its field path; an unknown key (a strict object's "never") names the fields allowed there. */
function declarationIssue(issue: v.BaseIssue<unknown>): DeclarationIssue {
  const path = (issue.path ?? []).map((item) => item.key as PropertyKey);
  if (issue.type === "strict_object" && issue.expected === "never") {
    const known = knownFields(path.slice(0, -1)).join(", ");
    return { path: formatPath(path), message: `unknown field "${String(issue.input)}" — remove it or check its spelling (the fields here are ${known})` };
  }
  return { path: formatPath(path), message: schemaIssueMessage(issue) };
}

/** The fields the schema allows in the object at `path`. */
function knownFields(path: readonly PropertyKey[]): string[] {
  type Walked = { type?: string; wrapped?: unknown; item?: unknown; entries?: Record<string, unknown> };
  const unwrap = (s: unknown): Walked => ((s as Walked).type === "optional" ? unwrap((s as Walked).wrapped) : (s as Walked));
  let schema = unwrap(declarationSchema);
  for (const part of path) {
    if (schema.item) schema = unwrap(schema.item);
    else if (schema.entries) schema = unwrap(schema.entries[String(part)]);
  }
  return schema.entries ? Object.keys(schema.entries) : [];
}

/** The ARN of one of a declared pipeline's roles, or undefined when its declaration is refused elsewhere. */
function roleArnOf(d: PlatformDeclaration, p: PipelineDeclaration, role: PipelineAwsRoleKind): string | undefined {
  try {
    return pipelineAccess(d, p).role(role).roleArn;
  } catch {
    return undefined;
  }
}

/** IAM's limit on role names; a pipeline's roles are named `bk-<slug>-plan` and `bk-<slug>-apply`. */
const MAX_ROLE_NAME_LENGTH = 64;
const MAX_PIPELINE_SLUG_LENGTH = MAX_ROLE_NAME_LENGTH - "bk--apply".length;
/**
 * Where a field of the trust declaration (`PipelineAccessProps`, as {@link pipelineAccess} fills it from
 * the pipeline at `at`) lives in the platform declaration: `apply.branches[1]` is the pipeline's own
 * `apply.branches[1]`, and its single step key is `apply.stepKey`. Other fields come from the
 * declaration as a whole, so the pipeline is named.
 */
function declarationPath(at: string, field: string): string {
  // The preview role's branches are the pipeline's previews.branches.
  if (field === "preview.branches" || field.startsWith("preview.branches[")) return `${at}.previews.${field.slice("preview.".length)}`;
  for (const role of ["plan", "apply"] as const) {
    if (field.startsWith(`${role}.stepKeys`)) return `${at}.${role}.stepKey`;
    for (const own of ["branches", "sessionDurationSeconds"]) {
      if (field === `${role}.${own}` || field.startsWith(`${role}.${own}[`)) return `${at}.${field}`;
    }
  }
  return at;
}

/**
 * A plan role runs the code of any branch it admits, so it holds only what the library's read-only
 * allow-list accepts: read-only permission sets and AWS managed policies, and Allow statements of
 * read-only actions (no credential or secret reads).
 */
function readOnlyIssues(at: string, permissions: PipelineDeclaration["plan"]["permissions"]): DeclarationIssue[] {
  const why = "the plan role runs the code of any branch it admits, so it only reads";
  const instead = `or give plan a read-only set (${readOnlySets().join(", ")}) or read actions`;
  const issues: DeclarationIssue[] = [];
  permissions.sets.forEach((name, j) => {
    if (name in PERMISSION_SETS && !isReadOnlySet(name)) {
      issues.push({
        path: `${at}.sets[${j}]`,
        message: `permission set "${name}" is not read-only, and ${why} — move it to apply.permissions.sets, ${instead}`,
      });
    }
  });
  permissions.managedPolicyArns.forEach((arn, j) => {
    const reason = notReadOnlyPolicyReason(arn);
    if (reason !== undefined) {
      issues.push({
        path: `${at}.managedPolicyArns[${j}]`,
        message: `"${arn}" ${reason}, and ${why} — move it to apply.permissions.managedPolicyArns, ${instead}`,
      });
    }
  });
  permissions.statements.forEach((s, j) => {
    s.actions.forEach((action, k) => {
      const [refused] = notReadOnlyActions({ Effect: s.effect, Action: action, Resource: s.resources });
      if (refused) {
        issues.push({
          path: `${at}.statements[${j}].actions[${k}]`,
          message: `"${action}" ${refused.reason}, and ${why} — move it to a statement of apply.permissions, ${instead}`,
        });
      }
    });
  });
  return issues;
}

/**
 * What a pipeline with previews must also be: a Terraform pipeline (not the platform pipeline), without a Google Cloud
 * project (the preview steps get AWS credentials only), whose plan and apply steps leave the preview steps their keys,
 * and whose slug leaves room for the role name `bk-<slug>-preview`.
 */
function previewIssues(p: PipelineDeclaration, at: string, slugFitsRoleNames: boolean): [string, string][] {
  const issues: [string, string][] = [];
  if (at === "platformPipeline") {
    issues.push(["previews", "the platform pipeline applies the platform's stacks and has no previews — remove previews"]);
  }
  if (p.gcpProject !== undefined) {
    issues.push([
      "previews",
      `the preview steps get AWS credentials only, and the pipeline uses the Google Cloud project "${p.gcpProject}" — remove previews or gcpProject`,
    ]);
  }
  for (const role of ["plan", "apply"] as const) {
    const key = p[role].stepKey;
    if (key !== undefined && DEFAULT_PREVIEW_STEP_KEYS.includes(key)) {
      issues.push([`${role}.stepKey`, `"${key}" is the key of a preview step of this pipeline — give the ${role} step another key`]);
    }
  }
  const previewRole = `bk-${p.slug}-preview`;
  if (slugFitsRoleNames && previewRole.length > MAX_ROLE_NAME_LENGTH) {
    issues.push([
      "slug",
      `"${p.slug}" has ${p.slug.length} characters, so the preview role name "${previewRole}" exceeds IAM's ${MAX_ROLE_NAME_LENGTH} — ` +
        `shorten the slug to at most ${MAX_ROLE_NAME_LENGTH - "bk--preview".length} characters, or remove previews`,
    ]);
  }
  return issues;
}

/** The account of an IAM principal ARN (`arn:aws:iam::<account>:role/...`). */
const principalAccount = (arn: string): string => arn.split(":")[4];

/**
 * Who administers the state and how the accounts without it reach it: administrators are principals of the
 * state account outside the pipelines' role path, and every other account with pipelines names the role its
 * identity stacks are deployed through.
 */
function stateAccountIssues(d: PlatformDeclaration, stateAccount: PlatformDeclaration["accounts"][number]): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const pipelineRolePath = `:role${defaultPipelineRolePath(d.organization.slug)}`;
  d.state.administrators.forEach((arn, i) => {
    if (principalAccount(arn) !== stateAccount.id) {
      add(
        `state.administrators[${i}]`,
        `"${arn}" is not in the state account ${stateAccount.id} — name a role or user of the account that holds the bucket and key`,
      );
    } else if (arn.includes(pipelineRolePath)) {
      add(
        `state.administrators[${i}]`,
        `"${arn}" is a pipeline role (path ${pipelineRolePath.slice(5)}), whose sessions come from builds — name the role an operator deploys the state-backend stack with`,
      );
    }
  });
  const withPipelines = new Set(allPipelines(d).map((p) => p.account));
  d.accounts.forEach((a, i) => {
    const at = `accounts[${i}].deployRoleArn`;
    if (a.deployRoleArn === undefined) {
      if (a.name !== d.state.account && withPipelines.has(a.name)) {
        add(
          at,
          `account "${a.name}" holds pipeline roles but not the state: its identity stacks keep their state in account ${stateAccount.id}'s bucket and are deployed with that account's credentials — ` +
            `name the role of account ${a.id} they assume (one that trusts the state account's operators, e.g. arn:aws:iam::${a.id}:role/OrganizationAccountAccessRole)`,
        );
      }
    } else if (a.name === d.state.account) {
      add(at, `the state account's stacks are deployed with its own credentials — remove deployRoleArn`);
    } else if (principalAccount(a.deployRoleArn) !== a.id || !a.deployRoleArn.includes(":role/")) {
      add(at, `"${a.deployRoleArn}" is not a role of account ${a.id} — name the role of that account its identity stacks assume`);
    }
  });
  return issues;
}

function crossFieldIssues(d: PlatformDeclaration): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const accounts = new Set<string>();
  const accountIds = new Set<string>();
  d.accounts.forEach((a, i) => {
    if (accounts.has(a.name)) add(`accounts[${i}].name`, `duplicate account name "${a.name}" — give each account its own name`);
    if (accountIds.has(a.id)) add(`accounts[${i}].id`, `account ${a.id} is declared twice — declare each AWS account once`);
    accounts.add(a.name);
    accountIds.add(a.id);
  });
  const knownAccounts = [...accounts].join(", ");
  const gcpProjects = new Set<string>();
  const gcpProjectIds = new Set<string>();
  d.gcpProjects.forEach((g, i) => {
    if (gcpProjects.has(g.name)) add(`gcpProjects[${i}].name`, `duplicate GCP project name "${g.name}" — give each project its own name`);
    if (gcpProjectIds.has(g.projectId)) add(`gcpProjects[${i}].projectId`, `project ${g.projectId} is declared twice — declare each GCP project once`);
    gcpProjects.add(g.name);
    gcpProjectIds.add(g.projectId);
  });
  if (!accounts.has(d.state.account)) {
    add("state.account", `unknown account "${d.state.account}" — use one of the declared accounts (${knownAccounts})`);
  }
  if (d.state.lockMode !== "lockfile" && !d.state.lockTable) {
    add("state.lockTable", `lockMode "${d.state.lockMode}" needs a DynamoDB table — set state.lockTable or use lockMode "lockfile"`);
  }

  const queues = new Set<string>();
  d.cluster.queues.forEach((q, i) => {
    if (queues.has(q.key)) add(`cluster.queues[${i}].key`, `duplicate queue key "${q.key}" — queue keys must be unique in a cluster`);
    queues.add(q.key);
  });
  if (!queues.has(d.cluster.defaultQueue)) {
    add("cluster.defaultQueue", `"${d.cluster.defaultQueue}" is not one of cluster.queues — declare it there or pick one of ${[...queues].join(", ")}`);
  }
  if (d.cluster.applyQueue !== undefined && d.cluster.applyQueue === d.cluster.defaultQueue) {
    add(
      "cluster.applyQueue",
      `"${d.cluster.applyQueue}" is the default queue, where every plan step without a queue runs the code of any branch — give applies a queue of their own`,
    );
  }
  // The cluster creates the apply queue when cluster.queues does not declare it.
  if (d.cluster.applyQueue !== undefined) queues.add(d.cluster.applyQueue);

  const teams = new Set<string>();
  d.teams.forEach((t, i) => {
    if (teams.has(t.slug)) add(`teams[${i}].slug`, `duplicate team "${t.slug}" — declare each team once`);
    teams.add(t.slug);
  });

  const pipelines = new Set<string>();
  const declared: [PipelineDeclaration, string][] = d.pipelines.map((p, i) => [p, `pipelines[${i}]`]);
  if (d.platformPipeline) declared.push([d.platformPipeline, "platformPipeline"]);
  const pipelineIds = new Set<string>();
  declared.forEach(([p, at]) => {
    if (pipelines.has(p.slug)) add(`${at}.slug`, `duplicate pipeline "${p.slug}" — each pipeline slug may be declared once (the platform pipeline included)`);
    pipelines.add(p.slug);
    if (p.id !== undefined && pipelineIds.has(p.id))
      add(`${at}.id`, `pipeline UUID ${p.id} is declared for two pipelines — copy each pipeline's own UUID from its settings`);
    if (p.id !== undefined) pipelineIds.add(p.id);
    if (!d.platformPipeline && p.slug === DEFAULT_PLATFORM_SLUG) {
      add(
        `${at}.slug`,
        `the slug "${DEFAULT_PLATFORM_SLUG}" files the platform's own states when there is no platformPipeline — rename that pipeline or declare platformPipeline`,
      );
    }
    /** A refusal of the pipeline's access declarations, at the field of the pipeline it names. */
    const addRefusal = (err: unknown) => {
      if (ValidationError.isValidationError(err)) {
        const value = ["string", "number", "boolean"].includes(typeof err.value) ? `${shown(err.value)} ` : "";
        add(declarationPath(at, err.field), `${value}${err.problem} — ${err.fix}`);
      } else add(at, (err as Error).message);
    };
    const slugFitsRoleNames = p.slug.length <= MAX_PIPELINE_SLUG_LENGTH;
    if (!slugFitsRoleNames) {
      add(
        `${at}.slug`,
        `"${p.slug}" has ${p.slug.length} characters, so the role name "bk-${p.slug}-apply" exceeds IAM's ${MAX_ROLE_NAME_LENGTH} — ` +
          `shorten the slug to at most ${MAX_PIPELINE_SLUG_LENGTH} characters`,
      );
    }
    if (!accounts.has(p.account)) add(`${at}.account`, `unknown account "${p.account}" — use one of the declared accounts (${knownAccounts})`);
    if (p.gcpProject !== undefined && !gcpProjects.has(p.gcpProject)) {
      add(
        `${at}.gcpProject`,
        `unknown GCP project "${p.gcpProject}" — use one of the declared gcpProjects (${[...gcpProjects].join(", ") || "none declared"})`,
      );
    }
    if (p.queue !== undefined && !queues.has(p.queue)) add(`${at}.queue`, `unknown queue "${p.queue}" — declare it in cluster.queues`);
    if (p.owner !== undefined && !teams.has(p.owner)) add(`${at}.owner`, `unknown team "${p.owner}" — declare it in teams`);
    if (p.applyQueue !== undefined && !queues.has(p.applyQueue)) {
      add(`${at}.applyQueue`, `unknown queue "${p.applyQueue}" — declare it in cluster.queues or as cluster.applyQueue`);
    }
    p.teams.forEach((t, j) => {
      if (!teams.has(t.team)) add(`${at}.teams[${j}].team`, `unknown team "${t.team}" — declare it in teams`);
    });
    const approval = typeof p.approval === "object" ? p.approval : undefined;
    approval?.teams?.forEach((team, j) => {
      if (!teams.has(team)) add(`${at}.approval.teams[${j}]`, `unknown team "${team}" — declare it in teams`);
    });
    const policy = p.approval === false ? "never" : (approval?.policy ?? DEFAULT_APPROVAL_POLICY);
    if (policy !== "never" && approval?.teams === undefined && p.owner === undefined) {
      add(
        `${at}.approval`,
        "the apply waits for an approval no team is named for, so whoever can create a build could approve their own — " +
          "set owner (its team approves) or approval: { teams: [...] }, or approval: false to apply without one",
      );
    }
    if (policy === "never" && approval?.teams !== undefined) {
      add(`${at}.approval.teams`, 'no one approves with policy never, so these teams approve nothing — remove teams, or use policy "on-risk" or "always"');
    }
    if (policy !== "on-risk" && approval?.riskyTypes !== undefined) {
      add(
        `${at}.approval.riskyTypes`,
        `only policy "on-risk" reads the risky types, and this policy is "${policy}" — remove riskyTypes, or use policy "on-risk"`,
      );
    }
    // The preview role's permissions are checked as the apply role's are (known sets, administrator access, IAM writes on
    // itself); its branches are the other way round: never the default branch.
    const roles: { role: PipelineAwsRoleKind; field: string; permissions: DeclaredPermissions; branches: readonly string[] }[] = [
      { role: "plan", field: "plan", ...p.plan },
      { role: "apply", field: "apply", ...p.apply },
      ...(p.previews ? [{ role: "preview" as const, field: "previews", ...p.previews }] : []),
    ];
    for (const { role, field, permissions, branches } of roles) {
      permissions.sets.forEach((name, j) => {
        if (!(name in PERMISSION_SETS)) {
          add(`${at}.${field}.permissions.sets[${j}]`, `unknown permission set "${name}" — use one of ${Object.keys(PERMISSION_SETS).join(", ")}`);
        }
      });
      if (role === "plan") readOnlyIssues(`${at}.plan.permissions`, permissions).forEach((issue) => issues.push(issue));
      permissions.statements.forEach((s, j) => {
        const statement: PolicyStatement = { Effect: s.effect, Action: s.actions, Resource: s.resources };
        const admin = administratorAccess(statement);
        if (!s.allowAdminReason && admin) {
          add(
            `${at}.${field}.permissions.statements[${j}]`,
            `allows ${admin} on every resource${role === "preview" ? ", and whoever can push a preview branch holds the preview role" : ""} — grant only the actions and resources the pipeline needs, or set allowAdminReason to say why administrator access is required`,
          );
        }
        const ownArn = accounts.has(p.account) && slugFitsRoleNames ? roleArnOf(d, p, role) : undefined;
        if (ownArn !== undefined && !grantsAdministrator(statement) && grantsIamWriteOn(statement, ownArn)) {
          add(
            `${at}.${field}.permissions.statements[${j}]`,
            `allows ${iamWriteActions(statement).join(", ")} on resources that include the role itself (${ownArn}), so it could give itself any permission — ` +
              "narrow the resources to the roles and policies the pipeline manages, outside the platform's role path",
          );
        }
      });
      if (role === "preview") {
        if (permissions.roles.length > 0) {
          add(`${at}.previews.permissions.roles`, "grants Google Cloud roles, and previews get AWS credentials only — remove them");
        }
        if (branchAdmitted(branches, p.defaultBranch)) {
          add(
            `${at}.previews.branches`,
            `admit the default branch "${p.defaultBranch}", which applies into the stable workspace with the apply role — name preview branches that do not match it, for example ["preview-*"]`,
          );
        }
        continue;
      }
      if (permissions.roles.length > 0 && p.gcpProject === undefined) {
        add(`${at}.${role}.permissions.roles`, "grants Google Cloud roles, but the pipeline names no gcpProject — set gcpProject or remove the roles");
      }
      permissions.roles.forEach((gcpRole, j) => {
        if (role === "plan" && !isReadOnlyGcpRole(gcpRole)) {
          add(
            `${at}.plan.permissions.roles[${j}]`,
            `"${gcpRole}" may change resources, but plan is read-only — grant it to apply, and give plan a read-only role (${GCP_READ_ONLY_ROLES.slice(0, 3).join(", ")} or roles/<service>.viewer)`,
          );
        }
        if (gcpRole === "roles/owner")
          add(
            `${at}.${role}.permissions.roles[${j}]`,
            '"roles/owner" grants every permission in the project — grant the roles of the services the pipeline manages',
          );
      });
      if (!branchAdmitted(branches, p.defaultBranch)) {
        add(
          `${at}.${role}.branches`,
          `the ${role} step runs on the default branch "${p.defaultBranch}", which ${role}.branches does not admit — add it or change defaultBranch`,
        );
      }
    }
    if (at === "platformPipeline" && p.plan.branches.some((branch) => branch !== p.defaultBranch)) {
      add(
        `${at}.plan.branches`,
        `the platform pipeline's states hold the cluster's agent tokens, which its plan role may read, so only builds of "${p.defaultBranch}" may assume it — ` +
          `set plan.branches to ["${p.defaultBranch}"] (branch builds of the platform repository then run no plan)`,
      );
    }
    if (at === "platformPipeline") platformPipelineIssues(d, p).forEach(([field, message]) => add(`${at}.${field}`, message));
    if (p.plan.stepKey !== undefined && p.plan.stepKey === p.apply.stepKey) {
      add(`${at}.apply.stepKey`, `plan and apply use the same step key "${p.apply.stepKey}" — give apply its own step key`);
    }
    if (p.previews) previewIssues(p, at, slugFitsRoleNames).forEach(([field, message]) => add(`${at}.${field}`, message));
    if (accounts.has(p.account) && slugFitsRoleNames) {
      // The trust declaration checks branch patterns, apply scope and session durations itself.
      try {
        pipelineAccess(d, p);
      } catch (err) {
        addRefusal(err);
      }
    }
    if (p.gcpProject !== undefined && gcpProjects.has(p.gcpProject)) {
      // A principalSet matches exactly: branch globs and service account IDs are checked by the GCP declaration.
      try {
        gcpPipelineAccess(d, p);
      } catch (err) {
        addRefusal(err);
      }
    }
  });
  Object.keys(d.tags.extra)
    .filter((key) => key.toLowerCase().startsWith("aws:"))
    .forEach((key) => add(`tags.extra.${key}`, `tag key "${key}" starts with "aws:", which AWS reserves for its own tags — rename it`));
  Object.keys(d.tags.extra)
    .filter((key) => (PROVENANCE_TAG_KEYS as readonly string[]).includes(key))
    .forEach((key) => add(`tags.extra.${key}`, `"${key}" is a provenance tag the app sets itself (${PROVENANCE_TAG_KEYS.join(", ")}) — use another key`));
  if (d.state.migrated && !d.state.kmsKeyArn) {
    add("state.migrated", "the state-backend stack can only use its bucket once state.kmsKeyArn is set — set it, or set migrated to false");
  }
  const stateAccount = d.accounts.find((a) => a.name === d.state.account);
  if (d.state.kmsKeyArn && stateAccount && !d.state.kmsKeyArn.includes(`:kms:${stateAccount.region}:${stateAccount.id}:key/`)) {
    add(
      "state.kmsKeyArn",
      `"${d.state.kmsKeyArn}" is not in the state account ${stateAccount.id} and region ${stateAccount.region} — copy the kms_key_arn output of the state-backend stack`,
    );
  }
  if (stateAccount) issues.push(...stateAccountIssues(d, stateAccount));
  // The fleet rules and the shard capacities place pipelines, which needs every reference above to hold.
  if (issues.length === 0) issues.push(...fleetIssues(d));
  if (issues.length === 0) {
    shardFindings(d)
      .filter((f) => f.level === "error")
      .forEach((f) => add(f.path, `[${f.id}] ${f.message}`));
  }
  // Over a quota, terraform apply would fail part-way; approaching one is only a warning (main.ts prints those).
  quotaFindings(d)
    .filter((f) => f.level === "error")
    .forEach((f) => add(f.path, `[${f.id}] ${f.message}`));
  return issues;
}

/**
 * What only the platform pipeline must be: its steps are one plan and one apply per stack (keyed
 * `plan-<stack>` and `apply-<stack>`), run in the synthesized stacks' folders, each assuming a role
 * named after the platform's slug (platform/platform-roles.ts).
 */
function platformPipelineIssues(d: PlatformDeclaration, p: PipelineDeclaration): [field: string, message: string][] {
  const issues: [string, string][] = [];
  if (p.apply.stepKey !== undefined) {
    issues.push([
      "apply.stepKey",
      `"${p.apply.stepKey}" would name one apply step, but the platform pipeline has one per stack (apply-<stack>, which its roles admit) — remove apply.stepKey`,
    ]);
  }
  if (!/(^|\/)stacks\/buildkite$/.test(p.workingDirectory)) {
    issues.push([
      "workingDirectory",
      `"${p.workingDirectory}" is not the Buildkite stack's folder of the synthesized platform, and the platform pipeline applies every stack from the folders beside it — set it to cdktf.out/stacks/buildkite (or <output folder>/stacks/buildkite)`,
    ]);
  }
  const token = d.platformPipeline?.buildkiteApiToken;
  const account = d.accounts.find((a) => a.name === p.account);
  if (token && (token.ssmParameter === undefined) === (token.secretArn === undefined)) {
    issues.push([
      "buildkiteApiToken",
      token.ssmParameter === undefined
        ? "names no store — set ssmParameter (an SSM SecureString's name) or secretArn (a Secrets Manager secret's ARN)"
        : "names both ssmParameter and secretArn — keep the one store that holds the token",
    ]);
  }
  if (token?.secretArn !== undefined && account && token.secretArn.split(":")[4] !== account.id) {
    issues.push([
      "buildkiteApiToken.secretArn",
      `"${token.secretArn}" is in account ${token.secretArn.split(":")[4]}, but the platform pipeline's roles are in ${account.name} (${account.id}), whose permissions boundary keeps the token from every other role — keep the secret in ${account.id}`,
    ]);
  }
  const longest = longestDeployRoleName(d, p.slug);
  if (longest.length > MAX_ROLE_NAME_LENGTH) {
    const over = longest.length - MAX_ROLE_NAME_LENGTH;
    issues.push([
      "slug",
      `"${p.slug}" makes the deploy role of a stack "${longest}" (bk-<slug>-<stack>-deployer), ${longest.length} characters long, over IAM's ${MAX_ROLE_NAME_LENGTH} — ` +
        `shorten the slug to at most ${Math.max(1, p.slug.length - over)} characters, or the account and GCP project names`,
    ]);
  }
  return issues;
}
