import { FORMATS, MAX_SESSION_DURATION_SECONDS, MIN_SESSION_DURATION_SECONDS } from "../../private/validation";
import { GuardrailRule, isExpression } from "../guardrail";

/** A role's maximum session duration must be whole seconds within IAM's range (1 to 12 hours). */
export const roleSessionDuration: GuardrailRule = {
  id: "role-session-duration",
  description: `Role maximum session durations are whole seconds from ${MIN_SESSION_DURATION_SECONDS} to ${MAX_SESSION_DURATION_SECONDS}.`,
  fix: "set sessionDurationSeconds between 3600 (the default) and 43200.",
  severity: "error",
  exemptible: false,
  check(block) {
    if (block.kind !== "resource" || block.type !== "aws_iam_role") return [];
    const duration = block.values.max_session_duration;
    if (duration === undefined || isExpression(duration)) return [];
    if (FORMATS.sessionDuration.test(Number(duration))) return [];
    return [
      {
        message: `max_session_duration is ${JSON.stringify(duration)}, outside IAM's range of ${MIN_SESSION_DURATION_SECONDS}-${MAX_SESSION_DURATION_SECONDS} seconds.`,
      },
    ];
  },
};
