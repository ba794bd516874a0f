import { say, type Lang } from '../../i18n.js';
import { printable } from '../../report/printable.js';
import { displayWidth, fit } from '../../report/text-width.js';
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

/** The widest a line of the text report gets, in terminal columns. */
export const TEXT_WIDTH = 100;

const GAP = '  ';

const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** One table of numbers: a row per group and a total row, the names cut so that a line fits `TEXT_WIDTH`. */
function table(head: string, groups: readonly GroupStats[], report: StatsReport, lang: Lang): string[] {
  const columns = [
    { head: say(lang, { zh: '目录', en: 'Cat' }), value: (g: GroupStats) => g.catalogs },
    ...columnsOf(report).map((c) => ({ head: say(lang, c.head), value: (g: GroupStats) => c.value(g.counts) })),
  ];
  const total: GroupStats = {
    name: say(lang, { zh: '合计', en: 'Total' }),
    catalogs: report.total.catalogs,
    counts: report.total.counts,
  };
  const rows = [...groups, total];
  const widths = columns.map((c) => Math.max(displayWidth(c.head), ...rows.map((r) => String(c.value(r)).length)));
  const numbers = widths.reduce((sum, w) => sum + GAP.length + w, 0);
  const names = rows.map((r) => printable(r.name || '—'));
  const nameWidth = Math.min(Math.max(displayWidth(head), ...names.map(displayWidth)), TEXT_WIDTH - numbers);
  const line = (name: string, cells: string[]) =>
    (padEnd(fit(name, nameWidth), nameWidth) + cells.map((c, i) => GAP + padStart(c, widths[i]!)).join('')).trimEnd();
  return [
    line(
      head,
      columns.map((c) => c.head),
    ),
    ...rows.map((r, i) =>
      line(
        names[i]!,
        columns.map((c) => String(c.value(r))),
      ),
    ),
  ];
}

/** The table against a baseline: a row per domain and a total row, then the changes in words. */
function againstTable(against: AgainstStats, lang: Lang): string[] {
  const rows = [...against.domains, { ...against.total, name: say(lang, { zh: '合计', en: 'Total' }) }];
  const cells = rows.map((r) => AGAINST_COLUMNS.map((c) => c.value(r)));
  const heads = AGAINST_COLUMNS.map((c) => say(lang, c.head));
  const widths = heads.map((h, i) => Math.max(displayWidth(h), ...cells.map((row) => displayWidth(row[i]!))));
  const numbers = widths.reduce((sum, w) => sum + GAP.length + w, 0);
  const head = say(lang, { zh: '领域', en: 'Domain' });
  const names = rows.map((r) => printable(r.name || '—'));
  const nameWidth = Math.min(Math.max(displayWidth(head), ...names.map(displayWidth)), TEXT_WIDTH - numbers);
  const line = (name: string, values: readonly string[]) =>
    (padEnd(fit(name, nameWidth), nameWidth) + values.map((v, i) => GAP + padStart(v, widths[i]!)).join('')).trimEnd();
  return [
    `${printable(againstHead(against, lang))}${lang === 'zh' ? '：' : ':'}`,
    line(head, heads),
    ...rows.map((_, i) => line(names[i]!, cells[i]!)),
    changeLine(against, lang),
  ];
}

/** Pieces of text after `lead`, wrapped to `TEXT_WIDTH`, each further line starting with `indent`. */
function wrap(lead: string, pieces: readonly string[], indent: string): string[] {
  const lines: string[] = [];
  let current = lead;
  for (const piece of pieces) {
    if (current.trim() !== lead.trim() && displayWidth((current + piece).trimEnd()) > TEXT_WIDTH) {
      lines.push(current.trimEnd());
      current = indent;
    }
    current += current === indent ? piece.trimStart() : piece;
  }
  lines.push(current.trimEnd());
  return lines;
}

/** `head：a 1、b 2…`, wrapped under the first entry. */
function wrapList(head: string, entries: readonly string[], lang: Lang): string[] {
  const sep = lang === 'zh' ? '、' : ', ';
  const lead = head + (lang === 'zh' ? '：' : ': ');
  const pieces = entries.length === 0 ? ['—'] : entries.map((e, i) => e + (i < entries.length - 1 ? sep : ''));
  return wrap(lead, pieces, ' '.repeat(displayWidth(lead)));
}

/** A sentence wrapped at spaces (English) or between any two characters (Chinese). */
const wrapSentence = (text: string, lang: Lang): string[] =>
  wrap('', (lang === 'zh' ? text.match(/./gsu) : text.match(/\S+\s*/g)) ?? [], '');

/** A compact table for a terminal: by domain, by unit, the elements in total, and the total line. */
export const textStats: StatsFormatter = (report, { lang }) => {
  const counts = report.total.counts;
  const lists = (['levels', 'channels', 'timeLimits'] as const).flatMap((kind) =>
    wrapList(
      say(lang, TALLY_HEADS[kind]),
      counts[kind].map((t) => `${printable(tallyName(kind, t, lang))} ${t.count}`),
      lang,
    ),
  );
  return (
    [
      ...table(say(lang, { zh: '领域', en: 'Domain' }), report.domains, report, lang),
      '',
      ...table(say(lang, { zh: '单位', en: 'Unit' }), report.units, report, lang),
      '',
      ...lists,
      '',
      ...wrapSentence(say(lang, ROWS_NOTE), lang),
      totalLine(report, lang),
      ...(report.against ? ['', ...againstTable(report.against, lang)] : []),
    ].join('\n') + '\n'
  );
};
