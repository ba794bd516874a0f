import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { resolveCatalog } from '../../catalog/resolve.js';
import { isConfigFileName } from '../../config/load-config.js';
import { configReport, resolveRunSettings, type RunSettings } from '../../config/resolve-options.js';
import type { Diagnostic } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { isFormKind } from '../../forms/document-kind.js';
import { say } from '../../i18n.js';
import { declaredKind } from '../../load/load-source.js';
import { printable } from '../../report/printable.js';
import { stylish } from '../../report/stylish.js';
import { catalogStats, summarizeStats } from '../../stats/compute-stats.js';
import { isStatsFileFormat, STATS_FILE_FORMATTERS, STATS_FORMATTERS } from '../../stats/format/registry.js';
import type { AgainstStats, CatalogStats, StatsReport } from '../../stats/types.js';
import { expandRunInputs } from '../run-inputs.js';
import { optionsFor } from '../../validate/options.js';
import { validateFiles } from '../../validate/validate-files.js';
import { shippedDocuments, SHIPPED_TABLES } from '../documents.js';
import { EXIT } from '../exit.js';
import { isTerminal, useColor, writeOutput } from '../io.js';
import { readStdinInputs } from '../stdin-input.js';
import type { StatsFlags } from '../options.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `zwgk stats`: count the items and elements of catalogs, as `zwgk validate` reads them (YAML files and
 * tables; application forms are left out). A catalog with findings is counted as far as it can be read;
 * a file that cannot be read at all is named on standard error, with why, and the exit code is 2.
 */
export async function runStats(inputs: readonly string[], flags: StatsFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd, shippedDocuments, SHIPPED_TABLES);
  const { lang, options } = settings;
  const toStdout = flags.output === undefined || flags.output === '-';
  if (isStatsFileFormat(flags.format) && toStdout) {
    throw new UsageError(
      say(lang, {
        zh: `-f ${flags.format} 是文件，不能输出到屏幕：用 -o 给出文件名，例如 -f ${flags.format} -o 目录统计.${flags.format}。`,
        en: `-f ${flags.format} is a file, not text for the screen: name the file with -o, as in -f ${flags.format} -o statistics.${flags.format}.`,
      }),
    );
  }
  if (settings.diagnostics.length > 0) {
    const report = configReport(settings);
    const color = useColor(flags.color, false) && isTerminal(process.stderr);
    process.stderr.write(stylish(report, { lang, color, sources: report.sources }));
    return EXIT.fatal;
  }
  const content = async (stats: StatsReport) =>
    isStatsFileFormat(flags.format)
      ? (await STATS_FILE_FORMATTERS[flags.format]())(stats, { lang })
      : (await STATS_FORMATTERS[flags.format]())(stats, { lang });
  // Against a baseline, the one comparison reads and counts both sides: the inputs are not read twice.
  if (flags.against !== undefined) {
    if (inputs.includes('-')) {
      throw new UsageError(
        say(lang, {
          zh: '--against 不能用于标准输入（-）：与基准比较时请给出文件或目录。',
          en: '--against cannot count standard input (-): name the files or folders to compare with the baseline.',
        }),
      );
    }
    const compared = await compareWith(flags.against, inputs.length > 0 ? inputs : ['.'], settings, cwd);
    if (!compared) return EXIT.fatal;
    await writeOutput(
      await content({ ...summarizeStats(compared.after), against: compared.against }),
      flags.output,
      lang,
    );
    return EXIT.ok;
  }
  const { given, named } = await readStdinInputs(inputs, flags.stdinFilename, lang);
  const expanded = await expandRunInputs(named, settings, cwd, { tables: true, stdin: given.size > 0 });
  // A table file hands over each catalog table it holds: several data for one file. Each catalog is counted
  // as it is read, and only its numbers kept: a YAML catalog comes resolved by its validation.
  const counted: CatalogStats[] = [];
  const withData = new Set<string>();
  const report = await validateFiles([...expanded.files, ...given.keys()], options, cwd, {
    preset: expanded.missing,
    given,
    onData: (file, data, _, resolved) => {
      if (!isObject(data)) return;
      withData.add(file);
      if (isFormKind(declaredKind(data))) return;
      const catalog = resolved ?? resolveCatalog(data, optionsFor(options, resolve(cwd, file)).levelColumns);
      counted.push(catalogStats({ file, catalog }));
    },
  });
  const unreadable = new Map<string, Diagnostic>();
  for (const d of report.diagnostics) {
    if (d.severity === 'error' && !withData.has(d.file) && !unreadable.has(d.file)) unreadable.set(d.file, d);
  }
  for (const [file, d] of unreadable) {
    // The place as the findings name it: file:line:column, or the cell of a table.
    const at = d.range
      ? `${file}:${d.range.start.line}:${d.range.start.column}`
      : d.cell
        ? `${file} ${d.cell.ref}`
        : file;
    process.stderr.write(
      `zwgk: ${say(lang, { zh: `无法统计 ${printable(at)}：`, en: `Cannot count ${printable(at)}: ` })}${printable(d.message, true)}${
        d.hint ? ` ${printable(d.hint, true)}` : ''
      }\n`,
    );
  }
  const flawed = new Set(
    report.diagnostics.filter((d) => d.severity === 'error' && withData.has(d.file)).map((d) => d.file),
  );
  if (flawed.size > 0) {
    process.stderr.write(
      `zwgk: ${say(lang, {
        zh: `${flawed.size} 个文件有错误，按能读出的内容统计（zwgk validate 可查看错误）。`,
        en: `${flawed.size} file${flawed.size === 1 ? ' has' : 's have'} errors; counted as far as they can be read (zwgk validate shows the errors).`,
      })}\n`,
    );
  }
  await writeOutput(await content(summarizeStats(counted)), flags.output, lang);
  return unreadable.size > 0 || report.fatal ? EXIT.fatal : EXIT.ok;
}

/**
 * The inputs against a baseline, as `zwgk diff` compares: a git revision (each input against its state
 * there), or a folder or file (against the one input). Both sides are counted as the comparison reads them.
 * A baseline that is neither, or a folder with several inputs, is a usage error, said before anything is
 * read. Undefined, with the findings on standard error, when a side has errors (they stop a comparison).
 */
async function compareWith(
  baseline: string,
  inputs: readonly string[],
  settings: RunSettings,
  cwd: string,
): Promise<{ against: AgainstStats; after: CatalogStats[] } | undefined> {
  const { lang, options, config } = settings;
  const [{ classPolicy }, { notFileNorRevision, revisionProblem }, { compareStats }] = await Promise.all([
    import('../../diff/policy.js'),
    import('../../diff/git-source.js'),
    import('../compare-stats.js'),
  ]);
  const onDisk = baseline.includes(':') || /[*?[\]{}]/.test(baseline) || existsSync(resolve(cwd, baseline));
  if (!onDisk) {
    const problem = revisionProblem(baseline, cwd, lang);
    if (problem) throw new UsageError(notFileNorRevision(baseline, problem, lang));
  }
  if (onDisk && inputs.length !== 1) {
    throw new UsageError(
      say(lang, {
        zh: `--against 给的是文件或目录时，只能统计一个输入（现在有 ${inputs.length} 个）；与 git 版本比较时可以有多个。`,
        en: `With a file or folder for --against, give one input (there are ${inputs.length}); against a git revision, several.`,
      }),
    );
  }
  const compared = await compareStats(baseline, inputs, onDisk, {
    cwd,
    lang,
    options,
    policy: classPolicy(config.diff?.classes),
    skipName: isConfigFileName,
  });
  if (!compared.ok) {
    process.stderr.write(stylish(compared.errors, { lang, color: false, sources: compared.errors.sources }));
    process.stderr.write(
      say(lang, {
        zh: `无法与 ${baseline} 比较：上面的文件有错误。\n`,
        en: `Cannot compare with ${baseline}: the files above have errors.\n`,
      }),
    );
    return undefined;
  }
  return compared;
}
