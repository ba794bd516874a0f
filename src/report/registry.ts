import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Every output format of `zwgk validate`. */
export const FORMATTERS = { stylish, json } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
