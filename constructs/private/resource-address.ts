import { TerraformResource, TerraformStack } from "cdktf";

/**
 * The Terraform address of a resource in its stack (`<type>.<logical id>`),
 * for `-target` and for `lifecycle.replace_triggered_by`. cdktf 0.21 writes
 * a resource given to `replaceTriggeredBy` as `"${type.name}"`, which
 * Terraform (1.11) rejects in JSON configuration ("Invalid character"); the
 * bare address is what it accepts.
 */
export function resourceAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${TerraformStack.of(resource).getLogicalId(resource)}`;
}
