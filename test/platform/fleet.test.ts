/**
 * Fleet changes as the app synthesizes them: moves (removed blocks in the old
 * stack, import blocks in the new), retirement, adoption of what exists, and
 * the fleet record that refuses a change which would destroy or silently move
 * what exists. The terraform plans of these blocks are in fleet.integration.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { DeclarationError } from "../../platform/declaration-error";
import { fleetChanges, fleetRecordFileFor, fleetRecordIssues, fleetRecordOf, readFleetRecord } from "../../platform/fleet-record";
import { synthesizePlatform } from "../../platform/synthesize";
import { validateDeclaration } from "../../platform/validate";
import { assertConformsToSchema } from "../../testing/schema-conformance";
import { NETWORKING_UUID, STAGING, fleetExample, synthesizedStacks } from "./support/fleet-example";
import { resource, resourceAddress, resourcesOfType } from "../support/synth";

const BUILDKITE_SCHEMA = path.join(__dirname, "..", "..", "providers", "buildkite", "schema.json");

const roleNames = (json: any) => resourcesOfType(json, "aws_iam_role").map((r) => r.name);

describe("a pipeline moved to another account and another Buildkite shard", () => {
  // networking: identity-production and buildkite before (shard 1 of 2 by its hash), identity-staging and buildkite-2 after.
  const before = synthesizedStacks(fleetExample());
  const after = synthesizedStacks(
    fleetExample((input) =>
      Object.assign(input.pipelines[0], { account: "staging", buildkiteShard: 2, movedFrom: { account: "production", buildkiteShard: 1 } }),
    ),
  );

  it("starts where the test expects it", () => {
    expect(roleNames(before["identity-production"])).toEqual(expect.arrayContaining(["bk-networking-plan", "bk-networking-apply"]));
    expect(resourcesOfType(before.buildkite, "buildkite_pipeline").map((p) => p.slug)).toContain("networking");
  });

  it("makes the old identity stack forget every resource of its roles, at the addresses they had, without destroying them", () => {
    const old = after["identity-production"];
    expect(roleNames(old)).not.toContain("bk-networking-plan");
    const had = Object.entries<any>(before["identity-production"].resource).flatMap(([type, byName]) =>
      Object.entries<any>(byName)
        .filter(([, r]) => JSON.stringify(r).includes("networking"))
        .map(([name]) => `${type}.${name}`),
    );
    expect(had.length).toBeGreaterThanOrEqual(6);
    expect(old.removed.map((block: any) => block.from).sort()).toEqual(had.sort());
    expect(old.removed.every((block: any) => block.lifecycle.destroy === false)).toBe(true);
  });

  it("makes the new identity stack import them by name, in the new account", () => {
    const json = after["identity-staging"];
    expect(roleNames(json)).toEqual(expect.arrayContaining(["bk-networking-plan", "bk-networking-apply"]));
    const ids = json.import.map((block: any) => block.id);
    expect(ids).toEqual(expect.arrayContaining(["bk-networking-plan", "bk-networking-apply", "bk-networking-apply:terraform-state"]));
    // Every imported address is a resource of the stack; every resource of the pipeline is imported.
    const networking = Object.entries<any>(json.resource)
      .flatMap(([type, byName]) => Object.entries<any>(byName).map(([name, r]) => [`${type}.${name}`, r] as const))
      .filter(([, r]) => JSON.stringify(r).includes("networking"));
    expect(json.import.map((b: any) => b.to).sort()).toEqual(networking.map(([address]) => address).sort());
    // The provider of the new account: its role ARNs and trust are the new account's.
    expect(JSON.parse(resourcesOfType(json, "aws_iam_role")[0].assume_role_policy).Statement[0].Principal.Federated).toContain(STAGING.id);
  });

  it("hands the Buildkite pipeline over by removed and import blocks the Buildkite schema and terraform's block syntax accept", () => {
    const old = after.buildkite;
    expect(old.removed).toEqual([
      { from: resourceAddress(before.buildkite, "buildkite_pipeline", (p) => p.slug === "networking"), lifecycle: { destroy: false } },
    ]);
    const json = after["buildkite-2"];
    expect(json.import).toEqual([
      { to: resourceAddress(json, "buildkite_pipeline", (p) => p.slug === "networking"), id: Buffer.from(`Pipeline---${NETWORKING_UUID}`).toString("base64") },
    ]);
    expect(() => assertConformsToSchema(old, BUILDKITE_SCHEMA)).not.toThrow();
    expect(() => assertConformsToSchema(json, BUILDKITE_SCHEMA)).not.toThrow();
  });

  it("leaves every other stack as it was, but for the state backend's grant of the pipeline's state to its new account", () => {
    expect(after["identity-production-2"]).toEqual(before["identity-production-2"]);
    // The pipelines whose roles of the new account the bucket lets into their states: the platform pipeline's (its
    // identity deployer of the account) before, and the moved pipeline's too after.
    const admitted = (json: any) =>
      JSON.parse(resource(json, "aws_s3_bucket_policy").policy).Statement.find((s: any) => s.Sid === "PipelineStatesOfAccount210987654321").Condition
        .StringEquals["aws:PrincipalTag/buildkite:pipeline"];
    expect(admitted(before["state-backend"])).toEqual(["platform-trust"]);
    expect(admitted(after["state-backend"])).toEqual(["networking", "platform-trust"]);
  });

  it("says what it does, in one line per change", () => {
    const d = validateDeclaration(
      fleetExample((input) =>
        Object.assign(input.pipelines[0], { account: "staging", buildkiteShard: 2, movedFrom: { account: "production", buildkiteShard: 1 } }),
      ),
    );
    expect(fleetChanges(d)).toEqual([
      "move networking: identity-production → identity-staging, buildkite → buildkite-2 (the old stack forgets it with removed blocks, the new one imports it; nothing is destroyed)",
    ]);
  });
});

describe("a retired pipeline", () => {
  const retire = (destroy: boolean) =>
    synthesizedStacks(
      fleetExample((input) => {
        input.pipelines.splice(0, 1);
        input.retired = [{ slug: "networking", reason: "folded into the platform repository", destroy }];
      }),
    );

  it("keeps its Buildkite pipeline (a removed block) and deletes its roles, so no build can assume them any more", () => {
    const stacks = retire(false);
    expect(stacks.buildkite.removed).toEqual([
      { from: expect.stringMatching(/^buildkite_pipeline\.pipeline-networking_pipeline_/), lifecycle: { destroy: false } },
    ]);
    expect(roleNames(stacks["identity-production"])).not.toContain("bk-networking-plan");
    expect(stacks["identity-production"].removed).toBeUndefined();
    expect(() => assertConformsToSchema(stacks.buildkite, BUILDKITE_SCHEMA)).not.toThrow();
  });

  it("lets its Buildkite pipeline be destroyed only when the declaration says destroy", () => {
    expect(retire(true).buildkite.removed).toBeUndefined();
  });
});

describe("adopting what exists", () => {
  it("imports the account's OIDC provider, or references it by ARN and never creates it", () => {
    const adopted = synthesizedStacks(fleetExample((input) => (input.accounts[0].oidcProvider = "adopt")))["identity-production"];
    const provider = resourceAddress(adopted, "aws_iam_openid_connect_provider");
    expect(adopted.import).toEqual([{ to: provider, id: "arn:aws:iam::123456789012:oidc-provider/agent.buildkite.com" }]);

    const referenced = synthesizedStacks(fleetExample((input) => (input.accounts[0].oidcProvider = "reference")))["identity-production"];
    expect(resourcesOfType(referenced, "aws_iam_openid_connect_provider")).toEqual([]);
    expect(JSON.parse(resourcesOfType(referenced, "aws_iam_role")[0].assume_role_policy).Statement[0].Principal.Federated).toBe(
      "arn:aws:iam::123456789012:oidc-provider/agent.buildkite.com",
    );
  });

  it("imports a pipeline's existing roles by name and its existing Buildkite pipeline by UUID", () => {
    const stacks = synthesizedStacks(fleetExample((input) => (input.pipelines[0].adopt = { roles: true, pipeline: true })));
    const ids = stacks["identity-production"].import.map((b: any) => b.id);
    expect(ids).toEqual(expect.arrayContaining(["bk-networking-plan", "bk-networking-apply"]));
    expect(ids.every((id: string) => id.startsWith("bk-networking-"))).toBe(true);
    expect(stacks.buildkite.import).toEqual([
      { to: expect.stringMatching(/^buildkite_pipeline\./), id: Buffer.from(`Pipeline---${NETWORKING_UUID}`).toString("base64") },
    ]);
  });
});

describe("the fleet record", () => {
  const recorded = fleetRecordOf(validateDeclaration(fleetExample()));
  const issues = (input: PlatformDeclarationInput) => fleetRecordIssues(validateDeclaration(input), recorded, "platform.fleet.json");

  it("records each pipeline's account and stacks, slugs sorted", () => {
    expect(Object.keys(recorded.pipelines)).toEqual(["data-platform", "networking", "payments-service", "platform-trust"]);
    expect(recorded.pipelines.networking).toEqual({ account: "production", identityStack: "identity-production", buildkiteStack: "buildkite" });
    expect(recorded.retired).toEqual([]);
  });

  it("refuses a pipeline entry removed without retiring it, with the fix", () => {
    expect(issues(fleetExample((input) => input.pipelines.splice(0, 1)))).toEqual([
      {
        path: "pipelines",
        message: expect.stringMatching(
          /^"networking" is in the fleet record \(platform\.fleet\.json: its roles in identity-production, its Buildkite pipeline in buildkite\) but no longer declared, .* retire it: add \{ slug: networking, reason: "<why>" \} to retired/,
        ),
      },
    ]);
    expect(
      issues(fleetExample((input) => input.pipelines.splice(0, 1) && (input.retired = [{ slug: "networking", reason: "folded into the platform" }]))),
    ).toEqual([]);
  });

  it("lets a retired entry go once the record lists it as retired", () => {
    const retiredRecord = fleetRecordOf(
      validateDeclaration(
        fleetExample((input) => input.pipelines.splice(0, 1) && (input.retired = [{ slug: "networking", reason: "folded into the platform" }])),
      ),
    );
    expect(retiredRecord.retired).toEqual(["networking"]);
    // The committed record still has networking's old placement (it was written before the retirement).
    const record = { ...retiredRecord, pipelines: { ...retiredRecord.pipelines, networking: recorded.pipelines.networking } };
    expect(fleetRecordIssues(validateDeclaration(fleetExample((input) => input.pipelines.splice(0, 1))), record, "platform.fleet.json")).toEqual([]);
  });

  it("refuses a move the declaration does not declare (a changed count or account), and accepts it declared", () => {
    // From two shards to four, networking, the data platform and the platform pipeline hash to shard 4.
    const undeclared = issues(fleetExample((input) => (input.accounts[0].shards = 4)));
    expect(undeclared.map((i) => i.path)).toEqual(["pipelines[0]", "pipelines[2]", "platformPipeline"]);
    expect(undeclared[1].message).toMatch(
      /^"data-platform" is in identity-production-2 and buildkite-2 .*puts it in identity-production-4 and buildkite-2 .* declare the move: movedFrom .* previousShards/,
    );
    expect(issues(fleetExample((input) => Object.assign(input.accounts[0], { shards: 4, previousShards: 2 })))).toEqual([]);
    expect(issues(fleetExample((input) => (input.pipelines[0].account = "staging")))).toHaveLength(1);
    expect(issues(fleetExample((input) => Object.assign(input.pipelines[0], { account: "staging", movedFrom: { account: "production" } })))).toEqual([]);
  });

  it("lives beside its declaration file, named after it", () => {
    expect(fleetRecordFileFor("platform.yaml")).toBe("platform.fleet.json");
    expect(fleetRecordFileFor("/repo/declarations/sandbox.json")).toBe("/repo/declarations/sandbox.fleet.json");
  });

  it("is read back as written, and a broken one is refused with the way out", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-record-"));
    try {
      const file = path.join(dir, "platform.fleet.json");
      expect(readFleetRecord(file)).toBeUndefined();
      fs.writeFileSync(file, "{ not json");
      expect(() => readFleetRecord(file)).toThrow(/is not valid JSON .*restore it from version control/);
      fs.writeFileSync(file, "{}");
      expect(() => readFleetRecord(file)).toThrow(/has no "pipelines" object and "retired" list/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is written by a synthesis and then refuses, before anything is written, a synthesis that would destroy a recorded pipeline", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-record-"));
    try {
      const options = { outdir: path.join(dir, "cdktf.out"), offline: true, recordFile: fleetRecordFileFor(path.join(dir, "platform.yaml")) };
      const first = await synthesizePlatform(validateDeclaration(fleetExample()), options);
      expect(first.recordFile).toBe(path.join(dir, "platform.fleet.json"));
      expect(readFleetRecord(first.recordFile!)).toEqual(recorded);
      const output = fs.readFileSync(path.join(dir, "cdktf.out", "manifest.json"), "utf8");
      const refused = synthesizePlatform(validateDeclaration(fleetExample((input) => input.pipelines.splice(0, 1))), options);
      await expect(refused).rejects.toThrow(DeclarationError);
      await expect(refused).rejects.toThrow(/"networking" is in the fleet record/);
      expect(fs.readFileSync(path.join(dir, "cdktf.out", "manifest.json"), "utf8")).toBe(output);
      expect(fs.readdirSync(dir).sort()).toEqual(["access-report.json", "access-report.md", "cdktf.out", "platform.fleet.json"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
