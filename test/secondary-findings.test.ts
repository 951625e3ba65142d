// Secondary findings (the schema rule's) give way to another rule's finding that explains the
// same problem, and only to that: the same attribute for one on an attribute; the element or one
// of its attributes for one on an element; and never a note, or a warning for an error.
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/app/lint-files.js';
import { defineRule, type Level } from '../src/core/rule.js';
import type { XmlAttribute, XmlElement } from '../src/document/document.js';

type Target = { element: string; attribute?: string };

const source = Buffer.from(
  '<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes/><resources>' +
    '<primitive id="p" class="ocf" provider="pacemaker" type="Dummy"><operations><op id="p-monitor" name="monitor" interval="10s" role="Primary"/></operations></primitive>' +
    '</resources><constraints/></configuration><status/></cib>',
);

function node(elements: readonly XmlElement[], target: Target): XmlElement | XmlAttribute {
  const element = elements.find((candidate) => candidate.id === target.element)!;
  return target.attribute === undefined ? element : element.attribute(target.attribute)!;
}

function reporting(id: string, level: Level, target: Target, secondary = false) {
  return defineRule({
    meta: { id, level, description: id, constraint: { title: id, source: 'a test' }, tags: [], messages: { found: { text: id } } },
    check({ document, report }) {
      report({ messageId: 'found', node: node(document.elements, target), secondary });
    },
  });
}

/** The rule ids left when a secondary finding meets one other finding. */
function remaining(secondary: { level: Level; target: Target }, other: { level: Level; target: Target }): string[] {
  const result = lintSource(source, 'cib.xml', {
    rules: [{ rule: reporting('catch-all', secondary.level, secondary.target, true) }, { rule: reporting('specific', other.level, other.target) }],
  });
  expect(result.errors).toEqual([]);
  return result.findings.map((finding) => finding.ruleId).sort();
}

const op = { element: 'p-monitor' };
const role = { element: 'p-monitor', attribute: 'role' };
const interval = { element: 'p-monitor', attribute: 'interval' };

describe('secondary findings', () => {
  it('on an attribute give way only to a finding on the same attribute', () => {
    expect(remaining({ level: 'error', target: role }, { level: 'error', target: role })).toEqual(['specific']);
    expect(remaining({ level: 'error', target: role }, { level: 'error', target: interval })).toEqual(['catch-all', 'specific']);
    expect(remaining({ level: 'error', target: role }, { level: 'error', target: op })).toEqual(['catch-all', 'specific']);
  });

  it('on an element give way to a finding on the element or one of its attributes, not on its parent or child', () => {
    expect(remaining({ level: 'error', target: op }, { level: 'error', target: op })).toEqual(['specific']);
    expect(remaining({ level: 'error', target: op }, { level: 'error', target: role })).toEqual(['specific']);
    expect(remaining({ level: 'error', target: op }, { level: 'error', target: { element: 'p' } })).toEqual(['catch-all', 'specific']);
    expect(remaining({ level: 'error', target: { element: 'p' } }, { level: 'error', target: role })).toEqual(['catch-all', 'specific']);
  });

  it('give way only to a finding at least as severe, and never to a note', () => {
    expect(remaining({ level: 'error', target: op }, { level: 'warning', target: op })).toEqual(['catch-all', 'specific']);
    expect(remaining({ level: 'warning', target: op }, { level: 'warning', target: op })).toEqual(['specific']);
    expect(remaining({ level: 'warning', target: op }, { level: 'error', target: role })).toEqual(['specific']);
    expect(remaining({ level: 'note', target: role }, { level: 'note', target: role })).toEqual(['catch-all', 'specific']);
    expect(remaining({ level: 'note', target: role }, { level: 'warning', target: role })).toEqual(['specific']);
  });

  it('are never explained by another secondary finding', () => {
    const result = lintSource(source, 'cib.xml', {
      rules: [{ rule: reporting('catch-all', 'error', role, true) }, { rule: reporting('other-catch-all', 'error', role, true) }],
    });
    expect(result.findings.map((finding) => finding.ruleId).sort()).toEqual(['catch-all', 'other-catch-all']);
  });
});
