/**
 * How a job gets AWS credentials for a role: it mints a Buildkite OIDC token
 * exactly as the role's trust policy expects (audience, claims, session tags,
 * all taken from the role's {@link RoleAccess}) and exchanges it with
 * `sts:AssumeRoleWithWebIdentity`.
 *
 * Two equivalent ways, chosen per role:
 * - the `aws-assume-role-with-web-identity` plugin, when it can request that
 *   token. As of v1.6.0 (lib/plugin.bash) it always runs
 *   `buildkite-agent oidc request-token --audience sts.amazonaws.com` and can
 *   add `--aws-session-tag` and `--lifetime`, but has no option for `--claim`
 *   nor for another audience;
 * - otherwise the same two commands written out in the step's script
 *   (`buildkite-agent oidc request-token ... --claim ...` then
 *   `aws sts assume-role-with-web-identity`), for example when the trust
 *   policy pins the organization or pipeline UUID, which are optional claims.
 */
import { ValidationError } from "../private/validation";
import { RoleAccess } from "../trust/role-access";
import { PluginUse } from "./pipeline-steps";
import { shellQuote } from "../private/shell";

/**
 * The assume-role plugin, pinned to an exact release. v1.8.1 is the current one (Buildkite's plugin
 * directory), but the releases after v1.6.0 could not be read (no changelog; the repository snapshot
 * ends at v1.6.0, and the open chain-role pull request #51 shows new options are coming). The pin moves
 * only once `session-tags` (claims to `--aws-session-tag`) and the lifetime rule (`oidc-token-lifetime`
 * else `role-session-duration` capped at 7200) are confirmed unchanged in lib/plugin.bash of the new tag.
 */
export const ASSUME_ROLE_PLUGIN = "aws-assume-role-with-web-identity#v1.6.0";

/** The only audience the plugin requests. */
export const PLUGIN_AUDIENCE = "sts.amazonaws.com";

/** Token lifetime the agent uses when none is requested; the plugin must be told, or it uses the session duration. */
export const AGENT_DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

/** How a step obtains its credentials: `auto` uses the plugin when it can request the token the role expects. */
export type CredentialMethod = "auto" | "plugin" | "script";

/** What a step needs to assume a role. */
export interface StepCredentials {
  /** Plugins to add to the step (the assume-role plugin, or none). */
  readonly plugins: readonly PluginUse[];
  /** POSIX shell lines to run before the step's own commands (none when the plugin does the work). */
  readonly scriptLines: readonly string[];
  /** The method chosen. */
  readonly method: "plugin" | "script";
}

/** Whether the plugin can mint the token this role's trust policy expects. */
export function pluginCanRequest(access: RoleAccess): boolean {
  return access.tokenRequest.audience === PLUGIN_AUDIENCE && access.tokenRequest.claims.length === 0;
}

/** The credentials of a step that assumes `access`'s role in `region`. */
export function stepCredentials(access: RoleAccess, region: string, method: CredentialMethod = "auto"): StepCredentials {
  const chosen = method === "auto" ? (pluginCanRequest(access) ? "plugin" : "script") : method;
  if (chosen === "plugin" && !pluginCanRequest(access)) {
    throw new ValidationError({
      code: "conflict",
      field: "credentials",
      value: method,
      problem:
        `cannot give role ${access.roleName} its token: the ${ASSUME_ROLE_PLUGIN} plugin cannot request this token ` +
        `(audience "${access.tokenRequest.audience}", claims [${access.tokenRequest.claims.join(", ")}]); ` +
        `it only requests audience "${PLUGIN_AUDIENCE}" without --claim`,
      fix: 'use credentials "auto" or "script"',
    });
  }
  if (chosen === "plugin") return { method: "plugin", plugins: [assumeRolePlugin(access, region)], scriptLines: [] };
  return { method: "script", plugins: [], scriptLines: assumeRoleScript(access, region) };
}

function assumeRolePlugin(access: RoleAccess, region: string): PluginUse {
  const request = access.tokenRequest;
  return {
    name: ASSUME_ROLE_PLUGIN,
    config: {
      "role-arn": access.roleArn,
      // role-session-name keeps the plugin's default, buildkite-job-<job id>, so CloudTrail names the job.
      "role-session-duration": access.sessionDurationSeconds,
      "oidc-token-lifetime": request.lifetimeSeconds ?? AGENT_DEFAULT_TOKEN_LIFETIME_SECONDS,
      ...(request.sessionTags.length > 0 ? { "session-tags": [...request.sessionTags] } : {}),
      region,
    },
  };
}

function assumeRoleScript(access: RoleAccess, region: string): string[] {
  const request = access.tokenRequest;
  const tokenArgs = [
    "buildkite-agent oidc request-token",
    `--audience ${shellQuote(request.audience)}`,
    ...(request.claims.length > 0 ? [`--claim ${shellQuote(request.claims.join(","))}`] : []),
    ...(request.sessionTags.length > 0 ? [`--aws-session-tag ${shellQuote(request.sessionTags.join(","))}`] : []),
    ...(request.lifetimeSeconds !== undefined ? [`--lifetime ${request.lifetimeSeconds}`] : []),
  ];
  return [
    `echo "--- :aws: Assuming ${access.roleName}"`,
    `oidc_token="$(${tokenArgs.join(" ")})"`,
    'credentials="$(aws sts assume-role-with-web-identity' +
      ` --region ${shellQuote(region)}` +
      ` --role-arn ${shellQuote(access.roleArn)}` +
      ' --role-session-name "buildkite-job-${BUILDKITE_JOB_ID}"' +
      ` --duration-seconds ${access.sessionDurationSeconds}` +
      ' --web-identity-token "${oidc_token}"' +
      " --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)\"",
    "unset oidc_token",
    // Word splitting on purpose: the three credential fields are tab-separated.
    "set -- ${credentials}",
    'if [ "$#" -ne 3 ]; then echo "assume-role-with-web-identity returned no credentials" >&2; exit 1; fi',
    'export AWS_ACCESS_KEY_ID="$1" AWS_SECRET_ACCESS_KEY="$2" AWS_SESSION_TOKEN="$3"',
    "unset credentials",
    "set --",
    `export AWS_REGION=${shellQuote(region)} AWS_DEFAULT_REGION=${shellQuote(region)}`,
  ];
}
