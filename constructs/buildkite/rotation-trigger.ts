/**
 * The clock of agent-token rotation, and the only module of the project that
 * imports `@cdktf/provider-time`. Its prebuilt bindings are frozen at 11.0.1
 * (time provider 0.13.1) and flagged deprecated in their package metadata
 * (docs/dependencies.md), so they are kept behind these two functions:
 * replacing them (bindings generated in the project as for Buildkite, or
 * another trigger) changes this file and nothing else.
 */
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { Rotating } from "@cdktf/provider-time/lib/rotating";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";

/**
 * Configures, in the stack of `scope`, the Terraform provider that rotation
 * triggers need (hashicorp/time). Call it once in each stack that holds a
 * `BuildkiteCluster`.
 */
export function addRotationTriggerProvider(scope: Construct): void {
  new TimeProvider(scope, "time");
}

/**
 * A resource that the first `terraform apply` at least `rotationHours` after
 * its creation replaces (a `time_rotating`): give it to the
 * `replaceTriggeredBy` of what must be renewed on that schedule. It only
 * moves when Terraform applies, so something must apply regularly
 * (`BuildkiteCluster.rotationSchedule`).
 */
export function rotationTrigger(scope: Construct, id: string, rotationHours: number): TerraformResource {
  return new Rotating(scope, id, { rotationHours });
}
