/**
 * The access report as auditors read it (access-report.md) and machines do (access-report.json): administrator
 * access with its reason, a pipeline applying without approval, and where the declaration came from.
 * The example's whole report is asserted in example-file.test.ts.
 */
import { Testing } from "cdktf";
import { accessReport, accessReportJson, accessReportMarkdown, accessReportText } from "../../platform/access-report";
import { buildPlatform } from "../../platform/build-platform";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { validateDeclaration } from "../../platform/validate";

describe("the access report", () => {
  // One pipeline whose apply holds administrator access, with its reason, and applies without approval.
  const declaration = validateDeclaration({
    ...EXAMPLE_PLATFORM,
    organization: { slug: "acme" },
    pipelines: [
      {
        ...EXAMPLE_PLATFORM.pipelines[0],
        approval: false,
        apply: {
          ...EXAMPLE_PLATFORM.pipelines[0].apply,
          permissions: {
            statements: [{ actions: ["*"], resources: ["*"], allowAdminReason: "bootstraps new accounts before any role exists" }],
          },
        },
      },
    ],
  });
  const pipelines = buildPlatform(Testing.app(), declaration, { offline: true }).pipelines;

  it("names each statement granting administrator access, with its reason", () => {
    const report = accessReport(declaration, [], pipelines);
    expect(report.pipelines[0].roles.map((r) => [r.kind, r.administratorAccess])).toEqual([
      ["plan", []],
      ["apply", [{ statement: "Allow * on *", reason: "bootstraps new accounts before any role exists" }]],
    ]);
    expect(accessReportMarkdown(report)).toContain(
      "## Administrator access\n\n| pipeline | role | statement | reason (`allowAdminReason`) |\n| --- | --- | --- | --- |\n" +
        "| networking | `bk-networking-apply` | Allow * on * | bootstraps new accounts before any role exists |",
    );
  });

  it("says a pipeline applies without approval, and what is not pinned", () => {
    const report = accessReport(declaration, [], pipelines);
    expect(report.pipelines[0].approvedBy).toBeNull();
    expect(report.organization.id).toBeNull();
    const markdown = accessReportMarkdown(report);
    expect(markdown).toContain("| networking | production | not pinned (set `id`) | nobody: applies without approval |");
    expect(markdown).toContain("- Organization UUID pinned in every trust policy: not pinned (set `organization.id`)");
  });

  it.each([
    [undefined, "not recorded", null],
    [
      { file: "the built-in example" },
      "`the built-in example` (no git commit: not in a git repository)",
      { file: "the built-in example", commit: null, uncommittedChanges: null },
    ],
    [
      { file: "platform.yaml", commit: "0123456789abcdef0123456789abcdef01234567", uncommitted: true },
      "`platform.yaml` at git commit `0123456789abcdef0123456789abcdef01234567`, with uncommitted changes",
      { file: "platform.yaml", commit: "0123456789abcdef0123456789abcdef01234567", uncommittedChanges: true },
    ],
  ])("records which declaration produced it: %j", (provenance, words, json) => {
    const report = accessReport(declaration, [], pipelines, provenance);
    expect(accessReportMarkdown(report)).toContain(`- Declaration: ${words}\n`);
    expect(JSON.parse(accessReportJson(report)).declaration).toEqual(json);
  });

  it("summarizes a run of shards in the printed summary, one line with their total, and lists each in access-report.md", () => {
    const shards = (base: string, count: number, dependsOn: string[]) =>
      Array.from({ length: count }, (_, i) => ({ name: i === 0 ? base : `${base}-${i + 1}`, resources: 10, dependsOn }));
    const stacks = [
      { name: "state-backend", resources: 10, dependsOn: [] },
      ...shards("identity-production", 11, ["state-backend"]),
      ...shards("identity-staging", 2, ["state-backend"]),
      { name: "buildkite", resources: 24, dependsOn: ["state-backend", "identity-production"] },
      ...shards("buildkite", 4, ["buildkite"]).slice(1),
    ];
    const text = accessReportText(stacks, []);
    expect(text.split("\n").slice(0, 7)).toEqual([
      "Stacks:",
      "  state-backend                   10 resources",
      "  identity-production … -11      110 resources in 11 shards  (after state-backend)",
      "  identity-staging                10 resources  (after state-backend)",
      "  identity-staging-2              10 resources  (after state-backend)",
      "  buildkite … -4                  54 resources in 4 shards  (after state-backend, identity-production)",
      "",
    ]);
    const markdown = accessReportMarkdown(accessReport(declaration, stacks, []));
    expect(markdown).toContain("| identity-production-11 | 10 | state-backend |");
  });
});
