/** The commit of the code that runs, for the EvaluationRun row and the report ("+dirty" with uncommitted changes). */
import { execFileSync } from "node:child_process";

export function gitCommit(cwd: string = process.cwd()): string | null {
  const git = (args: string[]) => execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"], timeout: 5_000 }).toString().trim();
  try {
    const head = git(["rev-parse", "HEAD"]);
    return git(["status", "--porcelain", "--untracked-files=no"]) ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}
