import { colors } from '../../util/colors.js';
import { printable } from '../../report/printable.js';
import type { LocatedChange } from '../report.js';
import type { DiffFormatter } from './types.js';
import { diffWords } from './words.js';

/** Where a change is: old.yaml:12 → new.yaml:15, or a table's cell: 2023.xlsx 义务教育!B12. */
export function where(c: LocatedChange, before?: string, after?: string): string {
  const side = (file: string | undefined, line: number | undefined, cell: string | undefined) =>
    file && line ? `${file}:${line}` : file && cell ? `${file} ${cell}` : '';
  const b = side(before, c.beforeLine, c.beforeCell);
  const a = side(after, c.afterLine, c.afterCell);
  return [b, a].filter(Boolean).join(' → ');
}

/** For the terminal: per catalog, one line per change with its class and lines, then the totals. Catalog text is printed with its control characters as signs. */
export const textDiff: DiffFormatter = (report, ctx) => {
  const c = colors(ctx.color);
  const w = diffWords(ctx.lang, ctx.policy);
  // Severity decides the colour; among changes for information, more disclosure is green.
  const paint = (ch: LocatedChange) =>
    ch.severity === 'error' ? c.red : ch.severity === 'warning' ? c.yellow : ch.class === 'extends' ? c.green : c.dim;
  const out: string[] = [];
  for (const pair of report.pairs) {
    if (pair.changes.length === 0 && !pair.metadata) continue;
    out.push(
      c.bold(printable(`${pair.unit} ${pair.domain}`)) +
        c.dim(printable(`  ${pair.before ?? '—'} → ${pair.after ?? '—'}`)),
    );
    if (pair.metadata) out.push(`  ${printable(w.metadata(pair.metadata))}`);
    for (const ch of pair.changes) {
      const item = 'after' in ch ? ch.after : ch.before;
      const name = item.names.join(' › ');
      const from =
        'before' in ch && ch.kind !== 'changed' && ch.kind !== 'removed' ? ` ← ${ch.before.names.join(' › ')}` : '';
      const channels = w.channels(ch);
      const detail =
        ch.kind !== 'changed'
          ? ''
          : channels
            ? `  ${w.field(ch.field)} ${channels}`
            : `  ${w.field(ch.field)}：${ch.from.join('、') || '—'} → ${ch.to.join('、') || '—'}`;
      out.push(
        `  ${paint(ch)(printable(`[${w.klass(ch)}]`))} ${w.kind(ch)} ${w.level(item.depth)} ${printable(`${name}${from}${detail}`)}  ${c.dim(printable(where(ch, pair.before, pair.after)))}`,
      );
    }
    out.push(`  ${w.summary(pair.counts, ctx.baseline)}`, '');
  }
  out.push(c.bold((ctx.lang === 'zh' ? '合计：' : 'Total: ') + w.summary(report.totals, ctx.baseline)));
  return out.join('\n') + '\n';
};
