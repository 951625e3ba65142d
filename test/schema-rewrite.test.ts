// Pacemaker's schemas served with their repeated externalRefs shared (src/schema-rewrite.ts): the
// rewrite itself, and, where the schemas are installed, the same verdict and the same errors from
// libxml2 as the schemas as written, for every installed version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { XmlDocument, XmlValidateError, type RelaxNGValidator } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { shareExternalRefs } from '../src/schema-rewrite.js';
import { compileSchema, DEFAULT_SCHEMA_DIR, schemaInstalled } from '../src/schemas.js';
import { apply, mutation, serialize, treeOf } from './mutations.js';
import { ROOT } from './helpers.js';

const HEAD = '<?xml version="1.0"?>\n<grammar xmlns="http://relaxng.org/ns/structure/1.0">';

describe('shareExternalRefs', () => {
  it('makes repeated externalRefs of the file own grammar one definition, named after the file and the target', () => {
    const text = `${HEAD}<start><element name="a"><externalRef href="score.rng"/><externalRef href="score.rng"/><externalRef href="once.rng"/></element></start></grammar>\n`;
    expect(shareExternalRefs('rule.rng', text)).toBe(
      `${HEAD}<start><element name="a"><ref name="cib-lint.shared.rule.rng.score.rng"/><ref name="cib-lint.shared.rule.rng.score.rng"/><externalRef href="once.rng"/></element></start>` +
        '<define name="cib-lint.shared.rule.rng.score.rng"><externalRef href="score.rng"/></define></grammar>\n',
    );
  });

  it('names the definition after the whole path: same-named files from two folders in one grammar do not clash', () => {
    const text = `${HEAD}<start><choice><externalRef href="x.rng"/><externalRef href="x.rng"/></choice></start></grammar>`;
    expect(shareExternalRefs('/a/common.rng', text)).toContain('<define name="cib-lint.shared._a_common.rng.x.rng">');
    expect(shareExternalRefs('/b/common.rng', text)).toContain('<define name="cib-lint.shared._b_common.rng.x.rng">');
  });

  it('leaves references inside a nested grammar, which cannot reach the file definitions, as they are', () => {
    const text = `${HEAD}<start><element name="a"><grammar><start><externalRef href="x.rng"/></start></grammar><grammar><start><externalRef href="x.rng"/></start></grammar></element></start></grammar>`;
    expect(shareExternalRefs('f.rng', text)).toBe(text);
  });

  it('leaves files it cannot read for certain as they are: CDATA, a DTD, a prefix, an ns attribute, other attributes', () => {
    const twice = '<externalRef href="x.rng"/><externalRef href="x.rng"/>';
    for (const text of [
      `${HEAD}<start><![CDATA[ ]]><choice>${twice}</choice></start></grammar>`,
      `<!DOCTYPE grammar>${HEAD}<start><choice>${twice}</choice></start></grammar>`,
      `<rng:grammar xmlns:rng="http://relaxng.org/ns/structure/1.0"><rng:start><rng:choice><rng:externalRef href="x.rng"/><rng:externalRef href="x.rng"/></rng:choice></rng:start></rng:grammar>`,
      `${HEAD}<start><choice><externalRef href="x.rng" ns="urn:a"/><externalRef href="x.rng" ns="urn:b"/></choice></start></grammar>`,
      `${HEAD}<start><element name="a" ns="urn:a"><externalRef href="x.rng"/></element><externalRef href="x.rng"/></start></grammar>`,
    ]) {
      expect(shareExternalRefs('f.rng', text)).toBe(text);
    }
  });

  it('does not count references in comments, and drops the comments of a file it rewrites', () => {
    const commented = `${HEAD}<!-- <externalRef href="x.rng"/> --><start><externalRef href="x.rng"/></start></grammar>`;
    expect(shareExternalRefs('f.rng', commented)).toBe(commented);
    expect(shareExternalRefs('f.rng', `${HEAD}<!-- a <grammar> --><start><choice><externalRef href="x.rng"/><externalRef href="x.rng"/></choice></start></grammar>`)).toBe(
      `${HEAD}<start><choice><ref name="cib-lint.shared.f.rng.x.rng"/><ref name="cib-lint.shared.f.rng.x.rng"/></choice></start><define name="cib-lint.shared.f.rng.x.rng"><externalRef href="x.rng"/></define></grammar>`,
    );
  });
});

/** Every installed pacemaker-X.Y.rng. */
function installedSchemas(): string[] {
  return readdirSync(DEFAULT_SCHEMA_DIR)
    .filter((name) => /^pacemaker-\d+\.\d+\.rng$/.test(name))
    .map((name) => join(DEFAULT_SCHEMA_DIR, name));
}

function errorsOf(validator: RelaxNGValidator, document: XmlDocument): unknown {
  try {
    validator.validate(document);
    return 'valid';
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map(({ message, line, xpath }) => ({ message, line, xpath }));
  }
}

function compiled(path: string, shareExternalRefs: boolean): RelaxNGValidator | string {
  try {
    return compileSchema(path, { shareExternalRefs });
  } catch (error) {
    return (error as Error).message;
  }
}

describe.skipIf(!schemaInstalled(DEFAULT_SCHEMA_DIR))('Pacemaker schemas with shared externalRefs', () => {
  const fixtureDirectory = join(ROOT, 'fixtures');
  const fixtures = readdirSync(fixtureDirectory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.xml'))
    .map((name) => join(fixtureDirectory, name));
  // Mutated fixtures: elements and attributes dropped, duplicated, swapped, moved or given random
  // values, so that most are invalid in many different ways. The seed keeps the run repeatable.
  const documents = [
    ...fixtures.map((path) => readFileSync(path, 'utf8')),
    ...fc.sample(fc.tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 4 })), { numRuns: 300, seed: 8 }).flatMap(([path, changes]) => {
      const root = treeOf(path);
      if (!root) return [];
      for (const change of changes) apply(root, change);
      return [serialize(root)];
    }),
  ];

  it('gives libxml2 the same verdict and the same errors as the schemas as written, for every version', () => {
    const parsed = documents.flatMap((text) => {
      try {
        return [XmlDocument.fromString(text)];
      } catch {
        return [];
      }
    });
    expect(parsed.length).toBeGreaterThan(300);
    let compared = 0;
    try {
      for (const path of installedSchemas()) {
        const shared = compiled(path, true);
        const asWritten = compiled(path, false);
        expect(typeof shared, path).toBe(typeof asWritten);
        if (typeof shared === 'string' || typeof asWritten === 'string') continue;
        for (const document of parsed) {
          expect(errorsOf(shared, document), path).toEqual(errorsOf(asWritten, document));
          compared++;
        }
      }
    } finally {
      for (const document of parsed) document.dispose();
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
