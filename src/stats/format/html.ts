import { say, type Lang } from '../../i18n.js';
import { countCharts, numbersTable as table } from '../../office/count-charts.js';
import { htmlText } from '../../report/html.js';
import type { AgainstStats, GroupStats, StatsReport, Tally } from '../types.js';
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
import { STATS_CSS } from './html-style.js';
import type { StatsFormatter } from './types.js';

/** The three charts, by domain and for the channels of the whole set. */
const charts = (report: StatsReport, lang: Lang): string[] => countCharts(report.domains, report.total.counts, lang);

/** The table of numbers by domain or by unit, with a total row, in the columns of the other formats. */
function groupTable(kind: 'domains' | 'units', report: StatsReport, lang: Lang): string {
  const head = say(lang, kind === 'domains' ? { zh: '领域', en: 'Domain' } : { zh: '单位', en: 'Unit' });
  const columns = columnsOf(report);
  const cells = (g: Pick<GroupStats, 'catalogs' | 'counts'>) => [g.catalogs, ...columns.map((c) => c.value(g.counts))];
  return table(
    kind,
    say(lang, kind === 'domains' ? { zh: '按领域统计', en: 'By domain' } : { zh: '按单位统计', en: 'By unit' }),
    [head, say(lang, { zh: '目录', en: 'Catalogs' }), ...columns.map((c) => say(lang, c.head))],
    report[kind].map((g) => [g.name, ...cells(g)]),
    [say(lang, { zh: '合计', en: 'Total' }), ...cells(report.total)],
  );
}

/** A list of one element's values as a two-column table. */
function tallyTable(kind: 'levels' | 'timeLimits', tallies: readonly Tally[], lang: Lang): string {
  return table(
    kind,
    say(lang, TALLY_HEADS[kind]),
    [say(lang, TALLY_HEADS[kind]), say(lang, { zh: '事项', en: 'Items' })],
    tallies.map((t) => [tallyName(kind, t, lang), t.count]),
  );
}

/** The changes since a baseline: a heading, the changes in words, and a row per domain with a total row. */
function againstSection(against: AgainstStats, lang: Lang): string[] {
  const row = (d: AgainstStats['total']) => AGAINST_COLUMNS.map((c) => c.value(d));
  return [
    `<h2>${htmlText(againstHead(against, lang))}</h2>`,
    `<p class="change">${htmlText(changeLine(against, lang))}</p>`,
    '<div class="table-wrap">',
    table(
      'against',
      againstHead(against, lang),
      [say(lang, { zh: '领域', en: 'Domain' }), ...AGAINST_COLUMNS.map((c) => say(lang, c.head))],
      against.domains.map((d) => [d.name, ...row(d)]),
      [say(lang, { zh: '合计', en: 'Total' }), ...row(against.total)],
    ),
    '</div>',
  ];
}

/**
 * The numbers as a page an office can file or print: one self-contained page (styles inline, no script,
 * nothing fetched) with the total line, three bar charts drawn in SVG (each with its numbers in a table
 * right after it, readable in black and white), the tables by domain and by unit, the levels and time
 * limits, and the comparison with a baseline when there is one. Every catalog text is escaped.
 */
export const htmlStats: StatsFormatter = (report, { lang }) => {
  const title = say(lang, { zh: '目录统计', en: 'Catalog statistics' });
  const counts = report.total.counts;
  const wrap = (tableHtml: string) => `<div class="table-wrap">\n${tableHtml}\n</div>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="zwgk">',
    `<title>${htmlText(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>\n${STATS_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="report">',
    `<h1>${htmlText(title)}</h1>`,
    `<p class="total">${htmlText(totalLine(report, lang))}</p>`,
    ...charts(report, lang),
    `<h2>${htmlText(say(lang, { zh: '按领域', en: 'By domain' }))}</h2>`,
    wrap(groupTable('domains', report, lang)),
    `<h2>${htmlText(say(lang, { zh: '按单位', en: 'By unit' }))}</h2>`,
    wrap(groupTable('units', report, lang)),
    `<h2>${htmlText(say(lang, { zh: '公开层级和公开时限', en: 'Levels and time limits' }))}</h2>`,
    '<div class="tallies">',
    tallyTable('levels', counts.levels, lang),
    tallyTable('timeLimits', counts.timeLimits, lang),
    '</div>',
    `<p class="note">${htmlText(say(lang, ROWS_NOTE))}</p>`,
    ...(report.against ? againstSection(report.against, lang) : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
