/**
 * Building and reading synthesized stacks, shared by the tests: a stack with the offline AWS provider, the parsed
 * Terraform JSON (cdk.tf.json) and its resources by type. Tests assert on this JSON because Terraform receives it.
 */
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { addAwsProvider } from "../../stacks/aws-provider";

/** The AWS account of the test stacks. */
export const TEST_ACCOUNT = "111111111111";

/** A stack with the AWS provider in eu-west-1 for TEST_ACCOUNT, offline (no credentials, no API calls). */
export function awsStack(id = "stack", scope: Construct = Testing.app()): TerraformStack {
  const stack = new TerraformStack(scope, id);
  addAwsProvider(stack, { region: "eu-west-1", accountId: TEST_ACCOUNT, offline: true });
  return stack;
}

/**
 * The stack's Terraform JSON, parsed. Validations run first, as `cdktf synth` runs them, so a stack the app
 * would refuse (a guardrail finding, a missing provider) fails the test here too.
 */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The message of the failure that synthesis with validations raises; fails the test when synthesis passes. */
export function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`synth of ${stack.node.path} succeeded`);
}

/** Every resource of `type` in synthesized JSON, in logical-ID order; an empty list when there is none. */
export function resourcesOfType(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

type Predicate = (resource: any) => boolean;

/** The `type.logicalId` address of the one resource of `type` matching `predicate`, for references to it. */
export function resourceAddress(json: any, type: string, predicate: Predicate = () => true): string {
  const found = Object.keys(json.resource?.[type] ?? {}).filter((id) => predicate(json.resource[type][id]));
  if (found.length !== 1) throw new Error(`expected exactly one matching ${type}, found ${found.length}`);
  return `${type}.${found[0]}`;
}

/** The one resource of `type` matching `predicate` (any, by default); fails when there is none or several. */
export function resource(json: any, type: string, predicate: Predicate = () => true): any {
  return json.resource[type][resourceAddress(json, type, predicate).slice(type.length + 1)];
}
