import { roleSessionDuration } from "../../../../constructs/guardrails/rules/role-session-duration";
import { check, resource } from "./support/blocks";

const withDuration = (duration: unknown) =>
  resource("aws_iam_role", { name: "ci", assume_role_policy: "{}", ...(duration === undefined ? {} : { max_session_duration: duration }) });

describe("guardrail role-session-duration", () => {
  it.each([undefined, 3600, 7200, 43200, "${var.duration}"])("passes %p", (duration) => {
    expect(check(roleSessionDuration, withDuration(duration))).toEqual([]);
  });

  it.each([900, 3599, 43201, 3600.5])("refuses %p", (duration) => {
    expect(check(roleSessionDuration, withDuration(duration))).toEqual([
      {
        message: `max_session_duration is ${duration}, outside IAM's range of 3600-43200 seconds.`,
        fix: "set sessionDurationSeconds between 3600 (the default) and 43200.",
      },
    ]);
  });

  it("only looks at roles", () => {
    expect(check(roleSessionDuration, resource("aws_iam_policy", { max_session_duration: 1 }))).toEqual([]);
  });
});
