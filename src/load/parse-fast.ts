import type * as JsYaml from 'js-yaml';
import { LIMITS, measureData } from './limits.js';
import { dataHasLoneSurrogate, mayEscapeLoneSurrogate } from './lone-surrogates.js';
import { loadJsYaml } from '../util/packages.js';
import { parseSimpleYaml, UNSUPPORTED, type ImplicitType } from './parse-simple.js';

let jsyamlLib: typeof JsYaml | undefined;
let coreTypesFound: readonly ImplicitType[] | undefined | null;

/** Whether a value of js-yaml's (untyped) internals has the two functions of an implicit type. */
function isImplicitType(value: unknown): value is ImplicitType {
  const type = value as { resolve?: unknown; construct?: unknown } | null | undefined;
  return typeof type?.resolve === 'function' && typeof type.construct === 'function';
}

/** js-yaml, loaded on first use. */
function jsyaml(): typeof JsYaml {
  jsyamlLib ??= loadJsYaml();
  return jsyamlLib;
}

/**
 * The core schema's implicit types, as js-yaml applies them to plain scalars (for the simple parser,
 * which must type plain scalars exactly as js-yaml does); undefined if this js-yaml does not expose them.
 */
export function coreImplicitTypes(): readonly ImplicitType[] | undefined {
  if (coreTypesFound === undefined) {
    const types = (jsyaml().CORE_SCHEMA as { compiledImplicit?: unknown }).compiledImplicit;
    coreTypesFound =
      Array.isArray(types) && (types as unknown[]).every(isImplicitType) ? (types as ImplicitType[]) : null;
  }
  return coreTypesFound ?? undefined;
}

/**
 * How deep js-yaml may recurse: it counts a level for more than each mapping and list (a compact list,
 * `- - x`, counts twice), so its limit is set past ours, to keep its stack safe; the data it reads is
 * then measured as zwgk counts (limits.ts).
 */
const JS_YAML_DEPTH = 4 * LIMITS.depth;

/** Whether js-yaml's data is within the limits and holds only whole characters: else the positional parser says what is wrong. */
function readable(text: string, data: unknown): boolean {
  return !measureData(data) && !(mayEscapeLoneSurrogate(text) && dataHasLoneSurrogate(data));
}

/** The result of the fast parse: the data, or a sign that the positional parser must explain why not. */
export type FastParse = { ok: true; data: unknown; lines?: WeakMap<object, number> } | { ok: false };

/** Where each mapping and sequence of the data starts: its 1-based line, recorded as js-yaml reads it. */
function lineRecorder(): {
  lines: WeakMap<object, number>;
  listener: (event: 'open' | 'close', state: { line: number; result: unknown }) => void;
} {
  const lines = new WeakMap<object, number>();
  const open: number[] = [];
  return {
    lines,
    listener(event, state) {
      if (event === 'open') open.push(state.line);
      else {
        const line = open.pop();
        if (line !== undefined && state.result !== null && typeof state.result === 'object' && !lines.has(state.result))
          lines.set(state.result, line + 1);
      }
    },
  };
}

/**
 * Parse YAML text quickly, without source positions, under the YAML 1.2 core schema
 * (no timestamps, no `yes`/`no` booleans), the same schema the positional parser uses: with the simple
 * parser (parse-simple.ts) for the plain YAML nearly every catalog is written in, else with js-yaml,
 * whose data it gives exactly. Any problem (syntax, duplicate key, several documents) returns
 * `ok: false`, and so does data past the limits of depth and size (limits.ts), or with half a surrogate
 * pair in a text (lone-surrogates.ts): the positional parser says where. With `withLines`, js-yaml also records the line where each mapping and sequence starts,
 * cheaply, as it passes it.
 */
export function parseFast(text: string, withLines = false): FastParse {
  try {
    if (!withLines) {
      // Most catalogs are plain enough for the simple parser; js-yaml reads the rest.
      const simple = parseSimpleYaml(text, coreImplicitTypes);
      if (simple !== UNSUPPORTED) return { ok: true, data: simple };
      const lib = jsyaml();
      const data = lib.load(text, {
        schema: lib.CORE_SCHEMA,
        json: false,
        maxDepth: JS_YAML_DEPTH,
      } as JsYaml.LoadOptions);
      return readable(text, data) ? { ok: true, data } : { ok: false };
    }
    const recorder = lineRecorder();
    const lib = jsyaml();
    const data = lib.load(text, {
      schema: lib.CORE_SCHEMA,
      json: false,
      maxDepth: JS_YAML_DEPTH,
      listener: recorder.listener,
    } as JsYaml.LoadOptions);
    return readable(text, data) ? { ok: true, data, lines: recorder.lines } : { ok: false };
  } catch {
    return { ok: false };
  }
}
