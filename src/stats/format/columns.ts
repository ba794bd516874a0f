import type { Lang, Text } from '../../i18n.js';
export { ROWS_NOTE } from '../../office/count-charts.js';
import { TIME_KINDS, type TimeKind } from '../../catalog/time-kinds.js';
import type { AgainstStats, Counts, DomainChange, StatsReport, Tally } from '../types.js';

/** A column of the tables of numbers: its heading and its number. */
export interface Column {
  head: Text;
  value: (counts: Counts) => number;
}

/** The columns shown for each domain and unit; 三级 only when some catalog has 三级事项. */
export function columnsOf(report: StatsReport): Column[] {
  const columns: Column[] = [
    { head: { zh: '一级', en: 'L1' }, value: (c) => c.level1 },
    { head: { zh: '二级', en: 'L2' }, value: (c) => c.level2 },
  ];
  if (report.total.counts.level3 > 0) columns.push({ head: { zh: '三级', en: 'L3' }, value: (c) => c.level3 });
  columns.push(
    { head: { zh: '主动', en: 'Active' }, value: (c) => c.method.主动 },
    { head: { zh: '依申请', en: 'OnReq' }, value: (c) => c.method.依申请 },
    { head: { zh: '全社会', en: 'Public' }, value: (c) => c.audience.全社会 },
    { head: { zh: '特定群体', en: 'Groups' }, value: (c) => c.audience.特定群体 },
    { head: { zh: '无依据', en: 'NoBasis' }, value: (c) => c.noBasis },
    { head: { zh: '依据存疑', en: 'BadCite' }, value: (c) => c.unclearBasis },
    { head: { zh: '无主体', en: 'NoSubj' }, value: (c) => c.noSubject },
  );
  return columns;
}

/** The name of a kind of 公开时限, or of a channel or level as written. */
export function tallyName(kind: 'levels' | 'channels' | 'timeLimits', tally: Tally, lang: Lang): string {
  return kind === 'timeLimits' ? TIME_KINDS[tally.name as TimeKind][lang] : tally.name;
}

/** The headings of the three lists of elements. */
export const TALLY_HEADS = {
  levels: { zh: '公开层级', en: 'Levels' },
  channels: { zh: '公开渠道', en: 'Channels' },
  timeLimits: { zh: '公开时限', en: 'Time limits' },
} as const satisfies Record<string, Text>;

/** The totals as offices word them, as the change report does: 共7个领域、42个一级事项、128个二级事项. */
export function totalLine(report: StatsReport, lang: Lang): string {
  const { domains, counts } = report.total;
  if (lang === 'en') {
    const l3 = counts.level3 > 0 ? `, ${counts.level3} third-level items` : '';
    return `${domains} domain${domains === 1 ? '' : 's'}, ${counts.level1} first-level items, ${counts.level2} second-level items${l3}`;
  }
  const l3 = counts.level3 > 0 ? `、${counts.level3}个三级事项` : '';
  return `共${domains}个领域、${counts.level1}个一级事项、${counts.level2}个二级事项${l3}`;
}

/** The columns of the table against a baseline: items then → now, and added and taken away. */
export const AGAINST_COLUMNS: { head: Text; value: (d: DomainChange) => string }[] = [
  { head: { zh: '一级', en: 'L1' }, value: (d) => `${d.before.level1} → ${d.after.level1}` },
  { head: { zh: '二级', en: 'L2' }, value: (d) => `${d.before.level2} → ${d.after.level2}` },
  { head: { zh: '新增一级', en: '+L1' }, value: (d) => String(d.added.level1) },
  { head: { zh: '新增二级', en: '+L2' }, value: (d) => String(d.added.level2) },
  { head: { zh: '删除一级', en: '−L1' }, value: (d) => String(d.removed.level1) },
  { head: { zh: '删除二级', en: '−L2' }, value: (d) => String(d.removed.level2) },
];

/** The heading of the comparison: 与 HEAD~1 相比 / Against HEAD~1. */
export const againstHead = (against: AgainstStats, lang: Lang): string =>
  lang === 'zh' ? `与 ${against.baseline} 相比` : `Against ${against.baseline}`;

/** The changes as offices word them, as the change report does: 新增17个一级事项、842个二级事项，删除2个一级事项、15个二级事项. */
export function changeLine(against: AgainstStats, lang: Lang): string {
  const { added, removed } = against.total;
  return lang === 'zh'
    ? `新增${added.level1}个一级事项、${added.level2}个二级事项，删除${removed.level1}个一级事项、${removed.level2}个二级事项`
    : `${added.level1} first-level and ${added.level2} second-level items added, ${removed.level1} first-level and ${removed.level2} second-level items removed`;
}
