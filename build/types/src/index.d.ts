/**
 * The public API for teams writing their own rules (plugins) and tooling around cib-lint:
 * the same `defineRule` and types the built-in rules use.
 */
export { defineRule, formatMessage, LEVELS } from './core/rule.js';
export { PacemakerModel, NEWEST_RELEASE } from './cib/pacemaker.js';
export type { AssumedVersion, SchemaSupport } from './cib/pacemaker.js';
export type { Level, Severity, Rule, RuleMeta, RuleMessage, RuleContext, RuleOptions, ReportDescriptor, RelatedLocation } from './core/rule.js';
export { Cib, Bundle, CONTAINER_KINDS, DEFAULT_REMOTE_PORT } from './cib/model.js';
export type { ContainerKind, NvValue } from './cib/model.js';
export { parseBoolean, parseInteger, parseScore, parseSchemaVersion } from './cib/values.js';
export { parseContainerOptions, shellSplit, environmentValues, networkMode } from './cib/container-options.js';
export type { XmlElement, XmlAttribute, XmlComment } from './document/xml/element.js';
export { lintSource } from './app/lint-files.js';
export { createLinter } from './core/linter.js';
export type { Linter } from './core/linter.js';
export type { CibDocument, XPathMatch, SchemaError } from './document/document.js';
export { loadXml } from './document/xml/load.js';
export type { Finding, FileResult, Location, RelatedFinding, Suppression } from './core/finding.js';
export type { EnabledRule, LintSettings } from './core/linter.js';
export { checkFixture, expectedFindings } from './app/testing.js';
export { builtinRules } from '../rules/index.js';
