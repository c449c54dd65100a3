/**
 * Invalid declaration files as a person writes them (YAML, and JSON), through loadDeclaration: every
 * mistake in a file is reported, each on its own line as `file:LINE:COL path: what is wrong — how to
 * fix it`, the line and column those of the field in the file, in words a person would write (no
 * validation-library texts such as `Invalid key: Expected ...`).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { dump } from "js-yaml";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { DeclarationError } from "../../platform/declaration-error";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { loadDeclaration } from "../../platform/load";

type Declaration = PlatformDeclarationInput;
/** Loose access for the mistakes the types would refuse. */
type Loose = Record<string, any>;

interface FileCase {
  readonly name: string;
  /** The file's text: the example with mistakes made, or text of its own. */
  readonly text: () => string;
  /** Every error the file must produce, in order: its path and what its message must say. */
  readonly errors: readonly (readonly [string, RegExp])[];
}

const example = (): Loose => JSON.parse(JSON.stringify(EXAMPLE_PLATFORM)) as Declaration as Loose;
const yamlWith = (mutate: (d: Loose) => void) => () => {
  const d = example();
  mutate(d);
  return dump(d, { lineWidth: -1 });
};

const CASES: readonly FileCase[] = [
  {
    name: "a list at the root",
    text: () => "- repository: x\n- owner: y\n",
    errors: [["(root)", /^the declaration is a list of 2, not a mapping — write a mapping of its fields at the top level \(repository, owner, /]],
  },
  { name: "an empty file", text: () => "# nothing yet\n", errors: [["(root)", /^the declaration is empty — write a mapping of its fields/]] },
  { name: "text at the root", text: () => "platform\n", errors: [["(root)", /^the declaration is "platform", not a mapping — /]] },
  {
    name: "an unquoted account ID",
    text: yamlWith((d) => (d.accounts[0].id = 12345678901)),
    errors: [["accounts[0].id", /^expected text, got number 12345678901 — quote it \("12345678901"\) so YAML reads it as text$/]],
  },
  {
    name: "a required field missing",
    text: yamlWith((d) => delete d.pipelines[0].apply),
    errors: [["pipelines[0].apply", /^required field "apply" is missing — add it$/]],
  },
  {
    name: "required fields missing in two pipelines and at the top",
    text: yamlWith((d) => {
      delete d.pipelines[0].apply;
      delete d.pipelines[2].repository;
      delete d.owner;
    }),
    errors: [
      ["owner", /^required field "owner" is missing — add it$/],
      ["pipelines[0].apply", /^required field "apply" is missing — add it$/],
      ["pipelines[2].repository", /^required field "repository" is missing — add it$/],
    ],
  },
  {
    name: "an empty list of branches",
    text: yamlWith((d) => (d.pipelines[1].apply.branches = [])),
    errors: [["pipelines[1].apply.branches", /^the list is empty — add at least one entry$/]],
  },
  { name: "no pipelines", text: yamlWith((d) => (d.pipelines = [])), errors: [["pipelines", /^the list is empty — declare at least one pipeline$/]] },
  { name: "no accounts", text: yamlWith((d) => (d.accounts = [])), errors: [["accounts", /^the list is empty — declare at least one AWS account$/]] },
  {
    name: "three bad branches in one list",
    text: yamlWith((d) => (d.pipelines[2].apply.branches = ["release", "a b", "c~d", "e^f"])),
    errors: [
      ["pipelines[2].apply.branches[1]", /^"a b" contains a character git refuses in ref names .* — use the branch or tag name as git shows it$/],
      ["pipelines[2].apply.branches[2]", /^"c~d" contains a character git refuses/],
      ["pipelines[2].apply.branches[3]", /^"e\^f" contains a character git refuses/],
    ],
  },
  { name: "an empty name", text: yamlWith((d) => (d.pipelines[1].name = "")), errors: [["pipelines[1].name", /^is empty — give a value/]] },
  {
    name: "approval as text",
    text: yamlWith((d) => (d.pipelines[1].approval = "yes")),
    errors: [
      [
        "pipelines[1].approval",
        /^expected true, false or \{ teams, policy, riskyTypes \}, got "yes" — write true or false without quotes, or an object with teams: \[the approving teams\], policy: on-risk, always or never$/,
      ],
    ],
  },
  {
    name: "a team access level that does not exist",
    text: yamlWith((d) => (d.pipelines[1].teams[0].access = "ALL")),
    errors: [["pipelines[1].teams[0].access", /^"ALL" is not one of READ_ONLY, BUILD_AND_READ, MANAGE_BUILD_AND_READ — use one of them$/]],
  },
  {
    name: "a statement effect that does not exist",
    text: yamlWith((d) => (d.pipelines[1].apply.permissions.statements[0].effect = "Permit")),
    errors: [["pipelines[1].apply.permissions.statements[0].effect", /^"Permit" is not one of Allow, Deny — use one of them$/]],
  },
  {
    name: "a rotation of zero hours",
    text: yamlWith((d) => (d.cluster.agentTokenRotationHours = 0)),
    errors: [["cluster.agentTokenRotationHours", /^0 is less than 1 — use 1 or more$/]],
  },
  {
    name: "a rotation over a month",
    text: yamlWith((d) => (d.cluster.agentTokenRotationHours = 721)),
    errors: [["cluster.agentTokenRotationHours", /^721 is more than 720 — use 720 or less$/]],
  },
  {
    name: "a fractional pipelinesPerStack",
    text: yamlWith((d) => (d.pipelinesPerStack = 10.5)),
    errors: [["pipelinesPerStack", /^10\.5 is not a whole number — use a whole number$/]],
  },
  {
    name: "a tag value that is a number",
    text: yamlWith((d) => (d.tags = { extra: { "cost-center": 42 } })),
    errors: [["tags.extra.cost-center", /^expected text, got number 42 — quote it \("42"\)/]],
  },
  {
    name: "teams as a mapping instead of a list",
    text: yamlWith((d) => (d.teams = { platform: "Platform" })),
    errors: [["teams", /^expected a list, got a mapping — write a list/]],
  },
  {
    name: "state as text",
    text: yamlWith((d) => (d.state = "s3")),
    errors: [["state", /^expected a mapping of fields, got "s3" — write a mapping of fields/]],
  },
  {
    name: "an unknown field",
    text: yamlWith((d) => (d.pipelines[0].approvel = false)),
    errors: [["pipelines[0].approvel", /^unknown field "approvel" — remove it or check its spelling \(the fields here are slug, name, /]],
  },
  {
    name: "an uppercase organization slug and a bad region",
    text: yamlWith((d) => {
      d.organization.slug = "Acme";
      d.accounts[0].region = "eu-west";
    }),
    errors: [
      ["organization.slug", /^"Acme" is not a valid organization slug — use lowercase letters/],
      ["accounts[0].region", /^"eu-west" is not an AWS region — use a region code like "eu-west-1"$/],
    ],
  },
  {
    name: "a short admin reason",
    text: yamlWith((d) => (d.pipelines[1].apply.permissions.statements[0].allowAdminReason = "because")),
    errors: [["pipelines[1].apply.permissions.statements[0].allowAdminReason", /^"because" is too short — explain in a sentence why administrator access/]],
  },
  {
    name: "an IAM action without a service",
    text: yamlWith((d) => (d.pipelines[1].apply.permissions.statements[0].actions = ["PutParameter", "ssm:GetParameter", "s3 GetObject"])),
    errors: [
      ["pipelines[1].apply.permissions.statements[0].actions[0]", /^"PutParameter" is not an IAM action — use one like "s3:GetObject"/],
      ["pipelines[1].apply.permissions.statements[0].actions[2]", /^"s3 GetObject" is not an IAM action — /],
    ],
  },
  {
    name: "a session of a day",
    text: yamlWith((d) => (d.pipelines[0].apply.sessionDurationSeconds = 86400)),
    errors: [["pipelines[0].apply.sessionDurationSeconds", /^86400 is out of range — IAM accepts whole seconds from 3600/]],
  },
  {
    name: "an unknown account, queue and team",
    text: yamlWith((d) => {
      d.pipelines[0].account = "staging";
      d.pipelines[1].queue = "gpu";
      d.pipelines[2].owner = "analytics";
    }),
    errors: [
      ["pipelines[0].account", /^unknown account "staging" — use one of the declared accounts \(production\)$/],
      ["pipelines[1].queue", /^unknown queue "gpu" — declare it in cluster\.queues$/],
      ["pipelines[2].owner", /^unknown team "analytics" — declare it in teams$/],
    ],
  },
  {
    name: "apply on every branch in two pipelines",
    text: yamlWith((d) => {
      d.pipelines[0].apply.branches = ["*"];
      d.pipelines[1].apply.branches = ["**"];
    }),
    errors: [
      ["pipelines[0].apply.branches", /^admits every branch \("\*"\), so any branch could change the infrastructure — name the branches that may apply/],
      ["pipelines[1].apply.branches", /^admits every branch \("\*\*"\)/],
    ],
  },
  {
    name: "duplicate pipelines and teams",
    text: yamlWith((d) => {
      d.pipelines[1].slug = "networking";
      d.teams[2].slug = "payments";
    }),
    errors: [
      ["teams[2].slug", /^duplicate team "payments" — declare each team once$/],
      ["pipelines[1].slug", /^duplicate pipeline "networking" — each pipeline slug may be declared once/],
      // The data team is no longer declared: the pipelines that name it are reported too.
      ["pipelines[2].owner", /^unknown team "data" — declare it in teams$/],
      ["pipelines[2].teams[0].team", /^unknown team "data" — declare it in teams$/],
    ],
  },
  {
    name: "a default queue not in the cluster",
    text: yamlWith((d) => (d.cluster.defaultQueue = "default")),
    errors: [["cluster.defaultQueue", /^"default" is not one of cluster\.queues — declare it there or pick one of terraform, terraform-data$/]],
  },
  {
    name: "an unknown permission set",
    text: yamlWith((d) => (d.pipelines[0].apply.permissions.sets = ["network-administrator"])),
    errors: [["pipelines[0].apply.permissions.sets[0]", /^unknown permission set "network-administrator" — use one of read-only, /]],
  },
  {
    name: "administrator access without a reason",
    text: yamlWith((d) => (d.pipelines[1].apply.permissions = { statements: [{ actions: ["*"], resources: ["*"] }] })),
    errors: [["pipelines[1].apply.permissions.statements[0]", /^allows every action on every resource — grant only the actions/]],
  },
  {
    name: "a tag key AWS reserves and a provenance tag",
    text: yamlWith((d) => (d.tags = { extra: { "aws:team": "x", owner: "y" } })),
    errors: [
      ["tags.extra.aws:team", /^tag key "aws:team" starts with "aws:", which AWS reserves for its own tags — rename it$/],
      ["tags.extra.owner", /^"owner" is a provenance tag the app sets itself .* — use another key$/],
    ],
  },
  {
    name: "a lock table missing for the DynamoDB lock mode",
    text: yamlWith((d) => {
      d.state.lockMode = "dynamodb";
      delete d.state.lockTable;
    }),
    errors: [["state.lockTable", /^lockMode "dynamodb" needs a DynamoDB table — set state\.lockTable or use lockMode "lockfile"$/]],
  },
  {
    name: "a repository that is not a git URL Buildkite clones",
    text: yamlWith((d) => (d.pipelines[0].repository = "file:///etc/passwd")),
    errors: [["pipelines[0].repository", /^"file:\/\/\/etc\/passwd" is not a git repository URL Buildkite can clone — use "git@github\.com:org\/repo\.git"/]],
  },
  {
    name: "tags AWS refuses: a key over 128 characters, a value over 256, a character AWS refuses",
    text: yamlWith((d) => (d.tags = { extra: { ["k".repeat(129)]: "x", long: "v".repeat(257), star: "a*b" } })),
    errors: [
      [`tags.extra.${"k".repeat(129)}`, /is not a tag key AWS accepts — use 1-128 letters/],
      ["tags.extra.long", /is not a tag value AWS accepts — use at most 256 letters/],
      ["tags.extra.star", /^"a\*b" is not a tag value AWS accepts/],
    ],
  },
  {
    name: "a right-to-left override in a branch and a control character in a name",
    text: yamlWith((d) => {
      d.pipelines[0].apply.branches = ["main\u202e"];
      d.pipelines[1].name = "Payments\u0007";
    }),
    errors: [
      ["pipelines[0].apply.branches[0]", /^contains the invisible character U\+202E \(a control character or text-direction override\) — remove it$/],
      ["pipelines[1].name", /^contains the invisible character U\+0007 .* — remove it$/],
    ],
  },
  {
    name: "a name over 255 characters",
    text: yamlWith((d) => (d.pipelines[0].name = "N".repeat(300))),
    errors: [["pipelines[0].name", /^"N+" is too long — use at most 255 characters$/]],
  },
  {
    name: "a KMS key in another account",
    text: yamlWith((d) => (d.state.kmsKeyArn = "arn:aws:kms:eu-west-1:210987654321:key/6f1c2d3e-4b5a-4c6d-9e8f-7a6b5c4d3e2f")),
    errors: [["state.kmsKeyArn", /is not in the state account 123456789012 and region eu-west-1 — copy the kms_key_arn output/]],
  },
];

/** One error line: `file:LINE:COL path: problem — fix`. */
const ERROR_LINE = /^(?<file>[^:\s]+):(?<line>\d+):(?<column>\d+) (?<path>\S+): (?<message>.+ — .+)$/;

function formOf(line: string): RegExpMatchArray {
  const match = line.match(ERROR_LINE);
  if (!match) throw new Error(`not in the form file:line:col path: message — fix: ${line}`);
  return match;
}

describe("invalid declaration files", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "declaration-files-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function refusal(file: string, text: string): { error: DeclarationError; lines: RegExpMatchArray[] } {
    fs.writeFileSync(path.join(dir, file), text);
    try {
      loadDeclaration(path.join(dir, file), file);
    } catch (error) {
      if (!(error instanceof DeclarationError)) throw error;
      const [heading, ...rest] = error.message.split("\n");
      expect(heading).toBe(`${file} is invalid (${error.issues.length === 1 ? "1 problem" : `${error.issues.length} problems`}):`);
      return { error, lines: rest.map((line) => formOf(line)) };
    }
    throw new Error(`${file} was accepted`);
  }

  it("has at least 30 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES.map((c) => [c.name, c] as const))("%s: every error, at its line, as file:line:col path: message — fix", (_, c) => {
    const text = c.text();
    const { lines } = refusal("platform.yaml", text);
    expect(lines.map((l) => l.groups!.path)).toEqual(c.errors.map(([at]) => at));
    lines.forEach((l, i) => {
      expect(l.groups!.file).toBe("platform.yaml");
      expect(l.groups!.message).toMatch(c.errors[i][1]);
      expect(l.groups!.message).not.toMatch(/Invalid (key|type|length|value)|Expected .* but received/);
      // The position is that of the field: its line holds the field's key (or, when it is missing, an
      // enclosing field's), or it is a list entry.
      const keys = l.groups!.path.split(/[.[\]]+/).filter((k) => k !== "" && !/^\d+$/.test(k));
      const line = text.split("\n")[Number(l.groups!.line) - 1];
      const topLevelMissing = keys.length === 1 && /is missing/.test(l.groups!.message);
      if (l.groups!.path !== "(root)" && !topLevelMissing) expect(keys.some((k) => line.includes(`${k}:`)) || line.trimStart().startsWith("-")).toBe(true);
    });
  });

  it("points at the line and column of the value", () => {
    const text = yamlWith((d) => (d.pipelines[1].apply.branches = []))();
    const { lines } = refusal("platform.yaml", text);
    const lineNumber = text.split("\n").findIndex((l) => /^ {6}branches: \[\]$/.test(l)) + 1;
    expect(lines[0][0]).toBe(`platform.yaml:${lineNumber}:7 pipelines[1].apply.branches: the list is empty — add at least one entry`);
  });

  it("points at the parent mapping of a missing field", () => {
    const { lines } = refusal("platform.yaml", "repository: x\norganization:\n  id: 0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f\n");
    const organization = lines.find((l) => l.groups!.path === "organization.slug")!;
    expect(organization[0]).toBe('platform.yaml:2:1 organization.slug: required field "slug" is missing — add it');
  });

  it("gives JSON files their positions too", () => {
    const d = example();
    d.accounts[0].id = 12345678901;
    const { lines } = refusal("platform.json", JSON.stringify(d, null, 2));
    expect(lines.map((l) => l[0])).toEqual([
      expect.stringMatching(/^platform\.json:\d+:\d+ accounts\[0\]\.id: expected text, got number 12345678901 — quote it/),
    ]);
    const line = JSON.stringify(d, null, 2).split("\n")[Number(lines[0].groups!.line) - 1];
    expect(line).toContain('"id": 12345678901');
  });

  it("gives a YAML syntax error its line and column", () => {
    const { lines } = refusal("platform.yaml", "repository: x\npipelines: [unclosed\n");
    expect(lines[0].groups!.path).toBe("(root)");
    expect(lines[0][0]).toMatch(/^platform\.yaml:3:1 \(root\): not valid YAML or JSON: .* — fix the syntax$/);
  });
});
