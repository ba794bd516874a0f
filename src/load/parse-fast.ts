import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

// The CommonJS build of js-yaml parses faster than its ESM build; load it explicitly.
const jsyaml = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

/** The result of the fast parse: the data, or a sign that the positional parser must explain why not. */
export type FastParse = { ok: true; data: unknown; lines?: WeakMap<object, number> } | { ok: false };

/** Where each mapping and sequence of the data starts: its 1-based line, recorded as js-yaml reads it. */
function lineRecorder(): { lines: WeakMap<object, number>; listener: (event: 'open' | 'close', state: { line: number; result: unknown }) => void } {
  const lines = new WeakMap<object, number>();
  const open: number[] = [];
  return {
    lines,
    listener(event, state) {
      if (event === 'open') open.push(state.line);
      else {
        const line = open.pop();
        if (line !== undefined && state.result !== null && typeof state.result === 'object' && !lines.has(state.result)) lines.set(state.result, line + 1);
      }
    },
  };
}

/**
 * Parse YAML text quickly, without source positions, under the YAML 1.2 core schema
 * (no timestamps, no `yes`/`no` booleans), the same schema the positional parser uses.
 * Any problem (syntax, duplicate key, several documents) returns `ok: false`. With `withLines`, also
 * records the line where each mapping and sequence starts, cheaply, as the parser passes it.
 */
export function parseFast(text: string, withLines = false): FastParse {
  try {
    if (!withLines) return { ok: true, data: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false }) };
    const recorder = lineRecorder();
    const data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false, listener: recorder.listener as never });
    return { ok: true, data, lines: recorder.lines };
  } catch {
    return { ok: false };
  }
}
