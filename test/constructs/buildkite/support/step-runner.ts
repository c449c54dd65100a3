/**
 * Runs a generated command step the way an agent would (`bash -e -c` with the
 * step's commands, or `dash -e -c`, in a checkout folder, with Buildkite's job variables),
 * with fake `buildkite-agent`, `aws`, `terraform`, `git`, `npm` and `npx` on PATH that record how
 * they were called (and what `annotate` and `pipeline upload` read on stdin), and a `canary` that hostile input
 * tries to run (it records its calls too). The fake `terraform show` prints a JSON plan fixture (`-json`) or a
 * rendered plan. What the step actually requests is then asserted, not
 * what the generator meant to write. A tool that runs with Google credentials (`GOOGLE_APPLICATION_CREDENTIALS`)
 * also records the credential folder as it found it, and the step's own temporary folder (`TMPDIR`) is
 * inspected after the step, so that a test sees the files the step wrote and whether it removed them.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const FAKE_OIDC_TOKEN = "fake.oidc.token";
export const FAKE_CREDENTIALS = { accessKeyId: "ASIAFAKEACCESSKEY", secretAccessKey: "fake-secret", sessionToken: "fake-session" };

/** One call of a faked tool. */
export interface ToolCall {
  readonly tool: "buildkite-agent" | "aws" | "terraform" | "git" | "npm" | "npx" | "canary";
  readonly args: readonly string[];
  /** What the tool read on stdin (`buildkite-agent annotate` and `pipeline upload` only). */
  readonly stdin?: string;
  /** Working directory of the call, relative to the checkout. */
  readonly cwd: string;
  /** AWS_ACCESS_KEY_ID and AWS_REGION when the tool ran. */
  readonly awsAccessKeyId: string;
  readonly awsRegion: string;
  /** BUILDKITE_API_TOKEN when the tool ran (the Buildkite provider's token). */
  readonly buildkiteApiToken: string;
  /** The Google credentials the tool ran with, if any. */
  readonly google?: GoogleCredentialsSeen;
}

/** What a tool found when it ran with `GOOGLE_APPLICATION_CREDENTIALS` set. */
export interface GoogleCredentialsSeen {
  /** `GOOGLE_APPLICATION_CREDENTIALS`. */
  readonly applicationCredentials: string;
  /** `CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE` (gcloud), "" when unset. */
  readonly gcloudCredentialFileOverride: string;
  /** The files of the folder holding `GOOGLE_APPLICATION_CREDENTIALS`, by absolute path, as the tool found them. */
  readonly files: Readonly<Record<string, string>>;
}

export interface StepRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly calls: readonly ToolCall[];
  /** The calls of one tool whose first arguments are `prefix`. */
  callsOf(tool: ToolCall["tool"], ...prefix: string[]): ToolCall[];
  /** Files and folders left in the step's temporary folder (`TMPDIR`) after it ended, relative to it. */
  readonly leftInTmpdir: readonly string[];
}

export interface JobEnvironment {
  readonly branch: string;
  readonly pullRequest?: number;
  readonly source?: string;
  readonly defaultBranch: string;
  /** Exit status of `terraform plan`. @default 0 */
  readonly planExitStatus?: number;
  /** Credentials an environment hook (the assume-role plugin) exported before the command. */
  readonly preexportedCredentials?: boolean;
  /** Folders to create in the checkout (the Terraform working directory). */
  readonly folders?: readonly string[];
  /** The shell of the agent and of the scripts' `sh`. @default "bash" (the agent's default), with the system's sh */
  readonly shell?: "bash" | "dash";
  /** What `terraform show -json` prints (a JSON plan). @default - a plan without changes */
  readonly planJson?: unknown;
  /** What `terraform show -no-color` prints. @default "No changes. Your infrastructure matches the configuration." */
  readonly planText?: string;
  /** Whether `git merge-base --is-ancestor HEAD FETCH_HEAD` holds (the commit is on the default branch). @default true */
  readonly commitOnDefaultBranch?: boolean;
  /** `BUILDKITE_UNBLOCKER_TEAMS` and `BUILDKITE_UNBLOCKER_ID`, as Buildkite sets them after a block step is unblocked. @default - not unblocked */
  readonly unblocker?: { readonly id: string; readonly teams: readonly string[] };
  /** System tools left off PATH (to show what a step does without them). @default - none */
  readonly missingTools?: readonly string[];
  /** Files to write in the checkout, by path. @default - none */
  readonly files?: Readonly<Record<string, string>>;
  /**
   * A folder that outlives the run and holds what the fakes remember: the build's meta-data
   * (`buildkite-agent meta-data set/get`) and S3 objects (`aws s3 cp` to and from `-`), so that the
   * steps of one build, run one after the other, see each other's. @default - nothing remembered
   */
  readonly state?: string;
  /** Variables the build's creator set (a build created in the UI or through the API), e.g. `BKTT_PREVIEW_DESTROY`. @default - none */
  readonly buildEnv?: Readonly<Record<string, string>>;
  /** What `aws ssm get-parameter` and `aws secretsmanager get-secret-value` print, by service (`ssm`, `secretsmanager`). @default - nothing */
  readonly awsOutputs?: Readonly<Partial<Record<"ssm" | "secretsmanager", string>>>;
}

/** A JSON plan without changes, as `terraform show -json` prints it. */
export const EMPTY_PLAN_JSON = { format_version: "1.2", terraform_version: "1.11.0", resource_changes: [] };

// Runs hundreds of times per suite: parameter expansions, not `basename` and `pwd` in subshells (a process each).
const FAKE = `#!/bin/sh
tool=\${0##*/}
checkout=\${FAKE_CHECKOUT}
here=\${PWD}
# The call's line in the log numbers what it read on stdin: counted under a lock, because the two sides of a pipe
# (printf "$(git …)" | buildkite-agent annotate) log at the same time.
until mkdir "$FAKE_LOG.lock" 2>/dev/null; do :; done
{
  printf '%s\\t%s\\t%s\\t%s\\t%s' "$tool" "\${here#"$checkout"}" "\${AWS_ACCESS_KEY_ID:-}" "\${AWS_REGION:-}" "\${BUILDKITE_API_TOKEN:-}"
  for arg in "$@"; do printf '\\t%s' "$arg"; done
  printf '\\n'
} >> "$FAKE_LOG"
case "$tool $1 \${GOOGLE_APPLICATION_CREDENTIALS:+google}" in
  "buildkite-agent annotate "*|"buildkite-agent pipeline "*|*" google") line=$(($(wc -l < "$FAKE_LOG"))) ;;
esac
rmdir "$FAKE_LOG.lock"
if [ -n "\${GOOGLE_APPLICATION_CREDENTIALS:-}" ]; then
  seen="$FAKE_GOOGLE_DIR/$line"
  mkdir -p "$seen/files"
  printf '%s\\n%s\\n' "$GOOGLE_APPLICATION_CREDENTIALS" "\${CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE:-}" > "$seen/env"
  folder=$(dirname "$GOOGLE_APPLICATION_CREDENTIALS")
  if [ -d "$folder" ]; then cp -R "$folder/." "$seen/files/"; fi
fi
case "$tool $1 $2" in
  "buildkite-agent oidc request-token") printf '%s\\n' '${FAKE_OIDC_TOKEN}' ;;
  "buildkite-agent meta-data set")
    if [ -n "\${FAKE_STATE:-}" ]; then mkdir -p "$FAKE_STATE/meta-data"; printf '%s' "$4" > "$FAKE_STATE/meta-data/$3"; fi ;;
  "buildkite-agent meta-data get")
    if [ -n "\${FAKE_STATE:-}" ] && [ -f "$FAKE_STATE/meta-data/$3" ]; then cat "$FAKE_STATE/meta-data/$3"
    elif [ "\${4:-}" = --default ]; then printf '%s' "\${5:-}"
    else exit 1; fi ;;
  "aws ssm get-parameter"|"aws secretsmanager get-secret-value")
    if [ -n "\${FAKE_AWS_OUTPUTS:-}" ] && [ -f "$FAKE_AWS_OUTPUTS/$1" ]; then cat "$FAKE_AWS_OUTPUTS/$1"; fi ;;
  "aws s3 cp")
    if [ -z "\${FAKE_STATE:-}" ]; then :
    elif [ "$4" = - ]; then cat "$FAKE_STATE/s3/\${3#s3://}" 2>/dev/null || { echo "fake aws: no object $3" >&2; exit 1; }
    elif [ "$3" = - ]; then mkdir -p "$(dirname "$FAKE_STATE/s3/\${4#s3://}")"; cat > "$FAKE_STATE/s3/\${4#s3://}"
    fi ;;
  "buildkite-agent artifact download") printf 'plan from the plan step\\n' > "$3" ;;
  "aws sts assume-role-with-web-identity") printf '%s\\t%s\\t%s\\n' '${FAKE_CREDENTIALS.accessKeyId}' '${FAKE_CREDENTIALS.secretAccessKey}' '${FAKE_CREDENTIALS.sessionToken}' ;;
esac
case "$tool $1" in
  "buildkite-agent annotate"|"buildkite-agent pipeline") cat > "$FAKE_STDIN_DIR/$line" ;;
  "terraform show")
    case "$2" in
      -json) cat "$FAKE_PLAN_JSON" ;;
      *) cat "$FAKE_PLAN_TEXT" ;;
    esac ;;
  "git merge-base") exit "$FAKE_GIT_ANCESTOR" ;;
  "git rev-parse") echo 0123456789abcdef0123456789abcdef01234567 ;;
esac
if [ "$tool" = terraform ]; then
  case "$1" in
    plan)
      for arg in "$@"; do case "$arg" in -out=*) printf 'saved plan\\n' > "\${arg#-out=}" ;; esac; done
      exit "\${FAKE_PLAN_EXIT:-0}" ;;
    apply)
      # A saved plan is applied as the last argument; -auto-approve plans and applies in one run (previews).
      case " $* " in *" -auto-approve "*) exit 0 ;; esac
      last=; for arg in "$@"; do last=$arg; done
      [ -f "$last" ] || { echo "fake terraform: no plan file $last" >&2; exit 1; } ;;
  esac
fi
exit 0
`;

/** Debian's and Ubuntu's dash (apt package dash). */
const DASH = "/usr/bin/dash";

/** Runs the commands of a step and returns what the fakes saw. */
export function runStep(commands: readonly string[], job: JobEnvironment): StepRun {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-step-"));
  try {
    const bin = path.join(root, "bin");
    const checkout = path.join(root, "checkout");
    fs.mkdirSync(bin);
    fs.mkdirSync(checkout);
    for (const folder of job.folders ?? []) fs.mkdirSync(path.join(checkout, folder), { recursive: true });
    for (const [file, content] of Object.entries(job.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
      fs.writeFileSync(path.join(checkout, file), content);
    }
    for (const tool of ["buildkite-agent", "aws", "terraform", "git", "npm", "npx", "canary"]) {
      if (!job.missingTools?.includes(tool)) fs.writeFileSync(path.join(bin, tool), FAKE, { mode: 0o755 });
    }
    // The scripts run under `sh`: make it dash whatever the system's sh is.
    if (job.shell === "dash") fs.symlinkSync(DASH, path.join(bin, "sh"));
    const outputs = path.join(root, "aws-outputs");
    fs.mkdirSync(outputs);
    for (const [service, output] of Object.entries(job.awsOutputs ?? {})) fs.writeFileSync(path.join(outputs, service), output);
    const log = path.join(root, "calls.log");
    fs.writeFileSync(log, "");
    const googleDir = path.join(root, "google");
    fs.mkdirSync(googleDir);
    const tmpdir = path.join(root, "tmp");
    fs.mkdirSync(tmpdir);
    const stdinDir = path.join(root, "stdin");
    fs.mkdirSync(stdinDir);
    const planJson = path.join(root, "plan.json");
    fs.writeFileSync(planJson, JSON.stringify(job.planJson ?? EMPTY_PLAN_JSON));
    const planText = path.join(root, "plan.txt");
    fs.writeFileSync(planText, job.planText ?? "No changes. Your infrastructure matches the configuration.\n");
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}:${systemPath(job.missingTools ?? [])}`,
      HOME: root,
      FAKE_LOG: log,
      FAKE_GOOGLE_DIR: googleDir,
      TMPDIR: tmpdir,
      FAKE_STDIN_DIR: stdinDir,
      FAKE_PLAN_JSON: planJson,
      FAKE_PLAN_TEXT: planText,
      FAKE_GIT_ANCESTOR: job.commitOnDefaultBranch === false ? "1" : "0",
      FAKE_CHECKOUT: checkout,
      FAKE_PLAN_EXIT: String(job.planExitStatus ?? 0),
      ...(job.state ? { FAKE_STATE: job.state } : {}),
      FAKE_AWS_OUTPUTS: outputs,
      BUILDKITE: "true",
      BUILDKITE_BRANCH: job.branch,
      BUILDKITE_PULL_REQUEST: job.pullRequest === undefined ? "false" : String(job.pullRequest),
      BUILDKITE_SOURCE: job.source ?? "webhook",
      BUILDKITE_JOB_ID: "01890f5e-1111-4222-8333-444455556666",
      BUILDKITE_PIPELINE_DEFAULT_BRANCH: job.defaultBranch,
      ...job.buildEnv,
      ...(job.unblocker
        ? { BUILDKITE_UNBLOCKER: "Alice", BUILDKITE_UNBLOCKER_ID: job.unblocker.id, BUILDKITE_UNBLOCKER_TEAMS: job.unblocker.teams.join(":") }
        : {}),
      ...(job.preexportedCredentials
        ? { AWS_ACCESS_KEY_ID: "ASIAFROMPLUGIN", AWS_SECRET_ACCESS_KEY: "plugin-secret", AWS_SESSION_TOKEN: "plugin-session", AWS_REGION: "plugin-region" }
        : {}),
    };
    // The agent's default shell: the step's commands joined by newlines, run by bash -e -c.
    const shell = job.shell === "dash" ? DASH : "bash";
    const result = spawnSync(shell, ["-e", "-c", commands.join("\n")], { cwd: checkout, env, encoding: "utf8", timeout: 30_000 });
    const calls: ToolCall[] = fs
      .readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line, i) => {
        const [tool, cwd, awsAccessKeyId, awsRegion, buildkiteApiToken, ...args] = line.split("\t");
        const google = googleCredentialsSeen(path.join(googleDir, String(i + 1)));
        const stdinFile = path.join(stdinDir, String(i + 1));
        const stdin = fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile, "utf8") : undefined;
        return {
          tool: tool as ToolCall["tool"],
          cwd: cwd === "" ? "." : cwd.replace(/^\//, ""),
          awsAccessKeyId,
          awsRegion,
          buildkiteApiToken,
          args,
          ...(google ? { google } : {}),
          ...(stdin === undefined ? {} : { stdin }),
        };
      });
    return {
      status: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      calls,
      callsOf: (tool, ...prefix) => calls.filter((c) => c.tool === tool && prefix.every((p, i) => c.args[i] === p)),
      leftInTmpdir: fs.readdirSync(tmpdir, { recursive: true, encoding: "utf8" }),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** What the fake tool of one call recorded of the Google credentials (see FAKE), if it ran with any. */
function googleCredentialsSeen(seen: string): GoogleCredentialsSeen | undefined {
  if (!fs.existsSync(seen)) return undefined;
  const [applicationCredentials, gcloudCredentialFileOverride] = fs.readFileSync(path.join(seen, "env"), "utf8").split("\n");
  const folder = path.dirname(applicationCredentials);
  const copies = path.join(seen, "files");
  const files = Object.fromEntries(fs.readdirSync(copies).map((name) => [path.join(folder, name), fs.readFileSync(path.join(copies, name), "utf8")]));
  return { applicationCredentials, gcloudCredentialFileOverride, files };
}

/** Folders of links to the system's programs but some, by the programs left out (made once a process). */
const systemsWithout = new Map<string, string>();
process.on("exit", () => systemsWithout.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/**
 * The system's PATH, or, with tools to leave out, a folder of links to every other program of
 * /usr/bin and /bin (so that `command -v` does not find them).
 */
function systemPath(missing: readonly string[]): string {
  if (missing.length === 0) return "/usr/local/bin:/usr/bin:/bin";
  const id = [...missing].sort().join(" ");
  const made = systemsWithout.get(id);
  if (made) return made;
  const system = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-system-"));
  for (const folder of ["/bin", "/usr/bin"]) {
    for (const name of fs.readdirSync(folder)) {
      if (missing.includes(name) || fs.existsSync(path.join(system, name))) continue;
      fs.symlinkSync(path.join(folder, name), path.join(system, name));
    }
  }
  systemsWithout.set(id, system);
  return system;
}

/** The value following `--flag` (or `--flag=value`) in an argument list. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1);
}

/** Every value of a repeated flag (`-backend-config=a -backend-config=b`). */
export function flagValues(args: readonly string[], flag: string): string[] {
  return args.filter((a) => a.startsWith(`${flag}=`)).map((a) => a.slice(flag.length + 1));
}
