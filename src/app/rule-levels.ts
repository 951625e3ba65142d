/** The levels a rule can report: each message's own, and what `levelFor` gives on every Pacemaker release. */
import { KNOWN_RELEASES, PacemakerModel } from '../cib/pacemaker.js';
import { LEVELS, type Level, type RuleMeta } from '../core/rule.js';

const MODELS = KNOWN_RELEASES.map((version) => new PacemakerModel({ version, source: 'configured', reason: `Pacemaker ${version} configured` }));

/** Most severe first, as LEVELS orders them. */
export function levelsOf(meta: RuleMeta): Level[] {
  const levels = new Set<Level>();
  for (const messageId of Object.keys(meta.messages)) {
    const own = meta.messages[messageId]?.level ?? meta.level;
    if (meta.levelFor === undefined) levels.add(own);
    else for (const pacemaker of MODELS) levels.add(meta.levelFor(pacemaker, messageId) ?? own);
  }
  return [...LEVELS].reverse().filter((level) => levels.has(level));
}
