import { buildVocabulary } from '../catalog/vocabulary.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { LANGS, type Lang } from '../i18n.js';
import {
  resolveValidateOptions,
  type DocumentKind,
  type TableKind,
  type ValidateOptions,
} from '../validate/options.js';
import type { ValidationReport } from '../validate/validate-files.js';
import { configDir, loadConfig } from './load-config.js';
import { optionsPerFile } from './overrides.js';
import type { ZwgkConfig } from './types.js';

/** The flags every command shares. */
export interface CommonFlags {
  lang?: Lang;
  /** A configuration file, or `false` for none (`--no-config`). */
  config?: string | false;
}

/** Everything a command needs from defaults, the configuration file and its flags. */
export interface RunSettings {
  lang: Lang;
  config: ZwgkConfig;
  /** The folder the configuration's relative paths are taken from. */
  base: string;
  options: ValidateOptions;
  /** Problems with the configuration itself, sorted; when any, the command reports them and exits 2. */
  diagnostics: Diagnostic[];
}

/** The configuration's own problems as a report, for the formatters. */
export function configReport(settings: RunSettings): ValidationReport {
  const { diagnostics } = settings;
  return { files: [], diagnostics, errorCount: diagnostics.length, warningCount: 0, fatal: true, sources: new Map() };
}

/**
 * Load the configuration and merge: defaults < configuration file < flags. `documents` gives the kinds of
 * document besides catalogs that the run checks, with the configuration's settings for them; `tables`, how
 * tables (workbooks, pages, CSV files) among the files are checked where they live.
 */
export async function resolveRunSettings(
  flags: CommonFlags,
  cwd: string,
  documents?: (config: ZwgkConfig) => readonly DocumentKind[],
  tables?: TableKind,
): Promise<RunSettings> {
  const loaded =
    flags.config === false
      ? { config: {} as ZwgkConfig, diagnostics: [] as Diagnostic[] }
      : await loadConfig({ cwd, ...(flags.config ? { file: flags.config } : {}), lang: flags.lang ?? 'zh' });
  // A configuration with problems is not trusted for anything, its language included.
  const config = loaded.diagnostics.length > 0 ? {} : loaded.config;
  const configLang = LANGS.includes(config.lang as Lang) ? config.lang : undefined;
  const lang = flags.lang ?? configLang ?? 'zh';
  const base = 'filepath' in loaded && loaded.filepath ? configDir(loaded, cwd) : cwd;
  const options = resolveValidateOptions({
    lang,
    rules: config.rules ?? {},
    vocabulary: buildVocabulary(config.vocabulary),
    levelColumns: config.levelColumns ?? [],
    ...(documents ? { documents: documents(config) } : {}),
    ...(tables ? { tables } : {}),
  });
  const forFile = optionsPerFile(options, config, base);
  return {
    lang,
    config,
    base,
    options: forFile ? { ...options, forFile } : options,
    diagnostics: [...loaded.diagnostics].sort(compareDiagnostics),
  };
}
