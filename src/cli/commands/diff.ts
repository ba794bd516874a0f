import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isConfigFileName } from '../../config/load-config.js';
import { configReport, resolveRunSettings } from '../../config/resolve-options.js';
import { shippedDocuments, SHIPPED_TABLES } from '../documents.js';
import { compareInputs } from '../../diff/compare-inputs.js';
import { failsOn } from '../../diff/report.js';
import { notFileNorRevision, revisionProblem } from '../../diff/git-source.js';
import { BINARY_DIFF_FORMATS, DIFF_FORMATTERS } from '../../diff/format/registry.js';
import { shownPath } from '../../diff/format/shown-path.js';
import { classPolicy } from '../../diff/policy.js';
import { UsageError } from '../../errors.js';
import { stylish } from '../../report/stylish.js';
import type { ValidationReport } from '../../validate/validate-files.js';
import { EXIT } from '../exit.js';
import { isTerminal, useColor, writeOutput } from '../io.js';
import type { DiffFlags } from '../options.js';

/** `zwgk diff <old> <new>`: compare two files or two directories of catalogs, item by item. */
export async function runDiff(
  oldInput: string,
  newInput: string,
  paths: readonly string[],
  flags: DiffFlags,
): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd, shippedDocuments, SHIPPED_TABLES);
  const { lang, options } = settings;
  if (BINARY_DIFF_FORMATS.includes(flags.format) && (!flags.output || flags.output === '-') && process.stdout.isTTY) {
    throw new UsageError(
      lang === 'zh'
        ? `${flags.format} 格式要写入文件：加上 -o 报告.${flags.format}`
        : `The ${flags.format} format is written to a file: add -o report.${flags.format}`,
    );
  }
  const show = (report: ValidationReport) =>
    process.stderr.write(
      stylish(report, {
        lang,
        color: useColor(flags.color, false) && isTerminal(process.stderr),
        sources: report.sources,
      }),
    );
  if (settings.diagnostics.length > 0) {
    show(configReport(settings));
    return EXIT.fatal;
  }

  // A side that is neither on disk nor in git is a mistake in the command: say both, and how to name a revision.
  for (const input of [oldInput, newInput]) {
    if (input.includes(':') || /[*?[\]{}]/.test(input) || existsSync(resolve(cwd, input))) continue;
    const problem = revisionProblem(input, cwd, lang);
    if (problem) {
      throw new UsageError(notFileNorRevision(input, problem, lang));
    }
  }
  const policy = classPolicy(settings.config.diff?.classes);
  const failOn = flags.failOn ?? settings.config.diff?.failOn ?? 'none';
  const compared = await compareInputs(oldInput, newInput, paths, {
    cwd,
    lang,
    options,
    policy,
    skipName: isConfigFileName,
  });
  if (!compared.ok) {
    show(compared.errors);
    process.stderr.write(
      lang === 'zh' ? '无法比较：上面的文件有错误。\n' : 'Cannot compare: the files above have errors.\n',
    );
    return EXIT.fatal;
  }
  const { report } = compared;
  const color = useColor(flags.color, Boolean(flags.output && flags.output !== '-'));
  await writeOutput(
    await DIFF_FORMATTERS[flags.format](report, {
      lang,
      color,
      baseline: Boolean(flags.baseline),
      policy,
      showFile: (file) => shownPath(file),
    }),
    flags.output,
    lang,
  );
  return failsOn(report, failOn, policy) ? EXIT.findings : EXIT.ok;
}
