/**
 * CPU time for the queue bench's split: this process (process.cpuUsage) and PostgreSQL's backends
 * of the bench database (Linux /proc/<pid>/stat, so only when the server runs on this machine;
 * null otherwise). A backend that exits during the measurement loses its share: the bench keeps
 * its connections open while it measures.
 */
import { readFileSync } from "node:fs";
import { SYSTEM } from "../db/actor";
import { databaseBackendPids } from "../db/pipeline-queue";

/** Kernel clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const CLOCK_TICKS_PER_S = 100;

function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return null;
  }
}

const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs f; returns the CPU milliseconds it cost in this process and in the database's backends (null: not readable here). */
export async function cpuSplit<T>(f: () => Promise<T>): Promise<{ value: T; ownMs: number; postgresMs: number | null }> {
  const before = new Map((await databaseBackendPids(SYSTEM)).map((pid) => [pid, procCpuMs(pid)]));
  const own0 = ownCpuMs();
  const value = await f();
  const ownMs = ownCpuMs() - own0;
  let postgresMs: number | null = 0;
  for (const pid of await databaseBackendPids(SYSTEM)) {
    const now = procCpuMs(pid);
    if (now === null) postgresMs = null;
    else if (postgresMs !== null) postgresMs += now - (before.get(pid) ?? 0);
  }
  return { value, ownMs, postgresMs };
}
