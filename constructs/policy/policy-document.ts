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
  /** Statement ID, unique within the document. @default - none */
  readonly Sid?: string;
  /** Whether the statement allows or denies. */
  readonly Effect: "Allow" | "Deny";
  /** Who the statement applies to (resource and trust policies only). @default - none (identity policy) */
  readonly Principal?: PolicyPrincipal;
  /** Actions the statement covers; exclusive with `NotAction`. */
  readonly Action?: string | string[];
  /** Actions the statement does not cover; exclusive with `Action`. */
  readonly NotAction?: string | string[];
  /** Resources the statement covers; exclusive with `NotResource`. */
  readonly Resource?: string | string[];
  /** Resources the statement does not cover; exclusive with `Resource`. */
  readonly NotResource?: string | string[];
  /** Conditions that must all hold for the statement to apply. @default - none */
  readonly Condition?: PolicyConditions;
}

/** An IAM policy document. */
export interface PolicyDocument {
  /** Policy language version; always the current one. */
  readonly Version: "2012-10-17";
  /** The statements, evaluated together. */
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
 * Serializes a policy document for a Terraform attribute: {@link renderPolicy} with every IAM policy
 * variable (`${aws:username}`, `${aws:PrincipalTag/team}`, `${*}`, ...) written `$${...}`, so that
 * Terraform hands it to IAM instead of reading it as its own interpolation (cdktf does not escape).
 * References to other resources (cdktf tokens) are left alone.
 */
export function renderTerraformPolicy(document: PolicyDocument): string {
  return renderPolicy(document).replace(/\$\{(?=[A-Za-z0-9-]+:|[*?$]\})/g, () => "$${");
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
