/**
 * Test support: a small model of how Google Cloud decides whether a Buildkite
 * token may impersonate a service account through workload identity federation,
 * evaluated over the configuration AS SYNTHESIZED (the Terraform JSON), with the
 * CEL evaluator of @marcbachmann/cel-js for every expression the app writes.
 *
 * Google's rules, as documented for workload identity pools
 * (cloud.google.com/iam/docs/workload-identity-federation, "Attribute mappings",
 * "Attribute conditions", "principal identifiers"), modelled here:
 * 1. STS accepts the token only if `iss` is the provider's `issuer_uri` and `aud`
 *    is one of its `allowed_audiences` (exact match). (Signature and expiry are
 *    Google's to check and not modelled: the tokens here are well-formed.)
 * 2. Every attribute mapping is a CEL expression over `assertion` (the claims);
 *    the federated identity's attributes are the results. An expression that
 *    fails (a missing claim, null where a string goes) fails the exchange: the
 *    model refuses the token (Google does not document partial mappings).
 *    `google.subject` is required and at most 127 bytes, or the exchange fails.
 * 3. The attribute condition is a CEL expression over `assertion` and
 *    `attribute`; the exchange succeeds only if it is `true` (an error refuses).
 * 4. `principalSet://iam.googleapis.com/<pool>/attribute.<name>/<value>` contains
 *    exactly the identities of that pool whose attribute `<name>` equals `<value>`;
 *    `principal://.../subject/<s>` the one whose `google.subject` is `<s>`.
 * 5. An identity may impersonate a service account iff a member of the account's
 *    `roles/iam.workloadIdentityUser` bindings contains it. (IAM Conditions cannot
 *    read federated attributes, so none is modelled; a binding with one is refused.)
 */
import { SynthesizedJson } from "../../../../constructs";
import { resourcesOfType } from "../../../support/synth";

// The library is an ES module; Node's own require loads it (jest's module registry would not). It then runs in Node's
// realm, where objects made in jest's sandbox are not plain `Object`s: the variables cross over through structuredClone,
// which jest takes from Node's realm.
const { createRequire } = (process as any).getBuiltinModule("module");
const celLibrary: { parse(expression: string): (variables: Record<string, unknown>) => unknown } = createRequire(__filename)("@marcbachmann/cel-js");
const parsed = new Map<string, (variables: Record<string, unknown>) => unknown>();
const cel = {
  evaluate(expression: string, variables: Record<string, unknown>): unknown {
    if (!parsed.has(expression)) parsed.set(expression, celLibrary.parse(expression));
    return parsed.get(expression)!(structuredClone(variables));
  },
};

/** Claims of a token, as Buildkite's JWT carries them (null where Buildkite writes null). */
export type Claims = Record<string, string | number | null>;

export const GOOGLE_SUBJECT_MAX_BYTES = 127;

/** A pool provider as synthesized. */
export interface SynthesizedProvider {
  /** `projects/<number>/locations/global/workloadIdentityPools/<pool>`, from the provider's audience. */
  readonly poolName: string;
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly mapping: Record<string, string>;
  readonly condition: string;
}

/** Service account ID -> the members granted roles/iam.workloadIdentityUser on it. */
export type Impersonators = Record<string, string[]>;

/** The pool providers and the impersonation bindings of a synthesized stack. */
export function readFederation(json: SynthesizedJson): { providers: SynthesizedProvider[]; impersonators: Impersonators } {
  const pools = json.resource.google_iam_workload_identity_pool ?? {};
  const providers = resourcesOfType(json, "google_iam_workload_identity_pool_provider").map((p) => {
    const oidc = Array.isArray(p.oidc) ? p.oidc[0] : p.oidc;
    const audiences: string[] = oidc.allowed_audiences;
    const poolAddress = /^\$\{google_iam_workload_identity_pool\.([\w-]+)\.workload_identity_pool_id\}$/.exec(p.workload_identity_pool_id)![1];
    const poolName = /^\/\/iam\.googleapis\.com\/(.+)\/providers\/([^/]+)$/.exec(audiences[0])!;
    if (
      !poolName[1].endsWith(`/workloadIdentityPools/${pools[poolAddress].workload_identity_pool_id}`) ||
      poolName[2] !== p.workload_identity_pool_provider_id
    ) {
      throw new Error(`the provider's audience ${audiences[0]} does not name its own pool and provider`);
    }
    return { poolName: poolName[1], issuer: oidc.issuer_uri, audiences, mapping: p.attribute_mapping, condition: p.attribute_condition };
  });
  const accounts = json.resource.google_service_account ?? {};
  const impersonators: Impersonators = {};
  for (const binding of resourcesOfType(json, "google_service_account_iam_member")) {
    if (binding.role !== "roles/iam.workloadIdentityUser") continue;
    if (binding.condition !== undefined) throw new Error("the model has no IAM Conditions on impersonation bindings");
    const address = /^\$\{google_service_account\.([\w-]+)\.name\}$/.exec(binding.service_account_id)![1];
    (impersonators[accounts[address].account_id] ??= []).push(binding.member);
  }
  return { providers, impersonators };
}

/** The federated identity STS issues for `claims` through `provider`, or undefined when the exchange is refused. */
export function exchange(provider: SynthesizedProvider, claims: Claims): Record<string, string> | undefined {
  if (claims.iss !== provider.issuer || typeof claims.aud !== "string" || !provider.audiences.includes(claims.aud)) return undefined;
  const attributes: Record<string, string> = {};
  try {
    for (const [name, expression] of Object.entries(provider.mapping)) {
      const value = cel.evaluate(expression, { assertion: claims });
      if (typeof value !== "string") return undefined;
      attributes[name] = value;
    }
    const subject = attributes["google.subject"];
    if (subject === undefined || Buffer.byteLength(subject, "utf8") > GOOGLE_SUBJECT_MAX_BYTES) return undefined;
    const custom = Object.fromEntries(
      Object.entries(attributes)
        .filter(([name]) => name.startsWith("attribute."))
        .map(([n, v]) => [n.slice(10), v]),
    );
    if (cel.evaluate(provider.condition, { assertion: claims, attribute: custom }) !== true) return undefined;
  } catch {
    return undefined;
  }
  return attributes;
}

/** Whether `member` contains the federated identity (`attributes`) of the pool `poolName`. */
export function contains(member: string, poolName: string, attributes: Record<string, string>): boolean {
  const prefix = `://iam.googleapis.com/${poolName}/`;
  if (member.startsWith(`principalSet${prefix}attribute.`)) {
    const rest = member.slice(`principalSet${prefix}attribute.`.length);
    const slash = rest.indexOf("/");
    return attributes[`attribute.${rest.slice(0, slash)}`] === rest.slice(slash + 1);
  }
  if (member.startsWith(`principal${prefix}subject/`)) return attributes["google.subject"] === member.slice(`principal${prefix}subject/`.length);
  return false;
}

/** The service accounts the token may impersonate, through any of the providers. */
export function impersonable(federation: ReturnType<typeof readFederation>, claims: Claims): string[] {
  const admitted = new Set<string>();
  for (const provider of federation.providers) {
    const attributes = exchange(provider, claims);
    if (!attributes) continue;
    for (const [account, members] of Object.entries(federation.impersonators)) {
      if (members.some((member) => contains(member, provider.poolName, attributes))) admitted.add(account);
    }
  }
  return [...admitted].sort();
}
