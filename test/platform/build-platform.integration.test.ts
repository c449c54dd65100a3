import { Testing } from "cdktf";
import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { validateDeclaration } from "../../platform/validate";
import { buildPlatform } from "../../platform/build-platform";
import { planConfigurations, TerraformPlan } from "../../testing/terraform";
import { synthJson } from "../support/synth";
import { describeWithTerraform } from "../support/terraform";

/**
 * The three stacks these suites plan, in one terraform run (planConfigurations: the provider's schema is loaded
 * once, not three times), on first use.
 */
let planned: Promise<Record<"identity" | "state" | "previewIdentity", TerraformPlan>> | undefined;
function plans(): NonNullable<typeof planned> {
  if (planned === undefined) {
    const stacks = buildPlatform(Testing.app(), validateDeclaration(EXAMPLE_PLATFORM), { offline: true });
    const previews = buildPlatform(Testing.app(), validateDeclaration(withPreviews()), { offline: true });
    planned = planConfigurations({
      identity: synthJson(stacks.identity[0]),
      state: synthJson(stacks.stateBackend),
      previewIdentity: synthJson(previews.identity[0]),
    });
  }
  return planned;
}

/** The example with preview environments for its first pipeline. */
function withPreviews(): typeof EXAMPLE_PLATFORM {
  const declaration = structuredClone(EXAMPLE_PLATFORM);
  declaration.pipelines[0].previews = { branches: ["preview-*"] };
  return declaration;
}

describeWithTerraform("the example platform's AWS stacks planned by terraform", () => {
  let identityPlan: TerraformPlan;
  let statePlan: TerraformPlan;
  beforeAll(async () => {
    ({ identity: identityPlan, state: statePlan } = await plans());
  });

  it("plans the identity stack: the OIDC provider and eight roles with their trust and state policies", () => {
    expect(identityPlan.only("aws_iam_openid_connect_provider").values.url).toBe("https://agent.buildkite.com");
    // The four pipelines' plan and apply roles; the platform pipeline's deploy roles are tested in deployer-evaluation.test.ts.
    const roles = identityPlan.ofType("aws_iam_role").filter((role) => !role.values.name.endsWith("-deployer"));
    expect(roles).toHaveLength(8);
    for (const role of roles) {
      const trust = JSON.parse(role.values.assume_role_policy);
      expect(trust.Statement[0].Principal.Federated).toBe("arn:aws:iam::123456789012:oidc-provider/agent.buildkite.com");
      expect(role.values.tags_all).toMatchObject({ "managed-by": "buildkite-terraform-trust", stack: "identity-production" });
    }
    const policies = identityPlan.ofType("aws_iam_role_policy").map((p) => JSON.parse(p.values.policy));
    const stateObjects = policies
      .flatMap((p) => p.Statement)
      .filter((s: any) => [s.Action].flat().includes("s3:GetObject"))
      .flatMap((s: any) => [s.Resource].flat());
    expect(stateObjects.length).toBeGreaterThanOrEqual(8);
    for (const resource of stateObjects) expect(resource).toMatch(/^arn:aws:s3:::acme-terraform-state\/pipelines\/[a-z-]+\/\*$/);
  });

  it("plans the state stack with the declared bucket and lock table", () => {
    expect(statePlan.only("aws_s3_bucket").values.bucket).toBe("acme-terraform-state");
    expect(statePlan.only("aws_dynamodb_table").values.hash_key).toBe("LockID");
    expect(statePlan.only("aws_kms_key").values.enable_key_rotation).toBe(true);
  });
});

describeWithTerraform("a pipeline with preview environments, planned by terraform", () => {
  let identityPlan: TerraformPlan;
  let bucketPolicy: any;
  beforeAll(async () => {
    identityPlan = (await plans()).previewIdentity;
    const stacks = buildPlatform(Testing.app(), validateDeclaration(withPreviews()), { offline: true });
    const policies = Object.values<any>(JSON.parse(Testing.synth(stacks.stateBackend)).resource.aws_s3_bucket_policy);
    bucketPolicy = JSON.parse(policies[0].policy.replace(/\$\$\{/g, "${"));
  });

  it("fences preview roles into their own state in the bucket policy", () => {
    const fence = bucketPolicy.Statement.find((s: any) => s.Sid === "DenyPreviewsOtherStates");
    expect(fence.NotResource).toContain(
      "arn:aws:s3:::acme-terraform-state/pipelines/${aws:PrincipalTag/buildkite:pipeline}/br-${aws:PrincipalTag/build_branch}/terraform.tfstate",
    );
    expect(fence.Condition.StringEquals).toEqual({ "aws:PrincipalTag/buildkite:role": "preview" });
  });

  it("plans the preview role, trusting only the preview steps of preview branches, with the build_branch session tag", () => {
    const role = identityPlan.ofType("aws_iam_role").find((r) => r.values.name === "bk-networking-preview")!;
    const [trust] = JSON.parse(role.values.assume_role_policy).Statement;
    expect(trust.Action).toEqual(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]);
    expect(trust.Condition.StringLike["agent.buildkite.com:sub"]).toEqual([
      "organization:acme:pipeline:networking:ref:refs/heads/preview-*:commit:*:step:preview",
      "organization:acme:pipeline:networking:ref:refs/heads/preview-*:commit:*:step:preview-destroy",
    ]);
    expect(trust.Condition.StringLike["aws:RequestTag/build_branch"]).toBe("preview-*");
    expect(role.values.permissions_boundary).toMatch(/:policy\/buildkite\/acme\/bk-pipeline-boundary$/);
  });

  it("hands IAM the state policy with its policy variable, not a Terraform interpolation", () => {
    const policy = identityPlan.ofType("aws_iam_role_policy").find((p) => p.values.role === "bk-networking-preview" && p.values.name === "terraform-state")!;
    const statements = JSON.parse(policy.values.policy).Statement;
    const write = statements.find((s: any) => s.Sid === "TerraformStateWrite");
    expect(write.Resource).toEqual([
      "arn:aws:s3:::acme-terraform-state/pipelines/networking/br-${aws:PrincipalTag/build_branch}/terraform.tfstate",
      "arn:aws:s3:::acme-terraform-state/pipelines/networking/br-${aws:PrincipalTag/build_branch}/terraform.tfstate.tflock",
    ]);
  });
});
