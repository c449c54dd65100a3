/**
 * The public API of buildkite-terraform-trust: the constructs and their props.
 * Everything not exported here is internal.
 */
export * from "./policy/policy-document";
export * from "./state/state-access-policy";
export * from "./state/state-key";
