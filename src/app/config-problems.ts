/**
 * What is wrong with a configuration file, all of it at once and each problem where it is:
 * `.cib-lint.yaml:4:3: rules.bundle-image-requird: unknown rule id; did you mean
 * bundle-image-required?`. Syntax errors, schema errors and unknown rule ids or options are
 * collected rather than thrown one by one, so that a file is fixed in one pass.
 *
 * yaml is passed in rather than imported: it is loaded only when a configuration file is read.
 */
import type { ErrorObject } from 'ajv';
import type * as Yaml from 'yaml';
import { didYouMean } from '../core/similar.js';

/** A key path in the configuration: `['rules', 'monitor-missing']`, `['suppressions', 2, 'rule']`. */
export type KeyPath = ReadonlyArray<string | number>;

/**
 * `file:line:column` of a key path (its key, or its value), as precisely as the file allows: the
 * deepest part of the path that exists. JSON files are located with the YAML parser, which reads
 * JSON too.
 */
export type Locate = (path: KeyPath, part?: 'key' | 'value') => string;

export interface ParsedConfig {
  data: unknown;
  /** Syntax errors: the file could not be read as data. */
  syntaxErrors: string[];
  locate: Locate;
  /** A scalar value as the file writes it (`3.0`, where the data holds 3), when the path leads to one. */
  sourceOf: (path: KeyPath) => string | undefined;
}

export function parseConfigText(file: string, text: string, yaml: typeof Yaml): ParsedConfig {
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return file;
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  /** The deepest node the path reaches, the key it was reached by, and whether it was reached whole. */
  const walk = (path: KeyPath): { node: unknown; key: Yaml.Node | undefined; whole: boolean } => {
    let node: unknown = document.contents;
    let key: Yaml.Node | undefined;
    let reached = 0;
    for (const segment of path) {
      if (yaml.isMap(node)) {
        const pair = node.items.find((item) => yaml.isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        key = pair.key as Yaml.Node;
        node = pair.value;
      } else if (yaml.isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        key = undefined;
        node = node.items[segment];
      } else {
        break;
      }
      reached++;
    }
    return { node, key, whole: reached === path.length };
  };
  const locate: Locate = (path, part = 'key') => {
    const { node, key } = walk(path);
    const target = part === 'key' && key !== undefined ? key : yaml.isNode(node) ? node : key;
    return at(target?.range?.[0]);
  };
  const sourceOf = (path: KeyPath): string | undefined => {
    const { node, whole } = walk(path);
    if (!whole || !yaml.isScalar(node) || node.range === undefined || node.range === null) return undefined;
    return text.slice(node.range[0], node.range[1]);
  };
  if (file.endsWith('.json')) {
    try {
      return { data: JSON.parse(text), syntaxErrors: [], locate, sourceOf };
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!;
      const position = /at position (\d+)/.exec(message);
      const reason = message.replace(/ in JSON at position \d+.*$/, '');
      return { data: undefined, syntaxErrors: [`${position ? at(Number(position[1])) : file}: not valid JSON: ${reason}`], locate, sourceOf };
    }
  }
  const syntaxErrors = document.errors.map((error) => `${at(error.pos[0])}: not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  return { data: syntaxErrors.length > 0 ? undefined : document.toJS(), syntaxErrors, locate, sourceOf };
}

/** The schema's properties at an error's place, for "did you mean" on an unknown key. */
function knownKeys(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties).filter((key) => key !== '$schema') : [];
}

function segments(instancePath: string): Array<string | number> {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `rules.monitor-missing`, `suppressions[2].rule`, or `(top level)`. */
export function describePath(path: KeyPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || '(top level)';
}

export interface SchemaProblem {
  path: KeyPath;
  /** Whether the problem is the key itself (unknown) or its value. */
  part: 'key' | 'value';
  message: string;
}

/**
 * One problem per place from ajv's errors (allErrors, verbose), worded for the file's author: an
 * unknown key with the nearest known one, a value of the wrong type with the fix ("quote it") when
 * YAML read a version as a number.
 */
export function schemaProblems(errors: readonly ErrorObject[], sourceOf: (path: KeyPath) => string | undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const add = (path: KeyPath, message: string, part: SchemaProblem['part'] = 'value') => {
    const key = `${describePath(path)}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, part, message });
  };
  // A rule setting matches neither form (a level, or [level, {options}]): the errors of each branch
  // alone are misleading, so the setting gets one message naming both forms.
  const settings = new Set(errors.filter((error) => error.keyword === 'oneOf' && /^\/rules\/[^/]+$/.test(error.instancePath)).map((error) => error.instancePath));
  for (const error of errors) {
    const path = segments(error.instancePath);
    const setting = [...settings].find((prefix) => error.instancePath === prefix || error.instancePath.startsWith(`${prefix}/`));
    if (setting !== undefined) {
      const settingPath = segments(setting);
      const value = sourceOf(settingPath);
      add(settingPath, `must be off, note, warning or error, or [level, {options}]${value === undefined ? '' : didYouMean(value.replace(/^["']|["']$/g, ''), ['off', 'note', 'warning', 'error'])}`);
      continue;
    }
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      // A wrapper says less than the errors it wraps, reported on their own.
      if (errors.some((other) => other !== error && other.instancePath.startsWith(error.instancePath) && other.keyword !== error.keyword)) continue;
    }
    if (error.keyword === 'additionalProperties') {
      const name = String(error.params.additionalProperty);
      add([...path, name], `unknown key${didYouMean(name, knownKeys(error))}`, 'key');
    } else if (error.keyword === 'enum') {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      add(path, `must be one of ${allowed.join(', ')}${typeof error.data === 'string' ? didYouMean(error.data, allowed) : ''}`);
    } else if (error.keyword === 'type' && error.params.type === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
      // YAML reads 3.0 as the number 3, and 3.10 as 3.1: the text as written is what was meant.
      const written = sourceOf(path) ?? String(error.data);
      add(path, `must be a string, not the ${typeof error.data} ${written}; quote it: "${written}"`);
    } else {
      add(path, error.message ?? 'invalid');
    }
  }
  return problems;
}

/**
 * The data with the places that have problems taken out (a whole top-level key, or one rule's
 * setting), so that the rest can still be checked against the rules in the same pass.
 */
export function withoutProblems(data: unknown, problems: readonly SchemaProblem[]): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const result: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const { path } of problems) {
    const [top, second] = path;
    if (top === undefined) continue;
    if (top === 'rules' && second !== undefined && typeof result.rules === 'object' && result.rules !== null && !Array.isArray(result.rules)) {
      const rules = { ...(result.rules as Record<string, unknown>) };
      delete rules[String(second)];
      result.rules = rules;
    } else {
      delete result[String(top)];
    }
  }
  return result;
}

/** Problems in the order of the file (`file:line:column: ...` first by line, then column); others keep their place after them. */
export function inFileOrder(problems: readonly string[]): string[] {
  const position = (problem: string): [number, number] => {
    const match = /^[^\n]*?:(\d+):(\d+): /.exec(problem);
    return match ? [Number(match[1]), Number(match[2])] : [Infinity, Infinity];
  };
  return problems
    .map((problem, index) => ({ problem, index, at: position(problem) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index)
    .map(({ problem }) => problem);
}
