import { say, type Lang } from '../../i18n.js';
import { markdownText } from '../../report/printable.js';
import type { AgainstStats, GroupStats, StatsReport } from '../types.js';
import {
  AGAINST_COLUMNS,
  againstHead,
  changeLine,
  columnsOf,
  ROWS_NOTE,
  TALLY_HEADS,
  tallyName,
  totalLine,
} from './columns.js';
import type { StatsFormatter } from './types.js';

const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;

/** A table of numbers with a row per group and a bold total row. */
function table(head: string, groups: readonly GroupStats[], report: StatsReport, lang: Lang): string[] {
  const columns = columnsOf(report);
  const total = say(lang, { zh: '合计', en: 'Total' });
  return [
    row([head, say(lang, { zh: '目录', en: 'Catalogs' }), ...columns.map((c) => say(lang, c.head))]),
    row(['---', ...columns.map(() => '---:'), '---:']),
    ...groups.map((g) => row([markdownText(g.name), g.catalogs, ...columns.map((c) => c.value(g.counts))])),
    row([`**${total}**`, `**${report.total.catalogs}**`, ...columns.map((c) => `**${c.value(report.total.counts)}**`)]),
  ];
}

/** The changes since a baseline: a heading, the changes in words, and a row per domain with a bold total. */
function againstTable(against: AgainstStats, lang: Lang): string[] {
  const heads = AGAINST_COLUMNS.map((c) => say(lang, c.head));
  const total = { ...against.total, name: `**${say(lang, { zh: '合计', en: 'Total' })}**` };
  return [
    `#### ${markdownText(againstHead(against, lang))}`,
    '',
    changeLine(against, lang),
    '',
    row([say(lang, { zh: '领域', en: 'Domain' }), ...heads]),
    row(['---', ...heads.map(() => '---:')]),
    ...against.domains.map((d) => row([markdownText(d.name), ...AGAINST_COLUMNS.map((c) => c.value(d))])),
    row([total.name, ...AGAINST_COLUMNS.map((c) => `**${c.value(total)}**`)]),
  ];
}

/** Tables for a pull request: the total line, by domain, by unit, and each element's values in total. */
export const markdownStats: StatsFormatter = (report, { lang }) => {
  const counts = report.total.counts;
  const lists = (['levels', 'channels', 'timeLimits'] as const).flatMap((kind) => [
    '',
    row([say(lang, TALLY_HEADS[kind]), say(lang, { zh: '事项', en: 'Items' })]),
    row(['---', '---:']),
    ...counts[kind].map((t) => row([markdownText(tallyName(kind, t, lang)), t.count])),
  ]);
  return (
    [
      `### ${say(lang, { zh: '目录统计', en: 'Catalog statistics' })}`,
      '',
      totalLine(report, lang),
      '',
      ...table(say(lang, { zh: '领域', en: 'Domain' }), report.domains, report, lang),
      '',
      ...table(say(lang, { zh: '单位', en: 'Unit' }), report.units, report, lang),
      ...lists,
      '',
      `> ${say(lang, ROWS_NOTE)}`,
      ...(report.against ? ['', ...againstTable(report.against, lang)] : []),
    ].join('\n') + '\n'
  );
};
