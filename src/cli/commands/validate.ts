import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { configReport, resolveRunSettings, type CommonFlags } from '../../config/resolve-options.js';
import { fixFiles } from '../../fix/fix-files.js';
import { FORMATTERS, type FormatName } from '../../report/registry.js';
import { expandInputs } from '../../validate/expand-inputs.js';
import { validateFiles, type ValidationReport } from '../../validate/validate-files.js';
import { EXIT, exitCodeFor } from '../exit.js';
import type { OutputSpec } from '../outputs.js';
import { useColor, writeOutput } from '../io.js';
import { fixSummary } from './fix.js';

/** Flags of `zwgk validate`, as commander parsed them; `-f` and `-o` both hold the list of reports to write. */
export interface ValidateFlags extends CommonFlags {
  format?: OutputSpec[];
  maxWarnings?: number;
  quiet?: boolean;
  /** Apply the safe fixes first, as `zwgk fix` does. */
  fix?: boolean;
  color?: boolean;
  output?: OutputSpec[];
}

/** The reports to write: as the flags pair them, else one in the default format (github under GitHub Actions). */
function outputsOf(flags: ValidateFlags): { format: FormatName; output?: string }[] {
  const fallback: FormatName = process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish';
  const pairs = flags.format ?? flags.output ?? [];
  if (pairs.length === 0) return [{ format: fallback }];
  return pairs.map((p) => ({ format: p.format ?? fallback, ...(p.output ? { output: p.output } : {}) }));
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
  const outputs = outputsOf(flags);
  const stylishToo = outputs.some((o) => o.format === 'stylish');
  const emit = async (report: ValidationReport, head = '') => {
    const sources = stylishToo ? await readSources(report, cwd) : new Map<string, string>();
    for (const { format, output } of outputs) {
      const color = useColor(flags.color, Boolean(output && output !== '-'));
      await writeOutput((format === 'stylish' ? head : '') + FORMATTERS[format](report, { lang, color, sources }), output, lang);
    }
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
    if (stylishToo) summary = fixSummary(run, lang, false) + '\n\n';
  } else {
    report = await validateFiles(expanded.files, options, cwd, expanded.missing);
  }
  if (flags.quiet) {
    report = { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 };
  }
  await emit(report, summary);
  return exitCodeFor(report, flags.maxWarnings ?? config.maxWarnings);
}
