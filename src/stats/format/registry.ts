import type { StatsFileFormatter, StatsFormatter } from './types.js';

/**
 * Every text output format of `zwgk stats`, each loaded only when asked for (the command line reads the
 * names at start, before it knows which command runs).
 */
export const STATS_FORMATTERS = {
  text: async () => (await import('./text.js')).textStats,
  json: async () => (await import('./json.js')).jsonStats,
  markdown: async () => (await import('./markdown.js')).markdownStats,
  html: async () => (await import('./html.js')).htmlStats,
} as const satisfies Record<string, () => Promise<StatsFormatter>>;

/** The output formats of `zwgk stats` that are files to keep rather than text: written only to a file named with `-o`. */
export const STATS_FILE_FORMATTERS = {
  xlsx: async () => (await import('./xlsx.js')).xlsxStats,
} as const satisfies Record<string, () => Promise<StatsFileFormatter>>;

export type StatsTextFormatName = keyof typeof STATS_FORMATTERS;
export type StatsFileFormatName = keyof typeof STATS_FILE_FORMATTERS;
export type StatsFormatName = StatsTextFormatName | StatsFileFormatName;

/** The names of the output formats: the text formats, then the file formats. */
export const STATS_FORMAT_NAMES = [
  ...Object.keys(STATS_FORMATTERS),
  ...Object.keys(STATS_FILE_FORMATTERS),
] as StatsFormatName[];

/** Whether a format's output is a file (bytes) rather than text. */
export function isStatsFileFormat(name: string): name is StatsFileFormatName {
  return Object.hasOwn(STATS_FILE_FORMATTERS, name);
}
