import { sampleGrid, type Cell, type Grid, type GridRow } from './grid.js';
import type { CatalogSample } from './samples.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Cell text as HTML: markup characters escaped, line breaks as `<br>`. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITIES[ch]!).replace(/\r?\n/g, '<br>');
}

function cellHtml(cell: Cell, header: boolean): string {
  const spans = `${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const style = header ? ' style="text-align:center;font-weight:bold;"' : '';
  return `<td${spans}${style}>${escapeText(cell.text)}</td>`;
}

function rowsHtml(rows: readonly GridRow[], header: boolean): string {
  return rows
    .map(
      (row) =>
        `<tr>${row
          .filter((c): c is Cell => c !== null)
          .map((c) => cellHtml(c, header))
          .join('')}</tr>`,
    )
    .join('\n');
}

/**
 * One table as a portal article shows it: an optional <h3> document title, the heading in a centred <p>,
 * template fields in a <p>, then a Word-style table whose header rows are ordinary <td> rows.
 */
export function gridHtml(grid: Grid): string {
  const parts: string[] = [];
  if (grid.documentTitle !== undefined) parts.push(`<h3>${escapeText(grid.documentTitle)}</h3>`);
  parts.push(`<p style="text-align:center;"><strong>${escapeText(grid.title)}</strong></p>`);
  for (const fields of grid.preamble) parts.push(`<p>${fields.map(escapeText).join('　　　　')}</p>`);
  parts.push(
    '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">',
    '<tbody>',
    rowsHtml(grid.header, true),
    rowsHtml(grid.body, false),
    '</tbody>',
    '</table>',
  );
  return parts.join('\n');
}

function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeText(title)}</title></head>`,
    '<body>',
    '<div class="article-content">',
    body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A portal-like page holding the sample's table under its heading. */
export function sampleHtml(sample: CatalogSample): string {
  const grid = sampleGrid(sample);
  return page(grid.title, gridHtml(grid));
}

/** A page holding several samples' tables one after another, each under its heading. */
export function samplesHtmlPage(samples: readonly CatalogSample[], title = '基层政务公开标准目录'): string {
  return page(title, samples.map((s) => gridHtml(sampleGrid(s))).join('\n<p>&nbsp;</p>\n'));
}
