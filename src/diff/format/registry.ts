import { jsonDiff } from './json.js';
import { markdownDiff } from './markdown.js';
import { textDiff } from './text.js';
import type { DiffFormatter } from './types.js';

/** Every output format of `zwgk diff`. */
export const DIFF_FORMATTERS = { text: textDiff, json: jsonDiff, markdown: markdownDiff } as const satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof DIFF_FORMATTERS;
