/**
 * Only what changed is planned and applied: a 1,000-pipeline, two-account fleet is synthesized, the hash of
 * every stack's cdk.tf.json recorded as its last successful apply would, one pipeline changed, the fleet
 * synthesized again, and the platform pipeline's generated selection step run in dash with stub `aws` and
 * `buildkite-agent` (test/constructs/buildkite/support/step-runner.ts): it selects exactly the stacks that
 * hold that pipeline, whose plan and apply steps then assume their own roles and record the new hashes.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import { load } from "js-yaml";
import * as os from "os";
import * as path from "path";
import { PlatformDeclarationInput } from "../../platform/declaration";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { placementOf } from "../../platform/stack-plan";
import { synthesizePlatform } from "../../platform/synthesize";
import { validateDeclaration } from "../../platform/validate";
import { flagValue, runStep } from "../constructs/buildkite/support/step-runner";
import { resource } from "../support/synth";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { benchDeclaration } = require("../../scripts/bench/declarations.js");
const WORKER_SCRIPT = path.resolve(__dirname, "..", "..", "dist", "platform", "synthesis-worker.js");
const STACKS = "cdktf.out/stacks";

describe("the platform pipeline over a 1,000-pipeline, two-account fleet", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-selection-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Every stack's cdk.tf.json of a synthesis, by stack ID. */
  async function synthesize(name: string, input: PlatformDeclarationInput): Promise<Map<string, string>> {
    const outdir = path.join(dir, name, "cdktf.out");
    await synthesizePlatform(validateDeclaration(input), { outdir, offline: true, processes: 2, workerScript: WORKER_SCRIPT });
    const ids = fs.readdirSync(path.join(outdir, "stacks"));
    return new Map(ids.map((id) => [id, fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8")]));
  }
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

  it("selects, after one pipeline changed, only the stacks that hold it, and applies them with their own roles", async () => {
    const input: PlatformDeclarationInput = benchDeclaration(EXAMPLE_PLATFORM, 1000, { accounts: 2 });
    const before = await synthesize("before", input);
    expect(before.size).toBeGreaterThan(20);

    // A pipeline of the second account in a Buildkite shard (the main Buildkite stack holds the cluster too)
    // changes its apply permissions (its identity stack) and its drift schedule (its Buildkite stack).
    const declared = validateDeclaration(input);
    const changed = declared.pipelines.findIndex((p) => p.account === "staging" && placementOf(declared, p).buildkiteStack !== "buildkite");
    const changedInput = structuredClone(input) as any;
    const pipeline = changedInput.pipelines[changed];
    pipeline.apply.permissions.statements = [{ sid: "Queue", actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:eu-west-1:123456789012:orders"] }];
    pipeline.driftSchedule = "45 4 * * *";
    const after = await synthesize("after", changedInput);
    const d = validateDeclaration(changedInput);
    const placement = placementOf(d, d.pipelines[changed]);
    const holding = [placement.identityStack, placement.buildkiteStack].sort();
    // The fleet spans both accounts, and the change is in a shard, not a stack that holds everything.
    expect(new Set([...after.keys()].filter((id) => id.startsWith("identity-")).map((id) => id.replace(/-\d+$/, "")))).toEqual(
      new Set(["identity-production", "identity-staging"]),
    );
    expect(holding).not.toContain("buildkite");

    // The platform pipeline's steps as stored in its Buildkite pipeline.
    const platformPipeline = resource(JSON.parse(after.get("buildkite")!), "buildkite_pipeline", (p) => p.slug === "platform-trust");
    const steps = (load(platformPipeline.steps) as { steps: any[] }).steps;
    const step = (key: string) => steps.find((s) => s.key === key);
    const state = fs.mkdtempSync(path.join(dir, "build-"));
    const hashObject = (id: string) => path.join(state, "s3", "acme-terraform-state", "pipelines", "platform-trust", id, "cdk.tf.json.sha256");
    // What the last successful applies recorded, next to each state.
    for (const [id, json] of before) {
      fs.mkdirSync(path.dirname(hashObject(id)), { recursive: true });
      fs.writeFileSync(hashObject(id), `${sha256(json)}\n`);
    }
    const files = Object.fromEntries([...after].map(([id, json]) => [`${STACKS}/${id}/cdk.tf.json`, json]));
    // Unblocked by the owner team: the platform pipeline's applies wait for its block step.
    const unblocker = { id: "approver", teams: ["platform"] };
    const run = (key: string) => runStep(step(key).command, { branch: "main", defaultBranch: "main", shell: "dash", files, state, unblocker });

    const selection = run("plan");
    expect(selection.stderr).toBe("");
    expect(selection.status).toBe(0);
    const selected = () => fs.readdirSync(path.join(state, "meta-data")).map((key) => key.replace(/^bktt-changed-/, ""));
    expect(selected().sort()).toEqual(holding);
    expect(selection.callsOf("aws", "s3", "cp")).toHaveLength(after.size);

    // A stack the selection left out does nothing, not even assume its role.
    const untouched = [...after.keys()].find((id) => !holding.includes(id))!;
    for (const key of [`plan-${untouched}`, `apply-${untouched}`]) {
      const skipped = run(key);
      expect(skipped.status).toBe(0);
      expect(skipped.calls.filter((c) => c.tool !== "buildkite-agent")).toEqual([]);
    }
    // The selected stacks plan and apply with the role of their part and account, and record what they applied.
    const identityAccount = d.accounts.find((a) => a.name === placement.account)!;
    const expectedRole = {
      [placement.identityStack]: `arn:aws:iam::${identityAccount.id}:role/buildkite/acme/bk-platform-trust-${placement.identityStack}-deployer`,
      [placement.buildkiteStack]: `arn:aws:iam::123456789012:role/buildkite/acme/bk-platform-trust-${placement.buildkiteStack}-deployer`,
    };
    for (const id of holding) {
      for (const key of [`plan-${id}`, `apply-${id}`]) {
        const ran = run(key);
        expect({ key, status: ran.status, stderr: ran.stderr }).toEqual({ key, status: 0, stderr: "" });
        const assumed = ran.callsOf("aws", "sts", "assume-role-with-web-identity").map((c) => flagValue(c.args, "--role-arn"));
        expect({ key, assumed }).toEqual({ key, assumed: [expectedRole[id]] });
        expect(ran.callsOf("terraform", key.startsWith("plan") ? "plan" : "apply")).toHaveLength(1);
      }
      expect(fs.readFileSync(hashObject(id), "utf8").trim()).toBe(sha256(after.get(id)!));
    }

    // The next build of the same commit selects nothing.
    fs.rmSync(path.join(state, "meta-data"), { recursive: true });
    const next = run("plan");
    expect(next.status).toBe(0);
    expect(fs.existsSync(path.join(state, "meta-data"))).toBe(false);
    expect(next.callsOf("buildkite-agent", "annotate")[0].args).toContain("No stack changed since its last successful apply: nothing to plan or apply.");
  });
});
