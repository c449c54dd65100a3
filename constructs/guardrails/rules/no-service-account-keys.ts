import { GuardrailRule } from "../guardrail";

const FIX =
  "let CI impersonate the service account through Buildkite OIDC and workload identity federation (BuildkiteWorkloadIdentityPool and BuildkiteServiceAccount) instead of holding a key.";

/**
 * The app creates no Google service account keys: a key is a long-lived
 * credential, exactly what workload identity federation replaces, and the
 * google provider is never configured with one inline.
 */
export const noServiceAccountKeys: GuardrailRule = {
  id: "no-service-account-keys",
  description: "No Google service account keys anywhere in the app, and no key in the google provider configuration.",
  fix: FIX,
  severity: "error",
  exemptible: false,
  check(block) {
    if (block.kind === "resource" && block.type === "google_service_account_key") {
      return [{ message: "google_service_account_key creates a long-lived service account key." }];
    }
    const credentials = block.values.credentials;
    if (block.kind === "provider" && block.type.startsWith("google") && typeof credentials === "string" && credentials.includes('"private_key"')) {
      return [{ message: `the ${block.type} provider is configured with a service account key.`, fix: "remove credentials; " + FIX }];
    }
    return [];
  },
};
