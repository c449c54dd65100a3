import { spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  WORKSPACE_MAX_LENGTH,
  WorkspaceNameInput,
  isBuildWorkspace,
  pipelineStatePrefix,
  stateKey,
  workspaceName,
  workspaceNameShellCommand,
  workspaceNameShellFunction,
} from "../../../constructs/state/state-key";

const onMain = (branch: string, extra: Partial<WorkspaceNameInput> = {}) => workspaceName({ branch, defaultBranch: "main", ...extra });
const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);

/**
 * Branch names that stress the rules: separators, case, unicode, length, reserved look-alikes, and
 * the names of stable workspaces and platform stacks (and names that sanitize to them).
 */
const TRICKY_BRANCHES = [
  "main",
  "feature/login",
  "feature-login",
  "feature--login",
  "Feature/Login",
  "FEATURE/LOGIN",
  "fix/ISSUE-123_crash",
  "release/v1.2.3",
  "..",
  "../../etc/passwd",
  "a..b",
  "-leading-and-trailing-",
  "trailing-dash-",
  "-leading-dash",
  "---",
  "///",
  "🚀",
  "ünïcödé/branch",
  "日本語",
  "café",
  "cafe\u0301",
  "x".repeat(200),
  `feature/${"long-name-".repeat(20)}`,
  "a".repeat(45),
  "a".repeat(46),
  "default",
  "Default",
  "identity-production",
  "identity/production",
  "Identity_Production",
  "buildkite",
  "buildkite-2",
  "state-backend",
  "br-feature",
  "br-",
  "pr-12",
  "PR-12",
  "pr-12a",
  "pr-0",
  "dependabot/npm_and_yarn/@types/node-20.19.25",
  "with space and\ttab",
  "quote'and\"double`back$(touch /tmp/pwned)",
  "$HOME",
  "*",
  "new\nline",
  "trailing-hash--deadbeef",
];

describe("workspaceName", () => {
  it("maps the default branch to the stable name, which is configurable", () => {
    expect(onMain("main")).toBe("default");
    expect(onMain("main", { stableName: "production" })).toBe("production");
  });

  it('maps pull requests to pr-<number> whatever their branch, and Buildkite\'s "false" to no pull request', () => {
    expect(onMain("feature/x", { pullRequest: 42 })).toBe("pr-42");
    expect(onMain("main", { pullRequest: "7" })).toBe("pr-7");
    expect(onMain("feature-x", { pullRequest: "false" })).toBe("br-feature-x");
    expect(onMain("feature-x", { pullRequest: "" })).toBe("br-feature-x");
  });

  it("keeps a branch name that is already safe, after br-", () => {
    expect(onMain("feature-login")).toBe("br-feature-login");
    expect(onMain("release-2024")).toBe("br-release-2024");
    expect(onMain("a".repeat(WORKSPACE_MAX_LENGTH - 3))).toBe(`br-${"a".repeat(WORKSPACE_MAX_LENGTH - 3)}`);
  });

  it("sanitizes other names and appends the SHA-256 of the original name", () => {
    expect(onMain("feature/login")).toBe(`br-feature-login--${sha("feature/login")}`);
    expect(onMain("Feature/Login")).toBe(`br-feature-login--${sha("Feature/Login")}`);
    expect(onMain("..")).toBe(`br-branch--${sha("..")}`);
    expect(onMain("🚀")).toBe(`br-branch--${sha("🚀")}`);
    expect(onMain("café")).toBe(`br-caf--${sha("café")}`);
    expect(onMain("release/v1.2.3")).toBe(`br-release-v1-2-3--${sha("release/v1.2.3")}`);
  });

  it("bounds the length, cutting long names before the hash", () => {
    const name = onMain("x".repeat(200));
    expect(name).toBe(`br-${"x".repeat(WORKSPACE_MAX_LENGTH - 13)}--${sha("x".repeat(200))}`);
    expect(name).toHaveLength(WORKSPACE_MAX_LENGTH);
    expect(onMain("a".repeat(WORKSPACE_MAX_LENGTH - 2))).toHaveLength(WORKSPACE_MAX_LENGTH);
  });

  it("keeps every branch in the br- namespace: never the stable name, a pull request's workspace or a platform stack", () => {
    expect(onMain("default")).toBe("br-default");
    expect(onMain("pr-12")).toBe("br-pr-12");
    expect(onMain("identity-production")).toBe("br-identity-production");
    expect(onMain("buildkite")).toBe("br-buildkite");
    expect(onMain("production", { stableName: "production" })).toBe("br-production");
    for (const branch of TRICKY_BRANCHES.filter((b) => b !== "main")) {
      expect(isBuildWorkspace(onMain(branch))).toBe(true);
      expect(onMain(branch)).toMatch(/^br-/);
    }
  });

  it("gives distinct branches distinct, safe, bounded workspaces", () => {
    const names = TRICKY_BRANCHES.filter((b) => b !== "main").map((branch) => onMain(branch));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^br-[a-z0-9]+(-[a-z0-9]+)*(--[0-9a-f]{8})?$/);
      expect(name.length).toBeLessThanOrEqual(WORKSPACE_MAX_LENGTH);
    }
    // A branch literally named like a hashed workspace is not unaltered ("--" never survives).
    expect(onMain(`feature-login--${sha("feature/login")}`)).not.toBe(onMain("feature/login"));
  });

  it.each<[string, Partial<WorkspaceNameInput>, RegExp]>([
    ["an empty branch", { branch: "" }, /branch is empty.*BUILDKITE_BRANCH/],
    ["an empty default branch", { defaultBranch: "" }, /defaultBranch is empty/],
    ["a pull request that is not a number", { pullRequest: "abc" }, /pullRequest must be a pull request number or "false"/],
    ["pull request 0", { pullRequest: 0 }, /pullRequest must be a pull request number/],
    ["an unsafe stable name", { stableName: "Prod/1" }, /stableName "Prod\/1" must be lowercase/],
    ["a stable name in the pull requests' namespace", { stableName: "pr-1" }, /not start with "br-" or "pr-"/],
    ["a stable name in the branches' namespace", { stableName: "br-main" }, /not start with "br-" or "pr-"/],
  ])("refuses %s", (_name, overrides, message) => {
    expect(() => workspaceName({ branch: "feature", defaultBranch: "main", ...overrides })).toThrow(message);
  });
});

describe("stateKey", () => {
  it("is <prefix>/<pipeline-slug>/<workspace>/terraform.tfstate under the pipeline's prefix", () => {
    const key = stateKey({ prefix: "pipelines", pipelineSlug: "networking", workspace: onMain("feature/x") });
    expect(key).toBe(`pipelines/networking/br-feature-x--${sha("feature/x")}/terraform.tfstate`);
    expect(key.startsWith(pipelineStatePrefix({ prefix: "pipelines", pipelineSlug: "networking" }))).toBe(true);
    expect(stateKey({ prefix: "org/acme", pipelineSlug: "infra", workspace: "default" })).toBe("org/acme/infra/default/terraform.tfstate");
  });

  it.each<[string, { prefix?: string; pipelineSlug?: string; workspace?: string }, RegExp]>([
    ["a prefix with a trailing slash", { prefix: "pipelines/" }, /prefix "pipelines\/" is not a state key prefix/],
    ["a prefix with a leading slash", { prefix: "/pipelines" }, /prefix "\/pipelines" is not a state key prefix/],
    ["a prefix that climbs out", { prefix: "pipelines/.." }, /prefix "pipelines\/\.\." is not a state key prefix/],
    ["a slug with a slash", { pipelineSlug: "a/b" }, /pipelineSlug "a\/b" is not a Buildkite slug/],
    ["a raw branch name as workspace", { workspace: "feature/x" }, /workspace "feature\/x" is not a workspace name/],
    ["an empty workspace", { workspace: "" }, /workspace "" is not a workspace name/],
  ])("refuses %s", (_name, overrides, message) => {
    expect(() => stateKey({ prefix: "pipelines", pipelineSlug: "networking", workspace: "default", ...overrides })).toThrow(message);
  });
});

describe("workspaceNameShellFunction", () => {
  // bash reads ~/.bashrc when its stdin is a pipe unless told not to.
  const shells: [string, string[]][] = [
    ["/bin/sh", []],
    ["bash", ["--norc", "--noprofile"]],
  ];
  const script = `${workspaceNameShellFunction()}\nbktt_workspace_name "$@"`;
  const runShell = ([shell, flags]: [string, string[]], args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(shell, [...flags, "-c", script, "bktt", ...args], { encoding: "utf8", env: { PATH: process.env.PATH, ...env } });

  describe.each(shells)("%s", (path, flags) => {
    const shell: [string, string[]] = [path, flags];
    it("prints exactly what workspaceName returns for every tricky branch name", () => {
      const cases: [string[], WorkspaceNameInput][] = [
        ...TRICKY_BRANCHES.map((branch): [string[], WorkspaceNameInput] => [[branch, "main", "false", ""], { branch, defaultBranch: "main" }]),
        [["default", "trunk", "false", "default"], { branch: "default", defaultBranch: "trunk" }],
        [["trunk", "trunk", "false", "production"], { branch: "trunk", defaultBranch: "trunk", stableName: "production" }],
        [["production", "trunk", "false", "production"], { branch: "production", defaultBranch: "trunk", stableName: "production" }],
        [["feature/x", "main", "123", ""], { branch: "feature/x", defaultBranch: "main", pullRequest: "123" }],
        [["feature/x", "main", "", ""], { branch: "feature/x", defaultBranch: "main", pullRequest: "" }],
      ];
      // One shell process for all cases: each case prints one line (a workspace or "error").
      const loop = `${workspaceNameShellFunction()}
while [ $# -gt 0 ]; do bktt_workspace_name "$1" "$2" "$3" "$4" || echo error; shift 4; done`;
      const result = spawnSync(shell[0], [...shell[1], "-c", loop, "bktt", ...cases.flatMap(([args]) => args)], {
        encoding: "utf8",
        env: { PATH: process.env.PATH },
      });
      expect(result.stderr).toBe("");
      expect(result.stdout.split("\n").slice(0, -1)).toEqual(cases.map(([, input]) => workspaceName(input)));
    });

    it("does not depend on the caller's locale", () => {
      for (const LC_ALL of ["C.UTF-8", "C"]) {
        expect(runShell(shell, ["Ünïcödé/Branch", "main", "false"], { LC_ALL }).stdout).toBe(`br-n-c-d-branch--${sha("Ünïcödé/Branch")}\n`);
      }
    });

    it.each([
      ["an empty branch", ["", "main", "false"], /branch is empty/],
      ["an empty default branch", ["x", "", "false"], /default branch is empty/],
      ["a pull request that is not a number", ["x", "main", "12; rm -rf /"], /pull request must be a number/],
      ["an unsafe stable name", ["main", "main", "false", "Prod"], /bad stable name/],
      ["a stable name in the branches' namespace", ["main", "main", "false", "br-main"], /namespace of branch and pull request builds/],
      ["a stable name in the pull requests' namespace", ["main", "main", "false", "pr-1"], /namespace of branch and pull request builds/],
    ])("fails on %s like the TypeScript version", (_name, args, message) => {
      const result = runShell(shell, args as string[]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message as RegExp);
    });
  });

  it("computes the workspace of a Buildkite build from its environment", () => {
    const run = (env: Record<string, string>) =>
      spawnSync("/bin/sh", ["-c", `${workspaceNameShellFunction()}\n${workspaceNameShellCommand()}`], {
        encoding: "utf8",
        env: { PATH: process.env.PATH, BUILDKITE_PIPELINE_DEFAULT_BRANCH: "main", ...env },
      }).stdout;
    expect(run({ BUILDKITE_BRANCH: "main", BUILDKITE_PULL_REQUEST: "false" })).toBe("default\n");
    expect(run({ BUILDKITE_BRANCH: "feature/x", BUILDKITE_PULL_REQUEST: "17" })).toBe("pr-17\n");
    expect(run({ BUILDKITE_BRANCH: "feature/x" })).toBe(`${onMain("feature/x")}\n`);
  });
});
