/**
 * The container `options` attribute is a docker/podman command line fragment. Pacemaker appends
 * it to the command it builds, so it is split here the way a POSIX shell would split it, once,
 * and every rule asks this one parser which flags are present.
 */

export interface ContainerFlag {
  /** The flag as written, without its value: `--net`, `-e`, `-p`. */
  flag: string;
  /** The value, whether given as `--flag=value`, `--flag value` or `-fvalue`; undefined for a bare flag. */
  value: string | undefined;
}

/** POSIX-shell word splitting: whitespace separates, quotes group, backslash escapes. */
export function shellSplit(input: string): string[] {
  // Most options have no quotes and no escapes: then words are the runs between white space, and
  // one native split replaces a loop over every character.
  if (!/['"\\]/.test(input)) return input.split(/\s+/).filter((word) => word !== '');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < input.length && '"\\$`'.includes(input[i + 1]!)) word += input[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < input.length) {
      word += input[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * docker/podman `run` flags that take a value. A short flag may carry it attached (`-p8080:80`),
 * a long one after `=`; otherwise it is the next word.
 */
const FLAGS_WITH_VALUE = new Set([
  '-e', '--env', '-p', '--publish', '-v', '--volume', '-h', '--hostname', '--net', '--network',
  '--restart', '--name', '-u', '--user', '-w', '--workdir', '--entrypoint', '--add-host', '--dns',
  '-l', '--label', '--env-file', '--mount', '--cap-add', '--cap-drop', '--ulimit', '--log-driver',
  '--log-opt', '--security-opt', '--ip', '--ip6', '--memory', '-m', '--cpus', '--pid', '--ipc',
  '--uts', '--userns', '--device', '--tmpfs', '--shm-size', '--expose', '--label-file',
]);

export function parseContainerOptions(options: string | undefined): ContainerFlag[] {
  if (options === undefined) return [];
  const words = shellSplit(options);
  const flags: ContainerFlag[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-') || word === '-') continue;
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      if (equals > 0) flags.push({ flag: word.slice(0, equals), value: word.slice(equals + 1) });
      else if (FLAGS_WITH_VALUE.has(word) && i + 1 < words.length) flags.push({ flag: word, value: words[++i] });
      else flags.push({ flag: word, value: undefined });
    } else {
      const short = word.slice(0, 2);
      if (word.length > 2 && FLAGS_WITH_VALUE.has(short)) {
        flags.push({ flag: short, value: word.slice(2).replace(/^=/, '') });
      } else if (FLAGS_WITH_VALUE.has(short) && i + 1 < words.length) {
        flags.push({ flag: short, value: words[++i] });
      } else flags.push({ flag: word, value: undefined });
    }
  }
  return flags;
}

/** Values of an environment variable set with `-e NAME=value` / `--env NAME=value`. */
export function environmentValues(flags: ContainerFlag[], name: string): string[] {
  const values: string[] = [];
  for (const { flag, value } of flags) {
    if ((flag === '-e' || flag === '--env') && value !== undefined && value.startsWith(`${name}=`)) {
      values.push(value.slice(name.length + 1));
    }
  }
  return values;
}

/**
 * The network mode selected by `--net`/`--network`, if any. Current docker takes the first one as
 * the container's mode (further ones attach more networks, which `host` and `none` refuse).
 */
export function networkMode(flags: ContainerFlag[]): string | undefined {
  for (const { flag, value } of flags) if ((flag === '--net' || flag === '--network') && value !== undefined) return value;
  return undefined;
}
