/**
 * The contract between the engine and a rule. A rule is `rules/<id>.ts` exporting
 * `defineRule({ meta, check })`; everything users see about it (docs URL, SARIF `rules[]`, the
 * README table, `cib-lint rules`) is derived from `meta`.
 */
import type { Cib } from '../cib/model.js';
import type { PacemakerModel } from '../cib/pacemaker.js';
import type { CibDocument, SchemaError, XmlAttribute, XmlElement } from '../document/document.js';
export declare const LEVELS: readonly ["note", "warning", "error"];
export type Level = (typeof LEVELS)[number];
/** A level as configured: a level, or `off`. */
export type Severity = Level | 'off';
export declare function levelRank(level: Level): number;
export interface RuleMessage {
    /** The text, with `{{name}}` placeholders filled from the report's `data`. */
    text: string;
    /** The level of findings with this message when it differs from the rule's default level. */
    level?: Level;
}
export interface RuleMeta<MessageId extends string = string> {
    /** The public id from the rule catalog: config files, SARIF and suppressions refer to it. */
    id: string;
    /** The default (highest) level of the rule's findings. */
    level: Level;
    /** One line, shown by `cib-lint rules` and in SARIF `shortDescription`. */
    description: string;
    /** The documented constraint the rule enforces, and where it is documented. */
    constraint: {
        title: string;
        source: string;
    };
    tags: string[];
    /**
     * Run on every well-formed document, whatever its root; other rules run only on `<cib>`
     * documents, since their findings would be noise on anything else.
     */
    anyDocument?: boolean;
    /**
     * The rule's documentation. Built-in rules leave it out: theirs is derived from the id. Plugin
     * and policy rules without documentation get an empty string (no link is shown).
     */
    docsUrl?: string;
    /**
     * Names of the options the rule reads from `[level, {options}]` in the configuration (through
     * `context.options.ruleOptions`); any other option is a configuration error.
     */
    options?: string[];
    /** In the `recommended` preset (the default); rules outside it run with `extends: all`. */
    recommended?: boolean;
    messages: Record<MessageId, RuleMessage>;
    /**
     * The level of a finding with this message for the Pacemaker version the file is checked
     * against, when it differs from the message's own (for example an error once the cluster runs
     * Pacemaker 3). A level the user configures for the rule still wins.
     */
    levelFor?(pacemaker: PacemakerModel, messageId: MessageId): Level | undefined;
    /**
     * Says why the rule cannot check anything in this environment (for example Pacemaker's schemas
     * are not installed), or undefined when it can. Tests of fixtures skip the rule visibly then.
     */
    unavailable?(options: RuleOptions): string | undefined;
}
/** Something a finding points at: an attribute is narrower than its element. */
export type ReportTarget = XmlElement | XmlAttribute | undefined;
export interface RelatedLocation {
    target: XmlElement | XmlAttribute;
    message: string;
}
/**
 * One change to the CIB, on the scanned tree; the engine (src/core/fixes.ts) turns it into a text
 * edit that touches only that attribute or element.
 */
export type CibEdit = 
/** Gives the attribute this value, adding it after the element's last attribute when it is absent. */
{
    kind: 'setAttribute';
    element: XmlElement;
    name: string;
    value: string;
}
/** Renames an attribute in place (keeping its position), optionally with a new value. */
 | {
    kind: 'renameAttribute';
    attribute: XmlAttribute;
    name: string;
    value?: string;
} | {
    kind: 'removeAttribute';
    attribute: XmlAttribute;
}
/** Removes the element with everything inside it (and its line, when it has one of its own). */
 | {
    kind: 'removeElement';
    element: XmlElement;
}
/** Adds an element as the last child of `parent`, with `children` inside it. */
 | {
    kind: 'addElement';
    parent: XmlElement;
    element: NewElement;
};
export interface NewElement {
    name: string;
    attributes: Readonly<Record<string, string>>;
    children?: readonly NewElement[];
}
/**
 * A remedy as data: the edits that make it in the CIB file and, where pcs or cibadmin can make it
 * on a live cluster, the commands that do (each an argument vector, quoted when shown; `pcs` is
 * run as `pcs -f FILE` by the pcs script and its test).
 */
export interface FixDescriptor {
    /** What it does, in a few words: `Set replicas-per-host to 1`. */
    title: string;
    edits: CibEdit[];
    commands?: string[][];
}
export interface ReportDescriptor<MessageId extends string = string> {
    messageId: MessageId;
    /** The element or attribute that is wrong; undefined for a finding about the whole document. */
    node: ReportTarget;
    data?: Record<string, string | number>;
    /** What to do about it, preferably as a `pcs` command. */
    suggestion?: string;
    /**
     * Safe fixes: each has one meaning and loses no configuration, so `--fix` applies it (the first
     * that applies cleanly).
     */
    fixes?: FixDescriptor[];
    /** Remedies to choose from (or with a value to fill in): shown, never applied. */
    suggestions?: FixDescriptor[];
    related?: RelatedLocation[];
    /**
     * A catch-all finding (the schema rule's) that gives way to a better explanation: it is dropped
     * when another rule reports an error or warning, at least as severe, on the same attribute, or,
     * for a finding on an element, on that element or any of its attributes.
     */
    secondary?: boolean;
}
export interface RuleOptions {
    /** The Pacemaker version the user targets (`pacemaker` in the config), e.g. "2.1" or "3.0". */
    pacemakerVersion?: string;
    /** Directory holding Pacemaker's RelaxNG schemas. */
    schemaDir?: string;
    /** Options for this rule from the configuration (`[level, {options}]`). */
    ruleOptions?: Record<string, unknown>;
}
export interface RuleContext<MessageId extends string = string> {
    readonly cib: Cib;
    /** What the Pacemaker version this file is checked against does (src/cib/pacemaker.ts). */
    readonly pacemaker: PacemakerModel;
    /** The file: its text, element tree, comments, and the XPath and schema services. */
    readonly document: CibDocument;
    readonly options: RuleOptions;
    /**
     * The errors of validating this CIB (the content of `status` set aside: Pacemaker's schemas
     * accept anything there) against a RelaxNG schema file; none when it is valid.
     */
    schemaErrors(schemaPath: string): SchemaError[];
    /** Where an element or attribute starts in the source, for messages that refer to another place. */
    positionOf(target: XmlElement | XmlAttribute): {
        line: number;
        column: number;
    };
    report(descriptor: ReportDescriptor<MessageId>): void;
    /** A finding at a line and column that no element or attribute represents. */
    reportAt(descriptor: Omit<ReportDescriptor<MessageId>, 'node'> & {
        line: number;
        column?: number;
    }): void;
}
/** What a rule sees of a file libxml2 could not parse. */
export interface UnparsableContext<MessageId extends string = string> {
    readonly error: {
        message: string;
        line: number;
        column: number;
    };
    reportAt(descriptor: Omit<ReportDescriptor<MessageId>, 'node'> & {
        line: number;
        column?: number;
    }): void;
}
export interface Rule<MessageId extends string = string> {
    meta: RuleMeta<MessageId>;
    check(context: RuleContext<MessageId>): void;
    /** Called instead of `check` when the file is not well-formed XML. */
    checkUnparsable?(context: UnparsableContext<MessageId>): void;
}
/** The one way to write a rule: it types `messageId` against the rule's own messages. */
export declare function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId>;
/** The longest value a message shows whole (an attribute value may be megabytes long). */
export declare const MESSAGE_VALUE_LIMIT = 200;
/** `value`, or its start and its length when it is longer than `limit`: `aaaa… (10485760 characters)`. */
export declare function clipValue(value: string, limit?: number): string;
/**
 * Fills `{{name}}` placeholders. Values longer than MESSAGE_VALUE_LIMIT are clipped, with their
 * length; a clipped value in quotes keeps the length outside them: `"aaaa…" (10485760 characters)`.
 */
export declare function formatMessage(template: string, data?: Record<string, string | number>): string;
