import { byDomain, countCatalog, emptyCounts, addCounts, groupCounts, type Counts } from '../../catalog/counts.js';
import type { DomainCounts } from '../../office/count-charts.js';
import type { RenderInput } from '../types.js';

/** One figure of the overview: a number and what it counts, with a share where one helps. */
export interface FigureView {
  value: number;
  label: string;
  /** A share of the items, such as `97.7%`. */
  share?: string;
}

/** The site's overview: its figures, and what its charts draw (the domains' numbers and the total's). */
export interface Overview {
  figures: FigureView[];
  domains: DomainCounts[];
  total: Counts;
}

/** A share to one decimal place, as offices write it: 97.7%. */
const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10}%`;

/**
 * The numbers of a set of catalogs as the site's index shows them, counted as `zwgk stats` counts them:
 * domains and items at each level, then the elements over the items that carry them (主动 and 依申请,
 * 特定群体, no 公开依据, no 公开主体). Pure.
 */
export function buildOverview(inputs: readonly RenderInput[]): Overview {
  const counted = inputs.map((input) => ({
    domain: typeof input.catalog.catalog.domain === 'string' ? input.catalog.catalog.domain : '',
    counts: countCatalog(input.catalog),
  }));
  const domains = groupCounts(counted, (c) => c.domain, byDomain);
  const total = counted.reduce((sum, c) => addCounts(sum, c.counts), emptyCounts());
  const figures: FigureView[] = [
    { value: domains.length, label: '个领域' },
    { value: total.level1, label: '个一级事项' },
    { value: total.level2, label: '个二级事项' },
  ];
  if (total.level3 > 0) figures.push({ value: total.level3, label: '个三级事项' });
  figures.push(
    { value: total.method.主动, label: '项主动公开', share: percent(total.method.主动, total.rows) },
    { value: total.method.依申请, label: '项依申请公开', share: percent(total.method.依申请, total.rows) },
    { value: total.audience.特定群体, label: '项面向特定群体', share: percent(total.audience.特定群体, total.rows) },
    { value: total.noBasis, label: '项无公开依据' },
    { value: total.noSubject, label: '项无公开主体' },
  );
  return { figures, domains, total };
}
