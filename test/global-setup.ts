// CLI and Action tests run the bundled files as subprocesses: build them once, first.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, [new URL('../scripts/build.mjs', import.meta.url).pathname], { stdio: 'inherit' });
}
