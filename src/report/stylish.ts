import { colors } from '../util/colors.js';
import { byFile } from './by-file.js';
import { codeFrame, sourceLines } from './code-frame.js';
import { position } from './position.js';
import { printable } from './printable.js';
import type { Formatter } from './types.js';

const WORDS = {
  zh: {
    error: '错误',
    warning: '警告',
    hint: '提示：',
    ok: (n: number) => `✔ 检查了 ${n} 个文件，没有发现问题。`,
    summary: (p: number, e: number, w: number, n: number) =>
      `✖ 共 ${p} 个问题（${e} 个错误，${w} 个警告），检查了 ${n} 个文件。`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    hint: 'hint: ',
    ok: (n: number) => `✔ ${n} file${n === 1 ? '' : 's'} checked, no problems.`,
    summary: (p: number, e: number, w: number, n: number) =>
      `✖ ${p} problem${p === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}) in ${n} file${n === 1 ? '' : 's'} checked.`,
  },
} as const;

/** The most lines of a cell's text shown under a finding. */
const CELL_LINES = 4;

/** A cell's text under its finding, as a code frame shows YAML: each line after a bar, long texts cut short. */
function cellFrame(text: string, dim: (s: string) => string): string {
  const lines = text.split('\n');
  const shown = lines.slice(0, CELL_LINES).map((l) => `    ${dim('│')} ${printable(l)}`);
  if (lines.length > CELL_LINES) shown.push(`    ${dim('│ …')}`);
  return shown.join('\n');
}

/**
 * For people: findings grouped by file, each with its position, code, hint and a code frame. Text from the
 * input (file names, messages quoting values) is printed with its control characters as signs. Linear in
 * the findings: each file's text is split into lines once.
 */
export const stylish: Formatter = (report, ctx) => {
  const c = colors(ctx.color);
  const w = WORDS[ctx.lang];
  const out: string[] = [];
  for (const [file, diagnostics] of byFile(report.diagnostics)) {
    out.push(c.underline(printable(file)));
    const text = ctx.sources.get(file);
    let lines: string[] | undefined;
    for (const d of diagnostics) {
      // A finding in a table names its cell (`'义务教育'!F12`, `表格 2 第 14 行 第 6 列`) where YAML has line:column.
      const pos = printable(position(d));
      const sev = d.severity === 'error' ? c.red(w.error) : c.yellow(w.warning);
      out.push(`  ${c.dim(pos.padEnd(7))} ${sev}  ${printable(d.message)}  ${c.dim(printable(d.code))}`);
      if (d.hint) out.push(`          ${c.cyan(w.hint + printable(d.hint))}`);
      if (d.cell?.text !== undefined) out.push(cellFrame(d.cell.text, c.dim));
      if (text !== undefined && d.range) {
        lines ??= sourceLines(text);
        const frame = codeFrame(lines, d.range, { dim: c.dim, marker: d.severity === 'error' ? c.red : c.yellow });
        out.push(
          frame
            .split('\n')
            .map((l) => '    ' + l)
            .join('\n'),
        );
      }
      out.push('');
    }
  }
  const problems = report.errorCount + report.warningCount;
  const n = report.files.length;
  out.push(
    problems === 0
      ? c.green(w.ok(n))
      : (report.errorCount > 0 ? c.red : c.yellow)(w.summary(problems, report.errorCount, report.warningCount, n)),
  );
  return out.join('\n') + '\n';
};
