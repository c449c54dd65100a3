import { noServiceAccountKeys } from "../../../../constructs/guardrails/rules/no-service-account-keys";
import { SynthesizedBlock } from "../../../../constructs/guardrails/guardrail";
import { check, data, resource } from "./support/blocks";

const provider = (type: string, values: Record<string, unknown>): SynthesizedBlock => ({
  kind: "provider",
  type,
  name: "default",
  path: `provider.${type}`,
  values,
});

describe("guardrail no-service-account-keys", () => {
  it.each([
    resource("google_service_account", { account_id: "bk-networking-plan" }),
    resource("google_service_account_iam_member", { role: "roles/iam.workloadIdentityUser", member: "principalSet://iam.googleapis.com/x" }),
    data("google_service_account_key", { name: "projects/p/serviceAccounts/sa/keys/k" }),
    provider("google", { project: "acme-prod" }),
    provider("google", { credentials: "/tmp/job/gcp-credentials.json" }),
  ])("passes $kind $type", (block) => {
    expect(check(noServiceAccountKeys, block)).toEqual([]);
  });

  it("refuses a service account key resource", () => {
    expect(check(noServiceAccountKeys, resource("google_service_account_key", { service_account_id: "sa" }))).toEqual([
      { message: "google_service_account_key creates a long-lived service account key.", fix: expect.stringContaining("workload identity federation") },
    ]);
  });

  it.each(["google", "google-beta"])("refuses a key inline in the %s provider configuration", (type) => {
    const key = JSON.stringify({ type: "service_account", private_key: "-----BEGIN PRIVATE KEY-----..." });
    expect(check(noServiceAccountKeys, provider(type, { credentials: key }))[0].message).toBe(`the ${type} provider is configured with a service account key.`);
  });
});
