import type { DiffFormatter } from './types.js';

/**
 * Every output format of `zwgk diff`, each loaded only when asked for (the change reports load their
 * libraries; the command line reads the names at start, before it knows which command runs).
 */
export const DIFF_FORMATTERS = {
  text: async (report, ctx) => (await import('./text.js')).textDiff(report, ctx),
  json: async (report, ctx) => (await import('./json.js')).jsonDiff(report, ctx),
  markdown: async (report, ctx) => (await import('./markdown.js')).markdownDiff(report, ctx),
  html: async (report, ctx) => (await import('./html.js')).htmlDiff(report, ctx),
  xlsx: async (report, ctx) => (await import('./xlsx.js')).xlsxDiff(report, ctx),
} as const satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof DIFF_FORMATTERS;

/** Formats whose output is a file to keep rather than text to read. */
export const BINARY_DIFF_FORMATS: readonly DiffFormatName[] = ['xlsx'];
