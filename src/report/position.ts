import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';

/**
 * Where a finding is, as the reports show it: `line:column` in a YAML file, the cell (`'义务教育'!F12`,
 * `表格 2 第 14 行 第 6 列`) in a table checked where it lives, or nothing for a finding about a whole file.
 */
export function position(d: Diagnostic): string {
  if (d.range) return `${d.range.start.line}:${d.range.start.column}`;
  return d.cell?.ref ?? '';
}

/** A finding's message, preceded by its cell when it is in a table: for formats that show no position of their own. */
export function messageWithCell(d: Diagnostic, lang: Lang): string {
  if (!d.cell) return d.message;
  return lang === 'zh' ? `${d.cell.ref}：${d.message}` : `${d.cell.ref}: ${d.message}`;
}
