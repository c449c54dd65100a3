import { Token } from "cdktf";
import { PolicyConditions, PolicyDocument, policyDocument, PolicyStatement } from "../policy/policy-document";
import { FORMATS } from "../private/validation";
import { checkPipelineAccounts, PipelineAccount, pipelineAccountGrant } from "./pipeline-accounts";
import { STATE_BUCKET_CONFIGURATION_ACTIONS, StateAdministrators, unlessAdministrator } from "./state-administrators";
import { LOCK_FILE_SUFFIX, previewStateKey } from "./state-access-policy";

/** The principal tag naming a role's pipeline: `BuildkitePipelineRole` tags its roles with it. */
export const PIPELINE_PRINCIPAL_TAG_KEY = "buildkite:pipeline";
/** The principal tag naming a pipeline role's kind (`plan`, `apply`, `preview`): `BuildkitePipelineRole` tags its roles with it. */
export const PIPELINE_ROLE_KIND_TAG_KEY = "buildkite:role";

/** How the pipeline state fence of a `TerraformStateBackend` works, besides the folder it guards (the backend's `keyPrefix`). */
export interface PipelineStateFenceOptions {
  /**
   * Principal tag whose value is the pipeline slug.
   * @default "buildkite:pipeline" ({@link PIPELINE_PRINCIPAL_TAG_KEY})
   */
  readonly principalTagKey?: string;
  /**
   * Tagged roles or users (ARNs with their path, no wildcards) the fence does not hold for, e.g.
   * the roles of the pipeline that applies the platform stacks, whose states are outside `keyPrefix`.
   * @default - none
   */
  readonly exemptPrincipalArns?: string[];
  /**
   * Confine preview roles (tagged `buildkite:role` = `preview`) to their own workspace's state, whatever their IAM
   * policies allow: `DenyPreviewsOtherStates`. Turn it on when a pipeline has preview environments.
   * @default false
   */
  readonly previews?: boolean;
  /**
   * Accounts other than the bucket's whose pipeline roles use these states: the bucket policy allows each
   * account's roles under its role path, tagged with one of its pipelines, their own folder only.
   * @default - none: only the bucket's account holds pipeline roles
   */
  readonly pipelineAccounts?: readonly PipelineAccount[];
}

/**
 * Confines every principal tagged with a pipeline to that pipeline's states: the bucket policy
 * denies it every object request outside `<keyPrefix>/<tag value>/`, whatever its IAM policies
 * allow (e.g. `s3:GetObject` on `*` from `ReadOnlyAccess`). Principals without the tag are not affected.
 */
export interface PipelineStateFence extends PipelineStateFenceOptions {
  /**
   * Folder of all pipeline states, the backend's `keyPrefix` (e.g. `pipelines` for
   * `pipelines/<slug>/<workspace>/terraform.tfstate`); no leading or trailing `/`.
   */
  readonly keyPrefix: string;
}

/** What the bucket policy of a state bucket protects. */
export interface StateBucketPolicyProps {
  /** ARN of the state bucket. */
  readonly bucketArn: string;
  /** ARN of the KMS key every upload must use (a Terraform reference is fine). */
  readonly kmsKeyArn: string;
  /** Who may change the bucket's configuration; everyone else is denied it. */
  readonly administrators: StateAdministrators;
  /**
   * Confine pipeline principals to their own states.
   * @default - no fence
   */
  readonly pipelineStateFence?: PipelineStateFence;
}

/**
 * The bucket policy of a state bucket, as deny statements that hold for every principal,
 * the account's administrators included:
 *
 * - `DenyInsecureTransport`: any request without TLS;
 * - `DenyOutdatedTls`: any request over TLS older than 1.2;
 * - `DenyOtherEncryption`: uploads that ask for another encryption than SSE-KMS (e.g. AES256);
 * - `DenyOtherKmsKeys`: uploads that name another KMS key than the state key;
 * - `DenyCustomerProvidedKeys`: uploads with SSE-C, which would bypass the key's access control;
 * - `DenyConfigurationExceptAdministrators`: every bucket-level write ({@link STATE_BUCKET_CONFIGURATION_ACTIONS}:
 *   the policy itself, ACL, public-access block, encryption, versioning, lifecycle, replication, logging,
 *   object lock, tags, deleting the bucket) to everyone but the administrators and the account's root user,
 *   whatever their IAM policies allow: a role with `s3:*` could otherwise delete this policy and with it the fence.
 *
 * The two encryption statements apply only when the upload carries the header (`Null: false` AND
 * the value differs; a negated operator alone, or with `IfExists`, is true when the header is absent
 * and would deny every header-less request). An upload without encryption headers gets the bucket's
 * default encryption, which is the state key, so nothing is stored unencrypted or under another key.
 * Requiring the headers would also refuse the `UploadPart` requests of multipart uploads (Terraform
 * uploads states over 5 MiB in parts), which S3 authorizes as `s3:PutObject` and which carry no
 * encryption headers.
 *
 * With `pipelineStateFence`, for principals carrying the pipeline tag (unless exempt):
 *
 * - `DenyPipelinesOtherStates`: every S3 action on every object outside
 *   `<keyPrefix>/${aws:PrincipalTag/<tag>}/` (`NotResource`; requests on the bucket itself, such as
 *   listing, stay with IAM). The `/` after the tag value keeps `a` out of `a-evil`'s states.
 * - `DenyPipelineTagsWithSlash`: every object request when the tag value contains `/`, which would
 *   otherwise reach into another pipeline's folder (`b/default` -> `<keyPrefix>/b/default/`).
 * - `DenyPreviewsOtherStates` (with `previews`): every S3 action on every object but its own preview state and
 *   its lock file, `<keyPrefix>/${aws:PrincipalTag/<tag>}/br-${aws:PrincipalTag/build_branch}/terraform.tfstate`
 *   (exact keys), to principals tagged `buildkite:role` = `preview`: a preview role given `s3:*` reaches neither
 *   its pipeline's stable state nor another branch's preview.
 * - `PipelineStatesOfAccount<id>`, one per pipeline account of another account: allows its roles under the
 *   account's role path, tagged with one of its pipelines, to list the bucket and to read, write and delete
 *   objects in their own folder (`<keyPrefix>/${aws:PrincipalTag/<tag>}/`). Across accounts the role's identity
 *   policy must allow the request too, so a plan role still only reads.
 *
 * The policy variable is IAM's, so render the document for Terraform with `renderTerraformPolicy`.
 */
export function stateBucketPolicy(props: StateBucketPolicyProps): PolicyDocument {
  const everything = [props.bucketArn, `${props.bucketArn}/*`];
  const objects = `${props.bucketArn}/*`;
  return policyDocument([
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: everything,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyOutdatedTls",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: everything,
      Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
    },
    {
      Sid: "DenyOtherEncryption",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: objects,
      Condition: {
        Null: { "s3:x-amz-server-side-encryption": "false" },
        StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
      },
    },
    {
      Sid: "DenyOtherKmsKeys",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: objects,
      Condition: {
        Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
        StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": props.kmsKeyArn },
      },
    },
    {
      Sid: "DenyCustomerProvidedKeys",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: objects,
      Condition: { Null: { "s3:x-amz-server-side-encryption-customer-algorithm": "false" } },
    },
    {
      Sid: "DenyConfigurationExceptAdministrators",
      Effect: "Deny",
      Principal: "*",
      Action: [...STATE_BUCKET_CONFIGURATION_ACTIONS],
      Resource: props.bucketArn,
      Condition: unlessAdministrator(props.administrators),
    },
    ...(props.pipelineStateFence ? pipelineFenceStatements(props.bucketArn, props.pipelineStateFence, props.administrators) : []),
  ]);
}

/** The fence's statements; `owner` is the bucket's account (its partition and ID, as the administrators' carry them). */
function pipelineFenceStatements(bucketArn: string, fence: PipelineStateFence, owner: Pick<StateAdministrators, "partition" | "accountId">): PolicyStatement[] {
  const { keyPrefix, tagKey, exempt } = checkFence(fence, owner.accountId);
  const tag = `aws:PrincipalTag/${tagKey}`;
  const exemption: PolicyConditions = exempt.length > 0 ? { ArnNotEquals: { "aws:PrincipalArn": exempt } } : {};
  const ownFolder = `${bucketArn}/${keyPrefix}/\${${tag}}/*`;
  const previewState = `${bucketArn}/${previewStateKey(`${keyPrefix}/\${${tag}}/`)}`;
  return [
    {
      Sid: "DenyPipelinesOtherStates",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      NotResource: [bucketArn, ownFolder],
      Condition: { Null: { [tag]: "false" }, ...exemption },
    },
    {
      Sid: "DenyPipelineTagsWithSlash",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: `${bucketArn}/*`,
      Condition: { StringLike: { [tag]: "*/*" }, ...exemption },
    },
    ...(fence.previews
      ? [
          {
            Sid: "DenyPreviewsOtherStates",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            NotResource: [bucketArn, previewState, `${previewState}${LOCK_FILE_SUFFIX}`],
            Condition: { StringEquals: { [`aws:PrincipalTag/${PIPELINE_ROLE_KIND_TAG_KEY}`]: "preview" }, ...exemption },
          } satisfies PolicyStatement,
        ]
      : []),
    ...(fence.pipelineAccounts ?? []).map((account): PolicyStatement => ({
      Sid: `PipelineStatesOfAccount${account.accountId}`,
      Effect: "Allow",
      ...pipelineAccountGrant(account, owner.partition, tagKey),
      Action: ["s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      Resource: [bucketArn, ownFolder],
    })),
  ];
}

function checkFence(fence: PipelineStateFence, ownAccountId: string): { keyPrefix: string; tagKey: string; exempt: string[] } {
  const fail = (field: string, message: string): never => {
    throw new Error(`pipelineStateFence.${field} ${message}`);
  };
  if (!FORMATS.stateKeyPrefix.test(fence.keyPrefix)) {
    fail(
      "keyPrefix",
      `"${fence.keyPrefix}" must be the folder of the pipeline states as in stateKey(): "/"-separated folders of lowercase letters, digits, ".", "_" and "-", without leading or trailing "/", e.g. "pipelines"`,
    );
  }
  const tagKey = fence.principalTagKey ?? PIPELINE_PRINCIPAL_TAG_KEY;
  // IAM tag key characters, minus spaces; "aws:" keys are reserved to AWS.
  if (!/^[A-Za-z0-9_.:/=+@-]{1,128}$/.test(tagKey) || /^aws:/i.test(tagKey)) {
    fail(
      "principalTagKey",
      `"${tagKey}" must be an IAM tag key of 1-128 letters, digits and "_.:/=+-@", not starting with "aws:", e.g. "${PIPELINE_PRINCIPAL_TAG_KEY}"`,
    );
  }
  const exempt = fence.exemptPrincipalArns ?? [];
  exempt.forEach((arn, i) => {
    if (!Token.isUnresolved(arn) && !FORMATS.principalArn.test(arn)) {
      fail(
        `exemptPrincipalArns[${i}]`,
        `"${arn}" must be the ARN of an IAM role or user with its path and no wildcards, e.g. "arn:aws:iam::111111111111:role/buildkite/acme/bk-platform-apply"`,
      );
    }
  });
  checkPipelineAccounts(fence.pipelineAccounts ?? [], ownAccountId, "pipelineStateFence");
  return { keyPrefix: fence.keyPrefix, tagKey, exempt };
}
