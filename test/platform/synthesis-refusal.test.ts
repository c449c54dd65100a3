import { EXAMPLE_PLATFORM } from "../../platform/example-platform";
import { synthesisIssues, withoutSkipValidationAdvice } from "../../platform/synthesis-refusal";
import { validateDeclaration } from "../../platform/validate";

const ADVICE = "\n\nIf you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n";

describe("synthesisIssues", () => {
  const declaration = validateDeclaration(EXAMPLE_PLATFORM);

  it("reports each guardrail refusal at the pipeline and role of its construct, as problem — fix, without the advice to skip validation", () => {
    const err = new Error(
      "Validation failed with the following errors:\n" +
        "  [identity-production] guardrail no-admin-wildcard refuses identity-production/payments-service/Apply/Managed-AdministratorAccess (aws_iam_role_policy_attachment.x): it attaches the AdministratorAccess managed policy. Fix: grant the actions and resources the pipeline needs.\n" +
        "  [identity-production] guardrail trust-policy-size refuses identity-production/platform-trust/Plan/Role (aws_iam_role.y): the trust policy has 2100 characters. Fix: admit fewer branches.\n" +
        "  [buildkite] guardrail some-rule refuses buildkite/Cluster (buildkite_cluster.z): a problem. Fix: a fix." +
        ADVICE,
    );
    expect(synthesisIssues(err, declaration)).toEqual([
      {
        path: "pipelines[1].apply",
        message:
          "guardrail no-admin-wildcard refuses identity-production/payments-service/Apply/Managed-AdministratorAccess (aws_iam_role_policy_attachment.x): it attaches the AdministratorAccess managed policy — grant the actions and resources the pipeline needs",
      },
      {
        path: "platformPipeline.plan",
        message:
          "guardrail trust-policy-size refuses identity-production/platform-trust/Plan/Role (aws_iam_role.y): the trust policy has 2100 characters — admit fewer branches",
      },
      { path: "", message: "guardrail some-rule refuses buildkite/Cluster (buildkite_cluster.z): a problem — a fix" },
    ]);
  });

  it("finds nothing in an error that is not cdktf's list of validation messages", () => {
    expect(synthesisIssues(new Error("the synthesis worker crashed"), declaration)).toEqual([]);
  });

  it("drops cdktf's advice to skip validation", () => {
    expect(withoutSkipValidationAdvice(`Validation failed:\n  [a] b${ADVICE}`)).toBe("Validation failed:\n  [a] b");
  });
});
