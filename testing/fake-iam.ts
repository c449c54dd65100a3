/**
 * A stand-in for the IAM query API, enough for the AWS provider to read roles,
 * their inline and attached policies, and OIDC providers: what `terraform plan`
 * calls to import existing ones. It serves a fixed set of objects on 127.0.0.1
 * (a port the OS picks), records every action asked, and answers any other
 * action with an error, so a plan that would write fails loudly. It runs in
 * the test process: plan against it with {@link planConfigurationAsync}.
 */
import * as http from "http";
import { AddressInfo } from "net";

/** A role as IAM holds it. */
export interface FakeIamRole {
  readonly name: string;
  readonly path?: string;
  /** The trust policy, JSON. */
  readonly assumeRolePolicy: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  readonly tags?: Readonly<Record<string, string>>;
  /** Inline policies by name, JSON. */
  readonly inlinePolicies?: Readonly<Record<string, string>>;
  readonly attachedPolicyArns?: readonly string[];
}

/** An IAM OIDC provider as IAM holds it. */
export interface FakeOidcProvider {
  readonly arn: string;
  /** Without `https://`, as IAM returns it. */
  readonly url: string;
  readonly clientIds: readonly string[];
}

export interface FakeIam {
  /** `http://127.0.0.1:<port>`: the provider's `endpoints { iam = ... }`. */
  readonly endpoint: string;
  /** Every action asked for, in order (`GetRole bk-networking-plan`). */
  readonly requests: readonly string[];
  stop(): Promise<void>;
}

const NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const CREATED = "2024-01-01T00:00:00Z";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const tag = (name: string, content: string | number | undefined) => (content === undefined ? "" : `<${name}>${content}</${name}>`);
const members = (items: readonly string[]) => items.map((item) => `<member>${item}</member>`).join("");
const tags = (t: Readonly<Record<string, string>> = {}) => members(Object.entries(t).map(([k, v]) => `<Key>${escape(k)}</Key><Value>${escape(v)}</Value>`));

function respond(action: string, result: string): string {
  return `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></${action}Response>`;
}

function failure(code: string, message: string): string {
  return `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escape(message)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`;
}

/** Starts the fake IAM of `accountId` holding `roles` and `providers`. */
export async function startFakeIam(accountId: string, roles: readonly FakeIamRole[], providers: readonly FakeOidcProvider[] = []): Promise<FakeIam> {
  const requests: string[] = [];
  const byName = new Map(roles.map((r) => [r.name, r]));
  const answer = (params: URLSearchParams): [number, string] => {
    const action = params.get("Action") ?? "";
    const roleName = params.get("RoleName") ?? "";
    requests.push(`${action} ${roleName || params.get("OpenIDConnectProviderArn") || ""}`.trim());
    const role = byName.get(roleName);
    const noRole: [number, string] = [404, failure("NoSuchEntity", `The role with name ${roleName} cannot be found.`)];
    switch (action) {
      case "GetRole": {
        if (!role) return noRole;
        const body =
          tag("Path", role.path ?? "/") +
          tag("RoleName", role.name) +
          tag("RoleId", `AROAFAKE${role.name.length}`) +
          tag("Arn", `arn:aws:iam::${accountId}:role${role.path ?? "/"}${role.name}`) +
          tag("CreateDate", CREATED) +
          tag("AssumeRolePolicyDocument", encodeURIComponent(role.assumeRolePolicy)) +
          tag("Description", role.description === undefined ? undefined : escape(role.description)) +
          tag("MaxSessionDuration", role.maxSessionDuration ?? 3600) +
          tag("Tags", tags(role.tags));
        return [200, respond(action, tag("Role", body))];
      }
      case "ListRolePolicies":
        if (!role) return noRole;
        return [200, respond(action, tag("PolicyNames", members(Object.keys(role.inlinePolicies ?? {}))) + tag("IsTruncated", "false"))];
      case "GetRolePolicy": {
        const name = params.get("PolicyName") ?? "";
        const document = role?.inlinePolicies?.[name];
        if (!role || document === undefined) return [404, failure("NoSuchEntity", `The role policy with name ${name} cannot be found.`)];
        return [200, respond(action, tag("RoleName", role.name) + tag("PolicyName", name) + tag("PolicyDocument", encodeURIComponent(document)))];
      }
      case "ListAttachedRolePolicies": {
        if (!role) return noRole;
        const attached = (role.attachedPolicyArns ?? []).map((arn) => tag("PolicyName", arn.replace(/^.*\//, "")) + tag("PolicyArn", arn));
        return [200, respond(action, tag("AttachedPolicies", members(attached)) + tag("IsTruncated", "false"))];
      }
      case "ListRoleTags":
        if (!role) return noRole;
        return [200, respond(action, tag("Tags", tags(role.tags)) + tag("IsTruncated", "false"))];
      case "GetOpenIDConnectProvider": {
        const provider = providers.find((p) => p.arn === params.get("OpenIDConnectProviderArn"));
        if (!provider) return [404, failure("NoSuchEntity", "OpenIDConnect Provider not found")];
        return [
          200,
          respond(
            action,
            tag("Url", provider.url) +
              tag("ClientIDList", members(provider.clientIds)) +
              tag("ThumbprintList", "") +
              tag("CreateDate", CREATED) +
              tag("Tags", ""),
          ),
        ];
      }
      default:
        return [400, failure("InvalidAction", `the fake IAM answers reads of roles and OIDC providers only, not ${action}`)];
    }
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const [status, xml] = answer(new URLSearchParams(body || (req.url ?? "").replace(/^[^?]*\??/, "")));
      res.writeHead(status, { "Content-Type": "text/xml" });
      res.end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
