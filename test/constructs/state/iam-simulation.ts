/**
 * Evaluates requests against policies with @cloud-copilot/iam-simulate (test-only), so the
 * state policies are checked by an IAM evaluator rather than by reading their JSON.
 */
import { createValidatedPolicy, validateResourcePolicy } from "@cloud-copilot/iam-policy";
import { runSimulation, runUnsafeSimulation, Simulation } from "@cloud-copilot/iam-simulate";
import { PolicyDocument, PolicyStatement, policyDocument } from "../../../constructs/policy/policy-document";

export const ACCOUNT = "111111111111";
export const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/pipeline-networking-plan`;

export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export interface SimulatedRequest {
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string | string[]>;
  readonly principal?: string;
  /** The account that owns the resource: another than the principal's makes the request cross-account. @default ACCOUNT */
  readonly resourceAccount?: string;
}

// The validating engine only recognizes slash-separated variable keys (aws:RequestTag/x); it drops
// KMS encryption-context keys such as kms:EncryptionContext:aws:s3:arn, which IAM does evaluate.
const KEYS_THE_VALIDATOR_DROPS = /^kms:EncryptionContext:/i;

/**
 * The decision IAM would take for `request` given the principal's identity statements, an optional
 * resource policy and an optional permissions boundary. The simulator follows IAM's rules on accounts:
 * within one account an Allow of the identity or of the resource policy suffices (a KMS key also needs
 * its key policy to trust the account); across accounts both must allow. A context key the simulator
 * would silently ignore fails the test.
 */
export async function decide(
  identity: PolicyStatement[],
  request: SimulatedRequest,
  resourcePolicy?: PolicyDocument,
  boundary?: PolicyDocument,
): Promise<Decision> {
  const simulation: Simulation = {
    request: {
      principal: request.principal ?? PRINCIPAL,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount ?? ACCOUNT },
      contextVariables: { "aws:SecureTransport": "true", ...request.context },
    },
    identityPolicies: identity.length > 0 ? [{ name: "under-test", policy: policyDocument(identity) }] : [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    // Pre-validated so that both engines carry its name (the unvalidated one cannot name a raw policy).
    resourcePolicy: resourcePolicy && createValidatedPolicy(resourcePolicy, validateResourcePolicy, { name: "resource-policy" }),
    permissionBoundaryPolicies: boundary ? [{ name: "boundary", policy: boundary }] : undefined,
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === "error") {
    throw new Error(`simulation rejected its input: ${JSON.stringify(result.errors)}`);
  }
  if (result.resultType !== "single") throw new Error(`expected one resource, got ${result.resultType}`);
  const ignored = result.result.ignoredContextKeys ?? [];
  if (ignored.length === 0) return result.overallResult;
  const unexpected = ignored.filter((key) => !KEYS_THE_VALIDATOR_DROPS.test(key));
  if (unexpected.length > 0) {
    throw new Error(`context keys do not apply to ${request.action}: ${unexpected.join(", ")}`);
  }
  return runUnsafeSimulation(simulation, {});
}
