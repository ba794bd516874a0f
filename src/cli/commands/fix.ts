import { configReport, resolveRunSettings } from '../../config/resolve-options.js';
import { shippedDocuments } from '../documents.js';
import type { Lang } from '../../i18n.js';
import { fixFiles, type FixRun } from '../../fix/fix-files.js';
import { unifiedDiff } from '../../fix/unified-diff.js';
import { printable } from '../../report/printable.js';
import { stylish } from '../../report/stylish.js';
import { colors } from '../../util/colors.js';
import { expandRunInputs } from '../run-inputs.js';
import { EXIT } from '../exit.js';
import { useColor, writeOutput } from '../io.js';
import type { FixFlags } from '../options.js';

/** One line saying how many problems were (or, in a dry run, would be) fixed in how many files. */
export function fixSummary(run: FixRun, lang: Lang, dryRun: boolean): string {
  const changed = run.files.filter((f) => f.applied.length > 0 && !f.unwritten);
  const unwritten = run.files.filter((f) => f.unwritten).length;
  const files = changed.length;
  const fixes = changed.reduce((n, f) => n + f.applied.length, 0);
  const s = (n: number) => (n === 1 ? '' : 's');
  const failed =
    unwritten === 0
      ? ''
      : lang === 'zh'
        ? `${unwritten} 个文件无法写入，保持原样。`
        : `${unwritten} file${s(unwritten)} could not be written, left unchanged.`;
  if (fixes === 0) return failed || (lang === 'zh' ? '没有可以自动修复的问题。' : 'Nothing to fix.');
  const done = dryRun
    ? lang === 'zh'
      ? `可以修复 ${files} 个文件中的 ${fixes} 处问题（--dry-run：文件未改动）。`
      : `Would fix ${fixes} problem${s(fixes)} in ${files} file${s(files)} (--dry-run: no file changed).`
    : lang === 'zh'
      ? `修复了 ${files} 个文件中的 ${fixes} 处问题。`
      : `Fixed ${fixes} problem${s(fixes)} in ${files} file${s(files)}.`;
  return failed ? `${done}${lang === 'zh' ? '' : ' '}${failed}` : done;
}

/**
 * A line of a diff made safe to print: control characters of the file name or the text as signs (␛, and
 * � for a reordering mark), so that none acts on the terminal; the CR of a CRLF line stays, for `git apply`.
 */
function shownLine(line: string): string {
  return line.endsWith('\r') ? `${printable(line.slice(0, -1))}\r` : printable(line);
}

/** The fixes of a dry run as unified diffs, one per changed file, coloured for a terminal if asked. */
function diffs(run: FixRun, color: boolean): string {
  const c = colors(color);
  // The first two lines of a diff name the files; after them, the first character says what a line is.
  const paint = (line: string, i: number) =>
    i < 2
      ? c.bold(line)
      : line.startsWith('@@')
        ? c.cyan(line)
        : line.startsWith('+')
          ? c.green(line)
          : line.startsWith('-')
            ? c.red(line)
            : line;
  return run.files
    .map((f) => {
      // With its byte-order mark the first line reads as in the file, for the tools that apply a diff.
      const bom = f.bom ? '\uFEFF' : '';
      return unifiedDiff(bom + f.before, bom + f.after, { from: `a/${f.file}`, to: `b/${f.file}` });
    })
    .filter((d) => d !== '')
    .map((d) =>
      d
        .split('\n')
        .map((line, i) => paint(shownLine(line), i))
        .join('\n'),
    )
    .join('');
}

/**
 * `zwgk fix`: apply the safe fixes to catalog files in place, or with `--dry-run` print them as a
 * diff; then report what remains. Exit 0 when no error remains, 1 when errors remain, 2 when an
 * input or the configuration cannot be read or a file cannot be written.
 */
export async function runFix(inputs: readonly string[], flags: FixFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd, shippedDocuments);
  const { lang, options } = settings;
  const color = useColor(flags.color, false);
  if (settings.diagnostics.length > 0) {
    await writeOutput(stylish(configReport(settings), { lang, color, sources: new Map() }), undefined, lang);
    return EXIT.fatal;
  }
  const expanded = await expandRunInputs(inputs, settings, cwd);
  const dryRun = Boolean(flags.dryRun);
  const run = await fixFiles(expanded.files, options, { cwd, write: !dryRun, preset: expanded.missing });
  const { report } = run;
  const changes = dryRun ? diffs(run, color) : '';
  const head = (changes ? changes + '\n' : '') + fixSummary(run, lang, dryRun) + '\n\n';
  await writeOutput(head + stylish(report, { lang, color, sources: report.sources }), undefined, lang);
  return report.fatal ? EXIT.fatal : report.errorCount > 0 ? EXIT.findings : EXIT.ok;
}
