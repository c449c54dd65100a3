/**
 * A pipeline moved to another account (and another Buildkite shard), planned
 * by the real terraform: the stack it leaves forgets its roles (`forget`, no
 * `delete`), and the stack it joins imports them (against a fake IAM that holds
 * them, on 127.0.0.1) instead of creating them. The same removal without the
 * removed blocks plans their destruction: the blocks are what keeps them.
 */
import { FakeIamRole, startFakeIam } from "../../testing/fake-iam";
import { planConfigurationAsync, planConfigurations, TerraformPlan } from "../../testing/terraform";
import { resourcesOfType } from "../support/synth";
import { STAGING, fleetExample, synthesizedStacks } from "./support/fleet-example";
import { describeWithTerraform } from "../support/terraform";

/** `<type>.<name>` of every resource of the configuration, with its body. */
const resourcesOf = (json: any): [string, any][] =>
  Object.entries<any>(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries<any>(byName).map(([name, body]) => [`${type}.${name}`, body] as [string, any]),
  );

/** A Terraform state (format 4) holding these resources, with only their IDs: enough for a plan without refresh. */
function stateWith(addresses: readonly string[]): object {
  return {
    version: 4,
    terraform_version: "1.11.0",
    serial: 1,
    lineage: "0f1e2d3c-4b5a-4968-8776-655443322110",
    outputs: {},
    resources: addresses.map((address) => {
      const [type, name] = address.split(".");
      return {
        mode: "managed",
        type,
        name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 0, attributes: { id: name } }],
      };
    }),
  };
}

/** The planned actions by address. */
const actions = (plan: TerraformPlan): Record<string, string> =>
  Object.fromEntries((plan.json.resource_changes ?? []).map((c: any) => [c.address, `${c.change.actions.join("+")}${c.change.importing ? " (import)" : ""}`]));

describeWithTerraform("a pipeline moved to another account, planned by terraform", () => {
  const before = synthesizedStacks(fleetExample());
  const after = synthesizedStacks(
    fleetExample((input) =>
      Object.assign(input.pipelines[0], { account: "staging", buildkiteShard: 2, movedFrom: { account: "production", buildkiteShard: 1 } }),
    ),
  );
  const networkingIn = (json: any) => resourcesOf(json).filter(([, body]) => JSON.stringify(body).includes("networking"));
  const moved = networkingIn(before["identity-production"]).map(([address]) => address);

  const joined = after["identity-staging"];
  const config = new Map(resourcesOf(joined));
  const imported = (type: string) => (joined.import as any[]).filter((block) => block.to.startsWith(`${type}.`));
  // IAM holds the roles as the old account's stack made them: the same names, policies and attachments.
  const roles: FakeIamRole[] = imported("aws_iam_role").map((block) => {
    const body = config.get(block.to);
    const policies = imported("aws_iam_role_policy").filter((p) => p.id.startsWith(`${block.id}:`));
    return {
      name: block.id,
      path: body.path,
      description: body.description,
      assumeRolePolicy: body.assume_role_policy,
      maxSessionDuration: body.max_session_duration,
      tags: body.tags,
      inlinePolicies: Object.fromEntries(policies.map((p) => [p.id.split(":")[1], config.get(p.to).policy])),
      attachedPolicyArns: imported("aws_iam_role_policy_attachment")
        .filter((a) => a.id.startsWith(`${block.id}/`))
        .map((a) => a.id.slice(block.id.length + 1)),
    };
  });
  let left: Record<string, string>;
  let careless: Record<string, string>;
  let joinedPlan: Record<string, string>;
  let iamRequests: readonly string[];

  beforeAll(async () => {
    const iam = await startFakeIam(STAGING.id, roles);
    try {
      const { removed: _blocks, ...withoutBlocks } = after["identity-production"];
      // Two terraform runs at once: the stack left, with and without its removed blocks, in one (planConfigurations:
      // the provider's schema loaded once for both); the stack joined alone (its import blocks need the root module).
      const [leftPlans, joinedRun] = await Promise.all([
        planConfigurations({ left: after["identity-production"], careless: withoutBlocks }, { left: stateWith(moved), careless: stateWith(moved) }),
        planConfigurationAsync(joined, { awsEndpoints: { iam: iam.endpoint } }),
      ]);
      [left, careless, joinedPlan] = [leftPlans.left, leftPlans.careless, joinedRun].map(actions);
      iamRequests = [...iam.requests];
    } finally {
      await iam.stop();
    }
  });

  it("forgets the roles in the stack they leave, destroying nothing; without the removed blocks they would be destroyed", () => {
    expect(moved.length).toBeGreaterThanOrEqual(6);
    for (const address of moved) expect(left[address]).toBe("forget");
    expect(Object.values(left).filter((action) => action.includes("delete"))).toEqual([]);
    for (const address of moved) expect(careless[address]).toBe("delete");
  });

  it("imports them in the stack they join, reading them from IAM, and creates none of them", () => {
    expect(roles.map((r) => r.name).sort()).toEqual(["bk-networking-apply", "bk-networking-plan"]);
    const importedAddresses = (joined.import as any[]).map((block) => block.to);
    expect(importedAddresses.sort()).toEqual(
      networkingIn(joined)
        .map(([address]) => address)
        .sort(),
    );
    for (const address of importedAddresses) expect(joinedPlan[address]).toMatch(/^(no-op|update) \(import\)$/);
    expect(Object.values(joinedPlan).filter((action) => action.includes("delete"))).toEqual([]);
    // The account's own OIDC provider, its boundaries and the platform pipeline's deployer of the stack are the only things created there.
    expect(Object.entries(joinedPlan).filter(([, action]) => action === "create")).toEqual([
      [expect.stringMatching(/^aws_iam_openid_connect_provider\./), "create"],
      [expect.stringMatching(/^aws_iam_policy\.deployer-boundary_/), "create"],
      [expect.stringMatching(/^aws_iam_policy\.pipeline-boundary_/), "create"],
      [expect.stringMatching(/^aws_iam_role\.bk-platform-trust-identity-staging-deployer_Role_/), "create"],
      [expect.stringMatching(/^aws_iam_role_policy\.bk-platform-trust-identity-staging-deployer_PermissionsPolicy_/), "create"],
      [expect.stringMatching(/^aws_iam_role_policy\.bk-platform-trust-identity-staging-deployer_StatePolicy_/), "create"],
    ]);
    expect(iamRequests).toEqual(expect.arrayContaining(["GetRole bk-networking-plan", "GetRole bk-networking-apply"]));
  });

  it("hands the Buildkite pipeline over between the Buildkite stacks in the same synthesis", () => {
    expect(resourcesOfType(after.buildkite, "buildkite_pipeline").map((p) => p.slug)).not.toContain("networking");
    expect(after.buildkite.removed).toHaveLength(1);
    expect(after["buildkite-2"].import).toHaveLength(1);
  });
});
