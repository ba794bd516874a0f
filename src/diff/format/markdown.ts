import type { DiffFormatter } from './types.js';
import { where } from './text.js';
import { diffWords } from './words.js';

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** For a pull-request comment: the totals, then a table per domain. */
export const markdownDiff: DiffFormatter = (report, ctx) => {
  const w = diffWords(ctx.lang);
  const zh = ctx.lang === 'zh';
  const out = [`### ${zh ? '目录变更' : 'Catalog changes'}`, '', w.summary(report.totals, ctx.baseline), ''];
  for (const pair of report.pairs) {
    if (pair.changes.length === 0) continue;
    out.push(`#### ${cell(pair.unit)} ${cell(pair.domain)}`, '', zh ? '| 类别 | 变更 | 事项 | 内容 | 位置 |' : '| Class | Change | Item | Detail | Where |', '| --- | --- | --- | --- | --- |');
    for (const ch of pair.changes) {
      const item = 'after' in ch ? ch.after : ch.before;
      const detail = ch.kind === 'changed' ? `${w.field(ch.field)}: ${ch.from.join('、') || '—'} → ${ch.to.join('、') || '—'}` : 'before' in ch && 'after' in ch ? `${ch.before.names.join(' › ')} → ${ch.after.names.join(' › ')}` : '';
      out.push(`| ${w.klass(ch)} | ${w.kind(ch)} | ${cell(item.names.join(' › '))} | ${cell(detail)} | ${cell(where(ch, pair.before, pair.after))} |`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';
};
