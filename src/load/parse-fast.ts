import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

// The CommonJS build of js-yaml parses faster than its ESM build; load it explicitly.
const jsyaml = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

/** The result of the fast parse: the data, or a sign that the positional parser must explain why not. */
export type FastParse = { ok: true; data: unknown } | { ok: false };

/**
 * Parse YAML text quickly, without source positions, under the YAML 1.2 core schema
 * (no timestamps, no `yes`/`no` booleans), the same schema the positional parser uses.
 * Any problem (syntax, duplicate key, several documents) returns `ok: false`.
 */
export function parseFast(text: string): FastParse {
  try {
    return { ok: true, data: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
}
