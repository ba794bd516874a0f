import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { configReport, resolveRunSettings, type CommonFlags } from '../../config/resolve-options.js';
import { fixFiles } from '../../fix/fix-files.js';
import { FORMATTERS, type FormatName } from '../../report/registry.js';
import { expandInputs } from '../../validate/expand-inputs.js';
import { validateFiles, type ValidationReport } from '../../validate/validate-files.js';
import { EXIT, exitCodeFor } from '../exit.js';
import { useColor, writeOutput } from '../io.js';
import { fixSummary } from './fix.js';

/** Flags of `zwgk validate`, as commander parsed them. */
export interface ValidateFlags extends CommonFlags {
  format: FormatName;
  maxWarnings?: number;
  quiet?: boolean;
  /** Apply the safe fixes first, as `zwgk fix` does. */
  fix?: boolean;
  color?: boolean;
  output?: string;
}

/** The text of every file with a placed finding: as validated, or read now (a configuration file). */
async function readSources(report: ValidationReport, cwd: string): Promise<Map<string, string>> {
  const sources = new Map(report.sources);
  for (const file of new Set(report.diagnostics.filter((d) => d.range && !sources.has(d.file)).map((d) => d.file))) {
    try {
      sources.set(file, new TextDecoder('utf-8', { fatal: true }).decode(await readFile(resolve(cwd, file))));
    } catch {
      // No code frame for a file that cannot be shown as text.
    }
  }
  return sources;
}

/** `zwgk validate`: check catalogs (after fixing them, with `--fix`) and print the findings. Returns the exit code. */
export async function runValidate(inputs: readonly string[], flags: ValidateFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd);
  const { lang, config, options } = settings;
  const color = useColor(flags.color, Boolean(flags.output && flags.output !== '-'));
  const emit = async (report: ValidationReport, head = '') => {
    const sources = flags.format === 'stylish' ? await readSources(report, cwd) : new Map<string, string>();
    await writeOutput(head + FORMATTERS[flags.format](report, { lang, color, sources }), flags.output, lang);
  };

  if (settings.diagnostics.length > 0) {
    await emit(configReport(settings));
    return EXIT.fatal;
  }
  const expanded = await expandInputs(inputs.length > 0 ? inputs : ['.'], {
    cwd,
    lang,
    ...(config.ignore ? { ignore: config.ignore } : {}),
    ignoreBase: settings.base,
  });
  let summary = '';
  let report: ValidationReport;
  if (flags.fix) {
    const run = await fixFiles(expanded.files, options, { cwd, write: true, preset: expanded.missing });
    report = run.report;
    if (flags.format === 'stylish') summary = fixSummary(run, lang, false) + '\n\n';
  } else {
    report = await validateFiles(expanded.files, options, cwd, expanded.missing);
  }
  if (flags.quiet) {
    report = { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 };
  }
  await emit(report, summary);
  return exitCodeFor(report, flags.maxWarnings ?? config.maxWarnings);
}
