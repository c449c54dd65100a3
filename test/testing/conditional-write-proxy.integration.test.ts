import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { LOCAL_CREDENTIALS, LOCAL_REGION, LocalAws, startLocalAws } from "../../testing/local-aws";

const BUCKET = "proxy-test";

const createOnly = (client: S3Client, key: string, body: string) =>
  client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, IfNoneMatch: "*" })).then(
    () => "created" as const,
    (error: { name: string; $metadata?: { httpStatusCode?: number } }) => `${error.$metadata?.httpStatusCode} ${error.name}`,
  );

describe("conditional-write proxy in front of s3rver", () => {
  let aws: LocalAws;
  let direct: S3Client;

  beforeAll(async () => {
    aws = await startLocalAws([BUCKET]);
    direct = new S3Client({
      endpoint: aws.s3ServerEndpoint,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
  });

  afterAll(async () => {
    direct?.destroy();
    await aws?.stop();
  });

  it("is needed: s3rver alone lets a second create-only write overwrite the object", async () => {
    expect(await createOnly(direct, "direct.tflock", "first")).toBe("created");
    expect(await createOnly(direct, "direct.tflock", "second")).toBe("created");
  });

  it("refuses a create-only write of an existing object with 412 PreconditionFailed and keeps the object", async () => {
    expect(await createOnly(aws.s3, "lock.tflock", "first")).toBe("created");
    expect(await createOnly(aws.s3, "lock.tflock", "second")).toBe("412 PreconditionFailed");
    const object = await aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "lock.tflock" }));
    expect(await object.Body!.transformToString()).toBe("first");
  });

  it("lets exactly one of many concurrent creators win", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => createOnly(aws.s3, "race.tflock", `writer-${i}`)));
    expect(results.filter((r) => r === "created")).toHaveLength(1);
    expect(results.filter((r) => r === "412 PreconditionFailed")).toHaveLength(7);
  });

  it("passes unconditional writes and reads through", async () => {
    await aws.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "state.tfstate", Body: "v1" }));
    await aws.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "state.tfstate", Body: "v2" }));
    const object = await aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "state.tfstate" }));
    expect(await object.Body!.transformToString()).toBe("v2");
  });
});
