import { permissionSummary } from "../../platform/permission-sets";

describe("permissionSummary (the access report's permissions)", () => {
  it("names each statement's resources, * included, and the reason for administrator access", () => {
    expect(
      permissionSummary({
        sets: ["read-only"],
        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        statements: [
          { effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"] },
          { effect: "Allow", actions: ["*"], resources: ["*"], allowAdminReason: "bootstraps new accounts before any role exists" },
        ],
        roles: [],
      }),
    ).toEqual([
      "set read-only",
      "policy ReadOnlyAccess",
      "Allow s3:GetObject on arn:aws:s3:::a/* arn:aws:s3:::b/*",
      "Allow * on * (administrator access: bootstraps new accounts before any role exists)",
    ]);
  });
});
