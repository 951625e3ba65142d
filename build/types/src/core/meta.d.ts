/** Facts about cib-lint itself, used by the CLI and the SARIF writer. */
export declare const TOOL_NAME = "cib-lint";
export declare const TOOL_VERSION = "0.1.0";
export declare const REPOSITORY_URL = "https://github.com/cib-lint/cib-lint";
/** Where a rule's documentation is, if anywhere (see RuleMeta.docsUrl). */
export declare function ruleDocsUrl(meta: {
    id: string;
    docsUrl?: string;
}): string | undefined;
/** A built-in rule's docs page: a repository URL for users, or the path inside the repository. */
export declare function docsUrl(ruleId: string, relative?: boolean): string;
