import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Guardrails } from "../guardrails/guardrails";
import { grantsAdministrator } from "../guardrails/rules/no-admin-wildcard";
import { PolicyDocument, policyDocument, policySize, PolicyStatement, renderPolicy, renderTerraformPolicy } from "../policy/policy-document";
import { notReadOnlyActions, notReadOnlyPolicyReason, READ_ONLY_MANAGED_POLICIES } from "../policy/read-only";
import { IStateBackend, IStateGrantee, StateAccess, STATE_POLICY_NAME } from "../state/state-backend";
import { PIPELINE_ROLE_KIND_TAG_KEY } from "../state/state-bucket-policy";
import { BuildkiteOidcProvider, IBuildkiteOidcProvider } from "./buildkite-oidc-provider";
import { IPipelinePermissionsBoundary, PipelinePermissionsBoundary } from "./pipeline-permissions-boundary";
import { PlatformDeployerBoundary } from "./platform-deployer-boundary";
import { PipelineAccess, PipelineAwsRoleKind } from "./pipeline-access";
import { RoleAccess } from "./role-access";
import { checkFormat, checkList, FORMATS, ValidationError } from "../private/validation";
import { grantsIamWriteOn, iamWriteActions } from "../policy/iam-writes";

/** What a pipeline role may do in the cloud, besides its state. */
export interface PipelineRolePermissions {
  /** Managed policies to attach. @default - none */
  readonly managedPolicyArns?: readonly string[];
  /** Statements of the role's inline permissions policy. @default - none */
  readonly statements?: readonly PolicyStatement[];
  /**
   * Permissions boundary of the role, by ARN; prefer `permissionsBoundary` on the role, which gives every
   * role of the account the same one.
   * @default - the `permissionsBoundary` of the role, if any
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Why this role needs every action on every resource; without it the
   * `no-admin-wildcard` guardrail refuses such statements and AdministratorAccess.
   * @default - administrator access is refused
   */
  readonly adminAccessReason?: string;
}

/** Props of {@link BuildkitePipelineRole}. */
export interface BuildkitePipelineRoleProps extends PipelineRolePermissions {
  /** The pipeline's access declaration; the role's name, trust and session duration come from it. */
  readonly access: PipelineAccess;
  /** Which of the pipeline's roles to create (`preview` only when the access declares a preview role). */
  readonly kind: PipelineAwsRoleKind;
  /**
   * The account's Buildkite OIDC provider. When it is a {@link BuildkiteOidcProvider}
   * in the same stack the role depends on it; its audiences are checked against the role's.
   * @default - the provider named by the declaration's account, assumed to exist
   */
  readonly provider?: IBuildkiteOidcProvider;
  /**
   * The backend of the pipeline's Terraform states. Plan gets read access (it reads state
   * and takes no lock: plans run with `-lock=false`), apply gets write access, both only under the pipeline's folder
   * `<keyPrefix>/<pipeline>/` (see {@link IStateBackend.grantPipelineState}); preview gets write access to its
   * branch's own workspace only (`preview`).
   * @default - no state access
   */
  readonly state?: IStateBackend;
  /**
   * The account's pipeline permissions boundary ({@link PipelinePermissionsBoundary}). When it is one in the
   * same stack the role depends on it. A role whose statements change IAM needs it (guardrail `iam-writers-bounded`).
   * @default - `permissionsBoundaryArn`, if any
   */
  readonly permissionsBoundary?: IPipelinePermissionsBoundary;
  /** Role description. @default - names the pipeline and the role kind */
  readonly description?: string;
  /** Extra tags of the role. @default - only the Buildkite tags */
  readonly tags?: Record<string, string>;
}

/** The state access of each role: the plan role reads, the apply role writes, the preview role writes its branch's workspace only. */
const STATE_ACCESS: Record<PipelineAwsRoleKind, StateAccess> = { plan: "read", apply: "write", preview: "preview" };

/** IAM's limit on the summed size of a role's inline policies, whitespace not counted. */
export const INLINE_POLICIES_SIZE_LIMIT = 10240;

/**
 * One IAM role of a Buildkite pipeline (plan or apply), trusting only the
 * pipeline's OIDC tokens as its {@link PipelineAccess} declares them, with its
 * state access limited to the pipeline's keys. The role's name, ARN and trust
 * policy are those of `access.role(kind)`, so the job side can be generated
 * from the same declaration without referencing this stack.
 */
export class BuildkitePipelineRole extends Construct implements IStateGrantee {
  /** The access the job side uses. */
  readonly access: RoleAccess;
  /** IAM role name (literal). */
  readonly roleName: string;
  /** IAM role ARN (literal, usable from other stacks). */
  readonly roleArn: string;
  /** The role's trust policy. */
  readonly trustPolicy: PolicyDocument;
  /** The inline permissions policy, when statements were given. */
  readonly permissionsPolicy?: PolicyDocument;
  /** The Terraform role resource. */
  readonly role: IamRole;
  private readonly kind: PipelineAwsRoleKind;
  /** The role's inline policies by IAM name. */
  private readonly inlinePolicies = new Map<string, PolicyDocument>();
  /** One reference token for all attachments: each `role.name` read creates a token (and captures a stack trace). */
  private readonly roleReference: string;
  /** The role's policies and attachments with their import IDs, for {@link importExisting}. */
  private readonly importable: { readonly resource: TerraformResource; readonly id: string }[] = [];
  private importing = false;

  constructor(scope: Construct, id: string, props: BuildkitePipelineRoleProps) {
    super(scope, id);
    const { access: declaration, kind } = props;
    this.kind = kind;
    this.access = declaration.role(kind);
    this.roleName = this.access.roleName;
    this.roleArn = this.access.roleArn;
    this.trustPolicy = this.access.trustPolicy;

    checkProvider(props.provider, declaration, this.access);
    const managed = checkList("managedPolicyArns", props.managedPolicyArns ?? []).map((arn, i) => checkManagedPolicy(kind, i, arn));
    const statements = (props.statements ?? []).map((s, i) => checkStatement(kind, i, s, this.roleArn));
    const boundaryArn = checkBoundary(props);
    this.permissionsPolicy = statements.length ? policyDocument(statements) : undefined;

    const reservedTags = Object.keys(props.tags ?? {}).filter((key) => key.startsWith("buildkite:"));
    if (reservedTags.length > 0) {
      throw new Error(
        `${this.node.path}: tags ${reservedTags.join(", ")} are reserved: the buildkite:* tags name the role's pipeline, ` +
          "and the state bucket's fence trusts them; remove them from tags.",
      );
    }
    const inThisStack = <T extends Construct>(c: unknown, type: abstract new (...args: never[]) => T): T | undefined =>
      c instanceof type && TerraformStack.of(c) === TerraformStack.of(this) ? c : undefined;
    const provider = inThisStack(props.provider, BuildkiteOidcProvider);
    const boundary = inThisStack(props.permissionsBoundary, PipelinePermissionsBoundary) ?? inThisStack(props.permissionsBoundary, PlatformDeployerBoundary);
    this.role = new IamRole(this, "Role", {
      name: this.roleName,
      path: declaration.rolePath,
      description: props.description ?? `Buildkite pipeline ${declaration.organization}/${declaration.pipeline}: ${kind} (Terraform ${kind})`,
      assumeRolePolicy: renderPolicy(this.trustPolicy),
      maxSessionDuration: this.access.sessionDurationSeconds,
      permissionsBoundary: boundaryArn,
      tags: {
        "buildkite:organization": declaration.organization,
        "buildkite:pipeline": declaration.pipeline,
        [PIPELINE_ROLE_KIND_TAG_KEY]: kind,
        ...props.tags,
      },
      dependsOn: provider || boundary ? [...(provider ? [provider.resource] : []), ...(boundary ? [boundary.resource] : [])] : undefined,
    });
    this.roleReference = this.role.name;
    this.addImportable(this.role, this.roleName);
    props.state?.grantPipelineState(this, { pipeline: declaration.pipeline, access: STATE_ACCESS[kind] });
    if (this.permissionsPolicy) this.addInlinePolicy("PermissionsPolicy", "permissions", this.permissionsPolicy);
    for (const arn of managed) {
      const attachment = new IamRolePolicyAttachment(this, `Managed-${arn.replace(/^.*:policy\//, "").replace(/[^A-Za-z0-9]+/g, "-")}`, {
        role: this.roleReference,
        policyArn: arn,
      });
      this.addImportable(attachment, `${this.roleName}/${arn}`);
    }
    if (props.adminAccessReason !== undefined) Guardrails.exempt(this, "no-admin-wildcard", props.adminAccessReason);
  }

  /** The inline state policy, when the role has state access. */
  get statePolicy(): PolicyDocument | undefined {
    return this.inlinePolicies.get(STATE_POLICY_NAME);
  }

  /**
   * Attaches an inline policy to the role. Refuses one that would take the role's inline policies
   * over IAM's {@link INLINE_POLICIES_SIZE_LIMIT}, which IAM would only refuse at apply.
   */
  addInlinePolicy(id: string, name: string, document: PolicyDocument): void {
    if (this.inlinePolicies.has(name)) {
      throw new Error(
        `${this.node.path}: the ${this.kind} role already has an inline policy "${name}"; grant it once (a role gets its state access from one grant).`,
      );
    }
    const inlineSize = [...this.inlinePolicies.values(), document].reduce((sum, doc) => sum + policySize(doc), 0);
    if (inlineSize > INLINE_POLICIES_SIZE_LIMIT) {
      throw new Error(
        `the inline policies of the ${this.kind} role have ${inlineSize} characters, over IAM's ${INLINE_POLICIES_SIZE_LIMIT}: ` +
          "move statements into a customer managed policy and pass its ARN in managedPolicyArns.",
      );
    }
    this.inlinePolicies.set(name, document);
    // The preview role's state policy names its branch with an IAM policy variable, which Terraform must not read.
    const policy = new IamRolePolicy(this, id, { role: this.roleReference, name, policy: renderTerraformPolicy(document) });
    this.addImportable(policy, `${this.roleName}:${name}`);
  }

  /**
   * Adopts a role that already exists under this name: `import` blocks for the role, its inline
   * policies and its managed policy attachments (those added later too), so that the next apply takes
   * them over and brings them to this declaration instead of failing to create them. Also how a
   * role moves between stacks: the old stack forgets it (a `removed` block), this one imports it.
   */
  importExisting(): void {
    this.importing = true;
    this.importable.forEach(({ resource, id }) => resource.importFrom(id));
  }

  private addImportable(resource: TerraformResource, id: string): void {
    this.importable.push({ resource, id });
    if (this.importing) resource.importFrom(id);
  }
}

function checkProvider(provider: IBuildkiteOidcProvider | undefined, declaration: PipelineAccess, access: RoleAccess): void {
  if (!provider) return;
  if (provider.providerArn !== declaration.providerArn) {
    throw new Error(
      `provider ${provider.providerArn} is not the Buildkite OIDC provider of account ${declaration.accountId} (${declaration.providerArn}): ` +
        "pass the provider of the account the roles are declared in.",
    );
  }
  const audience = access.tokenRequest.audience;
  if (provider.audiences && !provider.audiences.includes(audience)) {
    throw new Error(
      `the OIDC provider accepts the audiences ${provider.audiences.join(", ")} but the role expects "${audience}": add it to the provider's audiences.`,
    );
  }
}

/** What the plan role may hold instead, for the fix of a refusal. */
const READ_ONLY_FIX = `or give plan ${Object.keys(READ_ONLY_MANAGED_POLICIES).join(", ")} or statements of read actions`;

function checkManagedPolicy(kind: PipelineAwsRoleKind, index: number, arn: string): string {
  checkFormat(FORMATS.managedPolicyArn, `managedPolicyArns[${index}]`, arn);
  const reason = kind === "plan" ? notReadOnlyPolicyReason(arn) : undefined;
  if (reason !== undefined) {
    throw new ValidationError({
      code: "not-read-only",
      field: `managedPolicyArns[${index}]`,
      value: arn,
      problem: `${reason}, and the plan role only reads (it runs the code of any branch it admits)`,
      fix: `attach it to the apply role, ${READ_ONLY_FIX}`,
    });
  }
  return arn;
}

/** The boundary's ARN, given once: by `permissionsBoundary`, or by `permissionsBoundaryArn`, or by both alike. */
function checkBoundary(props: BuildkitePipelineRoleProps): string | undefined {
  const byArn = props.permissionsBoundaryArn;
  if (byArn !== undefined) checkFormat(FORMATS.managedPolicyArn, "permissionsBoundaryArn", byArn);
  const bound = props.permissionsBoundary?.policyArn;
  if (byArn !== undefined && bound !== undefined && byArn !== bound) {
    throw new ValidationError({
      code: "conflict",
      field: "permissionsBoundaryArn",
      value: byArn,
      problem: `differs from the permissionsBoundary ${bound}`,
      fix: "give the role one boundary: remove permissionsBoundaryArn",
    });
  }
  return byArn ?? bound;
}

function checkStatement(kind: PipelineAwsRoleKind, index: number, statement: PolicyStatement, roleArn: string): PolicyStatement {
  const field = `statements[${index}]`;
  if (statement.Principal !== undefined) throw new Error(`${field} has a Principal: a role's permissions statements name no principal; remove it.`);
  if (statement.Action === undefined && statement.NotAction === undefined) throw new Error(`${field} names no Action: add the actions it allows or denies.`);
  if (statement.Resource === undefined && statement.NotResource === undefined) throw new Error(`${field} names no Resource: add the resources, or "*".`);
  const refused = kind === "plan" ? notReadOnlyActions(statement) : [];
  if (refused.length > 0) {
    throw new ValidationError({
      code: "not-read-only",
      field,
      problem: `allows ${refused.map(({ action, reason }) => `${action}, which ${reason}`).join("; ")}, but the plan role only reads (it runs the code of any branch it admits)`,
      fix: `move ${refused.length === 1 ? "it" : "them"} to the apply role, ${READ_ONLY_FIX}`,
    });
  }
  // Administrator access (any action, or iam:*, on *) is the no-admin-wildcard guardrail's, which wants a reason.
  if (!grantsAdministrator(statement) && grantsIamWriteOn(statement, roleArn)) {
    throw new ValidationError({
      code: "too-broad",
      field,
      problem: `allows ${iamWriteActions(statement).join(", ")} on resources that include this role itself (${roleArn}), so it could give itself any permission`,
      fix: "narrow the resources to the roles and policies the pipeline manages, outside the platform's role path",
    });
  }
  return statement;
}
