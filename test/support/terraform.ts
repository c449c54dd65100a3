/**
 * Jest glue for the terraform harness: terraform-backed suites run when
 * terraform is on PATH, are skipped with a visible message when it is not, and
 * fail under CI=true, where a missing terraform is a broken machine.
 */
import { terraformVersion } from "../../testing/terraform";

const version = terraformVersion();

export const terraformAvailable = version !== undefined;

/** `describe` for suites that need the real terraform binary. */
export function describeWithTerraform(name: string, fn: () => void): void {
  if (terraformAvailable) {
    describe(`${name} [${version}]`, fn);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("needs terraform on PATH (CI=true)", () => {
        throw new Error("terraform is not on PATH; terraform-backed tests must run under CI=true");
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}" needs terraform on PATH, which this machine does not have.`);
  describe.skip(`${name} (skipped: terraform not on PATH)`, fn);
}
