import { byFile } from './by-file.js';
import { markdownCode, markdownText } from './printable.js';
import type { Formatter } from './types.js';
import { position } from './position.js';

/**
 * A summary for a pull-request comment: the totals, then per file a table of findings (position, severity,
 * rule, message), files with errors first. Long reports fold each file into a <details> block. Text from
 * the input is escaped: it cannot add links, tags or table cells to the comment.
 */
export const markdown: Formatter = (report, ctx) => {
  const zh = ctx.lang === 'zh';
  const out = [`### ${zh ? '目录检查' : 'Catalog check'}`, ''];
  const { errorCount: e, warningCount: w } = report;
  out.push(
    e + w === 0
      ? zh
        ? `✅ 检查了 ${report.files.length} 个文件，没有发现问题。`
        : `✅ ${report.files.length} files checked, no problems.`
      : zh
        ? `${e > 0 ? '❌' : '⚠️'} 检查了 ${report.files.length} 个文件：**${e}** 个错误，**${w}** 个警告。`
        : `${e > 0 ? '❌' : '⚠️'} ${report.files.length} files checked: **${e}** errors, **${w}** warnings.`,
    '',
  );
  const files = [...byFile(report.diagnostics)].sort(
    (a, b) => Number(b[1].some((d) => d.severity === 'error')) - Number(a[1].some((d) => d.severity === 'error')),
  );
  const fold = report.diagnostics.length > 30;
  for (const [file, list] of files) {
    const errors = list.filter((d) => d.severity === 'error').length;
    const title = (name: string) =>
      `${name} — ${zh ? `${errors} 个错误，${list.length - errors} 个警告` : `${errors} errors, ${list.length - errors} warnings`}`;
    out.push(
      fold ? `<details><summary>${title(markdownText(file))}</summary>\n` : `#### ${title(markdownCode(file))}`,
      '',
    );
    out.push(
      zh ? '| 位置 | 级别 | 规则 | 问题 |' : '| Where | Severity | Rule | Problem |',
      '| --- | --- | --- | --- |',
    );
    for (const d of list) {
      const pos = markdownText(position(d));
      const sev = d.severity === 'error' ? (zh ? '错误' : 'error') : zh ? '警告' : 'warning';
      out.push(
        `| ${pos} | ${sev} | ${markdownCode(d.code)} | ${markdownText(d.hint ? `${d.message} ${d.hint}` : d.message)} |`,
      );
    }
    out.push('', ...(fold ? ['</details>', ''] : []));
  }
  if (ctx.appendix) out.push(ctx.appendix);
  return out.join('\n');
};
