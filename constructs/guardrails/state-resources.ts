/**
 * Which blocks are a Terraform state backend's bucket policy and key: the state rules hold those to the
 * administrators-only configuration. `TerraformStateBackend` records its own as construct metadata (never
 * synthesized), so an escape-hatch override of their policies is still checked; a bucket policy that fences
 * pipelines or names state objects counts too, and so does a key that such a policy requires for uploads.
 */
import { IConstruct } from "constructs";
import { PolicyDocument } from "../policy/policy-document";
import { GuardrailContext, SynthesizedBlock } from "./guardrail";
import { parsePolicy } from "../private/iam-documents";

const STATE_RESOURCE_METADATA = "buildkite-terraform-trust:state-resource";

/** What a state backend's resource is to the state rules. */
export type StateResourceKind = "bucket-policy" | "key";

/**
 * Records that a construct is a state backend's bucket policy or KMS key, for the state rules of
 * {@link STATE_BACKEND_PACK}. {@link TerraformStateBackend} does it; call it for a state bucket policy or key
 * written by hand whose policy the rules cannot recognize.
 */
export function recordStateResource(resource: IConstruct, kind: StateResourceKind): void {
  resource.node.addMetadata(STATE_RESOURCE_METADATA, kind);
}

function recordedAs(construct: IConstruct | undefined, kind: StateResourceKind): boolean {
  return construct?.node.metadata.some((entry) => entry.type === STATE_RESOURCE_METADATA && entry.data === kind) ?? false;
}

/** Text only a state bucket's policy holds: the pipeline fence's principal tag variable, or state and lock objects. */
const STATE_MARKERS = /\$\$?\{aws:PrincipalTag\/|\.tfstate"|\.tflock"/;

/** The parsed policy of an `aws_s3_bucket_policy` that is a state bucket's, or undefined for any other block. */
export function stateBucketPolicyOf(block: SynthesizedBlock, context: GuardrailContext): { raw: string; document?: PolicyDocument } | undefined {
  if (block.kind !== "resource" || block.type !== "aws_s3_bucket_policy") return undefined;
  const raw = typeof block.values.policy === "string" ? block.values.policy : "";
  if (!recordedAs(context.constructOf(block), "bucket-policy") && !STATE_MARKERS.test(raw)) return undefined;
  return { raw, document: parsePolicy("bucket policy", raw)?.document };
}

/** Whether an `aws_kms_key` block is a state backend's key: recorded as one, or required by a state bucket policy of its stack. */
export function isStateKey(block: SynthesizedBlock, context: GuardrailContext): boolean {
  if (block.kind !== "resource" || block.type !== "aws_kms_key") return false;
  if (recordedAs(context.constructOf(block), "key")) return true;
  const reference = `\${aws_kms_key.${block.name}.arn}`;
  return context.blocks.some((other) => stateBucketPolicyOf(other, context)?.raw.includes(reference));
}
