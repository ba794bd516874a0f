import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang } from '../../i18n.js';
import { buildVocabulary } from '../../catalog/vocabulary.js';
import { configDir, loadConfig } from '../../config/load-config.js';
import { FORMATTERS, type FormatName } from '../../report/registry.js';
import { resolveValidateOptions } from '../../validate/options.js';
import { expandInputs } from '../../validate/expand-inputs.js';
import { validateFiles, type ValidationReport } from '../../validate/validate-files.js';
import { EXIT, exitCodeFor } from '../exit.js';
import { useColor, writeOutput } from '../io.js';

/** Flags of `zwgk validate`, as commander parsed them. */
export interface ValidateFlags {
  format: FormatName;
  lang?: Lang;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string | false;
  color?: boolean;
  output?: string;
}

async function readSources(report: ValidationReport, cwd: string): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const file of new Set(report.diagnostics.filter((d) => d.range).map((d) => d.file))) {
    try {
      sources.set(file, new TextDecoder('utf-8', { fatal: true }).decode(await readFile(resolve(cwd, file))));
    } catch {
      // No code frame for a file that cannot be shown as text.
    }
  }
  return sources;
}

/** `zwgk validate`: check catalogs and print the findings. Returns the exit code. */
export async function runValidate(inputs: readonly string[], flags: ValidateFlags): Promise<number> {
  const cwd = process.cwd();
  const loaded =
    flags.config === false
      ? { config: {}, diagnostics: [] }
      : await loadConfig({ cwd, ...(flags.config ? { file: flags.config } : {}), lang: flags.lang ?? 'zh' });
  const lang = flags.lang ?? loaded.config.lang ?? 'zh';
  const color = useColor(flags.color, Boolean(flags.output && flags.output !== '-'));

  if (loaded.diagnostics.length > 0) {
    const report: ValidationReport = {
      files: [],
      diagnostics: loaded.diagnostics,
      errorCount: loaded.diagnostics.length,
      warningCount: 0,
      fatal: true,
    };
    const text = FORMATTERS[flags.format](report, { lang, color: useColor(flags.color, false), sources: await readSources(report, cwd) });
    process.stderr.write(text);
    return EXIT.fatal;
  }

  const { config } = loaded;
  const options = resolveValidateOptions({
    lang,
    rules: config.rules ?? {},
    vocabulary: buildVocabulary(config.vocabulary),
    levelColumns: config.levelColumns ?? [],
  });
  const expanded = await expandInputs(inputs.length > 0 ? inputs : ['.'], {
    cwd,
    lang,
    ...(config.ignore ? { ignore: config.ignore } : {}),
    ignoreBase: 'filepath' in loaded && loaded.filepath ? configDir(loaded, cwd) : cwd,
  });
  let report = await validateFiles(expanded.files, options, cwd, expanded.missing);
  if (flags.quiet) {
    report = { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 };
  }
  const sources = flags.format === 'stylish' ? await readSources(report, cwd) : new Map<string, string>();
  await writeOutput(FORMATTERS[flags.format](report, { lang, color, sources }), flags.output, lang);
  return exitCodeFor(report, flags.maxWarnings ?? config.maxWarnings);
}
