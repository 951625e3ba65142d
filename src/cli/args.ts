/**
 * Command-line parsing on Node's own `parseArgs`, driven by one declarative table per command that
 * also writes the help text. parseArgs only splits the arguments into tokens (`--opt=value`,
 * `-qf json`, `--`, a lone `-`); the checks are ours, so that every mistake is one clear line:
 * Node 20's parseArgs has no `--no-X`, and its strict mode refuses `--max-warnings -1` as ambiguous
 * and explains that over three lines.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../core/similar.js';

/** A mistake on the command line: reported as one line, exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'number' | 'boolean';
  description: string;
  short?: string;
  /** Every occurrence is collected into an array; otherwise the last one wins. */
  multiple?: boolean;
  choices?: readonly string[];
  default?: string | boolean;
  /** A string option that `--no-NAME` switches off, setting `noName` (booleans always take `--no-NAME`). */
  negatable?: boolean;
}

export type Values = Record<string, unknown>;

export interface CommandSpec {
  /** The word that selects the command; none for the default command. */
  name?: string;
  /** One line for the list of commands. */
  summary: string;
  /** The command's own help text; the summary when absent. */
  description?: string;
  /** Its values are stored under the operand's name: an array when repeatable, else a string. */
  operand?: { name: string; description: string; required?: boolean; repeatable?: boolean };
  /** Keyed by the long name without dashes; values are stored under its camelCase form. */
  options: Readonly<Record<string, OptionSpec>>;
  run: (values: Values, io: import('./command.js').CommandIO) => number | Promise<number>;
}

export interface Program {
  name: string;
  /** The first one is the default command. */
  commands: readonly CommandSpec[];
}

export type Invocation = { kind: 'help'; command: CommandSpec } | { kind: 'version' } | { kind: 'run'; command: CommandSpec; values: Values };

/** Every command takes these; main acts on them before anything else is checked. */
const STANDARD_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  version: { type: 'boolean', description: 'show the version number' },
};

type Token = ReturnType<typeof tokenize>[number];
type OptionToken = Extract<Token, { kind: 'option' }>;

export function parseCommandLine(args: string[], program: Program): Invocation {
  const { command, rest } = selectCommand(args, program);
  const tokens = tokenize(rest, command);
  const asked = (name: string) => tokens.some((token) => token.kind === 'option' && token.name === name);
  if (asked('help')) return { kind: 'help', command };
  if (asked('version')) return { kind: 'version' };
  return { kind: 'run', command, values: interpret(tokens, command, program) };
}

/**
 * The command word is the first operand, options may come before it. After `--` it is a file:
 * `cib-lint -- rules` lints a file named rules.
 */
function selectCommand(args: string[], program: Program): { command: CommandSpec; rest: string[] } {
  const fallback = program.commands[0]!;
  const first = tokenize(args, fallback).find((token) => token.kind !== 'option');
  const command = first?.kind === 'positional' ? program.commands.find((candidate) => candidate.name === first.value) : undefined;
  if (command === undefined || first === undefined) return { command: fallback, rest: args };
  return { command, rest: args.filter((_, index) => index !== first.index) };
}

function tokenize(args: string[], command: CommandSpec) {
  const options = Object.fromEntries(
    Object.entries(optionsOf(command)).map(([name, spec]) => [
      name,
      { type: spec.type === 'boolean' ? ('boolean' as const) : ('string' as const), ...(spec.short !== undefined && { short: spec.short }) },
    ]),
  );
  // Not strict: unknown options, missing values and `--no-X` become tokens that interpret() explains.
  return parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

function optionsOf(command: CommandSpec): Readonly<Record<string, OptionSpec>> {
  return { ...command.options, ...STANDARD_OPTIONS };
}

function interpret(tokens: Token[], command: CommandSpec, program: Program): Values {
  const values: Values = {};
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.default !== undefined) values[camelCase(name)] = spec.default;
  }
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') operands.push(token.value);
    else if (token.kind === 'option') setOption(values, token, command, program);
  }
  setOperands(values, operands, command, program);
  return values;
}

function setOption(values: Values, token: OptionToken, command: CommandSpec, program: Program): void {
  const spec = command.options[token.name];
  if (spec === undefined) {
    setNegation(values, token, command, program);
  } else if (spec.type === 'boolean') {
    values[camelCase(token.name)] = switchValue(token);
  } else {
    const text = optionValue(token);
    if (spec.choices !== undefined && !spec.choices.includes(text)) {
      throw new UsageError(`${token.rawName} ${text}: expected one of ${spec.choices.join(', ')}${didYouMean(text, spec.choices)}`);
    }
    // A number that is not one (NaN) is left for the command to report with the rest of its checks.
    const value = spec.type === 'number' ? (text.trim() === '' ? Number.NaN : Number(text)) : text;
    const key = camelCase(token.name);
    values[key] = spec.multiple === true ? [...((values[key] as unknown[] | undefined) ?? []), value] : value;
  }
}

/** `--no-X` turns a boolean X off, or sets noX for a negatable string option (--no-config). */
function setNegation(values: Values, token: OptionToken, command: CommandSpec, program: Program): void {
  const name = token.name.startsWith('no-') ? token.name.slice('no-'.length) : undefined;
  const spec = name === undefined ? undefined : command.options[name];
  if (name === undefined || spec === undefined || (spec.type !== 'boolean' && spec.negatable !== true)) {
    const names = Object.keys(optionsOf(command)).map((option) => `--${option}`);
    const hint = token.rawName.startsWith('--') ? didYouMean(token.rawName, names) : '';
    throw new UsageError(`unknown option ${token.rawName}${hint || ` (${helpHint(command, program)} lists them)`}`);
  }
  if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value, not "${token.value}"`);
  if (spec.type === 'boolean') values[camelCase(name)] = false;
  else values[camelCase(token.name)] = true;
}

/** A switch is given alone; `--color=false` and `--color=true` are accepted too. */
function switchValue(token: OptionToken): boolean {
  if (token.value === undefined || token.value === 'true') return true;
  if (token.value === 'false') return false;
  throw new UsageError(`${token.rawName} takes no value, not "${token.value}"`);
}

/**
 * The value of a string or number option. The next argument is taken even when it starts with "-"
 * (a negative number, or - for standard input), but not when it is another option: then the value
 * was forgotten.
 */
function optionValue(token: OptionToken): string {
  const { value } = token;
  if (value === undefined) throw new UsageError(`${token.rawName} needs a value`);
  const looksLikeOption = value.length > 1 && value.startsWith('-') && Number.isNaN(Number(value));
  if (token.inlineValue !== true && looksLikeOption) {
    throw new UsageError(`${token.rawName} needs a value, not the option ${value} (write ${token.rawName}=${value} if it is the value)`);
  }
  return value;
}

function setOperands(values: Values, operands: string[], command: CommandSpec, program: Program): void {
  const { operand } = command;
  if (operand?.repeatable === true) {
    values[camelCase(operand.name)] = operands;
    return;
  }
  const allowed = operand === undefined ? 0 : 1;
  if (operands.length > allowed) throw new UsageError(`unexpected operand "${operands[allowed]}": ${usage(command, program)}`);
  if (operand === undefined) return;
  if (operands[0] !== undefined) values[camelCase(operand.name)] = operands[0];
  else if (operand.required === true) throw new UsageError(`missing <${operand.name}>: ${usage(command, program)}`);
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function helpHint(command: CommandSpec, program: Program): string {
  return [program.name, command.name, '--help'].filter((word) => word !== undefined).join(' ');
}

/** `cib-lint [files..]`, `cib-lint explain <id>`: the command as the list of commands shows it. */
function synopsis(command: CommandSpec, program: Program): string {
  const { operand } = command;
  const operandText = operand === undefined ? undefined : operand.required === true ? `<${operand.name}>` : `[${operand.name}..]`;
  return [program.name, command.name, operandText].filter((word) => word !== undefined).join(' ');
}

function usage(command: CommandSpec, program: Program): string {
  return `${synopsis(command, program)} [options]`;
}

/** Narrower text would be a word a line: on a narrow terminal, lines are longer and the terminal folds them. */
const MIN_WIDTH = 30;

/** The help of one command, wrapped to `width` columns; the default command's lists the others. */
export function helpText(program: Program, command: CommandSpec, width: number): string {
  const sections = [usage(command, program), wrap(command.description ?? command.summary, Math.max(width, MIN_WIDTH)).join('\n')];
  if (command === program.commands[0]) {
    const rows = program.commands.map((each, index): Row => [synopsis(each, program), `${each.summary}${index === 0 ? ' [default]' : ''}`]);
    sections.push(`Commands:\n${columns(rows, width)}`);
  }
  if (command.operand !== undefined) sections.push(`Operands:\n${columns([[command.operand.name, command.operand.description]], width)}`);
  const options = Object.entries(optionsOf(command)).map(([name, spec]): Row => [flags(name, spec), describe(spec)]);
  sections.push(`Options:\n${columns(options, width)}`);
  return `${sections.join('\n\n')}\n`;
}

type Row = [left: string, right: string];

function flags(name: string, spec: OptionSpec): string {
  const placeholder = spec.type === 'boolean' ? '' : ` <${spec.type === 'number' ? 'number' : 'value'}>`;
  return `${spec.short !== undefined ? `-${spec.short}, ` : '    '}--${name}${placeholder}`;
}

function describe(spec: OptionSpec): string {
  const choices = spec.choices !== undefined ? ` [choices: ${spec.choices.join(', ')}]` : '';
  const fallback = spec.default !== undefined ? ` [default: ${String(spec.default)}]` : '';
  return `${spec.description}${choices}${fallback}`;
}

/** Two columns: the right one wrapped, never narrower than MIN_WIDTH. */
function columns(rows: Row[], width: number): string {
  const indent = 2 + Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows
    .map(([left, right]) => {
      const [first = '', ...more] = wrap(right, Math.max(width - indent, MIN_WIDTH));
      return [`  ${left.padEnd(indent - 2)}${first}`, ...more.map((line) => `${' '.repeat(indent)}${line}`)].join('\n');
    })
    .join('\n');
}

/** Splits text into lines of at most `width` characters, at spaces (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}
