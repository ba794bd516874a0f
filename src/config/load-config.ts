import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { toPointer, type Diagnostic } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import { say, type Lang } from '../i18n.js';
import { parseWithPositions, yamlDiagnostics } from '../load/parse-positions.js';
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
 * Whether a configuration file is in `cwd` or a folder above it, up to the first folder with a package.json
 * (where cosmiconfig's `project` search stops): one of the search places, or a package.json with a `zwgk` field.
 */
function hasConfigFile(cwd: string): boolean {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (SEARCH_PLACES.some((place) => place !== 'package.json' && existsSync(join(dir, place)))) return true;
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        return Object.hasOwn(JSON.parse(readFileSync(pkg, 'utf8')) as object, 'zwgk');
      } catch {
        return true; // let the loader report what is wrong with it
      }
    }
    if (dirname(dir) === dir) return false;
  }
}

/** File names that are configuration, never catalogs. */
export function isConfigFileName(name: string): boolean {
  return /^(\.zwgkrc(\.(json|ya?ml|[cm]?js))?|zwgk\.config\.(json|ya?ml|[cm]?js))$/.test(name);
}

/**
 * Find and load the configuration: the file given, or the first of the usual places from `cwd`
 * upwards to the project root. It is checked against schemas/config.schema.json, with positions
 * for JSON and YAML files.
 */
export async function loadConfig(options: { cwd: string; file?: string; lang: Lang }): Promise<LoadedConfig> {
  // Most runs have no configuration: look for one first, and load the configuration loader only when there is.
  if (!options.file && !hasConfigFile(options.cwd)) return { config: {}, diagnostics: [] };
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('zwgk', { searchPlaces: SEARCH_PLACES, searchStrategy: 'project' });
  let result;
  try {
    result = options.file ? await explorer.load(options.file) : await explorer.search(options.cwd);
  } catch (error) {
    return { config: {}, diagnostics: await unreadableConfig(error, options) };
  }
  if (!result || result.isEmpty) return { config: {}, ...(result ? { filepath: result.filepath } : {}), diagnostics: [] };
  const diagnostics = await checkConfig(result.filepath, result.config, options);
  return { config: (result.config ?? {}) as ZwgkConfig, filepath: result.filepath, diagnostics };
}

/** Why a configuration could not be loaded: not found, or not valid YAML/JSON (with its position). */
async function unreadableConfig(error: unknown, options: { cwd: string; file?: string; lang: Lang }): Promise<Diagnostic[]> {
  const err = error as NodeJS.ErrnoException & { filepath?: string };
  const named = err.message.match(/^(?:YAML|JSON) Error in (.+?):/)?.[1];
  const filepath = err.filepath ?? named ?? (options.file ? resolve(options.cwd, options.file) : undefined);
  const display = filepath ? relative(options.cwd, filepath) || filepath : options.cwd;
  if (filepath && err.code !== 'ENOENT' && /(\.(json|ya?ml)|rc)$/.test(filepath)) {
    const text = await readFile(filepath, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const parsed = parseWithPositions(text);
      const yamlErrors = yamlDiagnostics(display, parsed, options.lang);
      if (yamlErrors.length > 0) return yamlErrors;
    }
  }
  const reason = err.message.split('\n').filter((l) => l.trim()).slice(0, 2).join(' ');
  return [
    {
      code: 'config/invalid',
      severity: 'error',
      file: display,
      path: [],
      pointer: '',
      message: say(options.lang, err.code === 'ENOENT'
        ? { zh: '找不到配置文件。', en: 'Configuration file not found.' }
        : { zh: `无法读取配置文件：${reason}`, en: `Cannot read the configuration: ${reason}` }),
    },
  ];
}

async function checkConfig(filepath: string, config: unknown, options: { cwd: string; lang: Lang }): Promise<Diagnostic[]> {
  const display = relative(options.cwd, filepath) || filepath;
  const inPackage = filepath.endsWith('package.json');
  const prefix = inPackage ? ['zwgk'] : [];
  const compiled = compileSchema('schemas/config.schema.json');
  const findings: Finding[] = new AjvErrorConverter(compiled.schema, config, { zh: '配置', en: 'the configuration' }).convert(runSchema(compiled, config));
  const ids = RULES.map((r) => r.id);
  const ruleTables: { rules: unknown; at: (string | number)[] }[] = [{ rules: (config as ZwgkConfig | null)?.rules, at: [] }];
  const overrides = (config as ZwgkConfig | null)?.overrides;
  if (Array.isArray(overrides)) overrides.forEach((o, i) => ruleTables.push({ rules: (o as { rules?: unknown } | null)?.rules, at: ['overrides', i] }));
  for (const { rules, at } of ruleTables) {
    if (!rules || typeof rules !== 'object') continue;
    for (const id of Object.keys(rules)) {
      if (ids.includes(id)) continue;
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
  if (/\.(c|m)?js$/.test(filepath)) {
    return shifted.map((f) => ({
      code: f.code,
      severity: f.severity,
      file: display,
      path: f.path,
      pointer: toPointer(f.path),
      message: say(options.lang, typeof f.message === 'function' ? f.message(() => undefined) : f.message),
    }));
  }
  const parsed = parseWithPositions(await readFile(filepath, 'utf8'));
  const yamlErrors = yamlDiagnostics(display, parsed, options.lang);
  return yamlErrors.length > 0 ? yamlErrors : positionFindings(display, parsed, shifted, options.lang);
}

/** The folder a configuration's relative paths are taken from. */
export function configDir(loaded: LoadedConfig, cwd: string): string {
  return loaded.filepath ? dirname(loaded.filepath) : cwd;
}
