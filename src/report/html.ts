import { buildFindingsView, type FindingRow } from './findings-view.js';
import { FINDINGS_CSS } from './html-style.js';
import { printable } from './printable.js';
import type { Formatter } from './types.js';

/** Text as HTML shows it: control characters as visible signs, every markup character escaped. */
export function htmlText(text: string | number): string {
  return printable(String(text), true).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** Widths of the findings table's columns, in per cent: 序号 文件 工作表 单元格或行 事项 问题 修改建议 级别 规则. */
const COLUMN_WIDTHS = [4, 11, 6, 10, 12, 24, 18, 5, 10];

/** A table cell with its attributes (` class="num"`, ` scope="col"`), its text escaped. */
const cell = (tag: 'td' | 'th', attributes: string, text: string | number) =>
  `<${tag}${attributes}>${htmlText(text)}</${tag}>`;
const td = (className: string, text: string | number) => cell('td', className ? ` class="${className}"` : '', text);

function findingRow(r: FindingRow): string {
  return (
    `<tr class="finding sev-${r.severity}">` +
    [
      td('num', r.number),
      td('file', r.file),
      td('place', r.sheet),
      td('place', r.place),
      td('', r.item),
      td('message', r.message),
      td('hint', r.hint),
      td('sev', r.severityLabel),
      td('code', r.code),
    ].join('') +
    '</tr>'
  );
}

/**
 * The findings as a page an office can file: one self-contained page (styles inline, no script, nothing
 * fetched) with the summary, the counts by rule and a table of every finding, grouped by file, errors
 * first; printable on A4 landscape with the table's heading on every page. Every text is escaped.
 */
export const html: Formatter = (report, ctx) => {
  const view = buildFindingsView(report, ctx);
  const out = [
    '<!DOCTYPE html>',
    `<html lang="${view.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="zwgk">',
    `<title>${htmlText(view.title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>\n${FINDINGS_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="report">',
    `<h1>${htmlText(view.title)}</h1>`,
    `<p class="summary">${htmlText(view.summary)}</p>`,
  ];
  if (view.byRule.length > 0) {
    out.push(
      `<h2>${htmlText(view.labels.byRule)}</h2>`,
      '<table class="rules">',
      `<thead><tr>${view.ruleHeaders.map((h) => cell('th', ' scope="col"', h)).join('')}</tr></thead>`,
      '<tbody>',
      ...view.byRule.map(
        (r) =>
          `<tr>${cell('th', ' scope="row" class="code"', r.code)}${[r.errors, r.warnings, r.total].map((n) => td('', n)).join('')}</tr>`,
      ),
      '</tbody>',
      `<tfoot><tr>${cell('th', ' scope="row"', view.labels.total)}${[view.errors, view.warnings, view.rows.length].map((n) => td('', n)).join('')}</tr></tfoot>`,
      '</table>',
      `<h2>${htmlText(view.labels.findings)}</h2>`,
      '<table class="findings">',
      `<colgroup>${COLUMN_WIDTHS.map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>`,
      `<thead><tr>${view.headers.map((h) => cell('th', ' scope="col"', h)).join('')}</tr></thead>`,
      ...view.groups.map((g) => `<tbody>\n${g.rows.map(findingRow).join('\n')}\n</tbody>`),
      '</table>',
    );
  } else {
    out.push(`<p class="none">${htmlText(view.labels.none)}</p>`);
  }
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
};
