import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { Construct } from "constructs";
import { PolicyDocument, policyDocument, PolicyStatement } from "../policy/policy-document";
import { addBoundaryPolicy } from "../private/boundary-policy";
import { checkFormat, FORMATS } from "../private/validation";
import { BOUNDED_PRINCIPAL_CHANGES, MANAGED_POLICY_CHANGES, pipelineBoundaryArn, ROLE_CHANGES } from "./pipeline-permissions-boundary";

/** How every deploy role's name ends (no pipeline role's does: theirs end in `-plan` and `-apply`). */
export const PLATFORM_DEPLOYER_ROLE_SUFFIX = "-deployer";

/** Name of the deployers' boundary policy, under the platform's IAM path. */
export const PLATFORM_DEPLOYER_BOUNDARY_POLICY_NAME = "bk-platform-deployer-boundary";

/** What the deployers' boundary keeps the platform pipeline's deploy roles away from. */
export interface PlatformDeployerBoundaryProps {
  /** The account holding the deploy roles and both boundaries. */
  readonly accountId: string;
  /** AWS partition. @default "aws" */
  readonly partition?: string;
  /**
   * IAM path of the platform's roles and of both boundaries (`PipelineAccess.rolePath`): the deploy roles are
   * the roles under it whose names end in {@link PLATFORM_DEPLOYER_ROLE_SUFFIX}; no deploy role may change one.
   */
  readonly rolePath: string;
}

/** The ARN of the deployers' boundary of an account. */
export function platformDeployerBoundaryArn(accountId: string, rolePath: string, partition = "aws"): string {
  checkFormat(FORMATS.accountId, "accountId", accountId);
  checkFormat(FORMATS.rolePath, "rolePath", rolePath);
  return `arn:${partition}:iam::${accountId}:policy${rolePath}${PLATFORM_DEPLOYER_BOUNDARY_POLICY_NAME}`;
}

/**
 * The permissions boundary of the platform pipeline's deploy roles (the roles that apply the platform's
 * own stacks). The account's identity deployer must create and change pipeline roles, which the
 * pipelines' boundary denies to every pipeline role; this boundary lets it, but only so that it cannot
 * escalate, whatever its identity policy says:
 *
 * - `DenyDeployerRoleChanges`: any change of a deploy role (its own included): their policies, trust,
 *   tags and boundaries change only by a state administrator's apply;
 * - `DenyPlatformPolicyChanges`: any change of a managed policy under the platform's path, both
 *   boundaries included;
 * - `DenyBoundaryRemoval`: removing the boundary of any role or user;
 * - `DenyPrincipalsWithoutPipelineBoundary`: creating or changing any role or user unless it carries
 *   the pipelines' boundary (`iam:PermissionsBoundary`): every role a deployer makes is capped like a
 *   pipeline role, so it can neither reach the deployers nor loosen its own boundary.
 */
export function platformDeployerBoundaryPolicy(props: PlatformDeployerBoundaryProps): PolicyDocument {
  const partition = props.partition ?? "aws";
  const iam = `arn:${partition}:iam::${props.accountId}`;
  const deny = (Sid: string, Action: string[], Resource: string | string[], Condition?: PolicyStatement["Condition"]): PolicyStatement => ({
    Sid,
    Effect: "Deny",
    Action,
    Resource,
    ...(Condition ? { Condition } : {}),
  });
  return policyDocument([
    { Sid: "AllowWithinBoundary", Effect: "Allow", Action: "*", Resource: "*" },
    deny("DenyDeployerRoleChanges", ROLE_CHANGES, `${iam}:role${checkFormat(FORMATS.rolePath, "rolePath", props.rolePath)}*${PLATFORM_DEPLOYER_ROLE_SUFFIX}`),
    deny("DenyPlatformPolicyChanges", MANAGED_POLICY_CHANGES, `${iam}:policy${props.rolePath}*`),
    deny("DenyBoundaryRemoval", ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"], "*"),
    deny("DenyPrincipalsWithoutPipelineBoundary", BOUNDED_PRINCIPAL_CHANGES, "*", {
      StringNotEquals: { "iam:PermissionsBoundary": pipelineBoundaryArn(props.accountId, props.rolePath, partition) },
    }),
  ]);
}

/** Props of {@link PlatformDeployerBoundary}. */
export interface PlatformDeployerBoundaryConstructProps extends PlatformDeployerBoundaryProps {
  /** Tags of the policy. @default - none */
  readonly tags?: Record<string, string>;
}

/**
 * The managed policy the platform pipeline's deploy roles of an account carry as their permissions
 * boundary ({@link platformDeployerBoundaryPolicy}); created next to the pipelines' boundary.
 */
export class PlatformDeployerBoundary extends Construct {
  /** ARN of the boundary policy, known at synth time. */
  readonly policyArn: string;
  /** The boundary's statements. */
  readonly document: PolicyDocument;
  /** The Terraform resource. */
  readonly resource: IamPolicy;

  constructor(scope: Construct, id: string, props: PlatformDeployerBoundaryConstructProps) {
    super(scope, id);
    this.policyArn = platformDeployerBoundaryArn(props.accountId, props.rolePath, props.partition);
    this.document = platformDeployerBoundaryPolicy(props);
    this.resource = addBoundaryPolicy(this, {
      name: PLATFORM_DEPLOYER_BOUNDARY_POLICY_NAME,
      path: props.rolePath,
      description: "Permissions boundary of the platform pipeline's deploy roles: only pipeline-bounded roles, no change to the deployers or boundaries",
      document: this.document,
      bounded: "the deploy roles",
      tags: props.tags,
    });
  }
}
