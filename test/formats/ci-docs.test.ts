// docs/ci.md: its YAML snippets parse, name the report files the commands write, and every
// `cib-lint cluster/ ...` command in it runs on a folder of CIBs and writes reports that validate.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runInProcess, sarifSchemaErrors } from '../helpers.js';
import { withXml, xsdProblems } from './helpers.js';

const DOC = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
const JUNIT_XSD = readFileSync(new URL('junit-jenkins.xsd', import.meta.url), 'utf8');

function blocks(language: string): string[] {
  return [...DOC.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

/** The arguments of each `cib-lint cluster/ ...` command in the page (in YAML, Groovy or sh). */
const COMMANDS = [...DOC.matchAll(/\bcib-lint (cluster\/[^'"\n]*)/g)].map((match) => match[1]!.trim().split(/\s+/));

const work = mkdtempSync(join(tmpdir(), 'cib-lint-ci-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docs/ci.md', () => {
  it('has GitLab CI and Azure Pipelines YAML that parses, with the reports the command writes', () => {
    const [gitlab, azure] = blocks('yaml').map((text) => parse(text));
    const job = gitlab['cib-lint'];
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'cib-lint-junit.xml' });
    expect(job.script.join(' ')).toContain('--format gitlab=gl-code-quality-report.json');
    expect(job.script.join(' ')).toContain('--format junit=cib-lint-junit.xml');
    const artifacts = azure.steps.find((step: { task?: string }) => step.task === 'PublishBuildArtifacts@1');
    expect(artifacts.inputs.ArtifactName).toBe('CodeAnalysisLogs');
    expect(azure.steps.map((step: { script?: string }) => step.script ?? '').join(' ')).toContain('--format sarif=CodeAnalysisLogs/');
  });

  it('has a Jenkins pipeline with junit and Warnings NG checkStyle on the files the command writes', () => {
    const [jenkins] = blocks('groovy');
    expect(jenkins).toContain("junit testResults: 'cib-lint-junit.xml'");
    expect(jenkins).toContain("checkStyle(pattern: 'cib-lint-checkstyle.xml'");
    expect(jenkins).toContain('--format checkstyle=cib-lint-checkstyle.xml');
  });

  it('runs each command, which writes reports that validate', async () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(4);
    for (const [index, args] of COMMANDS.entries()) {
      const cwd = join(work, String(index));
      cpSync(join(ROOT, 'fixtures/examples'), join(cwd, 'cluster'), { recursive: true });
      const result = await runInProcess(args, { cwd });
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stdout).toContain('cluster/httpd-bundle.xml');
      for (const option of args.filter((arg) => arg.includes('='))) {
        const [format, file] = option.split('=') as [string, string];
        const written = readFileSync(join(cwd, file), 'utf8');
        switch (format) {
          case 'junit':
            expect(xsdProblems(written, JUNIT_XSD)).toEqual([]);
            break;
          case 'gitlab': {
            const issues = JSON.parse(written) as { location: { path: string } }[];
            expect(issues.length).toBeGreaterThan(0);
            expect(new Set(issues.map((issue) => issue.location.path))).toEqual(new Set(['cluster/httpd-bundle.xml']));
            break;
          }
          case 'checkstyle':
            withXml(written, (document) => expect(document.root.name).toBe('checkstyle'));
            break;
          case 'sarif':
            expect(sarifSchemaErrors(JSON.parse(written))).toEqual([]);
            break;
          default:
            throw new Error(`docs/ci.md writes a format this test does not check: ${option}`);
        }
      }
    }
  });
});
