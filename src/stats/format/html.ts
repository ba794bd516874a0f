import { say, type Lang, type Text } from '../../i18n.js';
import { htmlText } from '../../report/html.js';
import type { AgainstStats, GroupStats, StatsReport, Tally } from '../types.js';
import { barChart, type BarChart } from './charts.js';
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

const th = (text: string | number, scope: 'col' | 'row') => `<th scope="${scope}">${htmlText(text)}</th>`;
const td = (n: string | number) => `<td class="num">${htmlText(n)}</td>`;

/** A table with a caption, its column headings, a row per entry headed by its name, and an optional total row. */
function table(
  kind: string,
  caption: string,
  heads: readonly string[],
  rows: readonly (readonly [string, ...(string | number)[]])[],
  total?: readonly [string, ...(string | number)[]],
): string {
  const line = ([name, ...cells]: readonly [string, ...(string | number)[]]) =>
    `<tr>${th(name || '—', 'row')}${cells.map(td).join('')}</tr>`;
  return [
    `<table class="numbers" data-table="${kind}">`,
    `<caption>${htmlText(caption)}</caption>`,
    `<thead><tr>${heads.map((h) => th(h, 'col')).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map(line),
    '</tbody>',
    ...(total ? [`<tfoot>${line(total)}</tfoot>`] : []),
    '</table>',
  ].join('\n');
}

/** A chart with its numbers as a table right after it. */
function chartWithTable(chart: BarChart, caption: string, tableHtml: string): string {
  return [
    '<section class="chart-block">',
    `<h2>${htmlText(chart.title)}</h2>`,
    `<figure>\n${barChart(chart)}\n<figcaption>${htmlText(caption)}</figcaption>\n</figure>`,
    tableHtml,
    '</section>',
  ].join('\n');
}

const joinList = (entries: readonly string[], lang: Lang) => entries.join(lang === 'zh' ? '、' : ', ') || '—';

/** The three charts: 二级事项 by domain, 主动 and 依申请 by domain, and the channels used. */
function charts(report: StatsReport, lang: Lang): string[] {
  const domain = say(lang, { zh: '领域', en: 'Domain' });
  const active = say(lang, { zh: '主动', en: 'Active' });
  const onRequest = say(lang, { zh: '依申请', en: 'On request' });
  const items = say(lang, { zh: '事项', en: 'Items' });
  const level2 = say(lang, { zh: '二级事项', en: 'Second-level items' });
  const named = (t: Text) => say(lang, t);

  const byDomain: BarChart = {
    id: 'chart-level2',
    title: named({ zh: '各领域二级事项', en: 'Second-level items by domain' }),
    desc: joinList(
      report.domains.map((d) => `${d.name} ${d.counts.level2}`),
      lang,
    ),
    series: [level2],
    bars: report.domains.map((d) => ({ label: d.name, values: [d.counts.level2] })),
    valueText: (b) => String(b.values[0]),
  };
  const methods: BarChart = {
    id: 'chart-method',
    title: named({ zh: '各领域主动公开与依申请公开', en: 'Active and on-request disclosure by domain' }),
    desc: joinList(
      report.domains.map((d) =>
        lang === 'zh'
          ? `${d.name} 主动 ${d.counts.method.主动}、依申请 ${d.counts.method.依申请}`
          : `${d.name} ${d.counts.method.主动} active, ${d.counts.method.依申请} on request`,
      ),
      lang,
    ),
    series: [active, onRequest],
    bars: report.domains.map((d) => ({ label: d.name, values: [d.counts.method.主动, d.counts.method.依申请] })),
    valueText: (b) => `${active} ${b.values[0]} · ${onRequest} ${b.values[1]}`,
  };
  const channels: BarChart = {
    id: 'chart-channels',
    title: named({ zh: '公开渠道使用情况', en: 'Channels used' }),
    desc: joinList(
      report.total.counts.channels.map((t) => `${t.name} ${t.count}`),
      lang,
    ),
    series: [items],
    bars: report.total.counts.channels.map((t) => ({ label: t.name, values: [t.count] })),
    valueText: (b) => String(b.values[0]),
  };
  const rowsNote = lang === 'zh' ? '；按事项计（见文末说明）' : '; counted over items (see the note at the end)';
  return [
    chartWithTable(
      byDomain,
      named({ zh: '每个领域的二级事项数', en: 'The number of second-level items in each domain' }),
      table(
        'chart-level2',
        byDomain.title,
        [domain, level2],
        report.domains.map((d) => [d.name, d.counts.level2]),
      ),
    ),
    chartWithTable(
      methods,
      `${named({ zh: '每个领域按公开方式分的事项数', en: 'The items of each domain by how they are disclosed' })}${rowsNote}`,
      table(
        'chart-method',
        methods.title,
        [domain, active, onRequest],
        report.domains.map((d) => [d.name, d.counts.method.主动, d.counts.method.依申请]),
      ),
    ),
    chartWithTable(
      channels,
      `${named({ zh: '使用每种公开渠道的事项数', en: 'The items disclosed through each channel' })}${rowsNote}`,
      table(
        'chart-channels',
        channels.title,
        [say(lang, TALLY_HEADS.channels), items],
        report.total.counts.channels.map((t) => [t.name, t.count]),
      ),
    ),
  ];
}

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
