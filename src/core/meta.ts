/** Facts about cib-lint itself, used by the CLI and the SARIF writer. */
export const TOOL_NAME = 'cib-lint';
export const TOOL_VERSION = '0.1.0';
export const REPOSITORY_URL = 'https://github.com/cib-lint/cib-lint';

/** Where a rule's documentation is, if anywhere (see RuleMeta.docsUrl). */
export function ruleDocsUrl(meta: { id: string; docsUrl?: string }): string | undefined {
  if (meta.docsUrl === undefined) return docsUrl(meta.id);
  return meta.docsUrl === '' ? undefined : meta.docsUrl;
}

/** A built-in rule's docs page: a repository URL for users, or the path inside the repository. */
export function docsUrl(ruleId: string, relative = false): string {
  return relative ? `docs/rules/${ruleId}.md` : `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
