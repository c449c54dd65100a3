// What cdktf alone costs for a given number of resources: N minimal resources
// (aws_iam_role_policy_attachment: two literal attributes, no tokens) spread
// over S stacks, synthesized by cdktf's own app.synth(). None of the app's
// constructs, guardrails or policies: the floor under any app of that size.
//   node scripts/bench/resource-floor.js <resources> <stacks> <outdir>
"use strict";
const { App, TerraformStack } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { IamRolePolicyAttachment } = require("@cdktf/provider-aws/lib/iam-role-policy-attachment");

const [resources, stacks] = process.argv.slice(2, 4).map(Number);
const app = new App({ outdir: process.argv[4] });
for (let s = 0; s < stacks; s++) {
  const stack = new TerraformStack(app, `stack-${s}`);
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  for (let r = s; r < resources; r += stacks) {
    new IamRolePolicyAttachment(stack, `attachment-${r}`, { role: `role-${r}`, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
  }
}
app.synth();
