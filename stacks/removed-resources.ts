import { TerraformElement, TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";

/**
 * A Terraform `removed` block (Terraform >= 1.7) that makes a stack forget a
 * resource without destroying it: `lifecycle { destroy = false }`. It stands at
 * the construct path the resource had, so its address is the resource's own
 * (`<type>.<logical ID>`; logical IDs depend on the path below the stack only).
 */
export class RemovedResource extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly resourceType: string,
  ) {
    super(scope, id);
  }

  /** The address of the forgotten resource. */
  get address(): string {
    return `${this.resourceType}.${this.friendlyUniqueId}`;
  }

  toTerraform(): { removed: { from: string; lifecycle: { destroy: false } }[] } {
    return { removed: [{ from: this.address, lifecycle: { destroy: false } }] };
  }
}

/** The construct at `ids` under `scope`, the missing ones created as plain constructs. */
function pathIn(scope: Construct, ids: readonly string[]): Construct {
  return ids.reduce((parent, id) => parent.node.tryFindChild(id) ?? new Construct(parent, id), scope);
}

/**
 * Makes `stack` forget, without destroying them, the resources that `build`
 * creates (typically constructs that moved to another stack, which imports
 * them): `build` runs in a scratch stack, and each resource it creates becomes
 * a {@link RemovedResource} at the same path in `stack`. Returns them.
 */
export function forgetResources(stack: TerraformStack, build: (scope: Construct) => void): RemovedResource[] {
  // A stack under a bare root: nothing of it is ever synthesized (an App would create its output folder).
  const scratch = new TerraformStack(new Construct(undefined as unknown as Construct, ""), "scratch");
  build(scratch);
  return scratch.node
    .findAll()
    .filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c))
    .map((resource) => {
      const ids = resource.node.scopes.slice(resource.node.scopes.indexOf(scratch) + 1).map((c) => c.node.id);
      return new RemovedResource(pathIn(stack, ids.slice(0, -1)), ids[ids.length - 1], resource.terraformResourceType);
    });
}
