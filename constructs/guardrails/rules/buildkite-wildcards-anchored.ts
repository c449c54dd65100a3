import { PolicyStatement } from "../../policy/policy-document";
import { BUILDKITE_OIDC_HOST, buildkiteConditionKey } from "../../trust/buildkite-oidc";
import { GuardrailRule, GuardrailViolation } from "../guardrail";
import { buildkiteTrustIn, conditionEntries } from "../../private/iam-documents";

const SUB = buildkiteConditionKey("sub");
const SEGMENTS = ["organization", "pipeline", "ref", "commit", "step"];
/** Subject values whose segment may hold a glob: ref, commit and step (token positions 5, 7, 9). */
const GLOB_VALUE_POSITIONS = new Set([5, 7, 9]);
const LAST_POSITION = 9;
/** Claims that identify who is asking; a glob in them admits look-alikes. */
const IDENTITY_CLAIMS = ["aud", "organization_slug", "pipeline_slug", "organization_id", "pipeline_id", "cluster_id", "cluster_name"];

const hasGlob = (text: string): boolean => /[*?]/.test(text);

/**
 * Where a glob in a subject pattern escapes its segment, or undefined when
 * every glob is anchored. IAM's `*` also matches `:`, so a glob is only safe
 * inside the ref, commit or step value followed by the next `:<label>:`, or
 * as a whole trailing `:*` segment, and only because the subject's field count
 * is bounded (buildkite-subject-fields-bounded): otherwise `commit:*` could
 * still swallow a smuggled `<sha>:step:pwn`.
 */
export function unanchoredGlob(pattern: string): string | undefined {
  const tokens = pattern.split(":");
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!hasGlob(token)) continue;
    const last = i === tokens.length - 1;
    if (last && token === "*") return undefined;
    if (i % 2 === 0) return `a wildcard stands in the place of the "${SEGMENTS[i / 2] ?? "extra"}" label ("${token}")`;
    const segment = SEGMENTS[(i - 1) / 2] ?? "extra";
    if (!GLOB_VALUE_POSITIONS.has(i)) {
      if (token === "*") return `the ${segment} value is "*", which admits any ${segment}`;
      return `the ${segment} value "${token}" has a wildcard, which also matches other ${segment}s (e.g. "${token.replace(/[*?].*/, "")}-evil")`;
    }
    if (last && i !== LAST_POSITION) {
      return `the ${segment} glob "${token}" ends the pattern, so it runs on across the following segments`;
    }
  }
  return undefined;
}

function identityGlobs(statement: PolicyStatement): string[] {
  return conditionEntries(statement)
    .filter(({ operator }) => /StringLike/i.test(operator) && !/Not/i.test(operator))
    .filter(({ key }) => {
      const lower = key.toLowerCase();
      return IDENTITY_CLAIMS.some((claim) => lower === `${BUILDKITE_OIDC_HOST}:${claim}` || lower === `aws:requesttag/${claim}`);
    })
    .flatMap(({ key, values }) => values.filter(hasGlob).map((value) => `"${key}" = "${value}"`));
}

/**
 * Wildcards in Buildkite trust conditions must stay inside one segment:
 * `pipeline:deploy:*` is anchored, `pipeline:deploy*` also admits
 * `deploy-evil`. Identity claims (audience, slugs, UUIDs, cluster) must be
 * matched exactly.
 */
export const buildkiteWildcardsAnchored: GuardrailRule = {
  id: "buildkite-wildcards-anchored",
  description: "Wildcards in Buildkite trust conditions stay inside one subject segment; identity claims are matched exactly.",
  fix: 'close every segment with its colon, as in "organization:<org>:pipeline:<pipeline>:ref:refs/heads/release/*:commit:*:step:<key>" (PipelineAccess renders this form).',
  severity: "error",
  exemptible: false,
  check(block, context) {
    const trust = buildkiteTrustIn(block, context.blocks);
    if (!trust?.verifiable) return [];
    const violations: GuardrailViolation[] = [];
    for (const { statement, label } of trust.statements) {
      for (const { operator, key, values } of conditionEntries(statement)) {
        if (key.toLowerCase() !== SUB || !/StringLike/i.test(operator) || /Not/i.test(operator)) continue;
        for (const value of values) {
          const problem = unanchoredGlob(value);
          if (problem) {
            violations.push({
              message: `${label} admits the subject "${value}": ${problem}.`,
            });
          }
        }
      }
      for (const glob of identityGlobs(statement)) {
        violations.push({
          message: `${label} matches an identity claim with a wildcard (${glob}), which admits look-alike organizations, pipelines or clusters.`,
          fix: "match audience, slugs, UUIDs and cluster with StringEquals and literal values.",
        });
      }
    }
    return violations;
  },
};
