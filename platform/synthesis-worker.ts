/**
 * A process that synthesizes its share of a platform's stacks for
 * {@link synthesizePlatform}: `node synthesis-worker.js <request.json>`.
 * It answers on standard output with the stacks it built, or the error that
 * stopped it (a guardrail's or a construct's message, as one process would show it).
 */
import * as fs from "fs";
import { synthesizeShare, WorkerAnswer, WorkerRequest } from "./synthesize";

function answer(): WorkerAnswer {
  const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as WorkerRequest;
  const only = new Set(request.stacks);
  try {
    fs.mkdirSync(request.outdir, { recursive: true });
    const share = synthesizeShare(request.declaration, { ...request.options, only }, request.outdir);
    return { stacks: share.stacks.filter((stack) => only.has(stack.name)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const result = answer();
process.stdout.write(JSON.stringify(result));
process.exitCode = "error" in result ? 1 : 0;
