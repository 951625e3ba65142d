// The trio every rule must have (rule file, docs page, valid and invalid fixtures), the metadata
// SARIF and the docs are derived from, and docs examples that really fire (or stay silent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { docsExamples, exampleAsCib } from '../src/core/docs.js';
import { lintSource } from '../src/app/lint-files.js';
import { LEVELS } from '../src/core/rule.js';

const root = new URL('..', import.meta.url).pathname;
const ruleFiles = readdirSync(join(root, 'rules'))
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.slice(0, -3))
  .sort();

describe('rule registry', () => {
  it('registers exactly the files in rules/', () => {
    expect(builtinRules.map((rule) => rule.meta.id).sort()).toEqual(ruleFiles);
  });
  it('has one fixtures folder per rule and no orphans', () => {
    const folders = readdirSync(join(root, 'fixtures')).filter((name) => name !== 'examples').sort();
    expect(folders).toEqual(ruleFiles);
  });
  it('has one docs page per rule and no orphans', () => {
    const pages = readdirSync(join(root, 'docs/rules')).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => name.slice(0, -3)).sort();
    expect(pages).toEqual(ruleFiles);
  });
});

for (const rule of builtinRules) {
  const { meta } = rule;
  describe(`rule ${meta.id}`, () => {
    it('has complete metadata', () => {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(LEVELS).toContain(meta.level);
      expect(meta.description.length).toBeGreaterThan(10);
      expect(meta.description.length).toBeLessThanOrEqual(1024);
      expect(meta.constraint.title.length).toBeGreaterThan(0);
      expect(meta.constraint.source.length).toBeGreaterThan(0);
      expect(meta.tags.length).toBeGreaterThan(0);
      const messages = Object.values(meta.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(message.text.length).toBeGreaterThan(0);
        if (message.level) expect(LEVELS).toContain(message.level);
      }
    });

    it('has valid and invalid fixtures', () => {
      const dir = join(root, 'fixtures', meta.id);
      const files = existsSync(dir) ? readdirSync(dir) : [];
      expect(files.some((name) => /^valid.*\.xml$/.test(name))).toBe(true);
      expect(files.some((name) => /^invalid.*\.xml$/.test(name))).toBe(true);
    });

    const page = join(root, 'docs/rules', `${meta.id}.md`);
    const markdown = existsSync(page) ? readFileSync(page, 'utf8') : '';
    it('has a docs page with what, why, examples and a fix', () => {
      expect(markdown.split('\n')[0]).toBe(`# ${meta.id}`);
      for (const heading of ['## What it checks', '## Why', '## Incorrect', '## Correct', '## How to fix']) {
        expect(markdown).toContain(heading);
      }
    });

    const examples = docsExamples(markdown);
    it.skipIf(meta.unavailable?.({}) !== undefined)('docs examples: incorrect fires, correct does not', () => {
      expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
      expect(examples.some((example) => example.kind === 'correct')).toBe(true);
      for (const example of examples) {
        const result = lintSource(Buffer.from(exampleAsCib(example.xml)), `${meta.id}.md`, { rules: [{ rule }] });
        expect(result.errors).toEqual([]);
        const own = result.findings.filter((finding) => finding.ruleId === meta.id);
        if (example.kind === 'incorrect') expect(own.length, example.xml).toBeGreaterThan(0);
        else expect(own, example.xml).toEqual([]);
      }
    });
  });
}
