import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DeclarationError } from "../../platform/declaration-error";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { loadDeclaration } from "../../platform/load";

describe("loadDeclaration", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "declaration-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("validates the embedded example and applies defaults", () => {
    const d = loadDeclaration();
    expect(d.pipelines.map((p) => p.slug)).toEqual(["networking", "payments-service", "data-platform"]);
    const networking = d.pipelines[0];
    expect(networking.defaultBranch).toBe("main");
    expect(networking.plan.branches).toEqual(["*"]);
    expect(networking.plan.permissions.sets).toEqual(["read-only"]);
    expect(d.tags.buildMetadata).toBe(false);
  });

  it("reads YAML and JSON files", () => {
    const json = path.join(dir, "platform.json");
    fs.writeFileSync(json, JSON.stringify(EXAMPLE_PLATFORM));
    expect(loadDeclaration(json).organization.slug).toBe("acme");
    const yamlFile = path.join(dir, "platform.yaml");
    fs.writeFileSync(yamlFile, `# comment\n${JSON.stringify({ ...EXAMPLE_PLATFORM, owner: "data" })}`);
    expect(loadDeclaration(yamlFile).owner).toBe("data");
  });

  it("names the file and the problem when the file is missing or unparsable", () => {
    expect(() => loadDeclaration(path.join(dir, "nope.yaml"))).toThrow(/nope\.yaml is invalid \(1 problem\):[\s\S]*cannot read/);
    const broken = path.join(dir, "broken.yaml");
    fs.writeFileSync(broken, "pipelines: [unclosed");
    expect(() => loadDeclaration(broken)).toThrow(DeclarationError);
    expect(() => loadDeclaration(broken)).toThrow(/not valid YAML or JSON/);
  });
});
