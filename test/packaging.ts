// Helpers of the packaging tests (install, pre-commit): a fresh clone of this working tree.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/**
 * A git repository at `destination` holding this working tree as it would be committed: tracked
 * and new files, not ignored ones (node_modules, .sea), in one commit. What a clone of the
 * commit under test gets, also before it is committed.
 */
export function snapshotRepository(destination: string): void {
  mkdirSync(destination, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    // A file deleted in the working tree but not yet in git is not part of the snapshot.
    if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(destination, file), { recursive: true });
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: destination, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot');
}

/**
 * Why the packaging tests (npm pack and install, pre-commit, the single executable) do not run
 * here, or undefined: they do not depend on the Node.js line running the suite, so
 * scripts/ci-node-matrix.sh, which runs the suite again on each line, has them skipped.
 */
export function packagingSkipped(): string | undefined {
  const line = process.env.CIB_LINT_NODE_LINE;
  return line ? `run once by npm test, not again under the Node.js ${line} line of scripts/ci-node-matrix.sh` : undefined;
}
