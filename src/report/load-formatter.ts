import type { FormatName } from './registry.js';
import type { Formatter } from './types.js';

/**
 * Every output format of `zwgk validate`, each loading only its own module: a run that writes JSON never
 * loads the code frames and colours of `stylish`, nor the rule catalogue of `sarif`. The same formats as
 * `FORMATTERS`, in the same order; the command line offers these names.
 */
export const FORMAT_LOADERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  markdown: async () => (await import('./markdown.js')).markdown,
} as const satisfies Record<FormatName, () => Promise<Formatter>>;

/** The names of the output formats, in the registry's order. */
export const FORMAT_NAMES = Object.keys(FORMAT_LOADERS) as FormatName[];

/** The formatter of one output format, loading only its own module. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return FORMAT_LOADERS[name]();
}
