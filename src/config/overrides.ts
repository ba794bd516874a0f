import { relative, sep } from 'node:path';
import { loadPicomatch } from '../util/packages.js';
import { buildVocabulary, type VocabularyExtension } from '../catalog/vocabulary.js';
import type { ValidateOptions } from '../validate/options.js';
import type { ConfigOverride, ZwgkConfig } from './types.js';

/** Merge two vocabulary extensions: lists joined, alias tables merged (the later wins). */
function mergeVocabulary(a: VocabularyExtension = {}, b: VocabularyExtension = {}): VocabularyExtension {
  return {
    channels: [...(a.channels ?? []), ...(b.channels ?? [])],
    channelAliases: { ...a.channelAliases, ...b.channelAliases },
    domains: [...(a.domains ?? []), ...(b.domains ?? [])],
    domainAliases: { ...a.domainAliases, ...b.domainAliases },
  };
}

/**
 * The options for each file, when the configuration has `overrides`: the run's options with every override
 * whose `files` globs match the file (relative to the configuration's folder) laid over them, in order —
 * rules by id, `levelColumns` replaced, vocabulary added to. Files no override matches get the run's options.
 */
export function optionsPerFile(
  base: ValidateOptions,
  config: ZwgkConfig,
  configDir: string,
): ((file: string) => ValidateOptions) | undefined {
  const overrides = config.overrides ?? [];
  if (overrides.length === 0) return undefined;
  // Loaded only now: most configurations have no overrides and need not pay for it.
  const picomatch = loadPicomatch();
  const matchers = overrides.map((o) =>
    picomatch(typeof o.files === 'string' ? [o.files] : [...o.files], { dot: true }),
  );
  const made = new Map<string, ValidateOptions>();
  return (file) => {
    const rel = relative(configDir, file).split(sep).join('/');
    const hits = overrides.filter((_, i) => matchers[i]!(rel));
    if (hits.length === 0) return base;
    const key = hits.map((h) => overrides.indexOf(h)).join(',');
    let options = made.get(key);
    if (!options) {
      const merged = hits.reduce<ConfigOverride>(
        (acc, o) => ({
          files: [],
          rules: { ...acc.rules, ...o.rules },
          ...(o.levelColumns
            ? { levelColumns: o.levelColumns }
            : acc.levelColumns
              ? { levelColumns: acc.levelColumns }
              : {}),
          vocabulary: mergeVocabulary(acc.vocabulary, o.vocabulary),
        }),
        {
          files: [],
          rules: config.rules ?? {},
          ...(config.levelColumns ? { levelColumns: config.levelColumns } : {}),
          vocabulary: config.vocabulary ?? {},
        },
      );
      options = {
        ...base,
        rules: merged.rules ?? {},
        levelColumns: merged.levelColumns ?? [],
        vocabulary: buildVocabulary(merged.vocabulary),
      };
      made.set(key, options);
    }
    return options;
  };
}
