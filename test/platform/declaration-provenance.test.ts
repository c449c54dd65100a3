/**
 * The declaration's provenance in the access report: its path as the user names it, and the commit of its git
 * repository with whether the file differs from it (git runs in a repository made here).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { declarationProvenance } from "../../platform/declaration-provenance";

describe("declarationProvenance", () => {
  let root: string;
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: root,
      encoding: "utf8",
    }).trim();
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-provenance-"))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("names the built-in example, which has no file", () => {
    expect(declarationProvenance({ source: "example" }, root)).toEqual({ file: "the built-in example" });
  });

  it("gives no commit outside a git repository", () => {
    fs.writeFileSync(path.join(root, "platform.yaml"), "owner: platform\n");
    expect(declarationProvenance({ file: path.join(root, "platform.yaml"), source: "conventional" }, root)).toEqual({ file: "platform.yaml" });
  });

  it("gives the repository's commit, and whether the file differs from it (changed, or never committed)", () => {
    fs.mkdirSync(path.join(root, "declarations"));
    const file = path.join(root, "declarations", "acme.yaml");
    fs.writeFileSync(file, "owner: platform\n");
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "declaration");
    const head = git("rev-parse", "HEAD");
    const found = { file: "declarations/acme.yaml", source: "argument" as const };
    expect(declarationProvenance(found, root)).toEqual({ file: "declarations/acme.yaml", commit: head, uncommitted: false });

    fs.appendFileSync(file, "# changed\n");
    expect(declarationProvenance(found, root)).toEqual({ file: "declarations/acme.yaml", commit: head, uncommitted: true });

    const other = path.join(root, "declarations", "new.yaml");
    fs.writeFileSync(other, "owner: platform\n");
    expect(declarationProvenance({ file: other, source: "environment" }, root)).toMatchObject({ file: "declarations/new.yaml", uncommitted: true });
  });
});
