import { markdownText } from '../../report/printable.js';
import { pairRows } from './rows.js';
import type { DiffFormatter } from './types.js';
import { countValues, diffWords } from './words.js';

const cell = markdownText;
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const rule = (n: number) => `|${' --- |'.repeat(n)}`;

/** For a pull-request comment: the totals, the counts per catalog, then a table of changes per catalog. */
export const markdownDiff: DiffFormatter = (report, ctx) => {
  const w = diffWords(ctx.lang, ctx.policy);
  const zh = ctx.lang === 'zh';
  const out = [`### ${zh ? '目录变更' : 'Catalog changes'}`, '', w.summary(report.totals, ctx.baseline), ''];
  if (report.pairs.length > 1) {
    const head = [zh ? '目录' : 'Catalog', ...w.countHeaders];
    out.push(row(head), rule(head.length));
    for (const p of report.pairs) out.push(row([`${p.unit} ${p.domain}`, ...countValues(p.counts).map(String)]));
    out.push(row([zh ? '合计' : 'Total', ...countValues(report.totals).map(String)]), '');
  }
  for (const pair of report.pairs) {
    if (pair.changes.length === 0 && !pair.metadata) continue;
    out.push(`#### ${cell(pair.unit)} ${cell(pair.domain)}`, '');
    if (pair.metadata) out.push(cell(w.metadata(pair.metadata)), '');
    if (pair.changes.length === 0) continue;
    const head = zh
      ? ['类别', '变更', '事项', '要素', '修改前', '修改后', '位置']
      : ['Class', 'Change', 'Item', 'Element', 'Before', 'After', 'Where'];
    out.push(row(head), rule(head.length));
    for (const r of pairRows(pair, ctx)) {
      out.push(
        row([
          r.classLabel,
          r.kind,
          r.item,
          r.field,
          r.before,
          r.after,
          [r.beforeAt, r.afterAt].filter(Boolean).join(' → '),
        ]),
      );
    }
    out.push('');
  }
  return out.join('\n') + '\n';
};
