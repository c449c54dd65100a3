/**
 * How a job gets Google Cloud credentials for one of its pipeline's service
 * accounts without a key: it requests a Buildkite OIDC token for the pool
 * provider's audience, with the optional claims the provider's attribute
 * condition reads (both from the account's {@link ServiceAccountAccess}),
 * writes it and the external-account credential configuration
 * ({@link externalAccountCredentials}: the token exchange at Google's STS,
 * then impersonation of the account) into a temporary folder only the job's
 * user can read, and points Terraform's google provider and Google's client
 * libraries (`GOOGLE_APPLICATION_CREDENTIALS`) and gcloud
 * (`CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE`) at the configuration. The
 * exchange happens when a tool first needs an access token.
 *
 * Written out in the step's script rather than through Buildkite's
 * `gcp-workload-identity-federation` plugin: the plugin's hook runs before the
 * script, so the apply step could not decide first that its build applies,
 * and one way for both steps keeps them alike.
 */
import { GcpPipelineAccess, ServiceAccountAccess } from "../gcp/gcp-pipeline-access";
import { externalAccountCredentials } from "../gcp/workload-identity";
import { ValidationError } from "../private/validation";
import { PipelineRoleKind } from "../trust/pipeline-access";
import { shellQuote } from "../private/shell";

/** The shell variable holding the job's private credentials folder; the EXIT trap removes it. */
const FOLDER = "gcp_credentials";
/** Names of the files in that folder. */
const TOKEN_FILE = "buildkite-oidc-token";
const CONFIGURATION_FILE = "external-account.json";
/** Stands for the token file's path, known only at run time, in the JSON written at synth time. */
const TOKEN_FILE_MARK = "@TOKEN_FILE@";

/** The step a service account's credentials are for: the pipeline, its key, and the branches it runs on. */
export interface GoogleCredentialStep {
  /** The pipeline slug of the steps. */
  readonly pipeline: string;
  /** The step's key. */
  readonly stepKey: string;
  /** Branches (names or globs, `"*"` for any) on which the step runs with this account. */
  readonly branches: readonly string[];
}

/**
 * The POSIX sh lines that give a step the Google credentials of `gcp`'s `kind` account, or none when the
 * pipeline uses no Google Cloud project. Refuses an account whose impersonation the step's token could
 * not obtain (another pipeline, a step key or branch the account does not admit), since that step would
 * only fail at the token exchange.
 */
export function googleCredentialLines(gcp: GcpPipelineAccess | undefined, kind: PipelineRoleKind, step: GoogleCredentialStep): string[] {
  if (gcp === undefined) return [];
  const account = gcp.serviceAccount(kind);
  checkAdmits(gcp, account, step);
  const configuration = JSON.stringify(externalAccountCredentials(account.tokenRequest.audience, account.email, TOKEN_FILE_MARK));
  const [beforeTokenFile, afterTokenFile] = configuration.split(TOKEN_FILE_MARK);
  const request = account.tokenRequest;
  const tokenArgs = [
    "buildkite-agent oidc request-token",
    `--audience ${shellQuote(request.audience)}`,
    ...(request.claims.length > 0 ? [`--claim ${shellQuote(request.claims.join(","))}`] : []),
    ...(request.lifetimeSeconds !== undefined ? [`--lifetime ${request.lifetimeSeconds}`] : []),
  ];
  return [
    `printf '%s\\n' ${shellQuote(`--- :gcloud: Impersonating ${account.email}`)}`,
    `${FOLDER}="$(mktemp -d)"`,
    // The token and the configuration leave with the job, however the script ends; a signal ends it through EXIT.
    `trap 'rm -rf "\${${FOLDER}}"' EXIT`,
    "trap 'exit 129' HUP",
    "trap 'exit 130' INT",
    "trap 'exit 143' TERM",
    // The path goes into JSON as it is: refuse the characters JSON would need escaped.
    `case "\${${FOLDER}}" in`,
    `  *[\\"\\\\]* | *[![:print:]]*) echo "Refusing the temporary folder \${${FOLDER}}: its path cannot be written into JSON as it is." >&2; exit 1 ;;`,
    "esac",
    // The token goes to the file only, never to the log.
    `${tokenArgs.join(" ")} > "\${${FOLDER}}/${TOKEN_FILE}"`,
    `printf '%s%s%s\\n' ${shellQuote(beforeTokenFile)} "\${${FOLDER}}/${TOKEN_FILE}" ${shellQuote(afterTokenFile)} > "\${${FOLDER}}/${CONFIGURATION_FILE}"`,
    `export GOOGLE_APPLICATION_CREDENTIALS="\${${FOLDER}}/${CONFIGURATION_FILE}"`,
    'export CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE="${GOOGLE_APPLICATION_CREDENTIALS}"',
  ];
}

function checkAdmits(gcp: GcpPipelineAccess, account: ServiceAccountAccess, step: GoogleCredentialStep): void {
  const refuse = (value: unknown, problem: string, fix: string): never => {
    throw new ValidationError({ code: "conflict", field: `gcp.${account.kind}`, value, problem, fix });
  };
  if (gcp.pipeline !== step.pipeline) {
    refuse(
      gcp.pipeline,
      `is the access of pipeline "${gcp.pipeline}", so the steps of "${step.pipeline}" could not impersonate its accounts`,
      `declare the Google access of "${step.pipeline}"`,
    );
  }
  if (account.stepKeys.length > 0 && !account.stepKeys.includes(step.stepKey)) {
    refuse(
      account.stepKeys,
      `are the step keys ${account.email} admits, and the ${account.kind} step's key is "${step.stepKey}"`,
      `admit "${step.stepKey}" in the account's stepKeys or change the step's key`,
    );
  }
  // A principalSet matches a branch exactly: every branch the step runs on must be listed, or the account admit any.
  const missing = account.branches.includes("*") ? [] : step.branches.filter((branch) => !account.branches.includes(branch));
  if (missing.length > 0) {
    refuse(
      account.branches,
      `are the branches ${account.email} admits, and the ${account.kind} step also runs on [${missing.join(", ")}]`,
      "admit the same branches in the Google access as in the AWS role of the step",
    );
  }
}
