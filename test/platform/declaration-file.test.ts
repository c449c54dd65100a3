/**
 * The declaration every command synthesizes: the argument, BKTT_PLATFORM_FILE, the file recorded in
 * cdktf.json, platform.yaml, and the example only when there is none.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cdktfCommand, declarationName, findDeclarationFile, PLATFORM_FILE_CONTEXT_KEY, recordDeclarationFile } from "../../platform/declaration-file";

describe("findDeclarationFile", () => {
  let root: string;
  const cdktfJson = () => JSON.parse(fs.readFileSync(path.join(root, "cdktf.json"), "utf8"));
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-declaration-file-"));
    fs.writeFileSync(path.join(root, "cdktf.json"), JSON.stringify({ app: "node dist/main.js", context: { other: 1 } }, null, 2));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("falls back to the built-in example only when there is no declaration anywhere", () => {
    const found = findDeclarationFile(undefined, undefined, root);
    expect(found).toEqual({ source: "example" });
    expect(declarationName(found, root)).toBe("the built-in example");
  });

  it("uses platform.yaml at the project root", () => {
    fs.writeFileSync(path.join(root, "platform.yaml"), "{}");
    const found = findDeclarationFile(undefined, undefined, root);
    expect(found).toEqual({ file: path.join(root, "platform.yaml"), source: "conventional" });
    expect(declarationName(found, root)).toBe("platform.yaml");
  });

  it("records a file named on the command line in cdktf.json, and the next command without one uses it", () => {
    fs.writeFileSync(path.join(root, "platform.yaml"), "{}");
    const argument = findDeclarationFile(path.join(root, "decl", "acme.yaml"), undefined, root);
    recordDeclarationFile(argument, root);
    expect(cdktfJson().context).toEqual({ other: 1, [PLATFORM_FILE_CONTEXT_KEY]: "decl/acme.yaml" });
    expect(cdktfJson().app).toBe("node dist/main.js");
    const next = findDeclarationFile(undefined, undefined, root);
    expect(next).toEqual({ file: path.join(root, "decl", "acme.yaml"), source: "cdktf.json" });
    expect(declarationName(next, root)).toBe(path.join("decl", "acme.yaml"));
  });

  it("lets BKTT_PLATFORM_FILE override the recorded file, and records nothing for it", () => {
    recordDeclarationFile(findDeclarationFile("recorded.yaml", undefined, root), root);
    const found = findDeclarationFile(undefined, "/elsewhere/env.json", root);
    expect(found).toEqual({ file: "/elsewhere/env.json", source: "environment" });
    recordDeclarationFile(found, root);
    expect(cdktfJson().context[PLATFORM_FILE_CONTEXT_KEY]).toBe(path.relative(root, path.resolve("recorded.yaml")));
  });

  it("records nothing in a folder without cdktf.json", () => {
    fs.rmSync(path.join(root, "cdktf.json"));
    recordDeclarationFile(findDeclarationFile("acme.yaml", undefined, root), root);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it("names the cdktf CLI as the next commands must run it: with BKTT_PLATFORM_FILE only when that found the declaration", () => {
    expect(cdktfCommand(findDeclarationFile(path.join(root, "decl", "acme.yaml"), undefined, root), root)).toBe("npx cdktf");
    expect(cdktfCommand(findDeclarationFile(undefined, undefined, root), root)).toBe("npx cdktf");
    expect(cdktfCommand(findDeclarationFile(undefined, path.join(root, "decl", "acme.yaml"), root), root)).toBe("BKTT_PLATFORM_FILE=decl/acme.yaml npx cdktf");
    expect(cdktfCommand(findDeclarationFile(undefined, "/my decls/it's.yaml", root), root)).toBe("BKTT_PLATFORM_FILE='/my decls/it'\\''s.yaml' npx cdktf");
  });
});
