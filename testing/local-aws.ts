/**
 * Local stand-ins for the AWS services of a Terraform state backend, for end-to-end tests with the
 * real terraform binary: s3rver (S3) behind the conditional-write proxy, and dynalite (DynamoDB).
 * Everything listens on 127.0.0.1 at ports the OS picks, so parallel runs never collide, and
 * everything (servers, proxy, data folder) goes away with `stop()`.
 */
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import * as fs from "fs";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { ConditionalWriteProxy, startConditionalWriteProxy } from "./conditional-write-proxy";

// Neither package ships type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require("dynalite");

/** Credentials the local servers accept: s3rver's built-in key (signatures are not checked). */
export const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
export const LOCAL_REGION = "eu-west-1";

export interface LocalAws {
  /** S3 endpoint that honours `If-None-Match: *` (the proxy): what Terraform should use. */
  readonly s3Endpoint: string;
  /** s3rver itself, which ignores `If-None-Match`. */
  readonly s3ServerEndpoint: string;
  readonly dynamodbEndpoint: string;
  /** Folder where s3rver keeps the objects. */
  readonly s3Directory: string;
  /** Clients for the proxied S3 and for DynamoDB. */
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly proxy: ConditionalWriteProxy;
  /** Creates a DynamoDB table shaped like a Terraform lock table (`LockID` string hash key). */
  createLockTable(name: string): Promise<void>;
  /** Stops everything and removes the data folder; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts s3rver (with `buckets` created), the proxy and dynalite. */
export async function startLocalAws(buckets: string[]): Promise<LocalAws> {
  const s3Directory = fs.mkdtempSync(path.join(os.tmpdir(), "bktt-s3rver-"));
  const stops: (() => Promise<void>)[] = [async () => fs.rmSync(s3Directory, { recursive: true, force: true })];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    const s3rver = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: s3Directory,
      allowMismatchedSignatures: true,
      configureBuckets: buckets.map((name) => ({ name })),
    });
    const s3Address: AddressInfo = await s3rver.run();
    stops.push(() => s3rver.close());
    const s3ServerEndpoint = `http://127.0.0.1:${s3Address.port}`;

    const proxy = await startConditionalWriteProxy(s3ServerEndpoint);
    stops.push(() => proxy.close());

    const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((resolve, reject) => dynamo.listen(0, "127.0.0.1", (error?: Error) => (error ? reject(error) : resolve())));
    stops.push(() => new Promise<void>((resolve) => dynamo.close(() => resolve())));
    const dynamodbEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;

    const s3 = new S3Client({
      endpoint: proxy.endpoint,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
      // s3rver does not understand the checksums the SDK would add by default.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    const dynamodb = new DynamoDBClient({ endpoint: dynamodbEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    stops.push(async () => {
      s3.destroy();
      dynamodb.destroy();
    });

    return {
      s3Endpoint: proxy.endpoint,
      s3ServerEndpoint,
      dynamodbEndpoint,
      s3Directory,
      s3,
      dynamodb,
      proxy,
      createLockTable: async (name) => {
        await dynamodb.send(
          new CreateTableCommand({
            TableName: name,
            BillingMode: "PAY_PER_REQUEST",
            KeySchema: [{ AttributeName: "LockID", KeyType: "HASH" }],
            AttributeDefinitions: [{ AttributeName: "LockID", AttributeType: "S" }],
          }),
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Backend settings that point Terraform's S3 backend at the local servers. They go into a second
 * `-backend-config` file next to the one rendered from the project's own settings.
 */
export function localBackendOverrides(aws: Pick<LocalAws, "s3Endpoint" | "dynamodbEndpoint">): Record<string, string | boolean | Record<string, string>> {
  return {
    endpoints: { s3: aws.s3Endpoint, dynamodb: aws.dynamodbEndpoint },
    use_path_style: true,
    access_key: LOCAL_CREDENTIALS.accessKeyId,
    secret_key: LOCAL_CREDENTIALS.secretAccessKey,
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    skip_s3_checksum: true,
  };
}
