import { defineRule, type FixDescriptor, type ReportDescriptor } from '../src/core/rule.js';
import * as edits from '../src/cib/edits.js';
import type { XmlAttribute, XmlElement } from '../src/document/xml/element.js';
import type { NvValue } from '../src/cib/model.js';
import { fencingOption } from '../src/cib/pacemaker.js';
import { cibadminDelete, cibadminModify, cibadminReplaceWithout } from '../src/cib/cibadmin.js';
import { parsePacemakerInterval, parsePacemakerMs, UNIT_NAMES, type DurationUnit } from '../src/cib/durations.js';
import { canonicalRole, parseBoolean } from '../src/cib/values.js';
import { closestWords, didYouMean } from '../src/core/similar.js';

/** Actions Pacemaker refuses to repeat (op_cannot_recur() in lib/pacemaker/pcmk_sched_recurring.c). */
const CANNOT_RECUR = new Set(['start', 'stop', 'demote', 'promote', 'reload-agent', 'migrate_to', 'migrate_from']);
/**
 * Operation names Pacemaker or an agent acts on: the scheduler's actions, the `migrate` fallback
 * for migrate_to and migrate_from (pcmk__find_action_config()), and the agent actions users
 * configure as recurring or informational ops.
 */
const ACTIONS = ['start', 'stop', 'monitor', 'promote', 'demote', 'notify', 'migrate_to', 'migrate_from', 'migrate', 'reload', 'reload-agent', 'status', 'validate-all', 'meta-data'];
/** on-fail values pcmk__parse_on_fail() knows (case-insensitively); `nothing` and `migrate` are old synonyms. */
const ON_FAIL = ['ignore', 'block', 'stop', 'restart', 'standby', 'fence', 'restart-container', 'demote', 'nothing', 'migrate'];
/** The ones Pacemaker Explained documents, offered in messages. */
const DOCUMENTED_ON_FAIL = ON_FAIL.slice(0, 8);
/** on-fail values validate_on_fail() resets for a stop action. */
const NOT_FOR_STOP = new Set(['standby', 'demote', 'stop']);
const DEFAULT_TIMEOUT = '20 seconds';
/** The release from which a timeout of 0 means the 20 s default (commit 0638f40825). */
const ZERO_TIMEOUT_DEFAULT_SINCE = '2.1.8';

/** The command that rewrites an op without some of its attributes, or says to edit the file when the op has children. */
function withoutCommand(op: XmlElement, names: string[]): string {
  return cibadminReplaceWithout(op, names) ?? `Remove ${names.join(' and ')} from the op in the CIB file`;
}

/** A duration in the largest unit that keeps it whole: `90s`, `1500ms`, `2min`. */
function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}min`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${Math.round(ms)}ms`;
}

const UNIT_MS: Readonly<Record<DurationUnit, number>> = { s: 1000, ms: 1, us: 0.001, min: 60_000, h: 3_600_000 };

/** What the text meant: its number (fraction included) in the unit it names. */
function meantMs(value: string, unit: DurationUnit): number {
  return Number(/\d+(?:\.\d+)?/.exec(value)?.[0] ?? '0') * UNIT_MS[unit];
}

interface Subject {
  /** `Operation "web-start" of <primitive id="web">` or `op_defaults`. */
  text: string;
  /** The op, when the value belongs to one. */
  op: XmlElement | undefined;
  /** The nvpair, when the value is set in meta attributes. */
  nvpair: XmlElement | undefined;
}

/**
 * Operation settings Pacemaker cannot use as written: it either falls back to a default (an
 * unreadable timeout or interval, an on-fail value not allowed for the action), reads another
 * value than the one meant (units by first letter, decimals dropped), or ignores the operation
 * or attribute (a recurring start, a role on a one-off operation).
 */
export default defineRule({
  meta: {
    id: 'operation-values',
    level: 'error',
    description: 'Operation timeouts, intervals, on-fail values and roles are ones Pacemaker can use for that operation',
    constraint: {
      title: 'timeout and interval parse as durations; on-fail is allowed for the action; only recurring operations have a role; start, stop, promote, demote, migrate and reload-agent do not recur',
      source: 'Pacemaker Explained, "Resource Operations" (operation properties); lib/pengine/pe_actions.c unpack_timeout(), validate_on_fail(), pcmk__parse_on_fail(); lib/common/strings.c pcmk__parse_ms(), pcmk_parse_interval_spec() (crm_get_msec(), crm_parse_interval_spec() in 2.1); lib/pacemaker/pcmk_sched_recurring.c op_cannot_recur(), recurring_op_for_active()',
    },
    tags: ['operations'],
    messages: {
      timeoutUnreadable: {
        text: '{{subject}}: timeout="{{value}}" is not a duration Pacemaker can read{{hint}}, so it uses the default timeout of {{default}} instead',
      },
      timeoutZero: {
        text: '{{subject}}: timeout="{{value}}" is no time at all, so Pacemaker {{version}} uses the default timeout of {{default}} instead',
      },
      timeoutZeroLegacy: {
        text: '{{subject}}: timeout="{{value}}" is no time at all; what Pacemaker {{version}} does with it depends on the action and agent (from 2.1.8 it uses the default of {{default}})',
        level: 'warning',
      },
      startDelayUnreadable: {
        text: '{{subject}}: start-delay="{{value}}" is not a duration Pacemaker can read, so it does not delay the operation',
      },
      intervalUnreadable: {
        text: '{{subject}}: interval="{{value}}" is not a duration Pacemaker can read, so it uses 0 instead and the {{name}} operation does not recur',
      },
      unitMisread: {
        text: '{{subject}}: {{attribute}}="{{value}}" is {{read}} to Pacemaker, not {{meant}}: it recognises a unit by its first letters only',
      },
      isoDaysMisread: {
        text: '{{subject}}: interval="{{value}}" is {{read}} to Pacemaker, not {{meant}}: up to 3.0.2 it counts the days and years of a duration like those of a date, one less{{consequence}}',
      },
      fractionDropped: {
        text: '{{subject}}: {{attribute}}="{{value}}" is {{read}} to Pacemaker, not {{meant}}: it ignores the digits after the decimal point',
      },
      cannotRecur: {
        text: '{{subject}}: a {{name}} operation cannot recur, so Pacemaker ignores this one (interval="{{value}}"), and its settings do not apply to {{name}} either',
      },
      onFailStop: {
        text: '{{subject}}: on-fail="{{value}}" is not allowed for stop, so Pacemaker resets it to the default (fence the node, or block when fencing is disabled)',
      },
      onFailDemote: {
        text: '{{subject}}: on-fail="demote" is allowed only for promote and for recurring monitors of the Promoted role, so Pacemaker resets it to the default for this {{name}} operation',
      },
      onFailFenceDisabled: {
        text: '{{subject}}: on-fail="{{value}}" needs fencing, which {{option}} disables, so Pacemaker stops the resource instead',
      },
      onFailUnknown: {
        text: '{{subject}}: on-fail="{{value}}" is not a value Pacemaker knows, so it uses the default{{didYouMean}}',
      },
      roleIgnored: {
        text: '{{subject}}: role="{{value}}" has no effect on an operation that does not recur (interval {{interval}}); Pacemaker uses the role only to choose which recurring operations run',
        level: 'warning',
      },
      nameUnknown: {
        text: '{{subject}}: "{{value}}" is not an action Pacemaker runs{{didYouMean}}',
        level: 'warning',
      },
    },
  },
  check({ cib, pacemaker, report }) {
    const fencing = fencingOption(cib, pacemaker).effective;
    const fencingOff = fencing !== undefined && parseBoolean(fencing.value) === false;
    const zeroIsDefault = pacemaker.atLeast(ZERO_TIMEOUT_DEFAULT_SINCE);
    const version = pacemaker.assumed.version;

    const checkTimeout = (attribute: XmlAttribute, subject: Subject): void => {
      const value = attribute.value;
      const key = subject.nvpair?.attr('name') ?? attribute.name;
      const base = { subject: subject.text, value, attribute: key, default: DEFAULT_TIMEOUT, version };
      const fix = (replacement: string): string => {
        if (subject.nvpair) return cibadminModify(subject.nvpair, { value: replacement });
        return cibadminModify(subject.op!, { [attribute.name]: replacement });
      };
      const parsed = parsePacemakerMs(value);
      const startDelay = key === 'start-delay';
      if (parsed === undefined) {
        const hint = /^\s*[+-]?infinity\s*$/i.test(value) ? ' (there is no infinite timeout)' : /^\s*P/i.test(value) ? ' (ISO 8601 durations work for intervals only)' : '';
        report({
          messageId: startDelay ? 'startDelayUnreadable' : 'timeoutUnreadable',
          node: attribute,
          data: { ...base, hint },
          suggestion: `Write a number with a unit (s, ms, min, h), for example: ${fix(startDelay ? '10s' : '120s')}`,
        });
        return;
      }
      if (parsed.meant !== undefined || parsed.droppedFraction !== undefined) {
        const meant = parsed.meant ?? parsed.unit;
        const intended = meantMs(value, meant);
        report({
          messageId: parsed.meant !== undefined ? 'unitMisread' : 'fractionDropped',
          node: attribute,
          data: { ...base, read: formatMs(parsed.ms), meant: parsed.meant === undefined ? formatMs(intended) : `${formatMs(intended)} (${UNIT_NAMES[meant]})` },
          suggestion: fix(formatMs(intended)),
        });
        return;
      }
      if (parsed.ms <= 0 && !startDelay) {
        report({
          messageId: zeroIsDefault ? 'timeoutZero' : 'timeoutZeroLegacy',
          node: attribute,
          data: base,
          suggestion: `Write the time the action may take, for example: ${fix('120s')}`,
        });
      }
    };

    // Cluster-wide operation defaults.
    for (const defaults of cib.configured('op_defaults')) {
      for (const set of cib.resolvedSets(defaults, 'meta_attributes')) {
        for (const nvpair of set.childrenNamed('nvpair')) {
          const name = nvpair.attr('name');
          const value = nvpair.attribute('value');
          if (!value || (name !== 'timeout' && name !== 'start-delay')) continue;
          checkTimeout(value, { text: 'op_defaults', op: undefined, nvpair });
        }
      }
    }

    for (const op of cib.configured('op')) {
      const owner = op.parent?.parent;
      if (!owner || op.parent?.name !== 'operations') continue;
      const name = op.attr('name') ?? '';
      const subject = (nvpair?: XmlElement): Subject => ({
        text: `Operation "${op.id ?? name}" of ${owner.describe()}`,
        op: nvpair ? undefined : op,
        nvpair,
      });

      const nameAttribute = op.attribute('name');
      const closeActions = nameAttribute && !ACTIONS.includes(name) ? closestWords(name, ACTIONS) : [];
      if (nameAttribute && closeActions.length > 0) {
        report({
          messageId: 'nameUnknown',
          node: nameAttribute,
          data: { subject: subject().text, value: name, didYouMean: `; did you mean ${closeActions.join(', ')}?` },
          suggestion: cibadminModify(op, { name: closeActions[0]! }),
        });
      }

      // Timeouts and delays: the op's attributes win over its meta_attributes (pcmk__unpack_action_meta()).
      const metaSets = cib.resolvedSets(op, 'meta_attributes');
      const metaValue = (key: string): XmlAttribute | undefined => {
        for (const set of metaSets) {
          for (const nvpair of set.childrenNamed('nvpair')) if (nvpair.attr('name') === key && nvpair.has('value')) return nvpair.attribute('value');
        }
        return undefined;
      };
      for (const key of ['timeout', 'start-delay']) {
        const own = op.attribute(key);
        const fromMeta = own ? undefined : metaValue(key);
        if (own) checkTimeout(own, subject());
        else if (fromMeta) checkTimeout(fromMeta, subject(fromMeta.owner));
      }

      const intervalAttribute = op.attribute('interval');
      const interval = parsePacemakerInterval(op.attr('interval'));
      if (intervalAttribute && interval === undefined) {
        report({
          messageId: 'intervalUnreadable',
          node: intervalAttribute,
          data: { subject: subject().text, value: intervalAttribute.value, name },
          suggestion: `Write a number with a unit (s, ms, min, h) or an ISO 8601 duration such as PT30S, for example: ${cibadminModify(op, { interval: '30s' })}`,
        });
      } else if (intervalAttribute && interval && (interval.meant !== undefined || interval.droppedFraction !== undefined)) {
        const meant = interval.meant ?? interval.unit!;
        const intended = meantMs(intervalAttribute.value, meant);
        report({
          messageId: interval.meant !== undefined ? 'unitMisread' : 'fractionDropped',
          node: intervalAttribute,
          data: { subject: subject().text, attribute: 'interval', value: intervalAttribute.value, read: formatMs(interval.ms), meant: interval.meant === undefined ? formatMs(intended) : `${formatMs(intended)} (${UNIT_NAMES[meant]})` },
          suggestion: cibadminModify(op, { interval: formatMs(intended) }),
        });
      }
      if (intervalAttribute && interval?.isoMeantMs !== undefined) {
        report({
          messageId: 'isoDaysMisread',
          node: intervalAttribute,
          data: {
            subject: subject().text,
            value: intervalAttribute.value,
            read: interval.ms === 0 ? '0' : formatMs(interval.ms),
            meant: formatMs(interval.isoMeantMs),
            consequence: interval.ms === 0 ? `, so the ${name} operation does not recur` : '',
          },
          suggestion: cibadminModify(op, { interval: formatMs(interval.isoMeantMs) }),
        });
      }
      const intervalMs = interval?.ms ?? 0;
      if (intervalAttribute && intervalMs > 0 && CANNOT_RECUR.has(name)) {
        report({
          messageId: 'cannotRecur',
          node: intervalAttribute,
          data: { subject: subject().text, value: intervalAttribute.value, name },
          suggestion: `${cibadminModify(op, { interval: '0s' })} (or merge its settings into the ${name} operation with interval 0 and delete this one)`,
        });
      }

      const role = op.attribute('role');
      if (role && intervalMs === 0 && interval !== undefined && canonicalRole(role.value) !== undefined) {
        report({
          messageId: 'roleIgnored',
          node: role,
          data: { subject: subject().text, value: role.value, interval: op.attr('interval') ?? '0' },
          suggestion: withoutCommand(op, ['role']),
          // Pacemaker ignores the role here: without it the op means the same.
          fixes: [edits.remedy('Remove the role, which a one-off operation does not use', [edits.removeAttribute(role)], edits.cibadminReplaceWithout(op, ['role']))],
        });
      }

      const onFail = checkOnFail(op, name, intervalMs, subject, metaSets, fencingOff ? fencing : undefined);
      if (onFail) report(onFail);
    }
  },
});

/** What validate_on_fail() and pcmk__parse_on_fail() do with the op's effective on-fail, when it is not what was written. */
function checkOnFail(
  op: XmlElement,
  name: string,
  intervalMs: number,
  subject: (nvpair?: XmlElement) => Subject,
  metaSets: readonly XmlElement[],
  fencingOff: NvValue | undefined,
): ReportDescriptor<'onFailUnknown' | 'onFailStop' | 'onFailDemote' | 'onFailFenceDisabled'> | undefined {
  // The op's attribute wins over an on-fail in its meta_attributes.
  let attribute = op.attribute('on-fail');
  let nvpair: XmlElement | undefined;
  if (!attribute) {
    for (const set of metaSets) {
      nvpair = set.childrenNamed('nvpair').find((candidate) => candidate.attr('name') === 'on-fail' && candidate.has('value'));
      if (nvpair) break;
    }
    attribute = nvpair?.attribute('value');
  }
  if (!attribute) return undefined;
  const value = attribute.value;
  const word = value.toLowerCase();
  const about = subject(nvpair);
  const fix = (replacement: string): string => (nvpair ? cibadminModify(nvpair, { value: replacement }) : cibadminModify(op, { 'on-fail': replacement }));
  const remove = nvpair ? cibadminDelete(nvpair) : withoutCommand(op, ['on-fail']);
  // Where Pacemaker resets on-fail to the default anyway, removing it changes nothing but the text.
  const toDefault: FixDescriptor = edits.remedy(
    'Remove on-fail, which Pacemaker resets to the default here',
    [nvpair ? edits.removeElement(nvpair) : edits.removeAttribute(attribute)],
    nvpair ? edits.cibadminDelete(nvpair) : edits.cibadminReplaceWithout(op, ['on-fail']),
  );
  if (!ON_FAIL.includes(word)) {
    // The schema enumerates the attribute's values (the schema rule reports it); meta_attributes take any text.
    if (nvpair) {
      return {
        messageId: 'onFailUnknown',
        node: attribute,
        data: { subject: about.text, value, didYouMean: didYouMean(word, DOCUMENTED_ON_FAIL) },
        suggestion: `Use one of ${DOCUMENTED_ON_FAIL.join(', ')}, or remove it for the default: ${remove}`,
      };
    }
    return undefined;
  }
  if (name === 'stop' && NOT_FOR_STOP.has(word)) {
    return {
      messageId: 'onFailStop',
      node: attribute,
      data: { subject: about.text, value },
      suggestion: `Remove it for the default (${remove}), or choose one allowed for stop: ${fix('block')} (or fence, ignore)`,
      fixes: [toDefault],
      suggestions: ['block', 'fence', 'ignore'].map((choice) =>
        edits.remedy(`Write on-fail="${choice}", allowed for stop`, [nvpair ? edits.setAttribute(nvpair, 'value', choice) : edits.setAttribute(op, 'on-fail', choice)], nvpair ? edits.cibadminModify(nvpair, { value: choice }) : edits.cibadminModify(op, { 'on-fail': choice })),
      ),
    };
  }
  if (word === 'demote') {
    const role = canonicalRole(op.attr('role'));
    const promotedMonitor = name === 'monitor' && intervalMs > 0 && (role === 'Promoted' || role === 'Master');
    if (name !== 'promote' && !promotedMonitor) {
      return {
        messageId: 'onFailDemote',
        node: attribute,
        data: { subject: about.text, name },
        suggestion: `Remove it for the default: ${remove}`,
        fixes: [toDefault],
      };
    }
  }
  if (word === 'fence' && fencingOff) {
    return {
      messageId: 'onFailFenceDisabled',
      node: attribute,
      data: { subject: about.text, value, option: `${fencingOff.nvpair.attr('name') ?? 'stonith-enabled'}=${fencingOff.value}` },
      suggestion: `Enable fencing, or say what happens without it: ${fix('stop')}`,
    };
  }
  return undefined;
}
