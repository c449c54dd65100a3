/**
 * An HTTP proxy for a local S3 server that honours `If-None-Match: *` on PutObject, as S3 does
 * since 2024 and as Terraform's S3 lock files (`use_lockfile`) rely on. s3rver ignores the header,
 * so two writers could both "create" the same lock file; behind this proxy the second gets
 * `412 PreconditionFailed`.
 *
 * Conditional PUTs of one key are serialized: the existence check and the write happen while the
 * key is held, so two concurrent creators cannot both see "absent". The check is a HEAD request to
 * the server (path-style URLs; the local servers here accept any signature).
 */
import * as http from "http";
import { AddressInfo } from "net";

export interface ConditionalWriteProxy {
  /** `http://127.0.0.1:<port>`: point S3 clients here. */
  readonly endpoint: string;
  /** Conditional writes refused so far, by object path. */
  readonly refused: readonly string[];
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

const PRECONDITION_FAILED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>`;

/** Starts the proxy on 127.0.0.1 at a port the OS picks, forwarding to `target` (e.g. `http://127.0.0.1:4568`). */
export async function startConditionalWriteProxy(target: string): Promise<ConditionalWriteProxy> {
  const upstream = new URL(target);
  const refused: string[] = [];
  const heldKeys = new Map<string, Promise<void>>();

  /** Runs `task` once every earlier task on `key` has finished. */
  const holding = async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = heldKeys.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const chain = previous.then(() => current);
    heldKeys.set(key, chain);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (heldKeys.get(key) === chain) heldKeys.delete(key);
    }
  };

  const send = (method: string, path: string, headers: http.IncomingHttpHeaders, body?: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request({ host: upstream.hostname, port: upstream.port, method, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(body);
    });

  const readBody = (req: http.IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });

  const server = http.createServer((req, res) => {
    const handle = async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", "http://proxy");
      const isObjectPut = req.method === "PUT" && url.pathname.split("/").filter(Boolean).length >= 2 && !url.searchParams.has("uploadId");
      const createOnly = isObjectPut && req.headers["if-none-match"] === "*";
      const forward = () => send(req.method ?? "GET", req.url ?? "/", req.headers, body);
      const answer = createOnly
        ? await holding(url.pathname, async () => {
            const head = await send("HEAD", url.pathname, { host: req.headers.host ?? upstream.host });
            if (head.status === 200) {
              refused.push(decodeURIComponent(url.pathname));
              return { status: 412, headers: { "content-type": "application/xml" }, body: Buffer.from(PRECONDITION_FAILED) };
            }
            return forward();
          })
        : await forward();
      const { "transfer-encoding": _chunked, connection: _connection, ...headers } = answer.headers;
      // The body is relayed whole; a HEAD answer keeps the object's length.
      if (req.method !== "HEAD") headers["content-length"] = String(answer.body.length);
      res.writeHead(answer.status, headers);
      res.end(answer.body);
    };
    handle().catch((error: Error) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`conditional-write proxy: ${error.message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
