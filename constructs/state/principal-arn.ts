/** Whether `arn` is the ARN of an IAM role or user, without wildcards (internal; not part of the public API). */
export function isRoleOrUserArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/.test(arn) && !arn.includes("*");
}
