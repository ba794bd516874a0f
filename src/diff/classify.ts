import { parseTimeLimit, type TimeUnit } from '../catalog/time-limit.js';
import type { EffectiveFields, FieldKey } from '../catalog/types.js';
import type { ChangeClass } from './types.js';

/** Rough length of a unit in calendar days, to compare deadlines in different units. */
const DAYS: Record<TimeUnit, number> = { working_day: 7 / 5, day: 1, week: 7, month: 30, year: 365 };

/** The first deadline of a time limit, in days, if it states one. */
function deadlineDays(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const clause = parseTimeLimit(text).clauses.find((c) => c.kind === 'deadline');
  return clause ? clause.amount * DAYS[clause.unit] : undefined;
}

function setChange(before: readonly string[], after: readonly string[]): ChangeClass {
  const lost = before.some((v) => !after.includes(v));
  const gained = after.some((v) => !before.includes(v));
  return lost ? 'reduces' : gained ? 'extends' : 'editorial';
}

/**
 * The channels one side lists and the other lacks, each way, in the lists' own order. A bare 其他 given a name
 * on the other side (`其他` → `办税服务厅`) is the same box, ticked on both: the name is added, 其他 not removed.
 */
export function channelDelta(
  before: readonly string[],
  after: readonly string[],
  named: { before: boolean; after: boolean },
): { added: string[]; removed: string[] } {
  return {
    added: after.filter((v) => !before.includes(v) && !(v === '其他' && named.before)),
    removed: before.filter((v) => !after.includes(v) && !(v === '其他' && named.after)),
  };
}

/**
 * Classify a field change by its effect on disclosure: a channel, level or 全社会 dropped, 主动 turned
 * into 依申请, a longer deadline reduce it; the opposite extends it; anything else is wording.
 */
export function classifyField(field: FieldKey, before: EffectiveFields, after: EffectiveFields): ChangeClass {
  switch (field) {
    case 'method':
      if (before.method.includes('主动') && !after.method.includes('主动')) return 'reduces';
      if (!before.method.includes('主动') && after.method.includes('主动')) return 'extends';
      return 'editorial';
    case 'audience':
      if (before.audience.includes('全社会') && !after.audience.includes('全社会')) return 'reduces';
      if (!before.audience.includes('全社会') && after.audience.includes('全社会')) return 'extends';
      return 'editorial';
    case 'channels':
    case 'other_channels':
      return setChange([...before.channels, ...before.other_channels], [...after.channels, ...after.other_channels]);
    case 'levels':
      return setChange(before.levels, after.levels);
    case 'time_limit': {
      const a = deadlineDays(before.time_limit);
      const b = deadlineDays(after.time_limit);
      if (a !== undefined && b !== undefined && a !== b) return b > a ? 'reduces' : 'extends';
      return 'editorial';
    }
    default:
      return 'editorial';
  }
}
