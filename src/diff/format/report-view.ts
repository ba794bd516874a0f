import { printable } from '../../report/printable.js';
import type { DiffReport } from '../report.js';
import { fileShown, pairRows, type ChangeRow } from './rows.js';
import type { DiffFormatContext } from './types.js';
import { countValues, diffWords } from './words.js';

/** The labels of a change report (HTML page or workbook), in one language; `show` names a file. Default: as given. */
export function reportLabels(lang: DiffFormatContext['lang'], show: (file: string) => string = (file) => file) {
  const zh = lang === 'zh';
  return {
    title: zh ? '基层政务公开标准目录变更报告' : 'Catalog change report',
    counts: zh ? '变更统计' : 'Counts',
    catalog: zh ? '目录' : 'Catalog',
    total: zh ? '合计' : 'Total',
    none: zh ? '两个版本没有差别。' : 'The two versions do not differ.',
    sign: zh
      ? '编制单位（盖章）：____________　　审核人：________　　日期：____年__月__日'
      : 'Prepared by: ____________    Reviewed by: ________    Date: __________',
    changeHeaders: zh
      ? ['序号', '类别', '变更', '层级', '事项', '要素', '修改前', '修改后', '位置']
      : ['No.', 'Class', 'Change', 'Level', 'Item', 'Element', 'Before', 'After', 'Where'],
    side: (before: string | undefined, after: string | undefined) =>
      printable(
        `${before === undefined ? (zh ? '（无）' : '(none)') : show(before)} → ${after === undefined ? (zh ? '（无）' : '(none)') : show(after)}`,
      ),
  };
}

/** A compared catalog's section of the report. */
export interface ReportSection {
  name: string;
  files: string;
  /** 版本：… → …；日期：… → …, when the catalog's version or date changed; empty otherwise. */
  metadata: string;
  /** The same in parts, for a page to keep each on one line, and what goes between them. */
  metadataParts: string[];
  metadataSeparator: string;
  rows: (ChangeRow & { number: number })[];
}

/** What the HTML page and the workbook show: the summary, the counts per catalog and every change. */
export function buildReportView(report: DiffReport, ctx: DiffFormatContext) {
  const w = diffWords(ctx.lang, ctx.policy);
  const labels = reportLabels(ctx.lang, fileShown(ctx));
  const name = (p: { unit: string; domain: string }) => printable([p.unit, p.domain].filter(Boolean).join(' '));
  const befores = [...new Set(report.pairs.map((p) => p.before).filter(Boolean))];
  const afters = [...new Set(report.pairs.map((p) => p.after).filter(Boolean))];
  let number = 0;
  const sections: ReportSection[] = report.pairs
    .filter((p) => p.changes.length > 0 || p.metadata)
    .map((p) => ({
      name: name(p),
      files: labels.side(p.before, p.after),
      metadata: printable(w.metadata(p.metadata)),
      metadataParts: (p.metadata ?? []).map((m) => printable(w.metadata([m]))),
      metadataSeparator: w.metadataSeparator,
      rows: pairRows(p, ctx).map((r) => ({ ...r, number: ++number })),
    }));
  return {
    htmlLang: ctx.lang === 'zh' ? 'zh-CN' : 'en',
    title: labels.title,
    sides: befores.length === 1 && afters.length === 1 ? labels.side(befores[0], afters[0]) : '',
    summary: w.summary(report.totals, ctx.baseline),
    labels,
    countHeaders: w.countHeaders,
    countRows: report.pairs.map((p) => ({ name: name(p), values: countValues(p.counts) })),
    totalValues: countValues(report.totals),
    changeHeaders: labels.changeHeaders,
    sections,
  };
}
