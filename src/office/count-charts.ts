import type { Counts } from '../catalog/counts.js';
import { say, type Lang, type Text } from '../i18n.js';
import { htmlText } from '../report/html.js';
import { barChart, type BarChart } from './charts.js';

/** A row of a table of numbers: its name, then its cells. */
export type NumbersRow = readonly [string, ...(string | number)[]];

const th = (text: string | number, scope: 'col' | 'row') => `<th scope="${scope}">${htmlText(text)}</th>`;
const td = (n: string | number) => `<td class="num">${htmlText(n)}</td>`;

/** A table of numbers: a caption, its column headings, a row per entry headed by its name, and an optional total row. */
export function numbersTable(
  kind: string,
  caption: string,
  heads: readonly string[],
  rows: readonly NumbersRow[],
  total?: NumbersRow,
): string {
  const line = ([name, ...cells]: NumbersRow) => `<tr>${th(name || '—', 'row')}${cells.map(td).join('')}</tr>`;
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
function chartWithTable(chart: BarChart, caption: string, tableHtml: string, heading: 'h2' | 'h3'): string {
  return [
    '<section class="chart-block">',
    `<${heading}>${htmlText(chart.title)}</${heading}>`,
    `<figure>\n${barChart(chart)}\n<figcaption>${htmlText(caption)}</figcaption>\n</figure>`,
    tableHtml,
    '</section>',
  ].join('\n');
}

const joinList = (entries: readonly string[], lang: Lang) => entries.join(lang === 'zh' ? '、' : ', ') || '—';

/** A domain's name and its numbers. */
export interface DomainCounts {
  name: string;
  counts: Counts;
}

/** What the elements are counted over, said under the tables. */
export const ROWS_NOTE: Text = {
  zh: '要素按没有下级事项的事项计（二级事项，有三级事项的按三级事项），一个事项有两种取值时各计一次。',
  en: 'Elements are counted over the items with no sub-items (second-level items, or their third-level items where present); an item with two values counts under each.',
};

/** What the charts say about the elements: counted over items, as the note at the end explains. */
const ROWS_NOTE_REF: Text = { zh: '；按事项计（见文末说明）', en: '; counted over items (see the note at the end)' };

/**
 * The three charts of a set of catalogs, each with its numbers as a table after it: 二级事项 by domain,
 * 主动 and 依申请 by domain, and the channels used (`total`'s), each under a heading of the level given.
 * Inline SVG, readable in black and white.
 */
export function countCharts(
  domains: readonly DomainCounts[],
  total: Counts,
  lang: Lang,
  heading: 'h2' | 'h3' = 'h2',
): string[] {
  const named = (t: Text) => say(lang, t);
  const domain = named({ zh: '领域', en: 'Domain' });
  const active = named({ zh: '主动', en: 'Active' });
  const onRequest = named({ zh: '依申请', en: 'On request' });
  const items = named({ zh: '事项', en: 'Items' });
  const level2 = named({ zh: '二级事项', en: 'Second-level items' });

  const byDomain: BarChart = {
    id: 'chart-level2',
    title: named({ zh: '各领域二级事项', en: 'Second-level items by domain' }),
    desc: joinList(
      domains.map((d) => `${d.name} ${d.counts.level2}`),
      lang,
    ),
    series: [level2],
    bars: domains.map((d) => ({ label: d.name, values: [d.counts.level2] })),
    valueText: (b) => String(b.values[0]),
  };
  const methods: BarChart = {
    id: 'chart-method',
    title: named({ zh: '各领域主动公开与依申请公开', en: 'Active and on-request disclosure by domain' }),
    desc: joinList(
      domains.map((d) =>
        lang === 'zh'
          ? `${d.name} 主动 ${d.counts.method.主动}、依申请 ${d.counts.method.依申请}`
          : `${d.name} ${d.counts.method.主动} active, ${d.counts.method.依申请} on request`,
      ),
      lang,
    ),
    series: [active, onRequest],
    bars: domains.map((d) => ({ label: d.name, values: [d.counts.method.主动, d.counts.method.依申请] })),
    valueText: (b) => `${active} ${b.values[0]} · ${onRequest} ${b.values[1]}`,
  };
  const channels: BarChart = {
    id: 'chart-channels',
    title: named({ zh: '公开渠道使用情况', en: 'Channels used' }),
    desc: joinList(
      total.channels.map((t) => `${t.name} ${t.count}`),
      lang,
    ),
    series: [items],
    bars: total.channels.map((t) => ({ label: t.name, values: [t.count] })),
    valueText: (b) => String(b.values[0]),
  };
  const rowsNote = named(ROWS_NOTE_REF);
  return [
    chartWithTable(
      byDomain,
      named({ zh: '每个领域的二级事项数', en: 'The number of second-level items in each domain' }),
      numbersTable(
        'chart-level2',
        byDomain.title,
        [domain, level2],
        domains.map((d) => [d.name, d.counts.level2]),
      ),
      heading,
    ),
    chartWithTable(
      methods,
      `${named({ zh: '每个领域按公开方式分的事项数', en: 'The items of each domain by how they are disclosed' })}${rowsNote}`,
      numbersTable(
        'chart-method',
        methods.title,
        [domain, active, onRequest],
        domains.map((d) => [d.name, d.counts.method.主动, d.counts.method.依申请]),
      ),
      heading,
    ),
    chartWithTable(
      channels,
      `${named({ zh: '使用每种公开渠道的事项数', en: 'The items disclosed through each channel' })}${rowsNote}`,
      numbersTable(
        'chart-channels',
        channels.title,
        [named({ zh: '公开渠道', en: 'Channels' }), items],
        total.channels.map((t) => [t.name, t.count]),
      ),
      heading,
    ),
  ];
}

/**
 * The styles of the charts and their tables, screen and print: the charts scale down to a phone's width
 * with larger letters, a wide table scrolls in its frame, and nothing is cut across printed pages.
 */
export const CHART_CSS = `figure { margin: 0 0 8px; }
svg.chart { display: block; width: 100%; max-width: 640px; height: auto; font-family: inherit; }
svg.chart text { fill: #000; }
/* A phone shows a chart at about half its size: letters half as large again keep its names and numbers readable. */
@media (max-width: 600px) { svg.chart { font-size: 20px; } }
figcaption { font-size: 13px; color: #444; }
table.numbers { border-collapse: collapse; margin: 0 0 8px; }
table.numbers caption { text-align: left; font-weight: bold; padding: 2px 0; }
table.numbers th, table.numbers td { border: 1px solid #888; padding: 3px 8px; vertical-align: top; }
table.numbers thead th { background: #eef1f5; text-align: center; vertical-align: middle; white-space: nowrap; }
table.numbers tbody th, table.numbers tfoot th { text-align: left; font-weight: normal; min-width: 8em; }
table.numbers td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.numbers tfoot th, table.numbers tfoot td { font-weight: bold; background: #f7f7f7; }
@media print {
  .chart-block, table.numbers { break-inside: avoid; }
  table.numbers thead th, table.numbers tfoot th, table.numbers tfoot td { background: none; }
}
`;
