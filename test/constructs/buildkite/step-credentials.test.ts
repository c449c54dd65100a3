import { interpolationFreeScript } from "../../../constructs/private/interpolation";
import { ASSUME_ROLE_PLUGIN, pluginCanRequest, stepCredentials } from "../../../constructs/buildkite/step-credentials";
import { RoleAccess } from "../../../constructs/trust/role-access";
import { FAKE_CREDENTIALS, FAKE_OIDC_TOKEN, flagValue, runStep } from "./support/step-runner";

const role = (tokenRequest: Partial<RoleAccess["tokenRequest"]> = {}): RoleAccess => ({
  roleName: "bk-x-apply",
  roleArn: "arn:aws:iam::111111111111:role/buildkite/acme/bk-x-apply",
  tokenRequest: { audience: "sts.amazonaws.com", claims: [], sessionTags: [], ...tokenRequest },
  sessionDurationSeconds: 7200,
  stepKeys: ["apply"],
  branches: ["main"],
  canWrite: true,
  trustPolicy: { Version: "2012-10-17", Statement: [] },
});

describe("stepCredentials", () => {
  it("uses the plugin when the token needs only the STS audience and session tags", () => {
    const access = role({ sessionTags: ["organization_slug", "pipeline_slug"], lifetimeSeconds: 120 });
    expect(pluginCanRequest(access)).toBe(true);
    const credentials = stepCredentials(access, "eu-west-1");
    expect(credentials.method).toBe("plugin");
    expect(credentials.scriptLines).toEqual([]);
    expect(credentials.plugins).toEqual([
      {
        name: ASSUME_ROLE_PLUGIN,
        config: {
          "role-arn": access.roleArn,
          "role-session-duration": 7200,
          "oidc-token-lifetime": 120,
          "session-tags": ["organization_slug", "pipeline_slug"],
          region: "eu-west-1",
        },
      },
    ]);
  });

  it("pins the plugin to an exact v1 release", () => {
    expect(ASSUME_ROLE_PLUGIN).toMatch(/^aws-assume-role-with-web-identity#v1\.\d+\.\d+$/);
  });

  it("keeps the token short-lived with the plugin, which would otherwise use the session duration as token lifetime", () => {
    expect(stepCredentials(role(), "eu-west-1").plugins[0].config["oidc-token-lifetime"]).toBe(300);
  });

  it.each([
    ["an optional claim", { claims: ["organization_id"] }],
    ["another audience", { audience: "https://buildkite.com/acme" }],
  ])("writes the commands out when the token needs %s, which the plugin cannot request", (_name, request) => {
    const access = role(request);
    expect(pluginCanRequest(access)).toBe(false);
    expect(stepCredentials(access, "eu-west-1").method).toBe("script");
    expect(() => stepCredentials(access, "eu-west-1", "plugin")).toThrow(
      /credentials "plugin" cannot give role bk-x-apply its token: .*cannot request this token.*: use credentials "auto" or "script"\./,
    );
  });

  it("requests exactly the token of the role and exports the credentials it gets", () => {
    const access = role({
      audience: "sts.amazonaws.com",
      claims: ["organization_id", "pipeline_id"],
      sessionTags: ["organization_id", "build_branch"],
      lifetimeSeconds: 90,
    });
    const { scriptLines } = stepCredentials(access, "eu-west-1", "script");
    const run = runStep([interpolationFreeScript([...scriptLines, "terraform version"].join("\n"))], { branch: "main", defaultBranch: "main" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);

    const [token] = run.callsOf("buildkite-agent", "oidc", "request-token");
    expect(flagValue(token.args, "--audience")).toBe("sts.amazonaws.com");
    expect(flagValue(token.args, "--claim")).toBe("organization_id,pipeline_id");
    expect(flagValue(token.args, "--aws-session-tag")).toBe("organization_id,build_branch");
    expect(flagValue(token.args, "--lifetime")).toBe("90");

    const [assume] = run.callsOf("aws", "sts", "assume-role-with-web-identity");
    expect(flagValue(assume.args, "--role-arn")).toBe(access.roleArn);
    expect(flagValue(assume.args, "--web-identity-token")).toBe(FAKE_OIDC_TOKEN);
    expect(flagValue(assume.args, "--duration-seconds")).toBe("7200");
    expect(flagValue(assume.args, "--role-session-name")).toBe("buildkite-job-01890f5e-1111-4222-8333-444455556666");
    expect(flagValue(assume.args, "--region")).toBe("eu-west-1");

    const [terraform] = run.callsOf("terraform", "version");
    expect(terraform.awsAccessKeyId).toBe(FAKE_CREDENTIALS.accessKeyId);
    expect(terraform.awsRegion).toBe("eu-west-1");
  });

  it("omits --claim, --aws-session-tag and --lifetime when the role asks for none", () => {
    const { scriptLines } = stepCredentials(role({ audience: "https://buildkite.com/acme" }), "eu-west-1");
    const run = runStep([interpolationFreeScript(scriptLines.join("\n"))], { branch: "main", defaultBranch: "main" });
    const [token] = run.callsOf("buildkite-agent", "oidc", "request-token");
    expect(token.args).toEqual(["oidc", "request-token", "--audience", "https://buildkite.com/acme"]);
  });
});
