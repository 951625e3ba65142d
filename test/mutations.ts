// Random mutations of CIB files for property-based tests (test/properties.test.ts on the
// fixtures, test/suites/corpus-properties.test.ts on the corpus): elements and attributes dropped,
// duplicated, swapped or moved, random attribute values; and the property every mutated CIB must
// keep: no crash, valid SARIF, the same findings twice.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { type FileResult } from '../src/core/linter.js';
import { lintSource } from '../src/app/lint-files.js';
import { fixSource } from '../src/app/fix.js';
import { loadXml } from '../src/document/xml/load.js';
import { buildSarif } from '../src/output/sarif.js';
import { scanXml } from '../src/document/xml/scan.js';
import { decodeSource } from '../src/document/xml/source.js';
import type { XmlElement } from '../src/document/xml/element.js';
import { sarifSchemaErrors } from './helpers.js';

/** A plain, mutable element tree (comments and text dropped; CIBs hold no mixed content). */
export interface Node {
  name: string;
  attributes: [string, string][];
  children: Node[];
}

function toNode(element: XmlElement): Node {
  return {
    name: element.name,
    attributes: element.attributes.map((attribute) => [attribute.name, attribute.value]),
    children: element.children.map(toNode),
  };
}

export function clone(node: Node): Node {
  return { name: node.name, attributes: node.attributes.map(([name, value]) => [name, value]), children: node.children.map(clone) };
}

const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function serialize(node: Node, depth = 0): string {
  const indent = '  '.repeat(depth);
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attributes}/>\n`;
  return `${indent}<${node.name}${attributes}>\n${node.children.map((child) => serialize(child, depth + 1)).join('')}${indent}</${node.name}>\n`;
}

/** Every element with its parent, in document order. */
function flatten(root: Node): { node: Node; parent: Node | undefined }[] {
  const all: { node: Node; parent: Node | undefined }[] = [];
  const walk = (node: Node, parent: Node | undefined): void => {
    all.push({ node, parent });
    for (const child of node.children) walk(child, node);
  };
  walk(root, undefined);
  return all;
}

const trees = new Map<string, Node | undefined>();
export function treeOf(path: string): Node | undefined {
  if (!trees.has(path)) {
    const root = scanXml(decodeSource(readFileSync(path))).root;
    trees.set(path, root ? toNode(root) : undefined);
  }
  return trees.get(path);
}

/** Values rules parse: scores, integers, booleans, addresses, ports, ids, and hostile text. */
const attributeValue = fc.oneof(
  fc.constantFrom(
    '', ' ', '0', '-1', '1', '3', '65535', '65536', '99999999999999999999', 'INFINITY', '-INFINITY', '+INFINITY', 'inf',
    'true', 'false', 'yes', 'off', 'Promoted', 'Master', 'Started', 'host', 'none', '192.168.1.254', '10.0.0.0', '::1',
    '999.1.1.1', '8080-8079', '1-65536', '80-', '/', 'relative/path', 'pacemaker-3.9', 'pacemaker-1.0', 'pacemaker-99.0',
    'none', '#default', '--net=host --net=none', 'a&b', '<x>', '"', "'", 'é', '\u{1F600}', 'x'.repeat(300),
    // Values with a safe fix (docs/fixes.md): --fix must handle them wherever a mutation puts them.
    'infinity', '-Infinity', 'master', 'slave', 'started', 'Host', '/var/log/', 'etc/x', '8080', '0s',
  ),
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
);

export type Mutation =
  | { kind: 'drop' | 'duplicate' | 'dropAttribute' | 'duplicateAttribute'; at: number; attribute: number }
  | { kind: 'swap' | 'move'; at: number; other: number }
  | { kind: 'swapAttributes'; at: number; other: number }
  | { kind: 'setAttribute'; at: number; attribute: number; value: string; name: string | undefined };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop', 'duplicate', 'dropAttribute', 'duplicateAttribute') as fc.Arbitrary<'drop'>, at: fc.nat(), attribute: fc.nat() }),
  fc.record({ kind: fc.constantFrom('swap', 'move') as fc.Arbitrary<'swap'>, at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('swapAttributes' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('setAttribute' as const),
    at: fc.nat(),
    attribute: fc.nat(),
    value: attributeValue,
    name: fc.option(fc.constantFrom('id', 'replicas', 'score', 'rsc', 'with-rsc', 'role', 'interval', 'control-port', 'id-ref', 'value', 'name', 'class', 'type', 'validate-with', 'options'), { nil: undefined }),
  }),
);

export function apply(root: Node, change: Mutation): void {
  const all = flatten(root);
  const { node, parent } = all[change.at % all.length]!;
  switch (change.kind) {
    case 'drop':
      if (parent) parent.children.splice(parent.children.indexOf(node), 1);
      break;
    case 'duplicate':
      if (parent) parent.children.splice(parent.children.indexOf(node), 0, clone(node));
      break;
    case 'swap': {
      // Swap two elements anywhere in the tree (neither inside the other).
      const { node: other, parent: otherParent } = all[change.other % all.length]!;
      if (!parent || !otherParent || other === node || flatten(node).some((entry) => entry.node === other) || flatten(other).some((entry) => entry.node === node)) break;
      const a = parent.children.indexOf(node);
      const b = otherParent.children.indexOf(other);
      parent.children[a] = other;
      otherParent.children[b] = node;
      break;
    }
    case 'move': {
      const target = all[change.other % all.length]!.node;
      if (!parent || flatten(node).some((entry) => entry.node === target)) break;
      parent.children.splice(parent.children.indexOf(node), 1);
      target.children.push(node);
      break;
    }
    case 'dropAttribute':
      if (node.attributes.length > 0) node.attributes.splice(change.attribute % node.attributes.length, 1);
      break;
    case 'duplicateAttribute':
      // A repeated attribute is not well-formed XML: the parser must say so, not a rule crash.
      if (node.attributes.length > 0) node.attributes.push([...node.attributes[change.attribute % node.attributes.length]!]);
      break;
    case 'swapAttributes':
      if (node.attributes.length > 1) {
        const a = change.at % node.attributes.length;
        const b = change.other % node.attributes.length;
        const values = node.attributes.map(([, value]) => value);
        node.attributes[a]![1] = values[b]!;
        node.attributes[b]![1] = values[a]!;
      }
      break;
    case 'setAttribute': {
      const existing = change.name === undefined && node.attributes.length > 0 ? node.attributes[change.attribute % node.attributes.length] : node.attributes.find(([name]) => name === change.name);
      if (existing) existing[1] = change.value;
      else node.attributes.push([change.name ?? 'id', change.value]);
      break;
    }
  }
}

const allRules = builtinRules.map((rule) => ({ rule }));
const report = (file: FileResult) => ({ files: [file], rules: builtinRules.map((rule) => rule.meta), root: '/work' });
const comparable = (file: FileResult) => JSON.stringify(file.findings);

export function check(bytes: Uint8Array, name: string): void {
  const first = lintSource(bytes, name, { rules: allRules });
  expect(first.errors, name).toEqual([]);
  expect(sarifSchemaErrors(buildSarif(report(first))), name).toEqual([]);
  const second = lintSource(bytes, name, { rules: allRules });
  expect(comparable(second)).toBe(comparable(first));
}


/** Up to five mutations of a random file from `files`: the property holds for each result. */
export function assertMutationsHold(files: string[], runs: number): void {
  fc.assert(
    fc.property(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 5 }), (path, changes) => {
      const tree = treeOf(path);
      fc.pre(tree !== undefined);
      const root = clone(tree!);
      for (const change of changes) apply(root, change);
      check(Buffer.from(`<?xml version="1.0"?>\n${serialize(root)}`), path);
    }),
    { numRuns: runs },
  );
}

/** A random file from `files` cut at a random byte: the property holds. */
export function assertTruncationsHold(files: string[], runs: number): void {
  fc.assert(
    fc.property(fc.constantFrom(...files), fc.double({ min: 0, max: 1, noNaN: true }), (path, fraction) => {
      const bytes = readFileSync(path);
      check(bytes.subarray(0, Math.floor(bytes.length * fraction)), path);
    }),
    { numRuns: runs },
  );
}

/**
 * --fix on a CIB: it never throws, leaves well-formed XML, never raises the number of errors, and
 * a second --fix changes nothing.
 */
export function checkFix(bytes: Uint8Array, name: string): boolean {
  const lint = (text: Uint8Array) => lintSource(text, name, { rules: allRules });
  const outcome = fixSource(Buffer.from(bytes), lint);
  if (outcome.applied.length === 0) return false;
  expect(outcome.result.errors, name).toEqual([]);
  const loaded = loadXml(outcome.fixed);
  if (loaded.ok) loaded.document.dispose();
  expect(loaded.ok, `${name}: the fixed text is not well-formed`).toBe(true);
  const errors = (file: FileResult) => file.findings.filter((finding) => finding.level === 'error').map((finding) => `${finding.ruleId}: ${finding.message}`);
  expect(errors(outcome.result).length, `${name}: ${errors(outcome.result).join('\n')}`).toBeLessThanOrEqual(errors(outcome.first).length);
  expect(fixSource(outcome.fixed, lint).applied, name).toEqual([]);
  return true;
}

/** Up to five mutations of a random file from `files`, then --fix: checkFix's properties hold. */
/** Attributes with a safe fix (docs/fixes.md), by element, with values that have one. */
const FIXABLE: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  rsc_location: { score: ['infinity', '-Infinity'], role: ['master', 'started', 'Promoted'] },
  rsc_colocation: { score: ['+infinity'], 'rsc-role': ['slave', 'Unpromoted'] },
  rsc_order: { score: ['0', 'INFINITY', '100'] },
  op: { role: ['started', 'Master'], 'on-fail': ['stop', 'demote', 'block'] },
  docker: { 'replicas-per-host': ['2', '0'], masters: ['1'], replicas: ['-1'] },
  podman: { 'replicas-per-host': ['3'], masters: ['2'] },
  'port-mapping': { range: ['8080', '90-80'] },
  'storage-mapping': { 'target-dir': ['/var/log/', 'etc/x', '/etc/pacemaker/authkey'], 'source-dir-root': ['/srv'] },
  network: { 'add-host': ['false', 'off'] },
  nvpair: { value: ['Host', 'Promoted'] },
};

/** Gives a configuration element an attribute value that has a safe fix. */
function applyFixable(root: Node, pick: number, attribute: number, value: number): void {
  const candidates = flatten(root).filter(({ node }) => FIXABLE[node.name] !== undefined);
  if (candidates.length === 0) return;
  const { node } = candidates[pick % candidates.length]!;
  const names = Object.keys(FIXABLE[node.name]!);
  const name = names[attribute % names.length]!;
  const values = FIXABLE[node.name]![name]!;
  const existing = node.attributes.find(([each]) => each === name);
  if (existing) existing[1] = values[value % values.length]!;
  else node.attributes.push([name, values[value % values.length]!]);
}

const fixableChange = fc.tuple(fc.nat(), fc.nat(), fc.nat());

export function assertFixesHold(files: string[], runs: number): void {
  let fixed = 0;
  fc.assert(
    fc.property(fc.constantFrom(...files), fc.array(mutation, { maxLength: 3 }), fc.array(fixableChange, { minLength: 1, maxLength: 3 }), (path, changes, fixables) => {
      const tree = treeOf(path);
      fc.pre(tree !== undefined);
      const root = clone(tree!);
      for (const change of changes) apply(root, change);
      for (const [pick, attribute, value] of fixables) applyFixable(root, pick, attribute, value);
      if (checkFix(Buffer.from(`<?xml version="1.0"?>\n${serialize(root)}`), path)) fixed++;
    }),
    { numRuns: runs },
  );
  // A property that no run put to the test proves nothing.
  expect(fixed, 'runs in which --fix changed something').toBeGreaterThan(runs / 20);
}
