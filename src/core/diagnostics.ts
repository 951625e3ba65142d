/**
 * Findings the engine itself reports, about suppressions and about rules that failed. They have
 * rule metadata like any rule (SARIF `rules[]`, docs), but no `check`: nothing in a CIB triggers
 * them directly. Documented in docs/diagnostics.md.
 */
import { REPOSITORY_URL } from './meta.js';
import type { RuleMeta } from './rule.js';

const SOURCE = 'cib-lint docs/diagnostics.md';
/** All four are documented on one page; there is no docs/rules/<id>.md for them. */
const DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/diagnostics.md`;

export const DIAGNOSTICS = {
  internalError: {
    id: 'internal-error',
    level: 'error',
    description: 'A rule failed while checking this file; its findings for the file are missing',
    constraint: { title: 'Every rule completes on every file', source: SOURCE },
    tags: ['cib-lint'],
    docsUrl: DOCS_URL,
    messages: { threw: { text: 'Rule "{{rule}}" failed on this file: {{reason}}' } },
  },
  suppressionReason: {
    id: 'suppression-reason',
    level: 'warning',
    description: 'An inline suppression comment gives a reason',
    constraint: { title: 'Suppressions say why: (reason: ...)', source: SOURCE },
    tags: ['cib-lint', 'suppressions'],
    docsUrl: DOCS_URL,
    messages: { missing: { text: 'This suppression of {{rules}} gives no reason; write "(reason: why this is acceptable)"' } },
  },
  unusedSuppression: {
    id: 'unused-suppression',
    level: 'warning',
    description: 'A suppression suppresses at least one finding',
    constraint: { title: 'Suppressions that suppress nothing are removed', source: SOURCE },
    tags: ['cib-lint', 'suppressions'],
    docsUrl: DOCS_URL,
    messages: { unused: { text: 'This suppression of {{rules}} suppresses nothing; remove it' } },
  },
  suppressionExpired: {
    id: 'suppression-expired',
    level: 'warning',
    description: 'Suppressions in the configuration are renewed or removed when they expire',
    constraint: { title: 'An expired suppression no longer applies', source: SOURCE },
    tags: ['cib-lint', 'suppressions'],
    docsUrl: DOCS_URL,
    messages: {
      expired: { text: 'The suppression of {{rule}} for "{{id}}" in {{file}} expired on {{expires}}; the finding is reported again' },
    },
  },
} satisfies Record<string, RuleMeta>;

export const DIAGNOSTIC_METAS: RuleMeta[] = Object.values(DIAGNOSTICS);
