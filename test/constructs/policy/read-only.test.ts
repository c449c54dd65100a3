import {
  notReadOnlyActions,
  notReadOnlyPolicyReason,
  notReadOnlyReason,
  READ_ONLY_ACTIONS,
  READ_ONLY_MANAGED_POLICIES,
  SECRET_OR_CREDENTIAL_ACTIONS,
} from "../../../constructs/policy/read-only";
import { isReadOnlySet, PERMISSION_SETS, readOnlySets } from "../../../platform/permission-sets";

describe("the read-only allow-list", () => {
  it.each(Object.keys(SECRET_OR_CREDENTIAL_ACTIONS))("refuses %s by name, in any case, and every wildcard of its verb that covers it", (action) => {
    const [service, name] = action.split(":");
    expect(notReadOnlyReason(action)).toBe(SECRET_OR_CREDENTIAL_ACTIONS[action]);
    expect(notReadOnlyReason(action.toUpperCase())).toBe(SECRET_OR_CREDENTIAL_ACTIONS[action]);
    for (const glob of [`${service}:${name.slice(0, 3)}*`, `${service}:*`, `${service}:${name.slice(0, -1)}?`]) expect(notReadOnlyReason(glob)).toBeDefined();
  });

  it("accepts read verbs and named reads, and kms:Decrypt only through a service", () => {
    for (const action of ["ec2:DescribeInstances", "s3:GetObject", "s3:List*", "dynamodb:BatchGetItem", "sts:GetCallerIdentity", ...READ_ONLY_ACTIONS]) {
      expect({ action, reason: notReadOnlyReason(action) }).toEqual({ action, reason: undefined });
    }
    const decrypt = { Effect: "Allow" as const, Action: "kms:Decrypt", Resource: "*" };
    expect(notReadOnlyActions(decrypt)).toHaveLength(1);
    expect(notReadOnlyActions({ ...decrypt, Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } })).toEqual([]);
  });

  it("judges only Allow statements, and NotAction as a whole", () => {
    expect(notReadOnlyActions({ Effect: "Deny", Action: "*", Resource: "*" })).toEqual([]);
    expect(notReadOnlyActions({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })).toEqual([
      { action: "NotAction", reason: expect.stringContaining("writes") },
    ]);
  });

  it("accepts exactly the listed AWS managed policies, in any partition", () => {
    for (const name of Object.keys(READ_ONLY_MANAGED_POLICIES)) {
      expect(notReadOnlyPolicyReason(`arn:aws:iam::aws:policy/${name}`)).toBeUndefined();
      expect(notReadOnlyPolicyReason(`arn:aws-cn:iam::aws:policy/${name}`)).toBeUndefined();
    }
    expect(notReadOnlyPolicyReason("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly")).toMatch(/is not on the read-only list/);
    expect(notReadOnlyPolicyReason("arn:aws:iam::111111111111:policy/ReadOnlyAccess")).toMatch(/customer managed/);
    expect(notReadOnlyPolicyReason("arn:aws:iam::aws:policy/toString")).toMatch(/is not on the read-only list/);
  });

  it("makes read-only exactly the declaration's sets whose policies are all on the list", () => {
    expect(readOnlySets()).toEqual(["read-only", "view-only", "security-audit"]);
    expect(Object.keys(PERMISSION_SETS).filter((name) => !isReadOnlySet(name))).toEqual(
      expect.arrayContaining(["network-admin", "ecr-push", "s3-admin", "database-admin"]),
    );
  });
});
