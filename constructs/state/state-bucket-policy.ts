import { PolicyDocument, policyDocument } from "../policy/policy-document";

/** What the bucket policy of a state bucket protects. */
export interface StateBucketPolicyProps {
  /** ARN of the state bucket. */
  readonly bucketArn: string;
  /** ARN of the KMS key every upload must use (a Terraform reference is fine). */
  readonly kmsKeyArn: string;
}

/**
 * The bucket policy of a state bucket, as deny statements that hold for every principal,
 * the account's administrators included:
 *
 * - `DenyInsecureTransport`: any request without TLS;
 * - `DenyOutdatedTls`: any request over TLS older than 1.2;
 * - `DenyOtherEncryption`: uploads that ask for another encryption than SSE-KMS (e.g. AES256);
 * - `DenyOtherKmsKeys`: uploads that name another KMS key than the state key;
 * - `DenyCustomerProvidedKeys`: uploads with SSE-C, which would bypass the key's access control.
 *
 * The two encryption statements apply only when the upload carries the header (`Null: false` AND
 * the value differs; a negated operator alone, or with `IfExists`, is true when the header is absent
 * and would deny every header-less request). An upload without encryption headers gets the bucket's
 * default encryption, which is the state key, so nothing is stored unencrypted or under another key.
 * Requiring the headers would also refuse the `UploadPart` requests of multipart uploads (Terraform
 * uploads states over 5 MiB in parts), which S3 authorizes as `s3:PutObject` and which carry no
 * encryption headers.
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
  ]);
}
