/**
 * The repository a run is in, for paths that code scanning resolves against its root (SARIF): the
 * git top level above the working directory, else GITHUB_WORKSPACE when the working directory is
 * inside it. Found by looking for `.git` (a folder, or a file in worktrees and submodules), with no
 * git command run.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { relativeInside } from '../output/report.js';

export function repositoryRoot(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  const workspace = env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : undefined;
  if (workspace !== undefined && (workspace === resolve(cwd) || relativeInside(workspace, cwd) !== undefined)) return workspace;
  return undefined;
}
