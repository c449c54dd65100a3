import { App } from "cdktf";
import { exampleBuildkiteStackProps } from "./stacks/buildkite-example";
import { BuildkiteStack } from "./stacks/buildkite-stack";
import { IdentityStack } from "./stacks/identity-stack";

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out" });
const offline = process.env.BKTT_OFFLINE === "1";

new IdentityStack(app, "identity", { region: "eu-west-1", accountId: "111111111111", offline });
new BuildkiteStack(app, "buildkite", exampleBuildkiteStackProps(offline));

app.synth();
