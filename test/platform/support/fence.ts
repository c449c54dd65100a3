/**
 * The state fence of a synthesized platform as IAM sees it: every pipeline role with its identity policies
 * (inline and managed) and its permissions boundary, and the resource policies of the state backend (bucket
 * policy, key policy, lock table policy) with Terraform's references and escapes resolved to the values AWS
 * holds. `FenceEvaluation` asks the IAM simulator what a role may do with a state, a lock or the
 * backend's configuration.
 */
import { Testing } from "cdktf";
import { PolicyDocument, PolicyStatement } from "../../../constructs/policy/policy-document";
import { buildPlatform } from "../../../platform/build-platform";
import { PlatformDeclaration } from "../../../platform/declaration";
import { platformStackPlan, platformStateKey } from "../../../platform/stack-plan";
import { decide, Decision, SimulatedRequest } from "../../constructs/state/iam-simulation";
import { managedPolicyExcerpt } from "../../support/managed-policies";
import { resource, resourcesOfType, synthJson } from "../../support/synth";

/** A pipeline role as IAM holds it. */
export interface FencedRole {
  readonly arn: string;
  readonly accountId: string;
  readonly pipeline: string;
  readonly kind: "plan" | "apply";
  readonly tags: Readonly<Record<string, string>>;
  /** Its inline policies and its managed policies' statements. */
  readonly identity: readonly PolicyStatement[];
  /** Its permissions boundary, when it has one. */
  readonly boundary?: PolicyDocument;
}

/** The state backend's resource policies and names, as deployed. */
export interface StateResources {
  readonly accountId: string;
  readonly bucketArn: string;
  readonly bucketName: string;
  readonly keyArn: string;
  readonly region: string;
  readonly bucketPolicy: PolicyDocument;
  readonly keyPolicy: PolicyDocument;
  readonly tableArn?: string;
  /** The lock table's resource policy, when it has one (pipeline roles of other accounts). */
  readonly tablePolicy?: PolicyDocument;
}

/** A synthesized policy string with the given Terraform references replaced and `$${` unescaped, as IAM receives it. */
function deployed(policy: string, references: Record<string, string>): PolicyDocument {
  let text = policy;
  for (const [reference, value] of Object.entries(references)) text = text.split(reference).join(value);
  if (/(?<!\$)\$\{(?!aws:)/.test(text)) throw new Error(`unresolved Terraform reference in ${text}`);
  return JSON.parse(text.split("$${").join("${"));
}

/** The platform of a declaration, synthesized, as its fence. */
export function synthesizedFence(d: PlatformDeclaration): { state: StateResources; roles: FencedRole[] } {
  const stacks = buildPlatform(Testing.app(), d, { offline: true });
  const stateJson = synthJson(stacks.stateBackend);
  const account = d.accounts.find((a) => a.name === d.state.account)!;
  const keyArn = d.state.kmsKeyArn!;
  const bucketName = d.state.bucket;
  const tableArn = d.state.lockMode === "lockfile" ? undefined : `arn:aws:dynamodb:${account.region}:${account.id}:table/${d.state.lockTable}`;
  const references: Record<string, string> = {};
  for (const [name] of Object.entries(stateJson.resource.aws_kms_key)) references[`\${aws_kms_key.${name}.arn}`] = keyArn;
  for (const [name] of Object.entries(stateJson.resource.aws_dynamodb_table ?? {})) references[`\${aws_dynamodb_table.${name}.arn}`] = tableArn!;
  const tablePolicies = resourcesOfType(stateJson, "aws_dynamodb_resource_policy");
  const state: StateResources = {
    accountId: account.id,
    bucketArn: `arn:aws:s3:::${bucketName}`,
    bucketName,
    keyArn,
    region: account.region,
    bucketPolicy: deployed(resource(stateJson, "aws_s3_bucket_policy").policy, references),
    keyPolicy: deployed(resource(stateJson, "aws_kms_key").policy, references),
    tableArn,
    tablePolicy: tablePolicies.length > 0 ? deployed(tablePolicies[0].policy, references) : undefined,
  };

  const identityJson = stacks.identity.map((stack) => synthJson(stack));
  /** Every customer managed policy of the identity stacks, by its ARN and by its Terraform reference. */
  const managed = new Map<string, PolicyDocument>();
  stacks.identity.forEach((stack, i) => {
    const accountId = d.accounts.find((a) => stack.node.id.startsWith(`identity-${a.name}`))!.id;
    for (const [name, policy] of Object.entries<any>(identityJson[i].resource.aws_iam_policy ?? {})) {
      const document = JSON.parse(policy.policy);
      managed.set(`arn:aws:iam::${accountId}:policy${policy.path ?? "/"}${policy.name}`, document);
      managed.set(`\${aws_iam_policy.${name}.arn}`, document);
    }
  });
  const policyAt = (arn: string): readonly PolicyStatement[] => managed.get(arn)?.Statement ?? managedPolicyExcerpt(arn);

  const roles = identityJson.flatMap((json) =>
    Object.entries<any>(json.resource.aws_iam_role).map(([name, role]): FencedRole => {
      const reference = `\${aws_iam_role.${name}.name}`;
      const accountId = JSON.parse(role.assume_role_policy).Statement[0].Principal.Federated.split(":")[4];
      const inline = resourcesOfType(json, "aws_iam_role_policy")
        .filter((p) => p.role === reference)
        .flatMap((p) => JSON.parse(p.policy).Statement);
      const attached = resourcesOfType(json, "aws_iam_role_policy_attachment")
        .filter((a) => a.role === reference)
        .flatMap((a) => policyAt(a.policy_arn));
      const boundaryArn: string | undefined = role.permissions_boundary;
      const boundary = boundaryArn === undefined ? undefined : managed.get(boundaryArn);
      if (boundaryArn !== undefined && boundary === undefined)
        throw new Error(`the boundary ${boundaryArn} of ${role.name} is not a policy of the identity stacks`);
      return {
        arn: `arn:aws:iam::${accountId}:role${role.path}${role.name}`,
        accountId,
        pipeline: role.tags["buildkite:pipeline"],
        kind: role.tags["buildkite:role"],
        tags: role.tags,
        identity: [...inline, ...attached],
        boundary,
      };
    }),
  );
  return { state, roles };
}

/** The keys of the platform's own stacks' states (the platform pipeline's workspaces), and of the bootstrap state. */
export function platformStates(d: PlatformDeclaration): { stacks: string[]; bootstrap: string } {
  const stacks = platformStackPlan(d)
    .filter((s) => s.kind !== "state-backend")
    .map((s) => platformStateKey(d, s.id));
  return { stacks, bootstrap: "bootstrap/state-backend/terraform.tfstate" };
}

/** What the simulator decides for one role's requests on the state backend. */
export class FenceEvaluation {
  constructor(
    private readonly state: StateResources,
    private readonly role: FencedRole,
    /** Replaces the role's identity statements (e.g. to add AdministratorAccess). */
    private readonly identity: readonly PolicyStatement[] = role.identity,
  ) {}

  /** The same role with other identity statements. */
  withIdentity(identity: readonly PolicyStatement[]): FenceEvaluation {
    return new FenceEvaluation(this.state, this.role, identity);
  }

  private request(action: string, resource: string, context: Record<string, string | string[]> = {}): SimulatedRequest {
    const tags = Object.fromEntries(Object.entries(this.role.tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value]));
    return {
      principal: this.role.arn,
      action,
      resource,
      resourceAccount: this.state.accountId,
      context: { "aws:PrincipalArn": this.role.arn, ...tags, ...context },
    };
  }

  private decide(request: SimulatedRequest, resourcePolicy?: PolicyDocument): Promise<Decision> {
    return decide([...this.identity], request, resourcePolicy, this.role.boundary);
  }

  /** An S3 request on the bucket (key undefined) or on an object, against the bucket policy. */
  s3(action: string, key?: string): Promise<Decision> {
    const resource = key === undefined ? this.state.bucketArn : `${this.state.bucketArn}/${key}`;
    return this.decide(this.request(action, resource), this.state.bucketPolicy);
  }

  /** A request on the key against the key policy; `throughS3` adds what S3 sends when it calls KMS for the role. */
  kms(action: string, throughS3: boolean): Promise<Decision> {
    const context: Record<string, string> = throughS3
      ? { "kms:ViaService": `s3.${this.state.region}.amazonaws.com`, "kms:EncryptionContext:aws:s3:arn": this.state.bucketArn }
      : {};
    return this.decide(this.request(action, this.state.keyArn, context), this.state.keyPolicy);
  }

  /** Reading (or writing) a state object as Terraform does: the S3 request and the KMS request S3 makes; both must be allowed. */
  async object(access: "read" | "write", key: string): Promise<Decision> {
    const s3 = await this.s3(access === "read" ? "s3:GetObject" : "s3:PutObject", key);
    const kms = await this.kms(access === "read" ? "kms:Decrypt" : "kms:GenerateDataKey", true);
    return s3 === "Allowed" ? kms : s3;
  }

  /** A lock-table item request for a LockID; undefined when the backend has no table. */
  async lockItem(action: string, lockId: string): Promise<Decision | undefined> {
    if (!this.state.tableArn) return undefined;
    return this.decide(this.request(action, this.state.tableArn, { "dynamodb:LeadingKeys": [lockId] }), this.state.tablePolicy);
  }
}
