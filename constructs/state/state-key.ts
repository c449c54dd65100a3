import { createHash } from "crypto";
import { checkFormat, FORMATS } from "../private/validation";

/**
 * State key naming: `<prefix>/<pipeline-slug>/<workspace>/terraform.tfstate`, where the workspace
 * comes from the build:
 *
 * - a pull request build -> `pr-<number>`;
 * - the pipeline's default branch -> a stable name (`default` unless told otherwise);
 * - any other branch -> `br-` and its name sanitized: the UTF-8 bytes of the name, ASCII letters
 *   lowercased, every byte outside `[a-z0-9]` replaced by `-` (so each byte of a non-ASCII character
 *   becomes a `-`), runs of `-` collapsed, `-` trimmed at both ends.
 *
 * The workspaces of builds live in their own namespaces, `br-` and `pr-` ({@link BUILD_WORKSPACE_PREFIXES}),
 * which no stable name may enter: so no branch, whatever its name, computes the stable workspace of
 * its pipeline, nor the key of a stack the platform files as a workspace of the platform pipeline
 * (`identity-<account>`, `buildkite`...).
 *
 * A sanitized name is used as is only when it equals the branch name and `br-<name>` fits in
 * {@link WORKSPACE_MAX_LENGTH}. Otherwise it is cut to leave room for `--` and the first
 * {@link WORKSPACE_HASH_LENGTH} hex digits of the SHA-256 of the branch name's UTF-8 bytes.
 * Unaltered names never contain `--` (runs of `-` collapse), so a hashed name can never equal
 * another branch's unaltered name, and two branches that sanitize alike differ by their hash.
 * Unicode is not normalized: the same-looking name in NFC and NFD gives two workspaces.
 *
 * {@link workspaceNameShellFunction} is the same function in POSIX sh, for build steps that compute
 * the workspace at run time; tests hold the two to the same outputs.
 */

/** Longest workspace name this convention produces. */
export const WORKSPACE_MAX_LENGTH = 48;
/** Hex digits of SHA-256 appended to altered branch names. */
export const WORKSPACE_HASH_LENGTH = 8;
/** Workspace of the default branch unless {@link WorkspaceNameInput.stableName} says otherwise. */
export const DEFAULT_STABLE_WORKSPACE = "default";
/** Name given to a branch whose name has no ASCII letter or digit at all (before its hash). */
export const EMPTY_BRANCH_PLACEHOLDER = "branch";
/** File name at the end of every state key. */
export const STATE_FILE_NAME = "terraform.tfstate";
/** Prefix of the workspace of every branch build that is not of the default branch. */
export const BRANCH_WORKSPACE_PREFIX = "br-";
/** Prefix of the workspace of every pull request build, followed by its number. */
export const PULL_REQUEST_WORKSPACE_PREFIX = "pr-";
/** The namespaces of build workspaces; stable names (and the platform's stacks) stay out of them. */
export const BUILD_WORKSPACE_PREFIXES = [BRANCH_WORKSPACE_PREFIX, PULL_REQUEST_WORKSPACE_PREFIX] as const;
/** Longest branch name that is its own workspace name, `br-<branch>` (longer ones are hashed). */
export const UNALTERED_BRANCH_MAX_LENGTH = WORKSPACE_MAX_LENGTH - BRANCH_WORKSPACE_PREFIX.length;
/**
 * A sh `case` pattern matching every word that is not lowercase letters, digits and single `-`: not a stable
 * workspace name, and not a branch name the convention keeps unaltered.
 */
export const NOT_A_WORKSPACE_NAME_PATTERN = '""|-*|*-|*--*|*[!a-z0-9-]*';
/** Name of the shell function emitted by {@link workspaceNameShellFunction}. */
export const WORKSPACE_SHELL_FUNCTION = "bktt_workspace_name";

/** What a build tells about itself, as Buildkite exposes it. */
export interface WorkspaceNameInput {
  /** The branch being built (`BUILDKITE_BRANCH`). */
  readonly branch: string;
  /** The pipeline's default branch (`BUILDKITE_PIPELINE_DEFAULT_BRANCH`). */
  readonly defaultBranch: string;
  /**
   * The pull request number (`BUILDKITE_PULL_REQUEST`); `"false"`, `""`, `false` or undefined
   * mean the build is not for a pull request.
   * @default - not a pull request
   */
  readonly pullRequest?: number | string | false;
  /**
   * The workspace of the default branch; lowercase letters, digits and single `-`, not starting
   * with `br-` or `pr-` (the builds' namespaces).
   * @default "default"
   */
  readonly stableName?: string;
}

/** The workspace of a build; see the module comment for the rules. */
export function workspaceName(input: WorkspaceNameInput): string {
  const stable = checkStableName(input.stableName ?? DEFAULT_STABLE_WORKSPACE);
  if (input.defaultBranch === "") {
    throw new Error("workspaceName: defaultBranch is empty; pass the pipeline's default branch (BUILDKITE_PIPELINE_DEFAULT_BRANCH)");
  }
  const pullRequest = pullRequestNumber(input.pullRequest);
  if (pullRequest !== undefined) return `${PULL_REQUEST_WORKSPACE_PREFIX}${pullRequest}`;
  if (input.branch === "") {
    throw new Error("workspaceName: branch is empty; pass the branch being built (BUILDKITE_BRANCH)");
  }
  if (input.branch === input.defaultBranch) return stable;
  return branchWorkspace(input.branch);
}

/** Whether a workspace is in the namespace of branch or pull request builds (`br-`, `pr-`), where no stable name may be. */
export function isBuildWorkspace(workspace: string): boolean {
  return BUILD_WORKSPACE_PREFIXES.some((prefix) => workspace.startsWith(prefix));
}

/** What a state key is made of. */
export interface StateKeyInput {
  /** Folder of all pipeline states in the bucket, e.g. `pipelines`; no leading or trailing `/`. */
  readonly prefix: string;
  /** Buildkite pipeline slug. */
  readonly pipelineSlug: string;
  /** Workspace, usually from {@link workspaceName}. */
  readonly workspace: string;
}

/** `<prefix>/<pipeline-slug>/<workspace>/terraform.tfstate`. */
export function stateKey(input: StateKeyInput): string {
  const workspace = checkWorkspace(input.workspace);
  return `${pipelineStatePrefix(input)}${workspace}/${STATE_FILE_NAME}`;
}

/**
 * `<prefix>/<pipeline-slug>/`: the folder that holds every workspace of one pipeline, which is the
 * `pipelinePrefix` of that pipeline's `PipelineState`.
 */
export function pipelineStatePrefix(input: Pick<StateKeyInput, "prefix" | "pipelineSlug">): string {
  return `${checkFormat(FORMATS.stateKeyPrefix, "prefix", input.prefix, "stateKey")}/${checkFormat(FORMATS.slug, "pipelineSlug", input.pipelineSlug, "stateKey")}/`;
}

function branchWorkspace(branch: string): string {
  const sanitized = sanitize(branch);
  const unaltered = sanitized === branch && sanitized.length <= UNALTERED_BRANCH_MAX_LENGTH;
  if (unaltered) return `${BRANCH_WORKSPACE_PREFIX}${sanitized}`;
  const room = WORKSPACE_MAX_LENGTH - BRANCH_WORKSPACE_PREFIX.length - WORKSPACE_HASH_LENGTH - 2;
  const base = sanitized.slice(0, room).replace(/-+$/, "") || EMPTY_BRANCH_PLACEHOLDER;
  const hash = createHash("sha256").update(Buffer.from(branch, "utf8")).digest("hex").slice(0, WORKSPACE_HASH_LENGTH);
  return `${BRANCH_WORKSPACE_PREFIX}${base}--${hash}`;
}

function sanitize(branch: string): string {
  let out = "";
  for (const byte of Buffer.from(branch, "utf8")) {
    const lower = byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
    const safe = (lower >= 0x61 && lower <= 0x7a) || (lower >= 0x30 && lower <= 0x39);
    out += safe ? String.fromCharCode(lower) : "-";
  }
  return out.replace(/-+/g, "-").replace(/^-|-$/g, "");
}

function pullRequestNumber(value: WorkspaceNameInput["pullRequest"]): string | undefined {
  if (value === undefined || value === false || value === "" || value === "false") return undefined;
  const text = String(value);
  if (!/^[1-9][0-9]*$/.test(text)) {
    throw new Error(`workspaceName: pullRequest must be a pull request number or "false" (BUILDKITE_PULL_REQUEST), got "${text}"`);
  }
  return text;
}

const WORKSPACE = /^[a-z0-9]+(-[a-z0-9]+)*(--[0-9a-f]+)?$/;

function checkStableName(name: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) || name.length > WORKSPACE_MAX_LENGTH || isBuildWorkspace(name)) {
    throw new Error(
      `workspaceName: stableName "${name}" must be lowercase letters, digits and single "-", at most ${WORKSPACE_MAX_LENGTH} characters, ` +
        `and not start with ${BUILD_WORKSPACE_PREFIXES.map((p) => `"${p}"`).join(" or ")} (the workspaces of branch and pull request builds)`,
    );
  }
  return name;
}

function checkWorkspace(workspace: string): string {
  if (!WORKSPACE.test(workspace) || workspace.length > WORKSPACE_MAX_LENGTH) {
    throw new Error(`stateKey: workspace "${workspace}" is not a workspace name; compute it with workspaceName()`);
  }
  return workspace;
}

/**
 * The POSIX sh definition of `bktt_workspace_name BRANCH DEFAULT_BRANCH PULL_REQUEST [STABLE_NAME]`,
 * which prints what {@link workspaceName} returns for the same input, or prints an error to stderr
 * and returns 1. It needs `tr`, `sed`, `cut` and `sha256sum` (or `shasum` on macOS), and works on
 * bytes under `LC_ALL=C`, as the TypeScript version does.
 */
export function workspaceNameShellFunction(): string {
  const room = WORKSPACE_MAX_LENGTH - BRANCH_WORKSPACE_PREFIX.length - WORKSPACE_HASH_LENGTH - 2;
  const reserved = BUILD_WORKSPACE_PREFIXES.map((prefix) => `${prefix}*`).join("|");
  return `${WORKSPACE_SHELL_FUNCTION}() (
  branch=$1 default_branch=$2 pull_request=$3 stable=\${4:-${DEFAULT_STABLE_WORKSPACE}}
  LC_ALL=C
  export LC_ALL
  case $stable in
    ${NOT_A_WORKSPACE_NAME_PATTERN}) echo "${WORKSPACE_SHELL_FUNCTION}: bad stable name '$stable'" >&2; return 1 ;;
    ${reserved}) echo "${WORKSPACE_SHELL_FUNCTION}: stable name '$stable' is in the namespace of branch and pull request builds" >&2; return 1 ;;
  esac
  if [ \${#stable} -gt ${WORKSPACE_MAX_LENGTH} ]; then echo "${WORKSPACE_SHELL_FUNCTION}: stable name too long" >&2; return 1; fi
  if [ -z "$default_branch" ]; then echo "${WORKSPACE_SHELL_FUNCTION}: default branch is empty" >&2; return 1; fi
  case $pull_request in
    ""|false) ;;
    0*|*[!0-9]*) echo "${WORKSPACE_SHELL_FUNCTION}: pull request must be a number or 'false', got '$pull_request'" >&2; return 1 ;;
    *) printf '${PULL_REQUEST_WORKSPACE_PREFIX}%s\\n' "$pull_request"; return 0 ;;
  esac
  if [ -z "$branch" ]; then echo "${WORKSPACE_SHELL_FUNCTION}: branch is empty" >&2; return 1; fi
  if [ "$branch" = "$default_branch" ]; then printf '%s\\n' "$stable"; return 0; fi
  name=$(printf '%s' "$branch" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9' '-' | tr -s '-' | sed 's/^-//; s/-$//')
  if [ "$name" = "$branch" ] && [ \${#name} -le ${UNALTERED_BRANCH_MAX_LENGTH} ]; then
    printf '${BRANCH_WORKSPACE_PREFIX}%s\\n' "$name"; return 0
  fi
  if command -v sha256sum >/dev/null 2>&1; then
    hash=$(printf '%s' "$branch" | sha256sum | cut -c1-${WORKSPACE_HASH_LENGTH})
  else
    hash=$(printf '%s' "$branch" | shasum -a 256 | cut -c1-${WORKSPACE_HASH_LENGTH})
  fi
  base=$(printf '%s' "$name" | cut -c1-${room} | sed 's/-*$//')
  printf '${BRANCH_WORKSPACE_PREFIX}%s--%s\\n' "\${base:-${EMPTY_BRANCH_PLACEHOLDER}}" "$hash"
)`;
}

/**
 * A command that prints the workspace of the current Buildkite build, for a step's script after
 * {@link workspaceNameShellFunction} is defined. In a pipeline YAML uploaded with
 * `buildkite-agent pipeline upload`, write `$$` for each `$` so that the agent does not
 * interpolate the variables at upload time.
 */
export function workspaceNameShellCommand(stableName: string = DEFAULT_STABLE_WORKSPACE): string {
  checkStableName(stableName);
  return `${WORKSPACE_SHELL_FUNCTION} "$BUILDKITE_BRANCH" "$BUILDKITE_PIPELINE_DEFAULT_BRANCH" "\${BUILDKITE_PULL_REQUEST:-false}" "${stableName}"`;
}
