/**
 * Worker processes on this machine: `npm run worker -- --concurrency N` and `npm run pipeline --
 * --workers N` start N of them, one per core, each a separate Node process taking jobs from the
 * queue (the pipeline is CPU-bound JavaScript: processes, not async slots, use the cores).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const WORKER_SCRIPT = path.join(root, "scripts/worker.mts");

/** One worker process (`--until-empty`: it exits once the queue is empty); its output goes to this one's stderr. */
export function spawnWorker(args: string[] = [], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER_SCRIPT, "--concurrency", "1", ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Resolves with the exit code (or the signal's name) of the process. */
export function exited(p: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) resolve(p.exitCode ?? p.signalCode!);
    else p.once("exit", (code, signal) => resolve(code ?? signal ?? 0));
  });
}

/** Starts n workers that exit when the queue is empty; resolves once all have. */
export async function runWorkersUntilEmpty(n: number): Promise<(number | string)[]> {
  const procs = Array.from({ length: n }, () => spawnWorker(["--until-empty"]));
  return Promise.all(procs.map(exited));
}
