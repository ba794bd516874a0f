import { jsonDiff } from './json.js';
import { markdownDiff } from './markdown.js';
import { textDiff } from './text.js';
import type { DiffFormatter } from './types.js';

/** Every output format of `zwgk diff`; the change reports load their libraries only when asked for. */
export const DIFF_FORMATTERS = {
  text: textDiff,
  json: jsonDiff,
  markdown: markdownDiff,
  html: async (report, ctx) => (await import('./html.js')).htmlDiff(report, ctx),
  xlsx: async (report, ctx) => (await import('./xlsx.js')).xlsxDiff(report, ctx),
} as const satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof DIFF_FORMATTERS;

/** Formats whose output is a file to keep rather than text to read. */
export const BINARY_DIFF_FORMATS: readonly DiffFormatName[] = ['xlsx'];
