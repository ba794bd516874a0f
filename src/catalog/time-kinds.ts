import type { Text } from '../i18n.js';
import type { TimeLimit } from './time-limit.js';

/**
 * The kinds of 公开时限 counted, in the order shown: a deadline by its unit, the kinds `parseTimeLimit`
 * tells apart, what it could not read, and none written. A text with several clauses counts under each kind.
 */
export const TIME_KINDS = {
  'working-days': { zh: '限工作日', en: 'working days' },
  days: { zh: '限日', en: 'days' },
  weeks: { zh: '限周', en: 'weeks' },
  months: { zh: '限月', en: 'months' },
  years: { zh: '限年', en: 'years' },
  realtime: { zh: '实时', en: 'real time' },
  prompt: { zh: '及时', en: 'prompt' },
  periodic: { zh: '定期', en: 'periodic' },
  retention: { zh: '长期', en: 'standing' },
  relative: { zh: '同步', en: 'alongside' },
  advance: { zh: '提前', en: 'in advance' },
  same_as_above: { zh: '同上', en: 'same as above' },
  unparsed: { zh: '未能识别', en: 'not understood' },
  none: { zh: '未填写', en: 'none' },
} as const satisfies Record<string, Text>;

export type TimeKind = keyof typeof TIME_KINDS;

const DEADLINE_KINDS = {
  working_day: 'working-days',
  day: 'days',
  week: 'weeks',
  month: 'months',
  year: 'years',
} as const satisfies Record<string, TimeKind>;

/** The kinds of a 公开时限, each once, in the order of `TIME_KINDS`; `none` for a row without one. */
export function timeKindsOf(limit: TimeLimit | undefined): TimeKind[] {
  if (!limit) return ['none'];
  const kinds = new Set<TimeKind>();
  for (const clause of limit.clauses) kinds.add(clause.kind === 'deadline' ? DEADLINE_KINDS[clause.unit] : clause.kind);
  if (kinds.size === 0) kinds.add('unparsed');
  return (Object.keys(TIME_KINDS) as TimeKind[]).filter((k) => kinds.has(k));
}
