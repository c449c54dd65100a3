import * as fs from "fs";
import * as path from "path";
import { renderBackendHcl } from "../../../constructs/state/backend-config";
import { runTerraform, withTerraformWorkdir } from "../../../testing/terraform";
import { describeWithTerraform } from "../../support/terraform";

describeWithTerraform("renderBackendHcl read back by terraform", () => {
  it("keeps quotes, backslashes, newlines and interpolation markers literal", () => {
    const tricky = 'state "quoted" \\back\\ ${var.x} %{ if } \n end.tfstate';
    const saved = withTerraformWorkdir((dir, env) => {
      fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ terraform: { backend: { local: {} } } }));
      fs.writeFileSync(path.join(dir, "backend.hcl"), renderBackendHcl({ path: tricky }));
      runTerraform(dir, ["init", "-input=false", "-no-color", "-backend-config=backend.hcl"], env);
      return JSON.parse(fs.readFileSync(path.join(dir, ".terraform", "terraform.tfstate"), "utf8"));
    });
    expect(saved.backend.config.path).toBe(tricky);
  });
});
