// `npm run bench`: generates bundle-heavy CIBs in a temporary folder and measures cib-lint side by
// side with its references in the same run (medians of several runs), printing a Markdown table of
// ratios. No absolute thresholds: the machine is noisy, only ratios mean something.
//
//   node bench/run.mjs [--quick]     (--quick: fewer runs, no 16 MB file, for a smoke test)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlesForSize, generateCib } from './generate.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/cib-lint.js');
const PARSE_ONLY = join(ROOT, 'bench/parse-only.mjs');
const LIBXML_ONLY = join(ROOT, 'bench/libxml-only.mjs');
const CORPUS = join(ROOT, '../shared/corpus');
const CRM_VERIFY = ['/usr/sbin/crm_verify', '/usr/bin/crm_verify'].find((path) => existsSync(path));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 5;

const work = mkdtempSync(join(tmpdir(), 'cib-lint-bench-'));
const rows = [];
const log = (message) => process.stderr.write(`bench: ${message}\n`);

function wall(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  return { seconds, status: result.status, stderr: String(result.stderr ?? '') };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs each command `runs` times, interleaved so that noise hits both alike; medians in seconds. */
function sideBySide(commands, runs = RUNS) {
  const times = commands.map(() => []);
  for (let run = 0; run < runs; run++) {
    commands.forEach(([command, args], index) => {
      const { seconds, status, stderr } = wall(command, args);
      if (status === 2 && command === process.execPath && args[0] === BIN) {
        log(`cib-lint exited 2: ${stderr.split('\n').slice(0, 3).join(' | ')}`);
      }
      times[index].push(seconds);
    });
  }
  return times.map(median);
}

const lint = (...files) => [process.execPath, [BIN, ...files, '--no-config', '--format', 'json']];
/** The same without the schema rule (RelaxNG validation, the largest single cost), for comparison. */
const lintNoSchema = (...files) => [process.execPath, [BIN, ...files, '--no-config', '--format', 'json', '--rule', 'schema=off']];
const seconds = (value) => (value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`);
const fileOf = (name, text) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};
const mb = (path) => statSync(path).size / 1024 / 1024;

function row(measure, subject, reference, ratio, goal, pass) {
  rows.push({ measure, subject, reference, ratio, goal, status: pass === undefined ? 'n/a' : pass ? 'pass' : '**FAIL**' });
}

try {
  // 1. Cold start on a small CIB.
  log('1/5 cold start');
  const small = fileOf('bundles-1.xml', generateCib(1));
  const [node0, cold, floor, coldNoSchema, version] = sideBySide(
    [[process.execPath, ['-e', '0']], lint(small), [process.execPath, [PARSE_ONLY, small]], lintNoSchema(small), [process.execPath, [BIN, '--version']]],
    quick ? 1 : 9,
  );
  row('1. cold run, 1 bundle (' + Math.round(mb(small) * 1024) + ' KB) vs `node -e 0`', seconds(cold), seconds(node0), `${(cold / node0).toFixed(2)}x`, '<= 2.0x', cold / node0 <= 2.0);
  row('1. (schema rule off) cold run vs `node -e 0`', seconds(coldNoSchema), seconds(node0), `${(coldNoSchema / node0).toFixed(2)}x`, '', undefined);
  row('1. (floor) parse-only with libxml2-wasm, same file, vs `node -e 0`', seconds(floor), seconds(node0), `${(floor / node0).toFixed(2)}x`, '', undefined);
  row('1. (start-up) `cib-lint --version`, no CIB read, vs `node -e 0`', seconds(version), seconds(node0), `${(version / node0).toFixed(2)}x`, '', undefined);
  row('1. (against the floor) cold run vs parse-only with libxml2-wasm', seconds(cold), seconds(floor), `${(cold / floor).toFixed(2)}x`, '', undefined);

  // 2. crm_verify on 10, 30, 100 bundles.
  log('2/5 crm_verify');
  for (const count of quick ? [10] : [10, 30, 100]) {
    const path = fileOf(`bundles-${count}.xml`, generateCib(count));
    if (!CRM_VERIFY) {
      row(`2. ${count} bundles vs crm_verify`, '', 'crm_verify not installed', 'skipped', count === 100 ? '>= 20x' : '', undefined);
      continue;
    }
    // crm_verify takes seconds at 100 bundles: fewer runs there keep the whole bench short.
    const first = wall(CRM_VERIFY, ['--xml-file', path]).seconds;
    const runs = first > 5 ? 1 : Math.min(RUNS, 3);
    const [ours, theirs] = runs === 1 && first > 5
      ? [sideBySide([lint(path)], 3)[0], first]
      : sideBySide([lint(path), [CRM_VERIFY, ['--xml-file', path]]], runs);
    const speedup = theirs / ours;
    row(`2. ${count} bundles (${mb(path).toFixed(1)} MB): crm_verify / cib-lint`, seconds(ours), `${seconds(theirs)}${runs === 1 ? ' (1 run)' : ''}`, `${speedup.toFixed(1)}x faster`, count === 100 ? '>= 20x' : '', count === 100 ? speedup >= 20 : undefined);
  }

  // 3. 1, 4, 16 MB: lint vs parse-only, both as cold processes.
  log('3/5 large CIBs');
  const perMb = [];
  let big;
  for (const size of quick ? [1, 4] : [1, 4, 16]) {
    const path = fileOf(`size-${size}mb.xml`, generateCib(bundlesForSize(size)));
    big = path;
    const [ours, parse] = sideBySide([lint(path), [process.execPath, [PARSE_ONLY, path]]], quick ? 1 : 3);
    // Time per MB above the fixed cost of a cold run (startup, schema loading): linear means constant.
    perMb.push((ours - cold) / mb(path));
    const ratio = ours / parse;
    row(`3. ${mb(path).toFixed(1)} MB CIB: lint vs parse-only (${seconds((ours - cold) / mb(path))}/MB above a cold run)`, seconds(ours), seconds(parse), `${ratio.toFixed(2)}x`, size === 16 ? '<= 2.5x' : '', size === 16 ? ratio <= 2.5 : undefined);
    if (size === 16 || (quick && size === 4)) {
      const [noSchema, parseAgain] = sideBySide([lintNoSchema(path), [process.execPath, [PARSE_ONLY, path]]], quick ? 1 : 3);
      row(`3. (schema rule off) ${mb(path).toFixed(1)} MB CIB vs parse-only`, seconds(noSchema), seconds(parseAgain), `${(noSchema / parseAgain).toFixed(2)}x`, '', undefined);
    }
  }
  // Linear means no rule grows faster than the CIB: the time per MB must not rise with size. It
  // falls here (the largest file's time per MB is about half the 1 MB file's): a 1 MB run is
  // mostly unoptimised code and baseline-compiled WebAssembly, a 16 MB one has both optimised and
  // libxml2 on a second thread. Falling is better than linear, so only a rise counts against it.
  const linearity = perMb[perMb.length - 1] / perMb[0];
  row('3. time per MB above a cold run, largest vs 1 MB', seconds(perMb[perMb.length - 1]) + '/MB', seconds(perMb[0]) + '/MB', `${linearity.toFixed(2)}x`, '<= 1.5x (linear or better)', linearity <= 1.5);

  // 4. Peak RSS on the largest CIB.
  log('4/5 peak memory');
  let rssKb;
  if (TIME) {
    const { stderr } = wall(TIME, ['-f', 'MAXRSS %M', ...lint(big).flat()]);
    rssKb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1]);
  } else {
    const probe = `process.on('exit',()=>require('fs').writeSync(2,'MAXRSS '+process.resourceUsage().maxRSS+'\\n'));process.argv.splice(1,0,'cib-lint');import(${JSON.stringify(BIN)})`;
    const [command, args] = lint(big);
    const { stderr } = wall(command, ['-e', probe, ...args.slice(1)]);
    rssKb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1]);
  }
  const rssMib = rssKb / 1024;
  row(`4. peak RSS, ${mb(big).toFixed(1)} MB CIB`, `${rssMib.toFixed(0)} MiB`, '', '', '<= 400 MiB', rssMib <= 400);

  // 5. The whole corpus in one invocation vs the sum of per-file parse-only times.
  log('5/5 corpus');
  if (existsSync(CORPUS)) {
    const files = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.xml')) files.push(path);
      }
    };
    walk(CORPUS);
    // Five runs, not three: the corpus row moved by 7% between benches with three.
    const runs = RUNS;
    const whole = [];
    const wholeNoSchema = [];
    const parseSums = [];
    for (let run = 0; run < runs; run++) {
      whole.push(wall(...lint(CORPUS)).seconds);
      wholeNoSchema.push(wall(...lintNoSchema(CORPUS)).seconds);
      const result = spawnSync(process.execPath, [PARSE_ONLY, '--sum', ...files], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
      parseSums.push(Number(result.stdout) / 1000);
    }
    const ours = median(whole);
    const floor = median(parseSums);
    row(`5. corpus, ${files.length} files in one run vs sum of per-file parses`, seconds(ours), seconds(floor), `${(ours / floor).toFixed(2)}x`, '<= 3x', ours / floor <= 3);
    const noSchema = median(wholeNoSchema);
    row('5. (schema rule off) corpus vs sum of per-file parses', seconds(noSchema), seconds(floor), `${(noSchema / floor).toFixed(2)}x`, '', undefined);
    // libxml2 alone, parsing and validating every file (what the schema rule needs), as a second floor.
    const libxmlOnly = median(Array.from({ length: runs }, () => Number(spawnSync(process.execPath, [LIBXML_ONLY, '--sum', ...files], { encoding: 'utf8', maxBuffer: 1024 * 1024 }).stdout) / 1000));
    row('5. (floor) libxml2 alone: parse + RelaxNG validation of every file, one process, vs sum of per-file parses', seconds(libxmlOnly), seconds(floor), `${(libxmlOnly / floor).toFixed(2)}x`, '', undefined);
    row('5. (against that floor) corpus in one run vs libxml2 alone', seconds(ours), seconds(libxmlOnly), `${(ours / libxmlOnly).toFixed(2)}x`, '', undefined);
  } else {
    row('5. corpus', '', `${CORPUS} absent`, 'skipped', '<= 3x', undefined);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const header = ['measurement', 'cib-lint', 'reference', 'ratio', 'goal', 'status'];
const lines = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${[r.measure, r.subject, r.reference, r.ratio, r.goal, r.status].join(' | ')} |`),
];
process.stdout.write(`\nNode ${process.version}, ${(await import('node:os')).cpus().length} cores, medians of ${quick ? 1 : 9} runs for row 1, ${quick ? 1 : 3} for rows 2 and 3 (a crm_verify run over 5 s: one, as noted), ${RUNS} for row 5, one for row 4\n\n${lines.join('\n')}\n`);
