import { colors } from '../util/colors.js';
import { byFile } from './by-file.js';
import { codeFrame, sourceLines } from './code-frame.js';
import { position } from './position.js';
import { printable } from './printable.js';
import type { FormatContext, Formatter, ValidationReport } from './types.js';

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
 * the findings: each file's text is split into lines once. Made piece by piece, a finding at a time, so
 * that a run with many findings is written as it is made (see {@link stylish} for one string).
 */
export function* stylishChunks(report: ValidationReport, ctx: FormatContext): Generator<string> {
  const c = colors(ctx.color);
  const w = WORDS[ctx.lang];
  for (const [file, diagnostics] of byFile(report.diagnostics)) {
    yield c.underline(printable(file)) + '\n';
    const text = ctx.sources.get(file);
    let lines: string[] | undefined;
    for (const d of diagnostics) {
      // A finding in a table names its cell (`'义务教育'!F12`, `表格 2 第 14 行 第 6 列`) where YAML has line:column.
      const pos = printable(position(d));
      const sev = d.severity === 'error' ? c.red(w.error) : c.yellow(w.warning);
      let out = `  ${c.dim(pos.padEnd(7))} ${sev}  ${printable(d.message)}  ${c.dim(printable(d.code))}\n`;
      if (d.hint) out += `          ${c.cyan(w.hint + printable(d.hint))}\n`;
      if (d.cell?.text !== undefined) out += cellFrame(d.cell.text, c.dim) + '\n';
      if (text !== undefined && d.range) {
        lines ??= sourceLines(text);
        const frame = codeFrame(lines, d.range, { dim: c.dim, marker: d.severity === 'error' ? c.red : c.yellow });
        out += '    ' + frame.replaceAll('\n', '\n    ') + '\n';
      }
      yield out + '\n';
    }
  }
  const problems = report.errorCount + report.warningCount;
  const n = report.files.length;
  yield (
    (problems === 0
      ? c.green(w.ok(n))
      : (report.errorCount > 0 ? c.red : c.yellow)(w.summary(problems, report.errorCount, report.warningCount, n))) +
    '\n'
  );
}

/** {@link stylishChunks} as one string. */
export const stylish: Formatter = (report, ctx) => {
  let out = '';
  for (const chunk of stylishChunks(report, ctx)) out += chunk;
  return out;
};
