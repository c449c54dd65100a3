/**
 * Which declaration produced a synthesis, for the access report: the file as the user names it, and the
 * git commit of its repository with whether the file differs from it. Runs git (the platform layer may;
 * the library never runs processes); without git, or outside a repository, the commit is unknown.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { DeclarationProvenance } from "./access-report";
import { DeclarationFile, declarationName } from "./declaration-file";

export function declarationProvenance(found: DeclarationFile, root: string): DeclarationProvenance {
  const file = declarationName(found, root);
  if (found.file === undefined) return { file };
  const absolute = path.resolve(root, found.file);
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", path.dirname(absolute), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 }).trim();
  try {
    const commit = git("rev-parse", "--verify", "HEAD");
    // Modified, staged, untracked or ignored: anything but a file as committed.
    const uncommitted = git("status", "--porcelain", "--ignored", "--", path.basename(absolute)) !== "";
    return { file, commit, uncommitted };
  } catch {
    return { file };
  }
}
