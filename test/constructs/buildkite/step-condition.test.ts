import {
  allOfConditions,
  anyOfConditions,
  branchEquals,
  branchMatchesAny,
  isAlwaysTrue,
  notCondition,
  notFork,
  notPullRequest,
  renderCondition,
  sourceIs,
} from "../../../constructs/buildkite/step-condition";
import { buildContext, evaluateCondition, SimulatedBuild } from "./support/buildkite-conditional";

const holds = (rendered: string, build: SimulatedBuild) => evaluateCondition(rendered, buildContext(build, "main"));

describe("renderCondition", () => {
  it("renders branch equality with single quotes", () => {
    expect(renderCondition(branchEquals("main"))).toBe("build.branch == 'main'");
  });

  it("matches globs the way IAM StringLike does: * spans slashes, ? is one character, the rest is literal", () => {
    const rendered = renderCondition(branchMatchesAny(["feature/*", "v?.x", "a.b"]));
    expect(holds(rendered, { branch: "feature/x/y" })).toBe(true);
    expect(holds(rendered, { branch: "feature/" })).toBe(true);
    expect(holds(rendered, { branch: "features/x" })).toBe(false);
    expect(holds(rendered, { branch: "v1.x" })).toBe(true);
    expect(holds(rendered, { branch: "v12.x" })).toBe(false);
    expect(holds(rendered, { branch: "a.b" })).toBe(true);
    expect(holds(rendered, { branch: "axb" })).toBe(false);
    // Anchored at both ends.
    expect(holds(rendered, { branch: "x-feature/y" })).toBe(false);
    expect(holds(rendered, { branch: "v1.xtra" })).toBe(false);
    expect(holds(rendered, { branch: "a.b.c" })).toBe(false);
  });

  it('treats ["*"] as every branch and renders no condition for it', () => {
    expect(isAlwaysTrue(branchMatchesAny(["*"]))).toBe(true);
    expect(isAlwaysTrue(allOfConditions([branchMatchesAny(["*"]), allOfConditions([])]))).toBe(true);
    expect(renderCondition(allOfConditions([notFork(), branchMatchesAny(["main", "*"])]))).toBe("build.pull_request.repository.fork != true");
  });

  it("excludes forks but keeps branch builds and same-repository pull requests", () => {
    const rendered = renderCondition(notFork());
    expect(holds(rendered, { branch: "x" })).toBe(true);
    expect(holds(rendered, { branch: "x", pullRequest: 4 })).toBe(true);
    expect(holds(rendered, { branch: "bob:x", pullRequest: 4, fork: true })).toBe(false);
  });

  it("tells pull request builds from branch builds", () => {
    const rendered = renderCondition(notPullRequest());
    expect(holds(rendered, { branch: "main" })).toBe(true);
    expect(holds(rendered, { branch: "main", pullRequest: 1 })).toBe(false);
  });

  it("keeps the precedence of nested conditions with parentheses", () => {
    const condition = allOfConditions([anyOfConditions([branchEquals("a"), branchEquals("b")]), notCondition(sourceIs("schedule"))]);
    const rendered = renderCondition(condition);
    expect(rendered).toBe("(build.branch == 'a' || build.branch == 'b') && !(build.source == 'schedule')");
    expect(holds(rendered, { branch: "b" })).toBe(true);
    expect(holds(rendered, { branch: "b", source: "schedule" })).toBe(false);
    expect(holds(rendered, { branch: "c" })).toBe(false);
  });

  it("refuses values that would break out of the expression's quotes", () => {
    expect(() => renderCondition(branchEquals("x' || true || '"))).toThrow(/quotes, backslashes and newlines are not allowed/);
    expect(() => branchMatchesAny([])).toThrow(/at least one/);
  });
});
