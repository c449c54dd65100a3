// The state backend stack's test account, key and bucket, shared by its unit and terraform-plan tests.
import { StateBackendStackProps } from "../../../stacks/state-backend-stack";

export const ACCOUNT = "111111111111";
export const KEY_ID = "0b1c2d3e-1111-4222-8333-444455556666";
export const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${KEY_ID}`;
export const BUCKET = `bktt-tfstate-${ACCOUNT}-eu-west-1`;
export const APPLY_ROLE = `arn:aws:iam::${ACCOUNT}:role/pipeline-networking-apply`;
export const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/terraform-state-admin`;

export const stackProps = (overrides: Partial<StateBackendStackProps> = {}): StateBackendStackProps => ({
  region: "eu-west-1",
  accountId: ACCOUNT,
  offline: true,
  stateUserArns: [APPLY_ROLE],
  administratorArns: [ADMIN_ROLE],
  ...overrides,
});
