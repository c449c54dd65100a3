/**
 * examples/platform.yaml, the declaration reference: valid, every field of the schema written out,
 * and synthesized like any declaration.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { load } from "js-yaml";
import { declarationSchema } from "../../platform/declaration";
import { loadDeclaration } from "../../platform/load";
import { synthesizePlatform } from "../../platform/synthesize";
import { accessReportText } from "../../platform/access-report";

const EXAMPLE_FILE = path.resolve(__dirname, "..", "..", "examples", "platform.yaml");

type Walked = { type?: string; wrapped?: unknown; item?: unknown; entries?: Record<string, unknown>; pipe?: unknown[] };
const unwrap = (s: unknown): Walked => {
  const walked = s as Walked;
  if (walked.type === "optional") return unwrap(walked.wrapped);
  return walked;
};

/** Every field path of the schema, lists as `[]`: `pipelines[].apply.branches`. */
function schemaFields(schema: unknown, at = ""): string[] {
  const s = unwrap(schema);
  if (s.type === "array") return schemaFields(s.item, `${at}[]`);
  if (!s.entries) return [];
  return Object.entries(s.entries).flatMap(([key, entry]) => {
    const here = at ? `${at}.${key}` : key;
    return [here, ...schemaFields(entry, here)];
  });
}

/** Every field path written in a document, in the same form. */
function writtenFields(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => writtenFields(item, `${at}[]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const here = at ? `${at}.${key}` : key;
    // tags.extra holds tag names, not fields.
    return here === "tags.extra" ? [here] : [here, ...writtenFields(entry, here)];
  });
}

describe("examples/platform.yaml", () => {
  const text = fs.readFileSync(EXAMPLE_FILE, "utf8");

  it("writes out every field of the schema (plan, apply and previews share their permissions' fields; a field only for a special case in a comment)", () => {
    // plan and apply have the same fields, and the platform pipeline a pipeline's.
    // previews.permissions has a role's permissions' fields.
    const general = (field: string) =>
      field
        .replace(/\.(plan|apply)(?=\.|$)/, ".role")
        .replace(/\.previews\.permissions(?=\.|$)/, ".role.permissions")
        .replace(/^platformPipeline/, "pipelines[]");
    const written = new Set(writtenFields(load(text)).map(general));
    const commented = (field: string) => new RegExp(`#.*\\b${field.split(".").pop()!.replace("[]", "")}:`).test(text);
    const missing = schemaFields(declarationSchema).filter((field) => !written.has(general(field)) && !commented(field));
    expect(missing).toEqual([]);
  });

  it("comments its fields", () => {
    const comments = text.split("\n").filter((line) => line.includes("#")).length;
    expect(comments).toBeGreaterThanOrEqual(40);
  });

  describe("synthesized", () => {
    // As main.ts passes it: the file, relative to the working directory, and its repository's commit.
    const provenance = { file: "examples/platform.yaml", commit: "0123456789abcdef0123456789abcdef01234567", uncommitted: false };
    let dir: string;
    let result: Awaited<ReturnType<typeof synthesizePlatform>>;
    beforeAll(async () => {
      const declaration = loadDeclaration(EXAMPLE_FILE, "examples/platform.yaml");
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-example-file-"));
      result = await synthesizePlatform(declaration, { outdir: path.join(dir, "cdktf.out"), provenance });
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("is valid and synthesizes the example's stacks", () => {
      expect(result.stacks.map((s) => s.name)).toEqual(["state-backend", "identity-production", "buildkite"]);
      expect(result.pipelines.map((p) => p.slug)).toEqual(["networking", "payments-service", "data-platform", "platform-trust"]);
    });

    it("writes the access report for auditors: the declaration and its commit, the UUID pins, who approves, administrator access", () => {
      expect(result.reportFile).toBe(path.join(dir, "access-report.md"));
      const report = fs.readFileSync(result.reportFile, "utf8");
      expect(report).toContain(
        "- Declaration: `examples/platform.yaml` at git commit `0123456789abcdef0123456789abcdef01234567`, as committed\n" +
          "- Organization UUID pinned in every trust policy: `0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f`\n",
      );
      expect(report).toContain(
        [
          "| pipeline | account | pipeline UUID pinned | apply approved by |",
          "| --- | --- | --- | --- |",
          "| networking | production | not pinned (set `id`) | team platform (on-risk) |",
          "| payments-service | production | not pinned (set `id`) | team payments (on-risk) |",
          "| data-platform | production | `5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f` | team data (on-risk) |",
          "| platform-trust | production | not pinned (set `id`) | team platform (always) |",
        ].join("\n"),
      );
      expect(report).toContain(
        "| data-platform | production | apply: `bk-data-platform-apply` | branches release; step apply-data | 3600 s | set glue-admin<br>set s3-admin |",
      );
      expect(report).toContain("## Administrator access\n\nNo declared statement grants `*` or `iam:*` on `*`.");
    });

    it("prints, and reports, what the README shows for it", () => {
      const readme = fs.readFileSync(path.resolve(__dirname, "..", "..", "README.md"), "utf8");
      const block = (after: string, fence: string) => {
        const start = readme.indexOf(`${fence}\n`, readme.indexOf(after)) + fence.length + 1;
        return readme.slice(start, readme.indexOf("```\n", start));
      };
      const printed = block("This is what `npm run synth -- examples/platform.yaml` prints:", "```text");
      expect(printed.startsWith(accessReportText(result.stacks, result.pipelines))).toBe(true);
      // The README's report was written at some commit of this repository.
      const commit = (text: string) => text.replace(/at git commit `[0-9a-f]{40}`/, "at git commit `<commit>`");
      expect(commit(block("and the `access-report.md` it writes:", "```markdown"))).toBe(commit(fs.readFileSync(result.reportFile, "utf8")));
    });

    it("writes the same report as access-report.json, every key present and in a stable order", () => {
      expect(result.reportJsonFile).toBe(path.join(dir, "access-report.json"));
      const text = fs.readFileSync(result.reportJsonFile, "utf8");
      const json = JSON.parse(text);
      expect(Object.keys(json)).toEqual(["reportVersion", "organization", "declaration", "stacks", "pipelines"]);
      expect(json.organization).toEqual({ slug: "acme", id: "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f" });
      expect(json.declaration).toEqual({ file: "examples/platform.yaml", commit: provenance.commit, uncommittedChanges: false });
      expect(json.stacks[2]).toEqual({ name: "buildkite", resources: expect.any(Number), deployAfter: ["state-backend", "identity-production"] });
      expect(json.pipelines.map((p: any) => [p.slug, p.id, p.approvedBy, p.approvalPolicy])).toEqual([
        ["networking", null, ["platform"], "on-risk"],
        ["payments-service", null, ["payments"], "on-risk"],
        ["data-platform", "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f", ["data"], "on-risk"],
        ["platform-trust", null, ["platform"], "always"],
      ]);
      const payments = json.pipelines[1];
      expect(Object.keys(payments)).toEqual(["slug", "account", "id", "approvedBy", "approvalPolicy", "roles", "gcp"]);
      expect(payments.gcp).toBeNull();
      expect(payments.roles[1]).toEqual({
        kind: "apply",
        name: "bk-payments-service-apply",
        arn: "arn:aws:iam::123456789012:role/buildkite/acme/bk-payments-service-apply",
        branches: ["main"],
        stepKeys: ["apply"],
        sessionDurationSeconds: 3600,
        permissions: [
          "set ecs-deploy",
          "set ecr-push",
          "Allow secretsmanager:GetSecretValue secretsmanager:PutSecretValue on arn:aws:secretsmanager:eu-west-1:123456789012:secret:payments/*",
        ],
        administratorAccess: [],
        state: "read/write + lock s3://acme-terraform-state/pipelines/payments-service/*",
      });
      // Key order is part of the shape: the file is the report serialized as built, two-space indented.
      expect(text).toBe(`${JSON.stringify(json, null, 2)}\n`);
    });
  });
});
