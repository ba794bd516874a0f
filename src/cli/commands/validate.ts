import { resolve } from 'node:path';
import { readSource } from '../../load/read-source.js';
import { isConfigFileName } from '../../config/load-config.js';
import { configReport, resolveRunSettings, type RunSettings } from '../../config/resolve-options.js';
import { DOCUMENT_RULES, SHIPPED_TABLES, shippedDocuments } from '../documents.js';
import { loadChunkedFormatter, loadReportWriter, type ReportFormatName } from '../../report/load-formatter.js';
import { markdownText } from '../../report/printable.js';
import { expandRunInputs } from '../run-inputs.js';
import type { ValidateOptions } from '../../validate/options.js';
import { validateFiles, type ValidationReport } from '../../validate/validate-files.js';
import { UsageError } from '../../errors.js';
import { EXIT, exitCodeFor, warningLimitNote } from '../exit.js';
import { progressLine } from '../progress.js';
import { readStdinInputs } from '../stdin-input.js';
import { resolveOutputs } from '../outputs.js';
import { say, type Lang, type Text } from '../../i18n.js';
import type { ResultCache } from '../../validate/cache/result-cache.js';
import { useColor, writeOutput } from '../io.js';
import type { ValidateFlags } from '../options.js';

/** Options that check no tables (each found is then refused as not YAML). */
function withoutTables(options: ValidateOptions): ValidateOptions {
  const { tables: _, ...rest } = options;
  return rest;
}

/** The changes since `rev` of each input, as Markdown for the summary; what stops the comparison is said instead. */
async function changesSince(
  rev: string,
  inputs: readonly string[],
  settings: RunSettings,
  cwd: string,
): Promise<string> {
  const [{ compareStats }, { markdownDiff }, { shownPath }, { classPolicy }, { summarizeStats }, { afterChangeLine }] =
    await Promise.all([
      import('../compare-stats.js'),
      import('../../diff/format/markdown.js'),
      import('../../diff/format/shown-path.js'),
      import('../../diff/policy.js'),
      import('../../stats/compute-stats.js'),
      import('../../stats/format/pr-line.js'),
    ]);
  const { lang, options, config } = settings;
  const policy = classPolicy(config.diff?.classes);
  const compared = await compareStats(rev, inputs, false, {
    cwd,
    lang,
    // Tables are compared by `zwgk diff`; a revision's tables are not listed, so the summary compares YAML alone.
    options: withoutTables(options),
    policy,
    skipName: isConfigFileName,
  });
  if (!compared.ok) {
    const why = markdownText(
      `${rev}${lang === 'zh' ? ' 比较：' : ': '}${compared.errors.diagnostics[0]?.message ?? ''}`,
    );
    return lang === 'zh' ? `> 无法与 ${why}\n` : `> Cannot compare with ${why}\n`;
  }
  const changes = String(
    await markdownDiff(compared.report, {
      lang,
      color: false,
      baseline: false,
      policy,
      showFile: (file) => shownPath(file),
    }),
  );
  // The catalogs after the change, and what it added: the line a pull request's summary ends with.
  return `${changes}\n${markdownText(afterChangeLine(summarizeStats(compared.after), compared.against, lang))}\n`;
}

/** The reports to write: as the flags pair them, else one in the default format (github under GitHub Actions). */
function outputsOf(flags: ValidateFlags, lang: Lang): { format: ReportFormatName; output?: string }[] {
  const fallback: ReportFormatName = process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish';
  return resolveOutputs(flags.format ?? flags.output ?? [], fallback, lang);
}

/** The formats that show the files' texts: code frames (stylish), the names of items (html, xlsx). */
const SOURCE_FORMATS: ReadonlySet<ReportFormatName> = new Set(['stylish', 'html', 'xlsx']);

/** The text of every file with a placed finding: as validated, or read now (a configuration file). */
async function readSources(report: ValidationReport, cwd: string): Promise<Map<string, string>> {
  const sources = new Map(report.sources);
  for (const file of new Set(report.diagnostics.filter((d) => d.range && !sources.has(d.file)).map((d) => d.file))) {
    // No code frame for a file that cannot be shown as text.
    const read = await readSource(resolve(cwd, file), 'en');
    if (read.ok) sources.set(file, read.text);
  }
  return sources;
}

/** Worker threads for a run: as many as the machine has cores to spare, unless ZWGK_WORKERS gives a number (0: none). */
function workerCount(): 'auto' | number {
  const given = process.env.ZWGK_WORKERS;
  return given !== undefined && /^\d+$/.test(given) ? Number(given) : 'auto';
}

/** `first`, then the pieces, made as they are asked for. */
function* after(first: string, pieces: Iterable<string>): Generator<string> {
  yield first;
  yield* pieces;
}

/** A warning about the run itself (not about a catalog), on standard error. */
function warn(text: Text, lang: Lang): void {
  process.stderr.write(`zwgk: ${say(lang, text)}\n`);
}

/** The cache `--cache` keeps results in, at `--cache-location`; what is wrong with it is said as a warning. */
async function openResultCache(location: string | undefined, cwd: string, lang: Lang): Promise<ResultCache> {
  const { cachePath, openCache } = await import('../../validate/cache/result-cache.js');
  const opened = await openCache(await cachePath(location, cwd));
  for (const warning of opened.warnings) warn(warning, lang);
  return opened.cache;
}

/** `zwgk validate`: check catalogs (after fixing them, with `--fix`) and print the findings. Returns the exit code. */
export async function runValidate(inputs: readonly string[], flags: ValidateFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd, shippedDocuments, SHIPPED_TABLES);
  const { lang, config, options } = settings;
  const outputs = outputsOf(flags, lang);
  const stylishToo = outputs.some((o) => o.format === 'stylish');
  const withSources = outputs.some((o) => SOURCE_FORMATS.has(o.format));
  let appendix: string | undefined;
  const emit = async (report: ValidationReport, head = '') => {
    const sources = withSources ? await readSources(report, cwd) : new Map<string, string>();
    for (const { format, output } of outputs) {
      const color = useColor(flags.color, Boolean(output && output !== '-'));
      const ctx = { lang, color, sources, rules: DOCUMENT_RULES, ...(appendix ? { appendix } : {}) };
      // A format made piece by piece is written as it is made.
      const chunked = await loadChunkedFormatter(format);
      if (chunked) {
        const pieces = chunked(report, ctx);
        await writeOutput(format === 'stylish' && head ? after(head, pieces) : pieces, output, lang);
        continue;
      }
      const written = await (await loadReportWriter(format))(report, ctx);
      await writeOutput(typeof written === 'string' && format === 'stylish' ? head + written : written, output, lang);
    }
  };

  if (settings.diagnostics.length > 0) {
    await emit(configReport(settings));
    return EXIT.fatal;
  }
  if (flags.diffBase !== undefined) {
    // An unknown revision is a mistake in the command, said before anything is checked; a flag with no
    // effect in this run (no markdown report) is said too.
    const { revisionProblem } = await import('../../diff/git-source.js');
    const problem = revisionProblem(flags.diffBase, cwd, lang);
    if (problem)
      throw new UsageError(
        lang === 'zh'
          ? `--diff-base：“${flags.diffBase}”不是 git 版本：${problem}`
          : `--diff-base: "${flags.diffBase}" is not a git revision: ${problem}`,
      );
    if (!outputs.some((o) => o.format === 'markdown')) {
      process.stderr.write(
        lang === 'zh'
          ? `zwgk: --diff-base 只用于 markdown 汇总（-f markdown），这次没有 markdown 输出，未作比较。\n`
          : `zwgk: --diff-base only adds to the markdown summary (-f markdown); there is none in this run, so nothing was compared.\n`,
      );
    }
  }
  if (flags.cacheLocation !== undefined && !flags.cache) {
    process.stderr.write(
      lang === 'zh'
        ? 'zwgk: --cache-location 只在使用 --cache 时有效，这次没有 --cache，未使用缓存。\n'
        : 'zwgk: --cache-location only applies with --cache; there is no --cache in this run, so no cache was used.\n',
    );
  }
  if (flags.cache && flags.fix) {
    process.stderr.write(
      lang === 'zh'
        ? 'zwgk: --fix 会改写文件，这次检查所有文件，不使用缓存。\n'
        : 'zwgk: --fix rewrites files; this run checks every file and uses no cache.\n',
    );
  }
  // `-` is standard input, named by --stdin-filename (which also decides what the configuration applies to it).
  const { given, named } = await readStdinInputs(inputs, flags.stdinFilename, lang);
  const expanded = await expandRunInputs(named, settings, cwd, { tables: true, stdin: given.size > 0 });
  let summary = '';
  let report: ValidationReport;
  if (flags.fix && given.size > 0) {
    throw new UsageError(
      lang === 'zh'
        ? '--fix 不能用于标准输入（-）：没有文件可以改写。'
        : '--fix cannot be used with standard input (-): there is no file to rewrite.',
    );
  }
  if (flags.fix) {
    const [{ fixFiles }, { fixSummary }] = await Promise.all([import('../../fix/fix-files.js'), import('./fix.js')]);
    const run = await fixFiles(expanded.files, options, { cwd, write: true, preset: expanded.missing });
    report = run.report;
    if (stylishToo) summary = fixSummary(run, lang, false) + '\n\n';
  } else {
    const cache = flags.cache ? await openResultCache(flags.cacheLocation, cwd, lang) : undefined;
    const progress = progressLine(lang);
    report = await validateFiles([...expanded.files, ...given.keys()], options, cwd, {
      preset: expanded.missing,
      given,
      progress: progress.update,
      workers: workerCount(),
      ...(cache ? { cache } : {}),
    });
    progress.done();
    const unsaved = await cache?.save();
    if (unsaved) warn(unsaved, lang);
  }
  if (flags.diffBase !== undefined && outputs.some((o) => o.format === 'markdown')) {
    appendix = await changesSince(flags.diffBase, named.length > 0 ? named : ['.'], settings, cwd);
  }
  if (flags.quiet) {
    report = { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 };
  }
  await emit(report, summary);
  const note = warningLimitNote(report, flags.maxWarnings, config.maxWarnings, lang);
  if (note) process.stderr.write(note + '\n');
  return exitCodeFor(report, flags.maxWarnings ?? config.maxWarnings);
}
