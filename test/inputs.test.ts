// Inputs that are encodings of a CIB: a pe-input saved by the scheduler is bzip2-compressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from './helpers.js';

const EXAMPLE = 'fixtures/examples/httpd-bundle.xml';
const findings = (stdout: string) =>
  JSON.parse(stdout).files.map((file: { findings: { ruleId: string; line: number; column: number; message: string }[] }) =>
    file.findings.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message })),
  );

describe('a bzip2-compressed pe-input', () => {
  it('is linted like the CIB it holds, named as a file or on standard input', async () => {
    const plain = await runInProcess([EXAMPLE, '--format', 'json']);
    const compressed = await runInProcess(['test/inputs/pe-input-7.bz2', '--format', 'json']);
    expect(compressed.status).toBe(plain.status);
    expect(compressed.stderr).toBe('');
    expect(findings(compressed.stdout)).toEqual(findings(plain.stdout));
    const piped = await runInProcess(['-', '--format', 'json'], { input: readFileSync(join(ROOT, 'test/inputs/pe-input-7.bz2')) });
    expect(findings(piped.stdout)).toEqual(findings(plain.stdout));
  });

  it('is refused, in one line and with exit 2, when it expands past --max-file-size', async () => {
    // 49 bytes that expand to 5 MB of zeros.
    const run = await runInProcess(['test/inputs/expands-past-limit.bz2', '--max-file-size', '1000000']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cib-lint: test/inputs/expands-past-limit.bz2: bzip2 data expands past the --max-file-size limit of 1000000 bytes; raise the limit to lint it\n');
  });

  it('says so when the data is truncated', async () => {
    const truncated = readFileSync(join(ROOT, 'test/inputs/pe-input-7.bz2')).subarray(0, 200);
    const run = await runInProcess(['-', '--stdin-filename', 'pe-input-8.bz2'], { input: truncated });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cib-lint: pe-input-8.bz2: cannot decompress bzip2 data: truncated or corrupt\n');
  });
});
