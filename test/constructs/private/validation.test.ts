import { TerraformStack, Testing } from "cdktf";
import * as v from "valibot";
import { BuildkiteCluster } from "../../../constructs/buildkite/buildkite-cluster";
import { BuildkiteTerraformPipeline } from "../../../constructs/buildkite/buildkite-terraform-pipeline";
import { checkFormat, checkList, checkWithin, Format, FORMATS, ValidationError, withScope } from "../../../constructs/private/validation";
import { pipelineStatePrefix, UNALTERED_BRANCH_MAX_LENGTH } from "../../../constructs/state/state-key";
import { StateBackendAttributes, TerraformStateBackend } from "../../../constructs/state/terraform-state-backend";
import { BuildkiteOidcProvider } from "../../../constructs/trust/buildkite-oidc-provider";
import { BuildkitePipelineRole } from "../../../constructs/trust/buildkite-pipeline-role";
import { PipelineAccess, PipelineAccessProps } from "../../../constructs/trust/pipeline-access";
import { declarationSchema, PlatformDeclarationInput } from "../../../platform/declaration";
import { formatPath } from "../../../platform/declaration-error";
import { EXAMPLE_PLATFORM } from "../../../platform/example-platform";

const KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0b1c2d3e-1111-4222-8333-444455556666";
const SLUG_100 = `a${"b".repeat(98)}c`;

/** Values each format must accept and refuse, edges first. */
const CASES: { [K in keyof typeof FORMATS]: { accepts: unknown[]; refuses: unknown[] } } = {
  slug: {
    accepts: ["a", "acme", "payments-service", "9lives", SLUG_100],
    refuses: ["", "Acme", "payments_service", "-net", "net-", "net:evil", "a/b", `${SLUG_100}d`],
  },
  uuid: {
    accepts: ["0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5f", "00000000-0000-0000-0000-000000000000"],
    refuses: ["0B7C3D5E-1F2A-4B6C-8D9E-0A1B2C3D4E5F", "0b7c3d5e1f2a4b6c8d9e0a1b2c3d4e5f", "0b7c3d5e-1f2a-4b6c-8d9e-0a1b2c3d4e5"],
  },
  accountId: { accepts: ["111111111111", "012345678901"], refuses: ["11111111111", "1111111111111", "11111111111a", ""] },
  region: {
    accepts: ["eu-west-1", "us-gov-west-1", "us-isob-east-1", "cn-north-1", "ap-southeast-5"],
    refuses: ["eu-west", "EU", "eu-west-1a", "europe-west1", ""],
  },
  partition: { accepts: ["aws", "aws-us-gov", "aws-cn"], refuses: ["AWS", "gcp", "aws-", ""] },
  stepKey: {
    accepts: ["apply", "Apply_Prod", "-apply", "_plan", "a".repeat(100)],
    refuses: ["", "apply:prod", "pwn:step:apply", ":", "plan*", "pl?n", "apply prod", "a".repeat(101)],
  },
  refPattern: {
    accepts: ["main", "*", "feature/*", "release-?", "v1.2"],
    refuses: [
      "",
      "owner:main",
      "main:*",
      "${username}",
      "a b",
      "main..x",
      "x@{1}",
      "a//b",
      "/main",
      "main/",
      "main.",
      "main.lock",
      "-main",
      "ma[in",
      "it's",
      'say-"hi"',
    ],
  },
  branchName: {
    accepts: ["main", "release/2024", "rel`id`x", "a;b", "feature(x)"],
    refuses: ["", "*", "feature/*", "release-?", "owner:main", "${username}", "it's", "a b", "a\nb", "main..x", "main.lock"],
  },
  previewBranch: {
    // As long as a branch stays its own workspace name, br-<branch> (state-key.ts), and no longer.
    accepts: ["demo", "preview-*", "preview*", "pr0-x", "a".repeat(UNALTERED_BRANCH_MAX_LENGTH), `${"a".repeat(UNALTERED_BRANCH_MAX_LENGTH - 1)}*`],
    refuses: [
      "",
      "*",
      "-*",
      "Preview-*",
      "preview--x",
      "preview-",
      "-x",
      "feature/*",
      "preview-?",
      "owner:x",
      "pre*view",
      "a".repeat(UNALTERED_BRANCH_MAX_LENGTH + 1),
    ],
  },
  team: {
    accepts: ["platform", "payments-team", "96176d08-f503-413f-8423-96094953b9e7"],
    refuses: ["", "Platform", "platform team", "team:x", "-platform"],
  },
  roleName: { accepts: ["bk-networking-apply", "a", "a+=,.@_-", "r".repeat(64)], refuses: ["", "deploy role", "r".repeat(65), "a/b"] },
  rolePath: { accepts: ["/", "/buildkite/acme/", "/a/b/"], refuses: ["", "buildkite", "/buildkite", "buildkite/", `/${"p".repeat(511)}/`] },
  stateBucket: {
    accepts: ["acme-tfstate", "abc", "b".repeat(63)],
    refuses: ["ab", "b".repeat(64), "acme.tfstate", "acme--tfstate", "-acme", "acme-", "Acme", "arn:aws:s3:::acme"],
  },
  stateKeyPrefix: {
    accepts: ["pipelines", "p", "org/acme", "pipelines.v2", "a_b-c"],
    refuses: ["", "pipelines/", "/pipelines", "pipelines/..", "a//b", "Pipelines", ".hidden"],
  },
  kmsKeyArn: {
    accepts: [
      KEY_ARN,
      "arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
      `arn:aws:kms:eu-west-1:111111111111:key/mrk-${"0".repeat(32)}`,
    ],
    refuses: [
      "arn:aws:kms:eu-west-1:111111111111:alias/state",
      "0b1c2d3e-1111-4222-8333-444455556666",
      "arn:aws:kms:eu-west-1:111111111111:key/0B1C2D3E-1111-4222-8333-444455556666",
      "arn:aws:kms:eu-west-1:11111111111:key/0b1c2d3e-1111-4222-8333-444455556666",
      "arn:aws:kms:eu-west-1:111111111111:key/------------------------------------",
    ],
  },
  managedPolicyArn: {
    accepts: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::111111111111:policy/team/deploy", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
    refuses: ["ReadOnlyAccess", "arn:aws:iam::aws:role/ReadOnlyAccess", "arn:aws:iam::1111:policy/x", "arn:aws:iam::aws:policy/"],
  },
  principalArn: {
    accepts: [
      "arn:aws:iam::111111111111:role/terraform-state-admin",
      "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef",
      "arn:aws:iam::111111111111:user/break-glass",
      "arn:aws-us-gov:iam::111111111111:role/admin",
    ],
    refuses: [
      "",
      "arn:aws:iam::111111111111:role/*",
      "arn:aws:iam::111111111111:role/admin*",
      "arn:aws:iam::111111111111:root",
      "arn:aws:sts::111111111111:assumed-role/admin/session",
      "arn:aws:iam::1111:role/admin",
      "terraform-state-admin",
    ],
  },
  sessionDuration: { accepts: [3600, 7200, 43200], refuses: [3599, 43201, 3600.5, 0, -1] },
  audience: { accepts: ["sts.amazonaws.com", "https://example.com"], refuses: ["", "sts.*", "st?", "${aws:username}", "sts amazonaws"] },
  lockTableName: { accepts: ["acme-tfstate-locks", "a.b_C", "abc", "t".repeat(255)], refuses: ["ab", "t".repeat(256), "locks/table", "locks table"] },
  workingDirectory: {
    accepts: [".", "", "infra", "infra/prod", "infra/", "./infra", "a_b-c.d"],
    refuses: ["/infra", "../shared", "infra/../../x", "infra prod", "$HOME"],
  },
  cronline: {
    accepts: ["0 3 * * *", "*/15 * * * *", "0 3 * * 1-5 Europe/Berlin", "@daily", "@weekly"],
    refuses: ["every night at 3", "0 3 * *", "@sometimes", "0 3 * * * * *", ""],
  },
  queueKey: { accepts: ["terraform", "Terraform_GPU", "q", "q".repeat(100)], refuses: ["", "-terraform", "_q", "tf:gpu", "tf gpu", "q".repeat(101)] },
  resourceTypePattern: {
    accepts: ["aws_db_instance", "aws_rds_*", "google_project_iam_member", "a", "aws_*"],
    refuses: ["", "*", "aws_rds_**", "AWS_DB", "aws_db.main", "aws-db", "_aws", "aws_*_instance", "a".repeat(101)],
  },
  lockTimeout: { accepts: ["5m", "90s", "1h", "0s"], refuses: ["", "5", "5 minutes", "1.5m", "5M", "-5m", "5ms"] },
  gcpProjectId: {
    accepts: ["acme-prod", "a12345", "a".repeat(30)],
    refuses: ["", "acme", "1acme-prod", "acme-prod-", "Acme-Prod", "acme_prod", "a".repeat(31), "acme:prod"],
  },
  gcpProjectNumber: { accepts: ["123456789012", "100000"], refuses: ["", "12345", "0123456789", "acme-prod", "1234567890123456789012", "12345678901a"] },
  gcpPoolId: {
    accepts: ["buildkite", "buildkite-agent", "bk01", "a".repeat(32)],
    refuses: ["", "bk1", "gcp-buildkite", "1buildkite", "buildkite-", "Buildkite", "a".repeat(33), "bk:pool"],
  },
  gcpServiceAccountId: {
    accepts: ["bk-networking-plan", "abcdef", "a".repeat(30)],
    refuses: ["", "abcde", "bk-networking-", "1bk-plan", "bk_networking_plan", "a".repeat(31), "bk:plan-x"],
  },
  gitRepositoryUrl: {
    accepts: [
      "git@github.com:acme/networking.git",
      "ssh://git@bitbucket.example.com:7999/acme/repo.git",
      "https://github.com/acme/repo.git",
      "git@gitlab.com:a/b/c",
    ],
    refuses: [
      "",
      "file:///etc/passwd",
      "/srv/repo.git",
      "http://github.com/acme/repo.git",
      "github.com/acme/repo",
      "https://github.com/acme/repo .git",
      "git@github.com:acme/repo.git\nrm -rf /",
    ],
  },
  tagKey: {
    accepts: ["cost-center", "team:owner", "a", "Kostenstelle é", "k".repeat(128)],
    refuses: ["", "k".repeat(129), "a*b", "a\tb", "semi;colon"],
  },
  tagValue: {
    accepts: ["", "platform", "a/b=c+d@e", "v".repeat(256)],
    refuses: ["v".repeat(257), "a*b", 'quote"s', "line\nbreak"],
  },
  gcpRole: {
    accepts: [
      "roles/viewer",
      "roles/iam.securityReviewer",
      "roles/compute.networkAdmin",
      "projects/acme-prod/roles/terraformPlan",
      "organizations/1234/roles/tf.plan",
    ],
    refuses: [
      "",
      "viewer",
      "roles/",
      "roles/*",
      "roles/viewer extra",
      "projects/acme/roles/x",
      "organizations/acme/roles/plan",
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
    ],
  },
};

const formats = Object.entries(FORMATS) as [keyof typeof FORMATS, Format<unknown>][];

describe("FORMATS", () => {
  it("has accept and refuse cases for every format", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FORMATS).sort());
  });

  describe.each(formats)("%s", (name, format) => {
    it.each(CASES[name].accepts.map((value) => [value]))("accepts %j", (value) => {
      expect(format.test(value)).toBe(true);
      expect(format.explain(value)).toBeUndefined();
      expect(checkFormat(format, "field", value)).toBe(value);
    });

    it.each(CASES[name].refuses.map((value) => [value]))("refuses %j, saying why and how to fix it", (value) => {
      expect(format.test(value)).toBe(false);
      const refusal = format.explain(value);
      expect(refusal?.problem).toMatch(/\S/);
      expect(refusal?.fix).toMatch(/\S/);
      expect(() => checkFormat(format, "some.field[2]", value)).toThrow(
        expect.objectContaining({ code: format.code, field: "some.field[2]", value, problem: refusal!.problem, fix: refusal!.fix }),
      );
    });
  });

  it("cannot be changed by a consumer", () => {
    expect(Object.isFrozen(FORMATS)).toBe(true);
  });
});

describe("ValidationError", () => {
  const refused = () => {
    try {
      checkFormat(FORMATS.slug, "props.slug", "Net:Evil", "buildkite/networking");
    } catch (error) {
      return error;
    }
    throw new Error("not refused");
  };

  it("carries code, field, value, problem and fix as data", () => {
    expect(refused()).toMatchObject({
      name: "ValidationError",
      code: "invalid-slug",
      field: "props.slug",
      value: "Net:Evil",
      problem: "is not a Buildkite slug",
      fix: expect.stringContaining("lowercase letters"),
    });
  });

  it("reads field, quoted value, what is wrong and how to fix it, after who refuses", () => {
    expect((refused() as Error).message).toBe(
      'buildkite/networking: props.slug "Net:Evil" is not a Buildkite slug: use lowercase letters, digits and hyphens, not starting or ending with a hyphen, at most 100 characters.',
    );
    expect(() => checkFormat(FORMATS.sessionDuration, "apply.sessionDurationSeconds", 900)).toThrow(/^apply\.sessionDurationSeconds 900 is out of range: /);
  });

  it("quotes no list: a list is data only", () => {
    expect(() => checkList("apply.branches", ["main", "main"])).toThrow(
      expect.objectContaining({
        code: "duplicate",
        field: "apply.branches",
        value: ["main", "main"],
        message: 'apply.branches lists "main" twice: remove the duplicate.',
      }),
    );
  });

  it("is recognised across copies of the library, where instanceof fails", () => {
    let other: typeof import("../../../constructs/private/validation") | undefined;
    jest.isolateModules(() => {
      // A second copy of the module, as a consumer with two installs of the library would load it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      other = require("../../../constructs/private/validation");
    });
    const foreign = new other!.ValidationError({ code: "invalid-slug", field: "slug", value: "X", problem: "is not a Buildkite slug", fix: "use lowercase" });
    expect(foreign).not.toBeInstanceOf(ValidationError);
    expect(ValidationError.isValidationError(foreign)).toBe(true);
    expect(ValidationError.isValidationError(refused())).toBe(true);
    expect(ValidationError.isValidationError(new Error('slug "X" is not a Buildkite slug'))).toBe(false);
    expect(ValidationError.isValidationError({ code: "invalid-slug", field: "slug" })).toBe(false);
    expect(ValidationError.isValidationError(undefined)).toBe(false);
  });
});

describe("checkWithin and withScope", () => {
  const refuseSlug = () => checkFormat(FORMATS.slug, "pipelineSlug", "Net");

  it("nests the field of a refusal inside another input, keeping the rest of it", () => {
    expect(() => checkWithin("state", refuseSlug)).toThrow(
      expect.objectContaining({
        code: "invalid-slug",
        field: "state.pipelineSlug",
        value: "Net",
        message: expect.stringMatching(/^state\.pipelineSlug "Net" is not a Buildkite slug: /),
      }),
    );
  });

  it("refuses the input as a whole for any other error, with the error as the fix", () => {
    const fail = () => {
      throw new Error('IStateBackend.lockTableName is required when lockMode is "dynamodb".');
    };
    expect(() => checkWithin("state", fail)).toThrow(
      expect.objectContaining({
        code: "invalid-value",
        field: "state",
        message: 'state is refused: IStateBackend.lockTableName is required when lockMode is "dynamodb".',
      }),
    );
  });

  it("returns what the check returns", () => {
    expect(checkWithin("state", () => 42)).toBe(42);
    expect(withScope("stack/pipeline", () => "ok")).toBe("ok");
  });

  it("names who refuses before the field, and lets other errors through unchanged", () => {
    expect(() => withScope("stack/pipeline", refuseSlug)).toThrow(
      expect.objectContaining({
        code: "invalid-slug",
        field: "pipelineSlug",
        message: expect.stringMatching(/^stack\/pipeline: pipelineSlug "Net" is not a Buildkite slug: /),
      }),
    );
    const other = new Error("not a validation");
    expect(() =>
      withScope("stack/pipeline", () => {
        throw other;
      }),
    ).toThrow(other);
  });
});

/**
 * The declaration schema and the constructs refuse the same values. Each
 * shared format is set at one field of the example declaration (only the
 * schema is parsed, so cross-field rules stay out of it) and given to the
 * construct that checks it.
 */
describe('no ":" reaches a field of the token subject', () => {
  // A ":" in a step key, branch or tag would add a field to `sub`; the trust policies refuse such
  // subjects (SUBJECT_OVERFLOW_PATTERN), and the inputs that render the subject patterns never hold one.
  const COLONS = [":", "a:b", "pwn:step:apply", "main:commit:x", "owner:main", "*:*", "release/*:step:apply", "main:"];
  const base = { accountId: "111111111111", organization: "acme", pipeline: "networking" };
  const declaration = (set: (d: PlatformDeclarationInput & Record<string, any>) => void) => {
    const d = structuredClone(EXAMPLE_PLATFORM) as PlatformDeclarationInput & Record<string, any>;
    set(d);
    return v.safeParse(declarationSchema, d).success;
  };

  it.each(COLONS.map((value) => [value]))("%j is no step key, branch or tag, for the formats, the constructs and the declaration", (value) => {
    expect(FORMATS.stepKey.test(value)).toBe(false);
    expect(FORMATS.refPattern.test(value)).toBe(false);
    expect(() => new PipelineAccess({ ...base, apply: { branches: ["main"], stepKeys: [value] } })).toThrow(ValidationError);
    expect(() => new PipelineAccess({ ...base, plan: { stepKeys: [value] } })).toThrow(ValidationError);
    expect(() => new PipelineAccess({ ...base, apply: { branches: [value] } })).toThrow(ValidationError);
    expect(() => new PipelineAccess({ ...base, apply: { tags: [value] } })).toThrow(ValidationError);
    expect(declaration((d) => (d.pipelines[0].apply.stepKey = value))).toBe(false);
    expect(declaration((d) => (d.pipelines[0].plan = { branches: ["*"], stepKey: value }))).toBe(false);
    expect(declaration((d) => (d.pipelines[0].apply.branches = [value]))).toBe(false);
    expect(declaration((d) => (d.pipelines[0].plan = { branches: [value] }))).toBe(false);
  });
});

describe("the declaration schema and the constructs agree", () => {
  type Declaration = PlatformDeclarationInput & Record<string, any>;
  const PIPELINE = "pipelines[0]";
  const stack = () => new TerraformStack(Testing.app(), "stack");
  /** A state backend created elsewhere, known by these attributes. */
  const location = (overrides: Partial<StateBackendAttributes> = {}) =>
    TerraformStateBackend.fromAttributes(stack(), "state", {
      bucketName: "acme-tfstate",
      region: "eu-west-1",
      kmsKeyArn: KEY_ARN,
      lockMode: "lockfile",
      ...overrides,
    });
  const pipelineProps = () => ({
    name: "Networking",
    repository: "git@github.com:acme/networking.git",
    access: new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking" }),
    state: location(),
  });
  const access = (props: Partial<PipelineAccessProps>) =>
    new PipelineAccess({ accountId: "111111111111", organization: "acme", pipeline: "networking", roleNamePrefix: "bk", ...props });

  /** Where each shared format sits in the declaration, and a construct that checks it. */
  const SHARED: Partial<Record<keyof typeof FORMATS, { path: string; set: (d: Declaration, value: any) => void; construct: (value: any) => unknown }>> = {
    slug: { path: `${PIPELINE}.slug`, set: (d, x) => (d.pipelines[0].slug = x), construct: (x) => access({ pipeline: x }) },
    uuid: { path: "organization.id", set: (d, x) => (d.organization.id = x), construct: (x) => access({ organizationId: x }) },
    accountId: { path: "accounts[0].id", set: (d, x) => (d.accounts[0].id = x), construct: (x) => BuildkiteOidcProvider.arnFor(x) },
    region: { path: "accounts[0].region", set: (d, x) => (d.accounts[0].region = x), construct: (x) => location({ region: x }).backendConfig() },
    stepKey: { path: `${PIPELINE}.apply.stepKey`, set: (d, x) => (d.pipelines[0].apply.stepKey = x), construct: (x) => access({ apply: { stepKeys: [x] } }) },
    refPattern: {
      path: `${PIPELINE}.plan.branches[0]`,
      set: (d, x) => (d.pipelines[0].plan = { branches: [x] }),
      construct: (x) => access({ plan: { branches: [x] } }),
    },
    managedPolicyArn: {
      path: `${PIPELINE}.apply.permissions.managedPolicyArns[0]`,
      set: (d, x) => (d.pipelines[0].apply.permissions = { managedPolicyArns: [x] }),
      construct: (x) => new BuildkitePipelineRole(stack(), "role", { access: access({}), kind: "apply", managedPolicyArns: [x] }),
    },
    sessionDuration: {
      path: `${PIPELINE}.apply.sessionDurationSeconds`,
      set: (d, x) => (d.pipelines[0].apply.sessionDurationSeconds = x),
      construct: (x) => access({ apply: { sessionDurationSeconds: x } }),
    },
    stateBucket: {
      path: "state.bucket",
      set: (d, x) => (d.state.bucket = x),
      construct: (x) =>
        new TerraformStateBackend(stack(), "state", {
          bucketName: x,
          region: "eu-west-1",
          accountId: "111111111111",
          lockMode: "lockfile",
          administratorArns: [],
        }),
    },
    lockTableName: {
      path: "state.lockTable",
      set: (d, x) => (d.state.lockTable = x),
      construct: (x) =>
        new TerraformStateBackend(stack(), "state", {
          bucketName: "acme-tfstate",
          region: "eu-west-1",
          accountId: "111111111111",
          lockTableName: x,
          administratorArns: [],
        }),
    },
    principalArn: {
      path: "state.administrators[0]",
      set: (d, x) => (d.state.administrators = [x]),
      construct: (x) =>
        new TerraformStateBackend(stack(), "state", { bucketName: "acme-tfstate", region: "eu-west-1", accountId: "111111111111", administratorArns: [x] }),
    },
    kmsKeyArn: { path: "state.kmsKeyArn", set: (d, x) => (d.state.kmsKeyArn = x), construct: (x) => location({ kmsKeyArn: x }).backendConfig() },
    stateKeyPrefix: {
      path: "state.keyPrefix",
      set: (d, x) => (d.state.keyPrefix = x),
      construct: (x) => pipelineStatePrefix({ prefix: x, pipelineSlug: "networking" }),
    },
    workingDirectory: {
      path: `${PIPELINE}.workingDirectory`,
      set: (d, x) => (d.pipelines[0].workingDirectory = x),
      construct: (x) => new BuildkiteTerraformPipeline(stack(), "pipeline", { ...pipelineProps(), workingDirectory: x }),
    },
    cronline: {
      path: `${PIPELINE}.driftSchedule`,
      set: (d, x) => (d.pipelines[0].driftSchedule = x),
      construct: (x) => new BuildkiteTerraformPipeline(stack(), "pipeline", { ...pipelineProps(), driftDetection: { cronline: x } }),
    },
    resourceTypePattern: {
      path: `${PIPELINE}.approval.riskyTypes[0]`,
      set: (d, x) => (d.pipelines[0].approval = { riskyTypes: [x] }),
      construct: (x) => new BuildkiteTerraformPipeline(stack(), "pipeline", { ...pipelineProps(), approval: { riskyResourceTypes: [x] } }),
    },
    queueKey: {
      path: "cluster.queues[0].key",
      set: (d, x) => (d.cluster.queues[0].key = x),
      construct: (x) => new BuildkiteCluster(stack(), "cluster", { name: "Terraform", queues: [{ key: x }], defaultQueue: x }),
    },
  };

  /** Whether the schema accepts the value at its field (other issues are not this format's). */
  const schemaAccepts = (path: string, set: (d: Declaration, value: unknown) => void, value: unknown): boolean => {
    const d = structuredClone(EXAMPLE_PLATFORM) as Declaration;
    set(d, value);
    const parsed = v.safeParse(declarationSchema, d);
    return parsed.success || !parsed.issues.some((issue) => formatPath((issue.path ?? []).map((item) => item.key as PropertyKey)) === path);
  };
  /** Whether the construct accepts the value: it may refuse only with this format's code. */
  const constructAccepts = (format: Format<unknown>, construct: (value: unknown) => unknown, value: unknown): boolean => {
    try {
      construct(value);
      return true;
    } catch (error) {
      if (ValidationError.isValidationError(error) && error.code === format.code) return false;
      throw error;
    }
  };

  const rows = (Object.entries(SHARED) as [keyof typeof FORMATS, NonNullable<(typeof SHARED)[keyof typeof FORMATS]>][]).flatMap(([name, where]) => [
    ...CASES[name].accepts.map((value) => [name, value, true, where] as const),
    ...CASES[name].refuses.map((value) => [name, value, false, where] as const),
  ]);

  it.each(rows)("%s %j: both accept it = %s", (name, value, accepted, where) => {
    expect({
      schema: schemaAccepts(where.path, where.set, value),
      construct: constructAccepts(FORMATS[name] as Format<unknown>, where.construct, value),
    }).toEqual({
      schema: accepted,
      construct: accepted,
    });
  });
});
