import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { Testing } from "cdktf";
import { applyGuardrails } from "../../../constructs/guardrails/guardrails";
import { BuildkiteOidcProvider } from "../../../constructs/trust/buildkite-oidc-provider";
import { BuildkitePipelineRole, BuildkitePipelineRoleProps } from "../../../constructs/trust/buildkite-pipeline-role";
import { BuildkitePipelineRoles } from "../../../constructs/trust/buildkite-pipeline-roles";
import { PipelineAccess } from "../../../constructs/trust/pipeline-access";
import { PipelinePermissionsBoundary } from "../../../constructs/trust/pipeline-permissions-boundary";
import { TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { awsStack, resource, resourceAddress, resourcesOfType, synthJson } from "../../support/synth";

const ACCOUNT = "111111111111";
const access = new PipelineAccess({ accountId: ACCOUNT, organization: "acme", pipeline: "networking" });

describe("BuildkitePipelineRole", () => {
  it("renders the declared role: name, path, trust policy, session duration, tags", () => {
    const stack = awsStack("identity");
    const role = new BuildkitePipelineRole(stack, "Apply", { access, kind: "apply", permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/boundary` });
    const synthesized = resource(synthJson(stack), "aws_iam_role");
    expect(synthesized.name).toBe("bk-networking-apply");
    expect(synthesized.path).toBe("/buildkite/acme/");
    expect(JSON.parse(synthesized.assume_role_policy)).toEqual(access.apply.trustPolicy);
    expect(synthesized.max_session_duration).toBe(3600);
    expect(synthesized.permissions_boundary).toBe(`arn:aws:iam::${ACCOUNT}:policy/boundary`);
    expect(synthesized.tags).toEqual({ "buildkite:organization": "acme", "buildkite:pipeline": "networking", "buildkite:role": "apply" });
    expect(role.roleArn).toBe(access.apply.roleArn);
    expect(role.access).toBe(access.apply);
  });

  it("depends on the OIDC provider of the same stack, so the role is created after it", () => {
    const stack = awsStack("identity");
    const provider = new BuildkiteOidcProvider(stack, "Oidc", { accountId: ACCOUNT });
    new BuildkitePipelineRole(stack, "Plan", { access, kind: "plan", provider });
    const json = synthJson(stack);
    expect(resource(json, "aws_iam_role").depends_on).toEqual([resourceAddress(json, "aws_iam_openid_connect_provider")]);
  });

  it("creates no state or permissions policies when none are given", () => {
    const stack = awsStack("identity");
    new BuildkitePipelineRole(stack, "Plan", { access, kind: "plan" });
    expect(Object.keys(synthJson(stack).resource)).toEqual(["aws_iam_role"]);
  });

  it.each<[string, Partial<BuildkitePipelineRoleProps>, RegExp]>([
    [
      "a write action on plan",
      { kind: "plan", statements: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "*" }] },
      /^statements\[0\] allows s3:PutObject, which is not a read \(read-only actions are Get\*, List\*, Describe\*, BatchGet\* and .*\), but the plan role only reads .*: move it to the apply role/,
    ],
    ["a service wildcard on plan", { kind: "plan", statements: [{ Effect: "Allow", Action: "ec2:*", Resource: "*" }] }, /allows ec2:\*, which is not a read/],
    ["NotAction on plan", { kind: "plan", statements: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }, /allows NotAction/],
    [
      "a full-access managed policy on plan",
      { kind: "plan", managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] },
      /^managedPolicyArns\[0\] "arn:aws:iam::aws:policy\/AmazonS3FullAccess" is not on the read-only list .* and the plan role only reads/,
    ],
    [
      "a malformed managed policy ARN",
      { kind: "apply", managedPolicyArns: ["ReadOnlyAccess"] },
      /^managedPolicyArns\[0\] "ReadOnlyAccess" is not a managed policy ARN/,
    ],
    [
      "a duplicate managed policy",
      { kind: "apply", managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"] },
      /lists .* twice/,
    ],
    [
      "a statement with a principal",
      { kind: "apply", statements: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] },
      /^statements\[0\] has a Principal/,
    ],
    ["a statement without resources", { kind: "apply", statements: [{ Effect: "Allow", Action: "s3:GetObject" }] }, /^statements\[0\] names no Resource/],
    ["a malformed boundary", { kind: "apply", permissionsBoundaryArn: "boundary" }, /^permissionsBoundaryArn "boundary" is not a managed policy ARN/],
    [
      "IAM writes on a path that includes the role itself",
      {
        kind: "apply",
        statements: [{ Effect: "Allow", Action: ["iam:PutRolePolicy", "s3:GetObject"], Resource: "arn:aws:iam::111111111111:role/buildkite/*" }],
      },
      /^statements\[0\] allows iam:PutRolePolicy on resources that include this role itself \(arn:aws:iam::111111111111:role\/buildkite\/acme\/bk-networking-apply\), so it could give itself any permission: narrow/,
    ],
    [
      "IAM writes on every resource but others (NotResource)",
      { kind: "apply", statements: [{ Effect: "Allow", Action: "iam:TagRole", NotResource: "arn:aws:iam::111111111111:role/other" }] },
      /^statements\[0\] allows iam:TagRole on resources that include this role itself/,
    ],
    [
      "two different boundaries",
      {
        kind: "apply",
        permissionsBoundaryArn: "arn:aws:iam::111111111111:policy/other-boundary",
        permissionsBoundary: PipelinePermissionsBoundary.fromAccount(ACCOUNT, "/buildkite/acme/"),
      },
      /^permissionsBoundaryArn "arn:aws:iam::111111111111:policy\/other-boundary" differs from the permissionsBoundary arn:aws:iam::111111111111:policy\/buildkite\/acme\/bk-pipeline-boundary/,
    ],
    [
      "another account's provider",
      { kind: "apply", provider: BuildkiteOidcProvider.fromAccount("222222222222") },
      /is not the Buildkite OIDC provider of account 111111111111/,
    ],
    [
      "a provider without the role's audience",
      { kind: "apply", provider: BuildkiteOidcProvider.fromAccount(ACCOUNT, "aws", ["vault"]) },
      /accepts the audiences vault but the role expects "sts.amazonaws.com"/,
    ],
    [
      "inline policies over IAM's limit",
      {
        kind: "apply",
        statements: Array.from({ length: 120 }, (_, i) => ({
          Effect: "Allow" as const,
          Action: "s3:GetObject",
          Resource: `arn:aws:s3:::bucket-${i}/some/long/prefix/*`,
        })),
      },
      /inline policies of the apply role have \d+ characters, over IAM's 10240/,
    ],
    [
      "a tag that would rename the role's pipeline for the state fence",
      { kind: "plan", tags: { "buildkite:pipeline": "other" } },
      /tags buildkite:pipeline are reserved/,
    ],
  ])("refuses %s", (_name, props, message) => {
    expect(() => new BuildkitePipelineRole(awsStack("identity"), "Role", { access, kind: "apply", ...props })).toThrow(message);
  });

  it("lets plan read and deny anything", () => {
    const stack = awsStack("identity");
    new BuildkitePipelineRole(stack, "Plan", {
      access,
      kind: "plan",
      statements: [
        { Effect: "Allow", Action: ["ec2:Describe*", "s3:Get*", "s3:ListBucket", "dynamodb:Query", "sts:GetCallerIdentity"], Resource: "*" },
        { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } },
        { Effect: "Deny", Action: "*", Resource: "arn:aws:s3:::secrets/*" },
      ],
    });
    expect(resourcesOfType(synthJson(stack), "aws_iam_role_policy")).toHaveLength(1);
  });

  describe("plan permissions by allow-list", () => {
    const plan = (props: Partial<BuildkitePipelineRoleProps>) => () =>
      new BuildkitePipelineRole(awsStack("identity"), "Plan", { access, kind: "plan", ...props });

    it.each(["ReadOnlyAccess", "job-function/ViewOnlyAccess", "SecurityAudit"])("accepts the read-only managed policy %s", (name) => {
      expect(plan({ managedPolicyArns: [`arn:aws:iam::aws:policy/${name}`] })).not.toThrow();
      expect(plan({ managedPolicyArns: [`arn:aws-us-gov:iam::aws:policy/${name}`] })).not.toThrow();
    });

    it.each([
      ["job-function/NetworkAdministrator", "a job function that changes VPCs"],
      ["job-function/SystemAdministrator", "a job function that changes instances"],
      ["AmazonEC2ContainerRegistryPowerUser", "pushes images"],
      ["AmazonEC2ContainerRegistryReadOnly", "reads like a read but returns registry passwords"],
      ["PowerUserAccess", "writes nearly everything"],
      ["job-function/DatabaseAdministrator", "changes databases"],
    ])("refuses the managed policy %s (%s), naming the field and the fix", (name) => {
      expect(plan({ managedPolicyArns: [`arn:aws:iam::aws:policy/${name}`] })).toThrow(
        new RegExp(
          `^managedPolicyArns\\[0\\] "arn:aws:iam::aws:policy/${name}" is not on the read-only list \\(ReadOnlyAccess, job-function/ViewOnlyAccess, SecurityAudit\\).*: attach it to the apply role`,
        ),
      );
    });

    it("refuses a customer managed policy, whose content it cannot see", () => {
      expect(plan({ managedPolicyArns: [`arn:aws:iam::${ACCOUNT}:policy/ReadOnlyAccess`] })).toThrow(
        /^managedPolicyArns\[0\] .* is a customer managed policy, whose permissions cannot be verified read-only at synth/,
      );
    });

    it.each<[string, string, RegExp]>([
      ["sts:GetFederationToken", "mints federated credentials", /allows sts:GetFederationToken, which mints credentials for a federated user/],
      ["sts:GetSessionToken", "mints session credentials", /allows sts:GetSessionToken, which mints session credentials/],
      ["ecr:GetAuthorizationToken", "returns a registry password", /allows ecr:GetAuthorizationToken, which returns a registry password/],
      ["codeartifact:GetAuthorizationToken", "returns a repository token", /allows codeartifact:GetAuthorizationToken, which returns a repository token/],
      ["secretsmanager:GetSecretValue", "reads secrets", /allows secretsmanager:GetSecretValue, which returns secret values/],
      ["ssm:GetParameter", "decrypts SecureStrings", /allows ssm:GetParameter, which returns parameter values, SecureStrings decrypted/],
      ["rds-db:connect", "logs in to a database", /allows rds-db:connect, which logs in to a database/],
      ["kms:Decrypt", "decrypts anything outside a service", /allows kms:Decrypt, which decrypts any ciphertext .* unless conditioned on kms:ViaService/],
      ["STS:getfederationtoken", "is the same action in other case", /allows STS:getfederationtoken, which mints credentials/],
      ["sts:Get*", "covers the minting Get actions", /allows sts:Get\*, which covers sts:GetFederationToken, which mints .*; covers sts:GetSessionToken/],
      ["ssm:GetParameter*", "covers the parameter reads", /allows ssm:GetParameter\*, which covers ssm:GetParameter, which returns parameter values/],
      ["ecr:Get*", "covers the registry token", /allows ecr:Get\*, which covers ecr:GetAuthorizationToken/],
    ])("refuses %s in a plan statement (%s)", (action, _why, message) => {
      expect(plan({ statements: [{ Effect: "Allow", Action: ["ec2:Describe*", action], Resource: "*" }] })).toThrow(message);
    });

    it("names every refused action of a statement and the allow-list in the fix", () => {
      expect(plan({ statements: [{ Effect: "Allow", Action: ["iam:PassRole", "sts:GetFederationToken"], Resource: "*" }] })).toThrow(
        /^statements\[0\] allows iam:PassRole, which is not a read .*; sts:GetFederationToken, which mints .*: move them to the apply role, or give plan ReadOnlyAccess, job-function\/ViewOnlyAccess, SecurityAudit or statements of read actions\.$/,
      );
    });

    it("leaves the apply role's permissions alone", () => {
      expect(
        () =>
          new BuildkitePipelineRole(awsStack("identity"), "Apply", {
            access,
            kind: "apply",
            managedPolicyArns: ["arn:aws:iam::aws:policy/job-function/NetworkAdministrator"],
            statements: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "ecr:GetAuthorizationToken"], Resource: "*" }],
          }),
      ).not.toThrow();
    });
  });

  it("carries the account's boundary, and depends on it when the boundary is in the same stack", () => {
    const stack = awsStack("identity");
    const boundary = new PipelinePermissionsBoundary(stack, "Boundary", { accountId: ACCOUNT, rolePath: "/buildkite/acme/" });
    new BuildkitePipelineRoles(stack, "Roles", { access, permissionsBoundary: boundary });
    const json = synthJson(stack);
    for (const role of resourcesOfType(json, "aws_iam_role")) {
      expect(role.permissions_boundary).toBe("arn:aws:iam::111111111111:policy/buildkite/acme/bk-pipeline-boundary");
      expect(role.depends_on).toEqual([resourceAddress(json, "aws_iam_policy")]);
    }
  });

  it("refuses IAM writes at synth unless the role carries a boundary", () => {
    const manageRoles = { Effect: "Allow" as const, Action: ["iam:CreateRole", "iam:PutRolePolicy"], Resource: "arn:aws:iam::111111111111:role/app/*" };
    const unbounded = awsStack("identity");
    new BuildkitePipelineRole(unbounded, "Apply", { access, kind: "apply", statements: [manageRoles] });
    applyGuardrails(unbounded);
    expect(() => Testing.synth(unbounded, true)).toThrow(
      /guardrail iam-writers-bounded refuses identity\/Apply\/Role .*the pipeline role bk-networking-apply may change IAM \(iam:CreateRole, iam:PutRolePolicy in statement 1 of the policy\) but has no permissions boundary/,
    );

    const bounded = awsStack("identity");
    new BuildkitePipelineRole(bounded, "Apply", {
      access,
      kind: "apply",
      statements: [manageRoles],
      permissionsBoundary: PipelinePermissionsBoundary.fromAccount(ACCOUNT, "/buildkite/acme/"),
    });
    applyGuardrails(bounded);
    expect(() => Testing.synth(bounded, true)).not.toThrow();
  });

  it("refuses administrator access at synth unless a reason is given", () => {
    const admin = { Effect: "Allow" as const, Action: "*", Resource: "*" };
    // Administrator access changes IAM: it needs the boundary too (iam-writers-bounded).
    const permissionsBoundary = PipelinePermissionsBoundary.fromAccount(ACCOUNT, "/buildkite/acme/");
    const refused = awsStack("identity");
    new BuildkitePipelineRole(refused, "Apply", { access, kind: "apply", statements: [admin], permissionsBoundary });
    applyGuardrails(refused);
    expect(() => Testing.synth(refused, true)).toThrow(
      /guardrail no-admin-wildcard refuses identity\/Apply\/PermissionsPolicy .* allows every action on every resource/,
    );

    const allowed = awsStack("identity");
    new BuildkitePipelineRole(allowed, "Apply", {
      access,
      kind: "apply",
      statements: [admin],
      permissionsBoundary,
      adminAccessReason: "bootstraps the whole account, reviewed by security",
    });
    applyGuardrails(allowed);
    expect(() => Testing.synth(allowed, true)).not.toThrow();
    expect(() => new BuildkitePipelineRole(awsStack("identity"), "Apply", { access, kind: "apply", adminAccessReason: "yes" })).toThrow(/too short/);
  });

  it("leaves the guardrails to the app: an IAM user next to the role fails synth only once they are applied", () => {
    const stack = awsStack("identity");
    new BuildkitePipelineRole(stack, "Apply", { access, kind: "apply" });
    new IamUser(stack, "deployer", { name: "deployer" });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    applyGuardrails(stack.node.scope!);
    expect(() => Testing.synth(stack, true)).toThrow(
      /guardrail no-iam-users refuses identity\/deployer \(aws_iam_user\.deployer\): .* Fix: let CI assume a role/,
    );
  });
});

describe("BuildkitePipelineRoles", () => {
  it("creates the plan and apply roles of one declaration, with their own permissions", () => {
    const stack = awsStack("identity");
    const roles = new BuildkitePipelineRoles(stack, "Networking", {
      access,
      plan: { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
      apply: { managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"] },
    });
    expect([roles.plan.roleName, roles.apply.roleName]).toEqual(["bk-networking-plan", "bk-networking-apply"]);
    const attachments = resourcesOfType(synthJson(stack), "aws_iam_role_policy_attachment").map((a) => [a.policy_arn, a.role]);
    expect(attachments).toHaveLength(2);
    expect(attachments.map(([arn]) => arn).sort()).toEqual(["arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]);
  });
});

describe("BuildkiteOidcProvider", () => {
  it("creates the agent.buildkite.com provider with its audiences and a literal ARN", () => {
    const stack = awsStack("identity");
    const provider = new BuildkiteOidcProvider(stack, "Oidc", { accountId: ACCOUNT, audiences: ["sts.amazonaws.com", "vault"] });
    expect(resource(synthJson(stack), "aws_iam_openid_connect_provider")).toEqual({
      url: "https://agent.buildkite.com",
      client_id_list: ["sts.amazonaws.com", "vault"],
      // Every role of the account trusts it.
      lifecycle: { prevent_destroy: true },
    });
    expect(provider.providerArn).toBe("arn:aws:iam::111111111111:oidc-provider/agent.buildkite.com");
  });

  it("adopts the account's existing provider with an import block by its ARN", () => {
    const stack = awsStack("identity");
    const provider = new BuildkiteOidcProvider(stack, "Oidc", { accountId: ACCOUNT });
    expect(synthJson(stack).import).toBeUndefined();
    provider.importExisting();
    const json = synthJson(stack);
    expect(json.import).toEqual([{ to: resourceAddress(json, "aws_iam_openid_connect_provider"), id: provider.providerArn }]);
  });

  it("references an existing provider by account without creating anything", () => {
    expect(BuildkiteOidcProvider.fromAccount("123456789012", "aws-cn")).toEqual({
      providerArn: "arn:aws-cn:iam::123456789012:oidc-provider/agent.buildkite.com",
    });
    expect(() => BuildkiteOidcProvider.fromAccount("12345")).toThrow(/^accountId "12345" is not an AWS account ID/);
  });

  it("refuses empty or wildcard audiences", () => {
    expect(() => new BuildkiteOidcProvider(awsStack("identity"), "Oidc", { accountId: ACCOUNT, audiences: [] })).toThrow(/^audiences is empty/);
    expect(() => new BuildkiteOidcProvider(awsStack("identity"), "Oidc", { accountId: ACCOUNT, audiences: ["*"] })).toThrow(
      /^audiences\[0\] "\*" must be a literal audience/,
    );
  });
});

describe("BuildkitePipelineRoles adopting existing roles", () => {
  const stateBackend = TerraformStateBackend.fromAttributes(awsStack("backends"), "state", {
    bucketName: "acme-terraform-state",
    region: "eu-west-1",
    kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/0f0f0f0f-1111-4222-8333-444455556666",
    lockMode: "lockfile",
    keyPrefix: "pipelines",
  });

  it("imports each role, inline policy and managed attachment by the ID its resource type takes, those added later too", () => {
    const stack = awsStack("identity");
    const roles = new BuildkitePipelineRoles(stack, "networking", {
      access,
      state: stateBackend,
      plan: { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
      apply: { statements: [{ Effect: "Allow", Action: ["ec2:CreateVpc"], Resource: ["*"] }] },
    });
    expect(synthJson(stack).import).toBeUndefined();
    roles.importExisting();
    roles.apply.addInlinePolicy("Extra", "extra", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:ListBucket"], Resource: ["*"] }] });
    const json = synthJson(stack);
    const address = (type: string, predicate: (r: any) => boolean) => resourceAddress(json, type, predicate);
    // A policy's role is a reference to its role resource.
    const ofRole = (name: string) => (r: any) => r.role === `\${${address("aws_iam_role", (role) => role.name === name)}.name}`;
    expect(json.import.map((block: any) => `${block.id} -> ${block.to}`).sort()).toEqual(
      [
        ["bk-networking-plan", address("aws_iam_role", (r) => r.name === "bk-networking-plan")],
        ["bk-networking-apply", address("aws_iam_role", (r) => r.name === "bk-networking-apply")],
        ["bk-networking-plan:terraform-state", address("aws_iam_role_policy", (r) => r.name === "terraform-state" && ofRole("bk-networking-plan")(r))],
        ["bk-networking-apply:terraform-state", address("aws_iam_role_policy", (r) => r.name === "terraform-state" && ofRole("bk-networking-apply")(r))],
        ["bk-networking-apply:permissions", address("aws_iam_role_policy", (r) => r.name === "permissions")],
        ["bk-networking-apply:extra", address("aws_iam_role_policy", (r) => r.name === "extra")],
        ["bk-networking-plan/arn:aws:iam::aws:policy/ReadOnlyAccess", address("aws_iam_role_policy_attachment", () => true)],
      ]
        .map(([id, to]) => `${id} -> ${to}`)
        .sort(),
    );
    // One block per resource: nothing is left to be created.
    const resources = Object.values<any>(json.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(json.import).toHaveLength(resources);
  });
});
