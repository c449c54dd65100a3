/**
 * The Buildkite provider's API token, read at job time from a secret store through the job's own role
 * (never an agent's environment, never the repository): an SSM SecureString parameter or a Secrets
 * Manager secret. The step warns, with a build annotation, when the token was last changed longer ago
 * than its maximum age.
 */
import { PolicyStatement } from "../policy/policy-document";
import { shellQuote } from "../private/shell";
import { checkFormat, FORMATS, ValidationError } from "../private/validation";

/** Where the token lives: an SSM SecureString parameter or a Secrets Manager secret, by ARN. */
export interface BuildkiteApiTokenSource {
  /** ARN of the SSM parameter (`arn:aws:ssm:<region>:<account>:parameter/<name>`) or of the secret. */
  readonly arn: string;
  /** Days after its last change from which the step annotates the build with a warning. @default - no warning */
  readonly maxAgeDays?: number;
}

/** The annotation context of the age warning: a re-run replaces it. */
export const API_TOKEN_AGE_CONTEXT = "buildkite-api-token-age";

const SSM_PARAMETER_ARN = /^arn:(aws[a-z-]*):ssm:([a-z0-9-]+):(\d{12}):parameter(\/[A-Za-z0-9_.\-/]+)$/;
const SECRET_ARN = /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):(\d{12}):secret:[A-Za-z0-9/_+=.@-]+$/;

/** The kind of store, its region and account, from the ARN; refuses anything else. */
function storeOf(source: BuildkiteApiTokenSource): { kind: "ssm" | "secret"; region: string; account: string; name: string } {
  const ssm = SSM_PARAMETER_ARN.exec(source.arn);
  if (ssm && !ssm[4].includes("//")) return { kind: "ssm", region: ssm[2], account: ssm[3], name: ssm[4] };
  const secret = SECRET_ARN.exec(source.arn);
  if (secret) return { kind: "secret", region: secret[2], account: secret[3], name: source.arn };
  throw new ValidationError({
    code: "invalid-value",
    field: "buildkiteApiToken.arn",
    value: source.arn,
    problem: "is neither an SSM parameter ARN nor a Secrets Manager secret ARN",
    fix: "use arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>",
  });
}

/** The ARN of an SSM parameter, from its name (`/buildkite/api-token`). */
export function ssmParameterArn(name: string, region: string, accountId: string, partition = "aws"): string {
  checkFormat(FORMATS.accountId, "accountId", accountId);
  checkFormat(FORMATS.region, "region", region);
  return `arn:${partition}:ssm:${region}:${accountId}:parameter${name}`;
}

/**
 * What reading the token needs: `ssm:GetParameter` on the parameter (decryption by SSM's own key, or by a
 * customer managed key whose policy lets the reader decrypt through SSM), or `secretsmanager:GetSecretValue`.
 */
export function buildkiteApiTokenReadStatements(source: BuildkiteApiTokenSource): PolicyStatement[] {
  const store = storeOf(source);
  return [
    {
      Sid: "ReadBuildkiteApiToken",
      Effect: "Allow",
      Action: store.kind === "ssm" ? "ssm:GetParameter" : "secretsmanager:GetSecretValue",
      Resource: source.arn,
    },
  ];
}

/** Actions that read a secret, on the resources they read it through. */
export interface SecretReads {
  /** IAM actions. */
  readonly actions: string[];
  /** ARNs the actions act on. */
  readonly resources: string[];
}

/**
 * Every read of the token, and of the parameter paths above it, for a permissions boundary's Deny:
 * `GetParameter(s)`, `GetParameterHistory` (which returns past values) and `GetParametersByPath` on each
 * ancestor path; or `GetSecretValue` and `BatchGetSecretValue`.
 */
export function buildkiteApiTokenReads(arn: string): SecretReads[] {
  const store = storeOf({ arn });
  if (store.kind === "secret") return [{ actions: ["secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue"], resources: [arn] }];
  const base = arn.slice(0, arn.length - store.name.length);
  const segments = store.name.split("/").filter((s) => s !== "");
  const ancestors = segments.slice(0, -1).map((_, i) => `${base}/${segments.slice(0, i + 1).join("/")}`);
  return [
    { actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParameterHistory"], resources: [arn] },
    { actions: ["ssm:GetParametersByPath"], resources: [`${base}/`, ...ancestors] },
  ];
}

/**
 * sh lines that export `BUILDKITE_API_TOKEN` (which the Buildkite provider reads) from the store, with the
 * job's credentials, and annotate the build with a warning when the token is older than `maxAgeDays`
 * (from the parameter's `LastModifiedDate`, or the secret version's `CreatedDate`: when it was last changed).
 */
export function buildkiteApiTokenLines(source: BuildkiteApiTokenSource): string[] {
  const store = storeOf(source);
  const maxAge = source.maxAgeDays;
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < 1)) {
    throw new ValidationError({
      code: "out-of-range",
      field: "buildkiteApiToken.maxAgeDays",
      value: maxAge,
      problem: "is not a whole number of days, 1 or more",
      fix: "set a number of days such as 90",
    });
  }
  const where = store.kind === "ssm" ? `SSM parameter ${store.name}` : `secret ${store.name}`;
  const read =
    store.kind === "ssm"
      ? `aws ssm get-parameter --region ${shellQuote(store.region)} --name ${shellQuote(store.name)} --with-decryption --query '[Parameter.Value,Parameter.LastModifiedDate]' --output text`
      : `aws secretsmanager get-secret-value --region ${shellQuote(store.region)} --secret-id ${shellQuote(store.name)} --query '[SecretString,CreatedDate]' --output text`;
  const warning = `The Buildkite API token (${where}) was last changed \${token_age} days ago, more than its maximum age of ${maxAge} days: rotate it (docs/buildkite.md, Rotating the Buildkite API token).`;
  return [
    `echo ${shellQuote(`--- :buildkite: Buildkite API token from the ${where}`)}`,
    `token_read="$(${read})"`,
    // The value and the date, tab-separated.
    "tab=\"$(printf '\\t')\"",
    'BUILDKITE_API_TOKEN="${token_read%%"${tab}"*}"',
    'token_changed="${token_read#*"${tab}"}"',
    "unset token_read",
    'if [ -z "${BUILDKITE_API_TOKEN}" ] || [ "${BUILDKITE_API_TOKEN}" = None ]; then',
    `  printf '%s\\n' ${shellQuote(`The ${where} holds no Buildkite API token.`)} >&2`,
    "  exit 1",
    "fi",
    "export BUILDKITE_API_TOKEN",
    ...(maxAge === undefined
      ? []
      : [
          'if token_changed_at="$(date -u -d "${token_changed}" +%s 2>/dev/null)"; then',
          "  token_age=$(( ($(date -u +%s) - token_changed_at) / 86400 ))",
          `  if [ "\${token_age}" -gt ${maxAge} ]; then`,
          `    buildkite-agent annotate --style warning --context ${API_TOKEN_AGE_CONTEXT} "${warning}"`,
          "  fi",
          "else",
          `  printf '%s\\n' "Could not read when the Buildkite API token was last changed (\${token_changed}); its age is not checked." >&2`,
          "fi",
        ]),
    "unset token_changed",
  ];
}
