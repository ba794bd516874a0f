import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { toPointer, type Diagnostic } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import { say, type Lang } from '../i18n.js';
import { yamlDiagnostics, type PositionedDocument } from '../load/parse-positions.js';
import { loadFile } from '../load/load-file.js';
import { readSourceSync } from '../load/read-source.js';
import { RULES } from '../lint/registry.js';
import { compileSchema, runSchema } from '../schema/catalog-schema.js';
import { AjvErrorConverter } from '../schema/convert-ajv-errors.js';
import { closest } from '../util/text.js';
import { positionFindings } from '../validate/position-findings.js';
import type { ZwgkConfig } from './types.js';

/** A loaded configuration, where it came from, and what is wrong with it. */
export interface LoadedConfig {
  config: ZwgkConfig;
  /** Absolute path of the file, if one was found. */
  filepath?: string;
  diagnostics: Diagnostic[];
}

const SEARCH_PLACES = [
  'package.json',
  '.zwgkrc',
  '.zwgkrc.json',
  '.zwgkrc.yaml',
  '.zwgkrc.yml',
  '.zwgkrc.js',
  '.zwgkrc.cjs',
  '.zwgkrc.mjs',
  '.config/zwgkrc',
  '.config/zwgkrc.json',
  '.config/zwgkrc.yaml',
  '.config/zwgkrc.yml',
  'zwgk.config.yaml',
  'zwgk.config.yml',
  'zwgk.config.json',
  'zwgk.config.js',
  'zwgk.config.cjs',
  'zwgk.config.mjs',
];

/**
 * The configuration file for `cwd`: the first of the search places in `cwd` or a folder above it, up to
 * the first folder with a package.json (the project's root, where the search stops). A package.json counts
 * when it has a `zwgk` field; one that is not valid JSON counts only when its text names `"zwgk"` (to say
 * what is wrong with it): any other is the project's own business.
 */
function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const path = join(dir, place);
      if (existsSync(path) && (place !== 'package.json' || packageConfigures(path))) return path;
    }
    if (existsSync(join(dir, 'package.json')) || dirname(dir) === dir) return undefined;
  }
}

/** Whether a package.json holds a `zwgk` field, or, not being valid JSON, seems meant to. */
function packageConfigures(path: string): boolean {
  const read = readSourceSync(path, 'en');
  if (!read.ok) return false;
  try {
    const pkg: unknown = JSON.parse(read.text);
    return pkg !== null && typeof pkg === 'object' && Object.hasOwn(pkg, 'zwgk');
  } catch {
    return /"zwgk"\s*:/.test(read.text);
  }
}

/** File names that are configuration, never catalogs. */
export function isConfigFileName(name: string): boolean {
  return /^(\.zwgkrc(\.(json|ya?ml|[cm]?js))?|zwgk\.config\.(json|ya?ml|[cm]?js))$/.test(name);
}

/** What `loadConfig` needs to know of a run. */
interface Where {
  cwd: string;
  file?: string;
  lang: Lang;
}

/**
 * Find and load the configuration: the file given, or the first of the usual places from `cwd`
 * upwards to the project root. It is checked against schemas/config.schema.json, with positions
 * for JSON and YAML files. JSON and YAML files are read as catalogs are: UTF-8, with or without a
 * byte-order mark; another encoding is refused with a finding.
 */
export async function loadConfig(options: Where): Promise<LoadedConfig> {
  const filepath = options.file ? resolve(options.cwd, options.file) : findConfigFile(options.cwd);
  if (!filepath) return { config: {}, diagnostics: [] };
  const display = relative(options.cwd, filepath) || filepath;
  if (/\.(c|m)?js$/.test(filepath)) return loadScript(filepath, display, options);
  const loaded = await loadFile(filepath, { file: display, lang: options.lang });
  if (!loaded.ok) {
    const diagnostic = loaded.diagnostic;
    return {
      config: {},
      diagnostics: [diagnostic.code === 'file/not-found' ? notFound(display, options.lang) : diagnostic],
    };
  }
  const source = loaded.source;
  const parsed = source.positions();
  let config: unknown;
  if (basename(filepath) === 'package.json') {
    try {
      config = (JSON.parse(source.written) as { zwgk?: unknown } | null)?.zwgk;
    } catch (error) {
      return { config: {}, filepath, diagnostics: syntaxFindings(display, parsed, error, options.lang) };
    }
  } else if (/\.json$/.test(filepath)) {
    try {
      config = JSON.parse(source.written);
    } catch (error) {
      return { config: {}, filepath, diagnostics: syntaxFindings(display, parsed, error, options.lang) };
    }
  } else {
    const read = source.read();
    const yamlErrors = read.ok ? source.yamlErrors() : read.errors;
    if (yamlErrors.length > 0) return { config: {}, filepath, diagnostics: yamlErrors };
    config = read.ok ? read.data : undefined;
  }
  if (config === null || config === undefined) return { config: {}, filepath, diagnostics: [] };
  const diagnostics = checkConfig(filepath, config, options, parsed);
  return { config, filepath, diagnostics };
}

/** A configuration written as a script, loaded by cosmiconfig. */
async function loadScript(filepath: string, display: string, options: Where): Promise<LoadedConfig> {
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('zwgk', { searchPlaces: SEARCH_PLACES, searchStrategy: 'project' });
  let result;
  try {
    result = await explorer.load(filepath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      config: {},
      diagnostics: [code === 'ENOENT' ? notFound(display, options.lang) : invalid(display, error, options.lang)],
    };
  }
  if (!result || result.isEmpty)
    return { config: {}, ...(result ? { filepath: result.filepath } : {}), diagnostics: [] };
  const diagnostics = checkConfig(result.filepath, result.config, options);
  return { config: (result.config ?? {}) as ZwgkConfig, filepath: result.filepath, diagnostics };
}

/** Why a JSON file did not parse: the positional parser's finding where it sees the mistake too, else JSON's own words. */
function syntaxFindings(display: string, parsed: PositionedDocument, error: unknown, lang: Lang): Diagnostic[] {
  const yamlErrors = yamlDiagnostics(display, parsed, lang);
  return yamlErrors.length > 0 ? yamlErrors : [invalid(display, error, lang)];
}

function notFound(display: string, lang: Lang): Diagnostic {
  return {
    code: 'config/invalid',
    severity: 'error',
    file: display,
    path: [],
    pointer: '',
    message: say(lang, { zh: '找不到配置文件。', en: 'Configuration file not found.' }),
  };
}

function invalid(display: string, error: unknown, lang: Lang): Diagnostic {
  // Anything may be thrown, not only an Error.
  const reason = String((error as { message?: unknown }).message ?? error)
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 2)
    .join(' ');
  return {
    code: 'config/invalid',
    severity: 'error',
    file: display,
    path: [],
    pointer: '',
    message: say(lang, { zh: `无法读取配置文件：${reason}`, en: `Cannot read the configuration: ${reason}` }),
  };
}

function checkConfig(filepath: string, config: unknown, options: Where, parsed?: PositionedDocument): Diagnostic[] {
  const display = relative(options.cwd, filepath) || filepath;
  const inPackage = filepath.endsWith('package.json');
  const prefix = inPackage ? ['zwgk'] : [];
  const compiled = compileSchema('schemas/config.schema.json');
  const findings: Finding[] = new AjvErrorConverter(compiled.schema, config, {
    zh: '配置',
    en: 'the configuration',
  }).convert(runSchema(compiled, config));
  const ids = RULES.map((r) => r.id);
  const ruleTables: { rules: unknown; at: (string | number)[] }[] = [
    { rules: (config as ZwgkConfig | null)?.rules, at: [] },
  ];
  const overrides = (config as ZwgkConfig | null)?.overrides;
  if (Array.isArray(overrides))
    overrides.forEach((o, i) =>
      ruleTables.push({ rules: (o as { rules?: unknown } | null)?.rules, at: ['overrides', i] }),
    );
  for (const { rules, at } of ruleTables) {
    if (!rules || typeof rules !== 'object') continue;
    for (const id of Object.keys(rules)) {
      if ((ids as readonly string[]).includes(id)) continue;
      const guess = closest(id, ids);
      findings.push({
        code: 'config/unknown-rule',
        severity: 'error',
        path: [...at, 'rules', id],
        target: 'key',
        message: { zh: `没有名为“${id}”的规则。`, en: `There is no rule "${id}".` },
        hint: guess
          ? { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` }
          : { zh: '运行 `zwgk rules` 查看全部规则。', en: 'Run `zwgk rules` to list them.' },
      });
    }
  }
  if (findings.length === 0) return [];
  const shifted = findings.map((f) => ({ ...f, path: [...prefix, ...f.path] }));
  // A script's findings have no positions.
  if (!parsed) {
    return shifted.map((f) => ({
      code: f.code,
      severity: f.severity,
      file: display,
      path: f.path,
      pointer: toPointer(f.path),
      message: say(options.lang, typeof f.message === 'function' ? f.message(() => undefined) : f.message),
    }));
  }
  const yamlErrors = yamlDiagnostics(display, parsed, options.lang);
  return yamlErrors.length > 0 ? yamlErrors : positionFindings(display, parsed, shifted, options.lang);
}

/** The folder a configuration's relative paths are taken from. */
export function configDir(loaded: LoadedConfig, cwd: string): string {
  return loaded.filepath ? dirname(loaded.filepath) : cwd;
}
