/**
 * Child processes (terraform, scripts) that do not block the event loop, for tests
 * whose servers run in the test process itself (the local S3 and DynamoDB): a synchronous spawn
 * would freeze them while terraform waits for their answers.
 */
import { ChildProcess, spawn } from "child_process";

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningProcess {
  /** Settles when the process has exited. */
  readonly exited: Promise<ProcessResult>;
  /** Output so far. */
  output(): string;
  /** Kills the process group (terraform and its provisioners); no-op once exited. */
  kill(): void;
}

/** Starts `command args` in `cwd`; the process leads its own group so that `kill` reaches its children. */
export function startProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): RunningProcess {
  const child: ChildProcess = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let done = false;
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<ProcessResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      done = true;
      resolve({ code, stdout, stderr });
    });
  });
  return {
    exited,
    output: () => stdout + stderr,
    kill: () => {
      if (done || child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
  };
}

/** Runs a command to completion and fails with its output unless it exits 0. */
export async function runProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  const result = await startProcess(command, args, cwd, env).exited;
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.code}) in ${cwd}:\n${result.stderr}${result.stdout}`);
  }
  return result;
}
