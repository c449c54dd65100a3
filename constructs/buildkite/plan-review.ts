/**
 * The review of a saved plan, as POSIX sh for the step scripts: what the plan
 * changes (from `terraform show -json`, read with jq), whether the apply must
 * wait for a person (the approval policy), the annotation reviewers read, and
 * the check that a person of an approving team unblocked the build.
 *
 * The same review runs twice: in the plan step, to tell reviewers and to add
 * the block step to the build; and in the apply step, on the very plan it is
 * about to apply, which decides. The plan step runs the build's code (any
 * branch's, in a build created through the API), so nothing it says or
 * uploads is trusted: see docs/buildkite.md, "Approval by policy".
 */
import { shellQuote } from "../private/shell";

/** When the apply waits for a person. */
export type ApprovalPolicy = "always" | "never" | "on-risk";

/** The approval policies, for validation. */
export const APPROVAL_POLICIES: readonly ApprovalPolicy[] = ["always", "never", "on-risk"];

/** The policy unless one is named. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = "on-risk";

/** Where the JSON plan (`terraform show -json`) is written and uploaded as an artifact. */
export const PLAN_JSON_FILE = "tfplan.json";

/** Longest rendered plan the annotation carries (Buildkite refuses annotation bodies over 1 MiB). */
export const ANNOTATION_PLAN_MAX_BYTES = 600_000;

/** Where the docs say how to install the tools the steps need. */
export const TOOLS_DOC = 'docs/buildkite.md, "Tools the agents need"';

/** The annotation context of a pipeline's plan of one workspace; stable, so a re-run replaces it. */
export function planAnnotationContext(slug: string, workspace: string): string {
  return `terraform-plan-${slug}-${workspace}`;
}

/** How one pipeline reviews its plans. */
export interface PlanReviewOptions {
  /** When the apply waits for approval. */
  readonly policy: ApprovalPolicy;
  /** Resource types (or `prefix*`) whose changes need approval under `on-risk`, besides the built-in rules. */
  readonly riskyTypes: readonly string[];
  /** Team slugs whose members may approve; undefined: anyone who can build the pipeline. */
  readonly approvers?: readonly string[];
}

/**
 * The jq program that summarizes a JSON plan: the counts Terraform prints, the destroyed and replaced
 * addresses, and why `on-risk` would wait (destroys and replacements first, then IAM, KMS key policies
 * and the declared types). `$risky` is the declared list.
 */
const SUMMARY_JQ = `def acts: .change.actions;
def changing: (acts != ["no-op"]) and (acts != ["read"]);
def declared($types): .type as $t | any($types[]; . as $p | if ($p | endswith("*")) then ($t | startswith($p[:-1])) else $t == $p end);
[.resource_changes[]? | select(changing)] as $c
| {
    add: [$c[] | select(acts | any(. == "create"))] | length,
    change: [$c[] | select(acts == ["update"])] | length,
    destroy: [$c[] | select(acts | any(. == "delete"))] | length,
    import: [.resource_changes[]? | select(.change.importing != null)] | length,
    destroyed: [$c[] | select(acts == ["delete"]) | .address],
    replaced: [$c[] | select((acts | any(. == "create")) and (acts | any(. == "delete"))) | .address],
    risks: (
      [$c[] | select(acts | any(. == "delete")) | (if acts == ["delete"] then "destroys " else "replaces " end) + .address]
      + [$c[] | select(.type | startswith("aws_iam_")) | "changes IAM: " + .address]
      + [$c[] | select(.type == "aws_kms_key_policy"
          or (.type == "aws_kms_key" and ((.change.before.policy? // null) != (.change.after.policy? // null) or (.change.after_unknown.policy? // false) == true)))
        | "changes a KMS key policy: " + .address]
      + [$c[] | select(declared($risky)) | "changes a declared risky type (approval.riskyTypes): " + .address]
    )
  }`;

/** The Markdown lines of the counts and of the destroyed and replaced resources, from the summary. */
const COUNTS_JQ = `"**\\(.add) to add, \\(.change) to change, \\(.destroy) to destroy, \\(.import) to import.**",
(if (.destroyed | length) > 0 then "", "Destroyed:", (.destroyed[] | "- \`" + . + "\`") else empty end),
(if (.replaced | length) > 0 then "", "Replaced (destroyed, then created again):", (.replaced[] | "- \`" + . + "\`") else empty end)`;

/**
 * The sh function `bktt_review_plan`, run in the working directory after `terraform init`, with the
 * saved plan in `tfplan`. It writes the JSON plan and sets `review_summary` (the summary as JSON, empty
 * when it could not be made) and `review_reasons` (one reason a line, empty when the apply need not wait).
 * With `checkCommit`, a commit that is not on the default branch as the remote has it is a reason too: the
 * plan of code nobody reviewed (a build created through the API may build any commit as the default branch).
 */
export function reviewShellFunction(options: PlanReviewOptions, defaultBranch: string): string[] {
  const { policy } = options;
  const risky = JSON.stringify(options.riskyTypes);
  const quotedBranch = shellQuote(defaultBranch);
  return [
    "bktt_review_plan() {",
    "  review_summary=",
    "  review_reasons=",
    "  if ! command -v jq >/dev/null 2>&1; then",
    `    review_reasons=${shellQuote(`cannot decide: jq is not installed on this agent (install it: ${TOOLS_DOC})`)}`,
    `  elif ! terraform show -json ${"tfplan"} > ${PLAN_JSON_FILE}; then`,
    "    review_reasons='cannot decide: terraform show -json could not read the saved plan'",
    `  elif ! review_summary="$(jq -c --argjson risky ${shellQuote(risky)} ${shellQuote(SUMMARY_JQ)} ${PLAN_JSON_FILE})"; then`,
    "    review_summary=",
    "    review_reasons='cannot decide: the JSON plan could not be read'",
    ...(policy === "on-risk" ? ["  else", `    review_reasons="$(printf '%s' "\${review_summary}" | jq -r '.risks[]')"`] : []),
    "  fi",
    ...(policy === "always" ? ["  review_reasons='approval.policy is always: every apply waits for approval'"] : []),
    ...(policy === "never" ? ["  review_reasons="] : []),
    ...(policy === "on-risk"
      ? [
          '  if [ "${1:-}" = check-commit ]; then',
          `    if ! { git fetch --quiet origin ${shellQuote(`refs/heads/${defaultBranch}`)} && git merge-base --is-ancestor HEAD FETCH_HEAD; }; then`,
          `      unreviewed="cannot confirm that commit $(git rev-parse HEAD 2>/dev/null || echo HEAD) is on "${quotedBranch}": the plan may be of code nobody reviewed"`,
          // sed drops the empty first line left when the commit is the only reason.
          `      review_reasons="$(printf '%s\\n%s\\n' "\${review_reasons}" "\${unreviewed}" | sed '/^$/d')"`,
          "    fi",
          "  fi",
        ]
      : []),
    "}",
  ];
}

/**
 * Lines that write the annotation of the reviewed plan (after `bktt_review_plan`) and post it with a
 * stable context. `applies` is a sh condition: whether this build applies (else the decision is shown
 * as what would happen once merged).
 */
export function annotationLines(slug: string, workspace: string, applies: string): string[] {
  return [
    "{",
    `  printf '%s\\n\\n' ${shellQuote(`### :terraform: Plan of ${slug} (workspace ${workspace})`)}`,
    '  if [ -n "${review_summary}" ]; then',
    `    printf '%s' "\${review_summary}" | jq -r ${shellQuote(COUNTS_JQ)}`,
    "  else",
    "    echo 'The plan could not be summarized.'",
    "  fi",
    "  echo",
    `  if ${applies}; then`,
    '    if [ -n "${review_reasons}" ]; then echo "**The apply waits for approval:**"; else echo "**The apply goes ahead without approval:** nothing in this plan needs it."; fi',
    "  else",
    "    printf 'This build does not apply: it planned %s against the state the default branch applies to.\\n' \"${BUILDKITE_BRANCH}\"",
    '    if [ -n "${review_reasons}" ]; then echo "**Once merged, the apply would wait for approval:**"; else echo "**Once merged, the apply would go ahead without approval.**"; fi',
    "  fi",
    "  if [ -n \"${review_reasons}\" ]; then echo; printf '%s\\n' \"${review_reasons}\" | sed 's/^/- /'; fi",
    "  printf '\\n<details><summary>Full plan</summary>\\n\\n<pre>\\n'",
    `  terraform show -no-color tfplan | head -c ${ANNOTATION_PLAN_MAX_BYTES} | sed 's/&/\\&amp;/g; s/</\\&lt;/g; s/>/\\&gt;/g'`,
    "  printf '</pre>\\n</details>\\n'",
    "} > plan-annotation.md",
    `if ${applies} && [ -n "\${review_reasons}" ]; then annotation_style=warning; else annotation_style=info; fi`,
    `buildkite-agent annotate --context ${shellQuote(planAnnotationContext(slug, workspace))} --style "\${annotation_style}" < plan-annotation.md`,
  ];
}

/**
 * The build sources whose environment no person chooses: a push (`webhook`) and the platform's own
 * schedule. Whoever creates a build in the UI, through the API or with a trigger step sets its
 * environment variables, and `BUILDKITE_UNBLOCKER_*` are set by Buildkite only once a block step is
 * unblocked: in such a build a variable its creator set cannot be told from an approval.
 */
export const APPROVABLE_BUILD_SOURCES: readonly string[] = ["webhook", "schedule"];

/**
 * Lines that stop the apply unless a member of an approving team unblocked this build. Buildkite sets
 * `BUILDKITE_UNBLOCKER_TEAMS` (the unblocker's non-private team slugs, `:`-separated) on the jobs after
 * a block step is unblocked; a block step uploaded by someone else and unblocked by someone outside the
 * approving teams does not pass, and neither does a build whose creator could have set the variable
 * (see `APPROVABLE_BUILD_SOURCES`).
 */
export function approverCheckLines(approvers: readonly string[] | undefined): string[] {
  const refuse = (why: string) => [
    `  printf '%s\\n' ${shellQuote(`Refusing to apply: this plan needs approval, and ${why}.`)} "Reasons:" "\${review_reasons}" >&2`,
    "  exit 1",
  ];
  const sourceCheck = [
    'case "${BUILDKITE_SOURCE:-}" in',
    `  ${APPROVABLE_BUILD_SOURCES.join("|")}) ;;`,
    "  *)",
    `    printf '%s\\n' "Refusing to apply: this plan needs approval, and this build was created by \${BUILDKITE_SOURCE:-an unknown source}, whose creator sets its environment variables (BUILDKITE_UNBLOCKER_TEAMS among them), so no approval in it can be trusted." ${shellQuote("Apply from a build of a push to the default branch; the reasons for approval:")} "\${review_reasons}" >&2`,
    "    exit 1",
    "    ;;",
    "esac",
  ];
  if (approvers === undefined) {
    return [...sourceCheck, 'if [ -z "${BUILDKITE_UNBLOCKER_ID:-}" ]; then', ...refuse("no one unblocked this build"), "fi"];
  }
  return [
    ...sourceCheck,
    'case ":${BUILDKITE_UNBLOCKER_TEAMS:-}:" in',
    `  ${approvers.map((team) => `*:${team}:*`).join("|")}) ;;`,
    "  *)",
    ...refuse(`no member of the approving teams (${approvers.join(", ")}) unblocked this build`).map((line) => `  ${line}`),
    "    ;;",
    "esac",
  ];
}

/** Lines that stop the step, naming the tool, when one it needs is not on PATH. */
export function toolCheckLines(tools: readonly string[]): string[] {
  return [
    `for tool in ${tools.join(" ")}; do`,
    '  if ! command -v "${tool}" >/dev/null 2>&1; then',
    `    printf '%s\\n' "This step needs \${tool} on the agent's PATH, and it is not there: install it (${TOOLS_DOC.replace(/"/g, '\\"')})." >&2`,
    "    exit 1",
    "  fi",
    "done",
  ];
}
