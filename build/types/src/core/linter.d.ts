import type { LoadResult, SourceText, XmlComment } from '../document/document.js';
import { type FileResult, type Finding } from './finding.js';
import { type Level, type Rule, type RuleOptions } from './rule.js';
export type { FileResult, Finding, Location } from './finding.js';
export interface EnabledRule {
    rule: Rule;
    /** The level the user configured; undefined keeps each message's default level. */
    level?: Level;
    options?: Record<string, unknown>;
}
export interface LintSettings {
    rules: EnabledRule[];
    options?: Omit<RuleOptions, 'ruleOptions'>;
    /** Hook run with every parsed file's comments and findings (inline suppressions). */
    postProcess?: (findings: Finding[], comments: readonly XmlComment[], source: SourceText) => Finding[];
    /**
     * Whether each result keeps its source text (default true): only the text report's code frames
     * read it. Without it, a file's text can be collected as soon as the file is linted.
     */
    keepSource?: boolean;
}
export interface Linter {
    /** Lints one loaded file; the caller still owns (and disposes) the document. */
    lint(loaded: LoadResult, filePath: string): FileResult;
}
/** A linter for one set of rules and options: what every file needs is worked out once, here. */
export declare function createLinter(settings: LintSettings): Linter;
