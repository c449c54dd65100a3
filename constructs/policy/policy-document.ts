/**
 * IAM policies as structured data: every construct builds its policies as
 * these objects, so tests and guardrails inspect data, not strings.
 */

/** A condition block: operator -> condition key -> value(s). */
export type PolicyConditions = Record<string, Record<string, string | string[] | boolean>>;

/** A principal block of a resource or trust policy. */
export type PolicyPrincipal = "*" | { readonly [kind: string]: string | string[] };

/** One statement of an IAM policy document. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: PolicyPrincipal;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: PolicyConditions;
}

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: PolicyStatement[];
}

/** Wraps statements in a policy document. */
export function policyDocument(statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** Serializes a policy document the way IAM stores it (compact JSON). */
export function renderPolicy(document: PolicyDocument): string {
  return JSON.stringify(document);
}

/**
 * The size IAM counts against its policy size quotas: the JSON without
 * whitespace outside strings.
 */
export function policySize(document: PolicyDocument): number {
  return renderPolicy(document).length;
}

/** The values of a string-or-list field, as a list. */
export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
