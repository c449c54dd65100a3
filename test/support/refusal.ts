import { ValidationError } from "../../constructs";

/** The ValidationError `act` throws; fails the test when it throws nothing or another kind of error. */
export function refusalOf(act: () => unknown): ValidationError {
  let refusal: unknown;
  try {
    act();
  } catch (error) {
    refusal = error;
  }
  expect(ValidationError.isValidationError(refusal)).toBe(true);
  return refusal as ValidationError;
}
