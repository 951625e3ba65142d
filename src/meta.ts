/** Facts about cib-lint itself, used by the CLI and the SARIF writer. */
export const TOOL_NAME = 'cib-lint';
export const TOOL_VERSION = '0.1.0';
export const REPOSITORY_URL = 'https://github.com/cib-lint/cib-lint';

/** The rule's docs page: a repository URL for users, or the path inside the repository. */
export function docsUrl(ruleId: string, relative = false): string {
  return relative ? `docs/rules/${ruleId}.md` : `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
