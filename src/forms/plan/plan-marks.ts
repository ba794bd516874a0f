import { addTo } from '../../util/append.js';
import { monthLabel, monthsBetween } from '../months.js';
import { normalizeTheme } from '../normalize-theme.js';
import type { Plan } from './types.js';

/** What a plan's printed and web output marks, as the terminal reports it: by entry, and for the plan. */
export interface PlanMarks {
  /** For each entry (in the plan's order), the marks of its cells by column key: `month` → ['超出活动月份']. */
  cells: Map<string, string[]>[];
  /** Lines under the table: months with no activity or too many, themes repeated. */
  notes: string[];
}

/**
 * The marks of a plan: a month outside the profile's window, a theme repeated, a month over its limit, and
 * the months with fewer activities than the least. Months are listed in calendar order. Pure.
 */
export function planMarks(plan: Plan): PlanMarks {
  const cells = plan.entries.map(() => new Map<string, string[]>());
  const mark = (i: number, key: string, text: string) => addTo(cells[i]!, key, text);
  const { from, to } = plan.profile.months ?? { from: 1, to: 12 };
  const byMonth = new Map<number, number[]>();
  const themes = new Map<string, number>();
  const repeated: string[] = [];
  plan.entries.forEach((entry, i) => {
    const month = entry.row.month;
    if (month !== undefined) {
      addTo(byMonth, month, i);
      if (month < from || month > to) mark(i, 'month', `不在${from}月至${to}月之间`);
    }
    if (entry.row.theme) {
      const key = normalizeTheme(entry.row.theme);
      const first = themes.get(key);
      if (first === undefined) themes.set(key, i);
      else {
        mark(i, 'theme', `与第${first + 1}项主题重复`);
        repeated.push(`第${i + 1}项“${entry.row.theme}”与第${first + 1}项主题重复`);
      }
    }
  });
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const most = plan.profile.perMonth?.max;
  const over = most === undefined ? [] : months.filter((m) => byMonth.get(m)!.length > most);
  for (const m of over)
    for (const i of byMonth.get(m)!) mark(i, 'month', `本月${byMonth.get(m)!.length}项，超过每月${most}项`);
  const least = plan.profile.perMonth?.min ?? 0;
  const empty = least < 1 ? [] : monthsBetween(from, to).filter((m) => (byMonth.get(m)?.length ?? 0) < least);
  const notes = [
    ...(empty.length ? [`活动少于每月${least}项的月份：${empty.map(monthLabel).join('、')}`] : []),
    ...(over.length ? [`活动超过每月${most}项的月份：${over.map(monthLabel).join('、')}`] : []),
    ...repeated,
  ];
  return { cells, notes };
}
