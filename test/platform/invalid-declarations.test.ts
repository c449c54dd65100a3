/**
 * Invalid platform declarations, each the embedded example with one mistake,
 * run through the path main.ts takes (validateDeclaration, then
 * synthesizePlatform). Each must be refused with its own message, at the
 * field it is about, and leave nothing behind: no cdktf.out, no access
 * report, no staging folder.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { DeclarationError } from "../../platform/declaration-error";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { synthesizePlatform } from "../../platform/synthesize";
import { validateDeclaration } from "../../platform/validate";

type Declaration = PlatformDeclarationInput;
type Pipeline = Declaration["pipelines"][number];

interface InvalidCase {
  readonly name: string;
  /** The one mistake, made on a deep clone of the example. */
  readonly mutate: (d: Declaration) => void;
  /**
   * Where the mistake is refused: a declaration field path (refused by
   * validateDeclaration), or "synth" (refused by a construct or guardrail
   * while synthesizing).
   */
  readonly at: string;
  /** What the refusal must say: specific to this case, so that no other case's message matches it. */
  readonly message: RegExp;
}

const pipeline = (d: Declaration, slug: string): Pipeline => {
  const found = d.pipelines.find((p) => p.slug === slug);
  if (!found) throw new Error(`the example has no pipeline "${slug}"`);
  return found;
};
const networking = (d: Declaration) => pipeline(d, "networking");
const payments = (d: Declaration) => pipeline(d, "payments-service");
const data = (d: Declaration) => pipeline(d, "data-platform");
/** Adds a field the schema does not know (a typo), which the types would refuse. */
const addField = (target: object, key: string, value: unknown) => Object.assign(target, { [key]: value });

const KEY_UUID = "6f1c2d3e-4b5a-4c6d-9e8f-7a6b5c4d3e2f";

const CASES: readonly InvalidCase[] = [
  // Claim checks
  {
    name: "a claim check that does not exist",
    mutate: (d) => addField(d, "claimCheck", "tags"),
    at: "claimCheck",
    message: /^"tags" is not one of condition-keys, session-tags, both/,
  },
  {
    name: "a pipeline's claim check spelled with an underscore",
    mutate: (d) => addField(networking(d), "claimCheck", "session_tags"),
    at: "pipelines[0].claimCheck",
    message: /^"session_tags" is not one of condition-keys, session-tags, both — use one of them/,
  },
  // Slugs
  {
    name: "organization slug in uppercase",
    mutate: (d) => (d.organization.slug = "Acme"),
    at: "organization.slug",
    message: /^"Acme" is not a valid organization slug — use lowercase letters/,
  },
  {
    name: "pipeline slug with an underscore",
    mutate: (d) => (payments(d).slug = "payments_service"),
    at: "pipelines[1].slug",
    message: /^"payments_service" is not a valid pipeline slug/,
  },
  {
    name: "pipeline slug with a trailing hyphen",
    mutate: (d) => (networking(d).slug = "networking-"),
    at: "pipelines[0].slug",
    message: /^"networking-" is not a valid pipeline slug — .*not starting or ending with a hyphen/,
  },
  {
    name: "pipeline slug so long that bk-<slug>-apply exceeds IAM's 64 characters",
    // 56 characters: a valid slug, and bk-<slug>-plan still fits (64), but bk-<slug>-apply has 65.
    mutate: (d) => (payments(d).slug = `payments-${"x".repeat(47)}`),
    at: "pipelines[1].slug",
    message: /has 56 characters, so the role name "bk-payments-x+-apply" exceeds IAM's 64 — shorten the slug to at most 55/,
  },
  {
    name: "pipeline named platform without platformPipeline",
    mutate: (d) => {
      delete d.platformPipeline;
      networking(d).slug = "platform";
    },
    at: "pipelines[0].slug",
    message: /the slug "platform" files the platform's own states when there is no platformPipeline — rename that pipeline or declare platformPipeline/,
  },

  // Wildcard tricks in branches
  {
    name: "apply on every branch (*)",
    mutate: (d) => (networking(d).apply.branches = ["*"]),
    at: "pipelines[0].apply.branches",
    message: /admits every branch \("\*"\).*name the branches that may apply/,
  },
  {
    name: "apply on every branch spelled **",
    mutate: (d) => (networking(d).apply.branches = ["main", "**"]),
    at: "pipelines[0].apply.branches",
    message: /^admits every branch \("\*\*"\)/,
  },
  {
    name: "apply on every branch spelled *?",
    mutate: (d) => (payments(d).apply.branches = ["main", "*?"]),
    at: "pipelines[1].apply.branches",
    message: /^admits every branch \("\*\?"\)/,
  },
  {
    name: "apply branch glob crossing into the next subject segment (main:*)",
    mutate: (d) => (networking(d).apply.branches = ["main", "main:*"]),
    at: "pipelines[0].apply.branches[1]",
    message: /^"main:\*" contains ":", which .* cross into the next segment of the token subject/,
  },
  {
    name: "plan branch glob smuggling a step segment (ma*n:step)",
    mutate: (d) => (payments(d).plan = { branches: ["main", "ma*n:step"] }),
    at: "pipelines[1].plan.branches[1]",
    message: /^"ma\*n:step" contains ":"/,
  },
  {
    name: "apply branches that do not admit the default branch",
    mutate: (d) => (data(d).apply.branches = ["main"]),
    at: "pipelines[2].apply.branches",
    message: /the apply step runs on the default branch "release", which apply\.branches does not admit — add it or change defaultBranch/,
  },
  {
    name: "plan branches that do not admit the default branch",
    mutate: (d) => (networking(d).plan = { branches: ["feature/*"] }),
    at: "pipelines[0].plan.branches",
    message: /the plan step runs on the default branch "main", which plan\.branches does not admit/,
  },
  {
    name: "trust policy over IAM's 2,048-character quota (31 plan branches)",
    mutate: (d) => (networking(d).plan = { branches: ["main", ...Array.from({ length: 30 }, (_, i) => `feature/team-${i}`)] }),
    at: "synth",
    message:
      /guardrail trust-policy-size refuses identity-production\/networking\/Plan\/Role .*: the trust policy has \d{4} characters .*over the limit of 2048\. Fix: admit fewer branch/,
  },
  {
    name: "same step key for plan and apply",
    mutate: (d) => (data(d).plan = { branches: ["release"], stepKey: "apply-data" }),
    at: "pipelines[2].apply.stepKey",
    message: /plan and apply use the same step key "apply-data" — give apply its own step key/,
  },

  // Pipelines, accounts and references
  {
    name: "duplicate pipeline",
    mutate: (d) => d.pipelines.push({ ...structuredClone(payments(d)), name: "Payments again" }),
    at: "pipelines[3].slug",
    message: /duplicate pipeline "payments-service" — each pipeline slug may be declared once/,
  },
  {
    name: "platform pipeline slug duplicating a pipeline",
    mutate: (d) => (d.platformPipeline!.slug = "networking"),
    at: "platformPipeline.slug",
    message: /duplicate pipeline "networking" — .*\(the platform pipeline included\)/,
  },
  {
    name: "two pipelines pinned to the same pipeline UUID",
    mutate: (d) => (networking(d).id = data(d).id),
    at: "pipelines[2].id",
    message: /pipeline UUID 5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f is declared for two pipelines/,
  },
  {
    name: "duplicate account name",
    mutate: (d) => d.accounts.push({ name: "production", id: "210987654321", region: "eu-west-1" }),
    at: "accounts[1].name",
    message: /duplicate account name "production" — give each account its own name/,
  },
  {
    name: "duplicate account ID",
    mutate: (d) => d.accounts.push({ name: "staging", id: "123456789012", region: "eu-central-1" }),
    at: "accounts[1].id",
    message: /account 123456789012 is declared twice — declare each AWS account once/,
  },
  {
    name: "pipeline in an undeclared account",
    mutate: (d) => (payments(d).account = "staging"),
    at: "pipelines[1].account",
    message: /unknown account "staging" — use one of the declared accounts \(production\)/,
  },
  {
    name: "state in an undeclared account",
    mutate: (d) => (d.state.account = "shared-services"),
    at: "state.account",
    message: /unknown account "shared-services"/,
  },
  {
    name: "no accounts at all",
    mutate: (d) => (d.accounts = []),
    at: "accounts",
    message: /^the list is empty — declare at least one AWS account$/,
  },
  {
    name: "account ID of 11 digits",
    mutate: (d) => (d.accounts[0].id = "12345678901"),
    at: "accounts[0].id",
    message: /^"12345678901" is not an AWS account ID — use its 12 digits/,
  },
  {
    name: "region without its number",
    mutate: (d) => (d.accounts[0].region = "eu-west"),
    at: "accounts[0].region",
    message: /^"eu-west" is not an AWS region — use a region code like "eu-west-1"/,
  },
  {
    name: "unknown queue",
    mutate: (d) => (networking(d).queue = "terraform-gpu"),
    at: "pipelines[0].queue",
    message: /unknown queue "terraform-gpu" — declare it in cluster\.queues/,
  },
  {
    name: "default queue not among the queues",
    mutate: (d) => (d.cluster.defaultQueue = "default"),
    at: "cluster.defaultQueue",
    message: /"default" is not one of cluster\.queues — declare it there or pick one of terraform, terraform-data/,
  },
  {
    name: "unknown owning team",
    mutate: (d) => (payments(d).owner = "billing"),
    at: "pipelines[1].owner",
    message: /unknown team "billing" — declare it in teams/,
  },
  {
    name: "unknown team given access",
    mutate: (d) => (data(d).teams = [{ team: "analytics", access: "BUILD_AND_READ" }]),
    at: "pipelines[2].teams[0].team",
    message: /unknown team "analytics" — declare it in teams/,
  },

  // Approvals, the apply queue and the branch that applies
  {
    name: "approval without an owner or teams",
    mutate: (d) => delete payments(d).owner,
    at: "pipelines[1].approval",
    message: /^the apply waits for an approval no team is named for, so whoever can create a build could approve their own — set owner/,
  },
  {
    name: "approval by a team that is not declared",
    mutate: (d) => (networking(d).approval = { teams: ["sre"] }),
    at: "pipelines[0].approval.teams[0]",
    message: /^unknown team "sre" — declare it in teams$/,
  },
  {
    name: "approval by no team",
    mutate: (d) => (networking(d).approval = { teams: [] }),
    at: "pipelines[0].approval.teams",
    message: /^the list is empty — name at least one team that may approve$/,
  },
  {
    name: "approval teams with policy never",
    mutate: (d) => (networking(d).approval = { teams: ["platform"], policy: "never" }),
    at: "pipelines[0].approval.teams",
    message: /^no one approves with policy never, so these teams approve nothing — remove teams, or use policy "on-risk" or "always"$/,
  },
  {
    name: "risky types with a policy that does not read them",
    mutate: (d) => (networking(d).approval = { policy: "always", riskyTypes: ["aws_db_instance"] }),
    at: "pipelines[0].approval.riskyTypes",
    message: /^only policy "on-risk" reads the risky types, and this policy is "always" — remove riskyTypes, or use policy "on-risk"$/,
  },
  {
    name: "a risky type that is no resource type",
    mutate: (d) => (networking(d).approval = { riskyTypes: ["aws_db_instance.main"] }),
    at: "pipelines[0].approval.riskyTypes[0]",
    message:
      /^"aws_db_instance.main" is not a Terraform resource type — use a resource type like "aws_db_instance", or a prefix of types ending in "\*" like "aws_rds_\*"$/,
  },
  {
    name: "an approval policy that does not exist",
    mutate: (d) => (networking(d).approval = { policy: "sometimes" as never }),
    at: "pipelines[0].approval.policy",
    message: /^"sometimes" is not an approval policy — use always, never, on-risk$/,
  },
  // Preview environments
  {
    name: "a preview branch with a slash, whose workspace would not be br-<branch>",
    mutate: (d) => (networking(d).previews = { branches: ["feature/*"] }),
    at: "pipelines[0].previews.branches[0]",
    message: /^"feature\/\*" is not a preview branch — use a branch name or a prefix ending in "\*" of lowercase letters, digits and single "-"/,
  },
  {
    name: "every branch as a preview branch",
    mutate: (d) => (networking(d).previews = { branches: ["*"] }),
    at: "pipelines[0].previews.branches[0]",
    message: /^"\*" is not a preview branch/,
  },
  {
    name: "preview branches that admit the default branch",
    mutate: (d) => (networking(d).previews = { branches: ["ma*"] }),
    at: "pipelines[0].previews.branches",
    message: /^admit the default branch "main", which applies into the stable workspace with the apply role — name preview branches that do not match it/,
  },
  {
    name: "administrator access for the preview role without a reason",
    mutate: (d) => (networking(d).previews = { branches: ["preview-*"], permissions: { statements: [{ actions: ["*"], resources: ["*"] }] } }),
    at: "pipelines[0].previews.permissions.statements[0]",
    message: /^allows every action on every resource, and whoever can push a preview branch holds the preview role — grant only the actions/,
  },
  {
    name: "a preview role allowed to change its own policies",
    mutate: (d) =>
      (networking(d).previews = {
        branches: ["preview-*"],
        permissions: { statements: [{ actions: ["iam:PutRolePolicy"], resources: ["arn:aws:iam::123456789012:role/buildkite/acme/bk-networking-*"] }] },
      }),
    at: "pipelines[0].previews.permissions.statements[0]",
    message: /^allows iam:PutRolePolicy on resources that include the role itself \(arn:aws:iam::123456789012:role\/buildkite\/acme\/bk-networking-preview\)/,
  },
  {
    name: "a preview permission set that does not exist",
    mutate: (d) => (networking(d).previews = { branches: ["preview-*"], permissions: { sets: ["preview-admin"] } }),
    at: "pipelines[0].previews.permissions.sets[0]",
    message: /^unknown permission set "preview-admin"/,
  },
  {
    name: "Google Cloud roles for the preview role",
    mutate: (d) => (networking(d).previews = { branches: ["preview-*"], permissions: { roles: ["roles/viewer"] } }),
    at: "pipelines[0].previews.permissions.roles",
    message: /^grants Google Cloud roles, and previews get AWS credentials only — remove them$/,
  },
  {
    name: "a plan step keyed like a preview step",
    mutate: (d) => {
      networking(d).previews = { branches: ["preview-*"] };
      networking(d).plan = { branches: ["*"], stepKey: "preview" };
    },
    at: "pipelines[0].plan.stepKey",
    message: /^"preview" is the key of a preview step of this pipeline — give the plan step another key$/,
  },
  {
    name: "previews on the platform pipeline",
    mutate: (d) => (d.platformPipeline!.previews = { branches: ["preview-*"] }),
    at: "platformPipeline.previews",
    message: /^the platform pipeline applies the platform's stacks and has no previews — remove previews$/,
  },
  {
    name: "an apply queue the cluster does not have",
    mutate: (d) => (data(d).applyQueue = "terraform-data-apply"),
    at: "pipelines[2].applyQueue",
    message: /^unknown queue "terraform-data-apply" — declare it in cluster.queues or as cluster.applyQueue$/,
  },
  {
    name: "the default queue as the apply queue",
    mutate: (d) => (d.cluster.applyQueue = "terraform"),
    at: "cluster.applyQueue",
    message: /^"terraform" is the default queue, where every plan step without a queue runs the code of any branch/,
  },
  {
    name: "a default branch that is a pattern",
    mutate: (d) => (networking(d).defaultBranch = "release/*"),
    at: "pipelines[0].defaultBranch",
    message: /^"release\/\*" contains "\*" or "\?", which git refuses in branch names/,
  },
  {
    name: "a default branch a step condition cannot quote",
    mutate: (d) => (networking(d).defaultBranch = "it's-main"),
    at: "pipelines[0].defaultBranch",
    message: /^"it's-main" contains a quote, which a Buildkite step condition cannot carry/,
  },
  // Permissions
  {
    name: "unknown permission set",
    mutate: (d) => (networking(d).apply.permissions = { sets: ["network-administrator"] }),
    at: "pipelines[0].apply.permissions.sets[0]",
    message: /unknown permission set "network-administrator" — use one of read-only, .*network-admin/,
  },
  {
    name: "managed policy given by name instead of ARN",
    mutate: (d) => (payments(d).apply.permissions!.managedPolicyArns = ["AmazonS3ReadOnlyAccess"]),
    at: "pipelines[1].apply.permissions.managedPolicyArns[0]",
    message: /^"AmazonS3ReadOnlyAccess" is not a managed policy ARN — use one like arn:aws:iam::aws:policy\/ReadOnlyAccess/,
  },
  {
    name: "admin statement (* on *) without allowAdminReason",
    mutate: (d) => payments(d).apply.permissions!.statements!.push({ actions: ["*"], resources: ["*"] }),
    at: "pipelines[1].apply.permissions.statements[1]",
    message: /^allows every action on every resource — .*set allowAdminReason/,
  },
  {
    name: "iam:* on * (administrator access: it can grant every other action) without allowAdminReason",
    mutate: (d) => payments(d).apply.permissions!.statements!.push({ actions: ["s3:GetObject", "iam:*"], resources: ["*"] }),
    at: "pipelines[1].apply.permissions.statements[1]",
    message: /^allows every IAM action \(which can grant every other\) on every resource — .*set allowAdminReason/,
  },
  {
    name: "IAM write on a path that includes the role itself",
    mutate: (d) =>
      payments(d).apply.permissions!.statements!.push({ actions: ["iam:AttachRolePolicy"], resources: ["arn:aws:iam::123456789012:role/buildkite/*"] }),
    at: "pipelines[1].apply.permissions.statements[1]",
    message:
      /^allows iam:AttachRolePolicy on resources that include the role itself \(arn:aws:iam::123456789012:role\/buildkite\/acme\/bk-payments-service-apply\), so it could give itself any permission — narrow/,
  },
  {
    name: "IAMFullAccess attached without a reason",
    mutate: (d) => (payments(d).apply.permissions!.managedPolicyArns = ["arn:aws:iam::aws:policy/IAMFullAccess"]),
    at: "synth",
    message: /guardrail no-admin-wildcard refuses identity-production\/payments-service\/Apply\/\S+ .*it attaches the IAMFullAccess managed policy/,
  },
  {
    name: "AdministratorAccess attached without a reason",
    mutate: (d) => (payments(d).apply.permissions!.managedPolicyArns = ["arn:aws:iam::aws:policy/AdministratorAccess"]),
    at: "synth",
    message: /guardrail no-admin-wildcard refuses identity-production\/payments-service\/Apply\/\S+ .*it attaches the AdministratorAccess managed policy/,
  },
  // Plan roles: read-only by allow-list
  {
    name: "a write permission set on a plan role",
    mutate: (d) => (networking(d).plan = { branches: ["*"], permissions: { sets: ["read-only", "network-admin"] } }),
    at: "pipelines[0].plan.permissions.sets[1]",
    message:
      /^permission set "network-admin" is not read-only, .* — move it to apply\.permissions\.sets, or give plan a read-only set \(read-only, view-only, security-audit\)/,
  },
  {
    name: "a job-function administrator policy on a plan role",
    mutate: (d) => (data(d).plan!.permissions = { managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/SystemAdministrator"] }),
    at: "pipelines[2].plan.permissions.managedPolicyArns[0]",
    message: /^"arn:aws:iam::aws:policy\/job-function\/SystemAdministrator" is not on the read-only list .* — move it to apply\.permissions\.managedPolicyArns/,
  },
  {
    name: "a registry power-user policy on a plan role",
    mutate: (d) => (data(d).plan!.permissions = { sets: ["view-only"], managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"] }),
    at: "pipelines[2].plan.permissions.managedPolicyArns[0]",
    message: /^"arn:aws:iam::aws:policy\/AmazonEC2ContainerRegistryPowerUser" is not on the read-only list/,
  },
  {
    name: "a credential-minting action in a plan statement",
    mutate: (d) => (data(d).plan!.permissions = { statements: [{ actions: ["ec2:Describe*", "sts:GetFederationToken"], resources: ["*"] }] }),
    at: "pipelines[2].plan.permissions.statements[0].actions[1]",
    message:
      /^"sts:GetFederationToken" mints credentials for a federated user that outlive the job, and the plan role .* — move it to a statement of apply\.permissions/,
  },
  {
    name: "a wildcard over secret reads in a plan statement",
    mutate: (d) => (data(d).plan!.permissions = { statements: [{ actions: ["secretsmanager:Get*"], resources: ["*"] }] }),
    at: "pipelines[2].plan.permissions.statements[0].actions[0]",
    message: /^"secretsmanager:Get\*" covers secretsmanager:GetSecretValue, which returns secret values/,
  },
  {
    name: "a platform pipeline whose plan role branch builds could assume (its states hold the agent tokens)",
    mutate: (d) => (d.platformPipeline!.plan = { branches: ["*"], permissions: { sets: ["read-only"] } }),
    at: "platformPipeline.plan.branches",
    message:
      /^the platform pipeline's states hold the cluster's agent tokens, which its plan role may read, so only builds of "main" may assume it — set plan.branches to \["main"\]/,
  },
  // The platform pipeline applies every stack (issue 16)
  {
    name: "a platform pipeline with one apply step key (it has one per stack)",
    mutate: (d) => (d.platformPipeline!.apply.stepKey = "apply"),
    at: "platformPipeline.apply.stepKey",
    message: /^"apply" would name one apply step, but the platform pipeline has one per stack \(apply-<stack>, which its roles admit\) — remove apply.stepKey/,
  },
  {
    name: "a platform pipeline that does not run in the Buildkite stack's folder",
    mutate: (d) => (d.platformPipeline!.workingDirectory = "infra"),
    at: "platformPipeline.workingDirectory",
    message: /^"infra" is not the Buildkite stack's folder of the synthesized platform.* — set it to cdktf.out\/stacks\/buildkite/,
  },
  {
    name: "a platform slug whose deploy role names are over IAM's 64 characters",
    mutate: (d) => {
      d.platformPipeline!.slug = "the-platform-trust-pipeline-of-acme";
      d.accounts[0].shards = 12;
    },
    at: "platformPipeline.slug",
    message:
      /^"the-platform-trust-pipeline-of-acme" makes the deploy role of a stack "bk-the-platform-trust-pipeline-of-acme-identity-production-12-deployer" \(bk-<slug>-<stack>-deployer\), 70 characters long, over IAM's 64 — shorten the slug to at most 29 characters/,
  },
  {
    name: "a Buildkite API token declared on an ordinary pipeline",
    mutate: (d) => addField(networking(d), "buildkiteApiToken", { ssmParameter: "/buildkite/api-token" }),
    at: "pipelines[0].buildkiteApiToken",
    message: /buildkiteApiToken/,
  },
  {
    name: "a Buildkite API token parameter that is not a path",
    mutate: (d) => addField(d.platformPipeline!, "buildkiteApiToken", { ssmParameter: "buildkite-api-token" }),
    at: "platformPipeline.buildkiteApiToken.ssmParameter",
    message: /^"buildkite-api-token" is not an SSM parameter name — use a path such as "\/buildkite\/api-token"/,
  },
  {
    name: "a Buildkite API token secret in another account than the platform pipeline's",
    mutate: (d) =>
      addField(d.platformPipeline!, "buildkiteApiToken", { secretArn: "arn:aws:secretsmanager:eu-west-1:210987654321:secret:buildkite/api-token-AbCdEf" }),
    at: "platformPipeline.buildkiteApiToken.secretArn",
    message: /is in account 210987654321, but the platform pipeline's roles are in production \(123456789012\).* — keep the secret in 123456789012/,
  },
  {
    name: "a Buildkite API token in two stores",
    mutate: (d) =>
      addField(d.platformPipeline!, "buildkiteApiToken", {
        ssmParameter: "/buildkite/api-token",
        secretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:buildkite/api-token-AbCdEf",
      }),
    at: "platformPipeline.buildkiteApiToken",
    message: /^names both ssmParameter and secretArn — keep the one store that holds the token/,
  },
  {
    name: "a Buildkite API token in no store",
    mutate: (d) => addField(d.platformPipeline!, "buildkiteApiToken", { maxAgeDays: 90 }),
    at: "platformPipeline.buildkiteApiToken",
    message: /^names no store — set ssmParameter \(an SSM SecureString's name\) or secretArn/,
  },
  {
    name: "a Buildkite API token with a maximum age of zero days",
    mutate: (d) => addField(d.platformPipeline!, "buildkiteApiToken", { ssmParameter: "/buildkite/api-token", maxAgeDays: 0 }),
    at: "platformPipeline.buildkiteApiToken.maxAgeDays",
    message: /must be 1 or more days/,
  },
  {
    name: "an agent-token reader given by role name",
    mutate: (d) => (d.cluster.agentTokenReaders = ["buildkite-agent"]),
    at: "cluster.agentTokenReaders[0]",
    message: /^"buildkite-agent" is not the ARN of one IAM role or user/,
  },
  {
    name: "session duration over IAM's 12 hours",
    mutate: (d) => (networking(d).apply.sessionDurationSeconds = 86400),
    at: "pipelines[0].apply.sessionDurationSeconds",
    message: /^86400 is out of range — IAM accepts whole seconds from 3600 \(1 hour\) to 43200/,
  },

  // State backend
  {
    name: "lock mode dynamodb without a lock table",
    mutate: (d) => {
      d.state.lockMode = "dynamodb";
      delete d.state.lockTable;
    },
    at: "state.lockTable",
    message: /lockMode "dynamodb" needs a DynamoDB table — set state\.lockTable or use lockMode "lockfile"/,
  },
  {
    name: "KMS key given as an alias instead of an ARN",
    mutate: (d) => (d.state.kmsKeyArn = "alias/acme-terraform-state"),
    at: "state.kmsKeyArn",
    message: /^"alias\/acme-terraform-state" is not a KMS key ARN — copy the state-backend stack's kms_key_arn output/,
  },
  {
    name: "KMS key in another account",
    mutate: (d) => (d.state.kmsKeyArn = `arn:aws:kms:eu-west-1:210987654321:key/${KEY_UUID}`),
    at: "state.kmsKeyArn",
    message: /:210987654321:key\/.*" is not in the state account 123456789012 and region eu-west-1/,
  },
  {
    name: "KMS key in another region",
    mutate: (d) => (d.state.kmsKeyArn = `arn:aws:kms:us-east-1:123456789012:key/${KEY_UUID}`),
    at: "state.kmsKeyArn",
    message: /^"arn:aws:kms:us-east-1:.*" is not in the state account/,
  },
  {
    name: "migrated without kmsKeyArn",
    mutate: (d) => delete d.state.kmsKeyArn,
    at: "state.migrated",
    message: /can only use its bucket once state\.kmsKeyArn is set — set it, or set migrated to false/,
  },
  {
    name: "no state administrators",
    mutate: (d) => (d.state.administrators = []),
    at: "state.administrators",
    message: /^the list is empty — name at least one state administrator: the role you deploy the state-backend stack with/,
  },
  {
    name: "a wildcard state administrator",
    mutate: (d) => (d.state.administrators = ["arn:aws:iam::123456789012:role/*"]),
    at: "state.administrators[0]",
    message: /^"arn:aws:iam::123456789012:role\/\*" is not the ARN of one IAM role or user — use the ARN with its path and without wildcards/,
  },
  {
    name: "a state administrator of another account",
    mutate: (d) => (d.state.administrators = ["arn:aws:iam::210987654321:role/admin"]),
    at: "state.administrators[0]",
    message: /^"arn:aws:iam::210987654321:role\/admin" is not in the state account 123456789012/,
  },
  {
    name: "a pipeline role as state administrator",
    mutate: (d) => (d.state.administrators = ["arn:aws:iam::123456789012:role/buildkite/acme/bk-platform-trust-apply"]),
    at: "state.administrators[0]",
    message: /is a pipeline role \(path \/buildkite\/acme\/\), whose sessions come from builds/,
  },
  {
    name: "a second account with pipelines and no deploy role",
    mutate: (d) => {
      d.accounts.push({ name: "analytics", id: "210987654321", region: "eu-west-1" });
      data(d).account = "analytics";
    },
    at: "accounts[1].deployRoleArn",
    message: /account "analytics" holds pipeline roles but not the state: .*name the role of account 210987654321 they assume/,
  },
  {
    name: "a deploy role in another account than its own",
    mutate: (d) => {
      d.accounts.push({ name: "analytics", id: "210987654321", region: "eu-west-1", deployRoleArn: "arn:aws:iam::123456789012:role/deploy" });
      data(d).account = "analytics";
    },
    at: "accounts[1].deployRoleArn",
    message: /^"arn:aws:iam::123456789012:role\/deploy" is not a role of account 210987654321/,
  },
  {
    name: "a deploy role for the state account",
    mutate: (d) => (d.accounts[0].deployRoleArn = "arn:aws:iam::123456789012:role/deploy"),
    at: "accounts[0].deployRoleArn",
    message: /^the state account's stacks are deployed with its own credentials — remove deployRoleArn/,
  },
  {
    name: "state bucket name with dots",
    mutate: (d) => (d.state.bucket = "acme.terraform.state"),
    at: "state.bucket",
    message: /^"acme\.terraform\.state" is not a state bucket name — .*no dots/,
  },

  // Shape and formats
  {
    name: "unknown top-level field (typo of pipelinesPerStack)",
    mutate: (d) => addField(d, "pipelinesPerstack", 50),
    at: "pipelinesPerstack",
    message: /^unknown field "pipelinesPerstack" — remove it or check its spelling \(the fields here are .*pipelinesPerStack/,
  },
  {
    name: "unknown pipeline field (typo of approval)",
    mutate: (d) => addField(networking(d), "approvel", false),
    at: "pipelines[0].approvel",
    message: /^unknown field "approvel" — .*the fields here are slug, name, .*approval/,
  },
  {
    name: "organization UUID in uppercase",
    mutate: (d) => (d.organization.id = "0B7C3D5E-1F2A-4B6C-8D9E-0A1B2C3D4E5F"),
    at: "organization.id",
    message: /^"0B7C3D5E-1F2A-4B6C-8D9E-0A1B2C3D4E5F" is not a valid organization UUID — use the lowercase 8-4-4-4-12 hex form/,
  },
  {
    name: "drift schedule in prose instead of cron",
    mutate: (d) => (networking(d).driftSchedule = "every night at 3"),
    at: "pipelines[0].driftSchedule",
    message: /^"every night at 3" is not a Buildkite schedule — use five crontab fields/,
  },
  {
    name: "tag key in the reserved aws: namespace",
    mutate: (d) => (d.tags = { extra: { "aws:cost-center": "platform" } }),
    at: "tags.extra.aws:cost-center",
    message: /tag key "aws:cost-center" starts with "aws:", which AWS reserves/,
  },
  {
    name: "extra tag overriding a provenance tag",
    mutate: (d) => (d.tags = { extra: { owner: "someone-else" } }),
    at: "tags.extra.owner",
    message: /^"owner" is a provenance tag the app sets itself/,
  },
  {
    name: "working directory outside the repository",
    mutate: (d) => (payments(d).workingDirectory = "../shared"),
    at: "pipelines[1].workingDirectory",
    message: /^"\.\.\/shared" is not a path inside the repository/,
  },
];

/** Runs a declaration the way main.ts does; returns what was thrown, if anything. */
async function runLikeMain(input: unknown, dir: string): Promise<{ error?: unknown; outdir: string; reportFile: string }> {
  const outdir = path.join(dir, "cdktf.out");
  const reportFile = path.join(dir, "access-report.md");
  try {
    await synthesizePlatform(validateDeclaration(input, "test declaration"), { outdir, offline: true, reportFile });
    return { outdir, reportFile };
  } catch (error) {
    return { error, outdir, reportFile };
  }
}

function mutated(mutate: (d: Declaration) => void): Declaration {
  const d = structuredClone(EXAMPLE_PLATFORM);
  mutate(d);
  return d;
}

describe("invalid platform declarations", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "invalid-declaration-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has at least 30 cases, each with its own name", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it("synthesizes the unmutated example through the same path, writing cdktf.out and the report", async () => {
    const { error, outdir, reportFile } = await runLikeMain(
      mutated(() => undefined),
      dir,
    );
    expect(error).toBeUndefined();
    expect(fs.existsSync(path.join(outdir, "manifest.json"))).toBe(true);
    expect(fs.readFileSync(reportFile, "utf8")).toContain("networking");
    expect(fs.readdirSync(dir).filter((f) => f.includes(".staging-"))).toEqual([]);
  });

  it("accepts plan roles holding only read-only sets, read-only AWS managed policies and read actions", () => {
    const readOnlyPlan = mutated(
      (d) =>
        (data(d).plan!.permissions = {
          sets: ["read-only", "view-only", "security-audit"],
          managedPolicyArns: ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
          statements: [
            { actions: ["ec2:Describe*", "s3:List*", "sts:GetCallerIdentity", "dynamodb:Query"], resources: ["*"] },
            { effect: "Deny", actions: ["sts:GetFederationToken"], resources: ["*"] },
          ],
        }),
    );
    expect(() => validateDeclaration(readOnlyPlan)).not.toThrow();
  });

  it("accepts a pipeline slug of 55 characters, the longest whose role names fit", () => {
    expect(() => validateDeclaration(mutated((d) => (payments(d).slug = `payments-${"x".repeat(46)}`)))).not.toThrow();
  });

  /** The refusal message of every case run so far, to check that no two cases read alike. */
  const refusals = new Map<string, string>();

  it.each(CASES.map((c) => [c.name, c] as const))("refuses %s", async (_name, c) => {
    const { error, outdir, reportFile } = await runLikeMain(mutated(c.mutate), dir);

    expect(error).toBeInstanceOf(Error);
    let refusal: string;
    if (c.at === "synth") {
      // Passed the declaration checks; a construct or guardrail refused it while synthesizing.
      expect(error).not.toBeInstanceOf(DeclarationError);
      refusal = (error as Error).message;
    } else {
      expect(error).toBeInstanceOf(DeclarationError);
      const issues = (error as DeclarationError).issues;
      const issue = issues.find((i) => i.path === c.at);
      expect({ at: c.at, found: issue !== undefined, issues }).toMatchObject({ found: true });
      refusal = issue!.message;
      // The printed error names the field too.
      expect((error as Error).message).toContain(`${c.at}: ${refusal}`);
    }
    expect(refusal).toMatch(c.message);

    // Nothing written: no output folder, no report, no staging folder.
    expect(fs.existsSync(outdir)).toBe(false);
    expect(fs.existsSync(reportFile)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);

    // Its own message: not the same as another case's, and not matched by another case's pattern.
    for (const other of CASES.filter((o) => o !== c && refusals.has(o.name))) {
      const theirs = refusals.get(other.name)!;
      expect({ other: other.name, same: theirs === refusal }).toEqual({ other: other.name, same: false });
      expect({ other: other.name, theirPatternMatchesMine: other.message.test(refusal) }).toMatchObject({ theirPatternMatchesMine: false });
      expect({ other: other.name, myPatternMatchesTheirs: c.message.test(theirs) }).toMatchObject({ myPatternMatchesTheirs: false });
    }
    refusals.set(c.name, refusal);
  });
});
