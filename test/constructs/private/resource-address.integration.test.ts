import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { TerraformStack } from "cdktf";
import { resourceAddress } from "../../../constructs/private/resource-address";
import { planStack } from "../../../testing/terraform";
import { describeWithTerraform } from "../../support/terraform";
import { awsStack, synthJson } from "../../support/synth";

/** A stack whose parameter is replaced when the key is, the way agent tokens follow their rotation clock. */
function stack(trigger: (key: KmsKey) => string | KmsKey): TerraformStack {
  const s = awsStack("trigger");
  const key = new KmsKey(s, "key", { description: "clock" });
  new SsmParameter(s, "parameter", {
    name: "/x",
    type: "SecureString",
    value: "v",
    lifecycle: { createBeforeDestroy: true, replaceTriggeredBy: [trigger(key) as any] },
  });
  return s;
}

describeWithTerraform("resourceAddress in lifecycle.replace_triggered_by", () => {
  it("is accepted by terraform", () => {
    const s = stack((key) => resourceAddress(key));
    expect(synthJson(s).resource.aws_ssm_parameter.parameter.lifecycle.replace_triggered_by).toEqual(["aws_kms_key.key"]);
    const plan = planStack(s);
    expect(plan.only("aws_ssm_parameter").values.type).toBe("SecureString");
  });

  it("is needed: terraform rejects the form cdktf writes for a resource object", () => {
    expect(() => planStack(stack((key) => key))).toThrow(/Invalid character|Invalid expression/);
  });
});
