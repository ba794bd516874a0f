import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/**
 * Every output format of `zwgk validate` that is text. The workbook (`xlsx`) is a file, not text: it has
 * a registry of its own, `FILE_FORMAT_LOADERS` in `load-formatter.ts`.
 */
export const FORMATTERS = { stylish, json, sarif, github, junit, markdown, html } as const satisfies Record<
  string,
  Formatter
>;

export type FormatName = keyof typeof FORMATTERS;
