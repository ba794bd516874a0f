import type { StatsFormatter } from './types.js';

/**
 * Every output format of `zwgk stats`, each loaded only when asked for (the command line reads the names
 * at start, before it knows which command runs).
 */
export const STATS_FORMATTERS = {
  text: async () => (await import('./text.js')).textStats,
  json: async () => (await import('./json.js')).jsonStats,
  markdown: async () => (await import('./markdown.js')).markdownStats,
} as const satisfies Record<string, () => Promise<StatsFormatter>>;

export type StatsFormatName = keyof typeof STATS_FORMATTERS;
