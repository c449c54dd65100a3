import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { Construct } from "constructs";
import { Guardrails } from "../guardrails/guardrails";
import { PolicyDocument, renderPolicy } from "../policy/policy-document";

/** What a permissions boundary policy is made of. */
export interface BoundaryPolicyProps {
  readonly name: string;
  readonly path: string;
  readonly description: string;
  readonly document: PolicyDocument;
  /** Who carries it, for the exemption's reason ("the pipeline roles", "the deploy roles"). */
  readonly bounded: string;
  readonly tags?: Record<string, string>;
}

/**
 * The managed policy of a permissions boundary, under `scope` as `Resource`. A boundary grants nothing: its
 * Allow of everything only caps the roles at their identity policies, so it is exempt from `no-admin-wildcard`.
 */
export function addBoundaryPolicy(scope: Construct, props: BoundaryPolicyProps): IamPolicy {
  const policy = new IamPolicy(scope, "Resource", {
    name: props.name,
    path: props.path,
    description: props.description,
    policy: renderPolicy(props.document),
    tags: props.tags,
  });
  Guardrails.exempt(
    scope,
    "no-admin-wildcard",
    `a permissions boundary grants nothing: its Allow of everything caps ${props.bounded} at their identity policies, and its denies cap those`,
  );
  return policy;
}
