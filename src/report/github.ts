import { printable } from './printable.js';
import type { Formatter } from './types.js';
import { messageWithCell } from './position.js';

/** Escape a workflow command's message: %, CR and LF; other control characters are shown as signs. */
const data = (s: string) => printable(s, true).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
/** Escape a workflow command's property value: also : and , (they separate properties). */
const property = (s: string) => data(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * GitHub Actions workflow commands: an `::error` or `::warning` annotation per finding with its file, line,
 * column, end line and column and the rule as its title, then a notice with the totals.
 */
export const github: Formatter = (report, ctx) => {
  const out = report.diagnostics.map((d) => {
    const props = [`file=${property(d.file)}`];
    if (d.range) {
      props.push(
        `line=${d.range.start.line}`,
        `col=${d.range.start.column}`,
        `endLine=${d.range.end.line}`,
        `endColumn=${d.range.end.column}`,
      );
    }
    props.push(`title=${property(`zwgk ${d.code}`)}`);
    const message = messageWithCell(d, ctx.lang);
    return `::${d.severity} ${props.join(',')}::${data(d.hint ? `${message}\n${d.hint}` : message)}`;
  });
  const summary =
    ctx.lang === 'zh'
      ? `检查了 ${report.files.length} 个文件：${report.errorCount} 个错误，${report.warningCount} 个警告。`
      : `${report.files.length} files checked: ${report.errorCount} errors, ${report.warningCount} warnings.`;
  out.push(`::notice title=zwgk::${data(summary)}`);
  return out.join('\n') + '\n';
};
