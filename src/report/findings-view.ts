import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { itemNamer } from './item-names.js';
import type { FormatContext, ValidationReport } from './types.js';

/** One finding as a row of the findings report: every cell a text as shown. */
export interface FindingRow {
  number: number;
  file: string;
  /** The worksheet (or table) of a finding in a table; empty for YAML. */
  sheet: string;
  /** The cell of a finding in a table (`F12`), or the line and column in YAML (`第 3 行 第 5 列`). */
  place: string;
  /** 一级事项 › 二级事项, when the finding's path points into items whose names are known. */
  item: string;
  message: string;
  hint: string;
  severity: Diagnostic['severity'];
  severityLabel: string;
  code: string;
}

/** The findings of one rule, counted. */
export interface RuleCount {
  code: string;
  errors: number;
  warnings: number;
  total: number;
}

/** What the xlsx and html findings reports show, in the report's language. */
export interface FindingsView {
  lang: Lang;
  title: string;
  /** 检查了 3 个文件：5 个错误，2 个警告。 */
  summary: string;
  files: number;
  errors: number;
  warnings: number;
  byRule: RuleCount[];
  /** Column headings of the findings table, in the order of `FindingRow`'s cells (序号 first). */
  headers: string[];
  /** Column headings of the counts by rule. */
  ruleHeaders: string[];
  rows: FindingRow[];
  /** Files in the order their rows come, with their rows. */
  groups: { file: string; rows: FindingRow[] }[];
  labels: { byRule: string; findings: string; none: string; total: string };
}

/** The cells of a finding row, in the order of `FindingsView.headers`. */
export function rowCells(row: FindingRow): (string | number)[] {
  return [row.number, row.file, row.sheet, row.place, row.item, row.message, row.hint, row.severityLabel, row.code];
}

/** Excel's letters of a column from 1: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = Math.max(1, Math.floor(column)); n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Where a finding sits, as its sheet and its cell or line, in the report's language. */
function placeOf(d: Diagnostic, zh: boolean): { sheet: string; place: string } {
  if (d.cell) {
    const { sheet, row, column, ref } = d.cell;
    return sheet !== undefined ? { sheet, place: `${columnLetters(column)}${row}` } : { sheet: '', place: ref };
  }
  if (d.range) {
    const { line, column } = d.range.start;
    return { sheet: '', place: zh ? `第 ${line} 行 第 ${column} 列` : `line ${line}, column ${column}` };
  }
  return { sheet: '', place: '' };
}

/**
 * Findings grouped by file (in the order the report lists its files), errors first within a file, then by
 * place. Pure.
 */
export function orderFindings(report: ValidationReport): Diagnostic[] {
  const rank = new Map<string, number>();
  for (const f of [...report.files, ...report.diagnostics.map((d) => d.file)]) if (!rank.has(f)) rank.set(f, rank.size);
  return [...report.diagnostics].sort(
    (a, b) =>
      rank.get(a.file)! - rank.get(b.file)! ||
      Number(a.severity !== 'error') - Number(b.severity !== 'error') ||
      compareDiagnostics(a, b),
  );
}

/** The view of a findings report: the summary, the counts by rule and a row per finding. */
export function buildFindingsView(report: ValidationReport, ctx: FormatContext): FindingsView {
  const zh = ctx.lang === 'zh';
  const sources = new Map([...report.sources, ...ctx.sources]);
  const names = itemNamer(sources);
  const rows = orderFindings(report).map((d, i): FindingRow => {
    const { sheet, place } = placeOf(d, zh);
    return {
      number: i + 1,
      file: d.file,
      sheet,
      place,
      item: (d.cell ? (d.cell.items ?? []) : names(d.file, d.path)).join(' › '),
      message: d.message,
      hint: d.hint ?? '',
      severity: d.severity,
      severityLabel: d.severity === 'error' ? (zh ? '错误' : 'Error') : zh ? '警告' : 'Warning',
      code: d.code,
    };
  });
  const groups: FindingsView['groups'] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.file === row.file) last.rows.push(row);
    else groups.push({ file: row.file, rows: [row] });
  }
  const counts = new Map<string, RuleCount>();
  for (const row of rows) {
    const count = counts.get(row.code) ?? { code: row.code, errors: 0, warnings: 0, total: 0 };
    if (row.severity === 'error') count.errors++;
    else count.warnings++;
    count.total++;
    counts.set(row.code, count);
  }
  const byRule = [...counts.values()].sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : 1));
  const errors = rows.filter((r) => r.severity === 'error').length;
  const warnings = rows.length - errors;
  const files = report.files.length;
  return {
    lang: ctx.lang,
    title: zh ? '目录检查结果' : 'Catalog check findings',
    summary: zh
      ? `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告。`
      : `${files} ${files === 1 ? 'file' : 'files'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
    files,
    errors,
    warnings,
    byRule,
    headers: zh
      ? ['序号', '文件', '工作表', '单元格或行', '事项', '问题', '修改建议', '级别', '规则']
      : ['No.', 'File', 'Sheet', 'Cell or line', 'Item', 'Problem', 'How to fix', 'Severity', 'Rule'],
    ruleHeaders: zh ? ['规则', '错误', '警告', '合计'] : ['Rule', 'Errors', 'Warnings', 'Total'],
    rows,
    groups,
    labels: zh
      ? { byRule: '按规则统计', findings: '问题明细', none: '没有发现问题。', total: '合计' }
      : { byRule: 'By rule', findings: 'Findings', none: 'No problems found.', total: 'Total' },
  };
}
