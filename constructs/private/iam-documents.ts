/**
 * Reads IAM policy documents out of synthesized blocks, for the rules: JSON
 * strings of resources (`aws_iam_role.assume_role_policy`, `*_policy.policy`)
 * and `aws_iam_policy_document` data sources, turned into the structured
 * {@link PolicyDocument} of this library.
 */
import { asList, PolicyConditions, PolicyDocument, PolicyStatement } from "../policy/policy-document";
import { BUILDKITE_OIDC_HOST } from "../trust/buildkite-oidc";
import { isExpression, SynthesizedBlock, SynthesizedJson } from "../guardrails/guardrail";

/** A policy found in a block: parsed, or left as the raw text Terraform will evaluate. */
export type FoundPolicy =
  | { readonly label: string; readonly document: PolicyDocument; readonly raw: string }
  | { readonly label: string; readonly document?: undefined; readonly raw: string };

/** Parses a synthesized policy argument; a Terraform expression (`${jsonencode(...)}`) stays unparsed. */
export function parsePolicy(label: string, raw: unknown): FoundPolicy | undefined {
  if (typeof raw !== "string") return undefined;
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      // IAM also accepts a single statement object
      const statements = parsed.Statement === undefined ? [] : [parsed.Statement].flat();
      return { label, document: { Version: "2012-10-17", ...parsed, Statement: statements }, raw };
    }
  } catch {
    // not JSON: a Terraform expression evaluated at plan time
  }
  return { label, raw };
}

/** The trust policy of an `aws_iam_role` block. */
export function trustPolicyOf(block: SynthesizedBlock): FoundPolicy | undefined {
  if (block.kind !== "resource" || block.type !== "aws_iam_role") return undefined;
  return parsePolicy("trust policy", block.values.assume_role_policy);
}

const POLICY_RESOURCES = ["aws_iam_role_policy", "aws_iam_policy", "aws_iam_group_policy", "aws_iam_user_policy"];

/** The permission policies a block defines (inline or managed policy documents). */
export function permissionPoliciesOf(block: SynthesizedBlock): FoundPolicy[] {
  if (block.kind === "data" && block.type === "aws_iam_policy_document") {
    return [{ label: "policy document", document: dataPolicyDocument(block.values), raw: "" }];
  }
  if (block.kind !== "resource") return [];
  if (POLICY_RESOURCES.includes(block.type)) {
    const found = parsePolicy("policy", block.values.policy);
    return found ? [found] : [];
  }
  if (block.type === "aws_iam_role") {
    return asArray(block.values.inline_policy)
      .map((inline: SynthesizedJson, i: number) => parsePolicy(`inline policy ${inline?.name ?? i}`, inline?.policy))
      .filter((p): p is FoundPolicy => p !== undefined);
  }
  return [];
}

/** An `aws_iam_policy_document` data source as a policy document. */
export function dataPolicyDocument(values: Record<string, SynthesizedJson>): PolicyDocument {
  const statements: PolicyStatement[] = asArray(values.statement).map((s: SynthesizedJson) => {
    const principal = principalsOf(s.principals);
    const conditions: Record<string, Record<string, string[]>> = {};
    for (const c of asArray(s.condition)) {
      const byKey = (conditions[c.test] ??= {});
      // Several blocks on one key are ANDed by AWS; merging them only makes the checks stricter.
      byKey[c.variable] = [...(byKey[c.variable] ?? []), ...asArray(c.values)];
    }
    return {
      ...(s.sid ? { Sid: s.sid } : {}),
      Effect: s.effect === "Deny" ? "Deny" : "Allow",
      ...(principal ? { Principal: principal } : {}),
      ...(s.actions ? { Action: asArray(s.actions) } : {}),
      ...(s.not_actions ? { NotAction: asArray(s.not_actions) } : {}),
      ...(s.resources ? { Resource: asArray(s.resources) } : {}),
      ...(s.not_resources ? { NotResource: asArray(s.not_resources) } : {}),
      ...(Object.keys(conditions).length ? { Condition: conditions as PolicyConditions } : {}),
    };
  });
  return { Version: "2012-10-17", Statement: statements };
}

function principalsOf(blocks: unknown): Record<string, string[]> | undefined {
  const list = asArray(blocks);
  if (list.length === 0) return undefined;
  const principal: Record<string, string[]> = {};
  for (const p of list) principal[p.type] = [...(principal[p.type] ?? []), ...asArray(p.identifiers)];
  return principal;
}

function asArray(value: unknown): SynthesizedJson[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Values of a condition key under one exact operator. */
export function conditionValues(statement: PolicyStatement, operator: string, key: string): string[] | undefined {
  const block = statement.Condition?.[operator];
  if (!block) return undefined;
  const entry = Object.entries(block).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return entry ? asArray(entry[1]).map(String) : undefined;
}

/** Every (operator, key, values) triple of a statement's conditions. */
export function conditionEntries(statement: PolicyStatement): { operator: string; key: string; values: string[] }[] {
  return Object.entries(statement.Condition ?? {}).flatMap(([operator, block]) =>
    Object.entries(block ?? {}).map(([key, values]) => ({ operator, key, values: asArray(values).map(String) })),
  );
}

/** Whether a Federated principal value names the Buildkite OIDC provider, directly or by reference to one in the stack. */
function namesBuildkiteProvider(value: string, blocks: readonly SynthesizedBlock[]): boolean {
  if (value.endsWith(`:oidc-provider/${BUILDKITE_OIDC_HOST}`)) return true;
  const reference = /^\$\{aws_iam_openid_connect_provider\.([^.]+)\.arn\}$/.exec(value);
  if (!reference) return false;
  const provider = blocks.find((b) => b.kind === "resource" && b.type === "aws_iam_openid_connect_provider" && b.name === reference[1]);
  return typeof provider?.values.url === "string" && provider.values.url.replace(/^https:\/\//, "").replace(/\/$/, "") === BUILDKITE_OIDC_HOST;
}

/** Whether an Allow statement lets Buildkite OIDC tokens in (by principal or by Buildkite condition keys). */
export function trustsBuildkite(statement: PolicyStatement, blocks: readonly SynthesizedBlock[]): boolean {
  if (statement.Effect !== "Allow") return false;
  const principal = statement.Principal;
  const federated = principal && principal !== "*" ? asList(principal.Federated) : [];
  if (federated.some((value) => namesBuildkiteProvider(value, blocks))) return true;
  return conditionEntries(statement).some(({ key }) => key.toLowerCase().startsWith(`${BUILDKITE_OIDC_HOST}:`));
}

/** Whether raw policy text mentions the Buildkite issuer (for documents this module cannot parse). */
export function mentionsBuildkite(raw: string): boolean {
  return raw.includes(BUILDKITE_OIDC_HOST);
}

const POLICY_DOCUMENT_REFERENCE = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/;

/** Whether a policy argument is a reference to an `aws_iam_policy_document` data source of the stack. */
export function referencesPolicyDocument(raw: string): boolean {
  return isExpression(raw) && POLICY_DOCUMENT_REFERENCE.test(raw);
}

/** The document of the `aws_iam_policy_document` data source a policy argument references, when the stack holds it. */
export function referencedPolicyDocument(raw: string, blocks: readonly SynthesizedBlock[]): PolicyDocument | undefined {
  const name = POLICY_DOCUMENT_REFERENCE.exec(raw)?.[1];
  const source = name === undefined ? undefined : blocks.find((b) => b.kind === "data" && b.type === "aws_iam_policy_document" && b.name === name);
  return source ? dataPolicyDocument(source.values) : undefined;
}

/**
 * Whether a block (`aws_iam_role_policy`, an attachment...) names the role block in its `role` or `roles`
 * argument: by the role's literal name, or by a reference to its name or ID.
 */
export function namesRole(block: SynthesizedBlock, role: SynthesizedBlock): boolean {
  const named = [block.values.role, ...asArray(block.values.roles)].filter((r): r is string => typeof r === "string");
  return named.some((ref) => ref === role.values.name || ref === `\${aws_iam_role.${role.name}.name}` || ref === `\${aws_iam_role.${role.name}.id}`);
}

/** A label for a statement in messages: its Sid, or its position. */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.Sid ? `statement "${statement.Sid}"` : `statement ${index + 1}`;
}

/** What a block says about Buildkite trust, for the trust rules. */
export type BuildkiteTrustFinding =
  { readonly verifiable: true; readonly statements: { readonly statement: PolicyStatement; readonly label: string }[] } | { readonly verifiable: false };

/**
 * The statements of a block that let Buildkite tokens in: from a role's trust
 * policy, or from an `aws_iam_policy_document` data source (a role whose trust
 * policy references one is checked through the data source). Undefined when
 * the block holds no Buildkite trust.
 */
export function buildkiteTrustIn(block: SynthesizedBlock, blocks: readonly SynthesizedBlock[]): BuildkiteTrustFinding | undefined {
  let document: PolicyDocument | undefined;
  if (block.kind === "data" && block.type === "aws_iam_policy_document") {
    document = dataPolicyDocument(block.values);
  } else {
    const trust = trustPolicyOf(block);
    if (!trust) return undefined;
    if (!trust.document) {
      if (referencesPolicyDocument(trust.raw) || !mentionsBuildkite(trust.raw)) return undefined;
      return { verifiable: false };
    }
    document = trust.document;
  }
  const statements = document.Statement.map((statement, i) => ({ statement, label: statementLabel(statement, i) })).filter(({ statement }) =>
    trustsBuildkite(statement, blocks),
  );
  return statements.length ? { verifiable: true, statements } : undefined;
}
