import { fillTitle } from '../layout.js';
import type { FormDefinition } from '../registry.js';
import type { FormProfile } from '../types.js';
import { dayOfTime } from '../months.js';
import type { Plan, PlanEntry, PlanSource } from './types.js';

/** Units sort as Chinese readers expect (by pinyin); the same everywhere Node has full ICU. */
const byName = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** The value most sources share (the first such in order when tied), if any has one. */
function mostCommon<T>(values: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

/** The day of the month an activity's 活动时间 names; 32 (after every day) when it names none. */
const dayOf = (entry: PlanEntry): number => (entry.row.time === undefined ? 32 : (dayOfTime(entry.row.time) ?? 32));

/** Order: month, then day (activities without one last), unit, file, then the unit's own order. */
export function comparePlanEntries(a: PlanEntry, b: PlanEntry): number {
  const ma = a.row.month ?? 13;
  const mb = b.row.month ?? 13;
  if (ma !== mb) return ma - mb;
  const da = dayOf(a);
  const db = dayOf(b);
  if (da !== db) return da - db;
  const u = byName.compare(a.unit, b.unit);
  if (u !== 0) return u;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.row.index - b.row.index;
}

/** What a plan is titled and built from. */
export interface PlanOptions {
  form: FormDefinition;
  profile: FormProfile;
  /** The title pattern of the plan's layout: `{area}{year}年全年“政务公开主题日”活动计划安排表`. */
  titlePattern: string;
  /** Title, area and year of the plan. Default: the title from the pattern, with the area and year most submissions give. */
  title?: string;
  area?: string;
  year?: number;
}

/** Merge submissions into the annual plan: every row once, ordered by month, then by unit. Pure. */
export function buildPlan(sources: readonly PlanSource[], options: PlanOptions): Plan {
  const entries: PlanEntry[] = sources.flatMap(({ file, submission }) =>
    submission.rows.map((row) => ({
      file,
      unit: submission.unit ?? '',
      contact: submission.contact ?? '',
      phone: submission.phone ?? '',
      row,
    })),
  );
  entries.sort(comparePlanEntries);
  const area = options.area ?? mostCommon(sources.map((s) => s.submission.area));
  const year = options.year ?? mostCommon(sources.map((s) => s.submission.year));
  return {
    form: options.form,
    profile: options.profile,
    title: options.title ?? fillTitle(options.titlePattern, { area, year }),
    ...(area !== undefined ? { area } : {}),
    ...(year !== undefined ? { year } : {}),
    entries,
    units: sources.length,
  };
}
