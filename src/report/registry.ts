import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Every output format of `zwgk validate`. */
export const FORMATTERS = { stylish, json, sarif, github, junit, markdown } as const satisfies Record<
  string,
  Formatter
>;

export type FormatName = keyof typeof FORMATTERS;
