import { createHash } from 'node:crypto';
import { readJsonAsset } from '../../assets.js';
import { RULES } from '../../lint/registry.js';
import { toolVersion } from '../../report/tool-version.js';
import type { ValidateOptions } from '../options.js';

/** A short hex digest of a text: what the cache compares contents and settings by. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/** A value as JSON with sets and maps as sorted lists and object keys sorted: equal settings, equal text. */
function stable(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(stable).sort(byJson);
  if (value instanceof Map) return [...value].map(([k, v]) => [stable(k), stable(v)]).sort(byJson);
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = stable((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function byJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The settings a file is checked with, as one digest: language, rule severities, vocabulary, level
 * columns and the kinds of document with their settings. Two files checked alike share it.
 */
export function optionsFingerprint(options: ValidateOptions): string {
  const { lang, rules, vocabulary, levelColumns, documents } = options;
  const kinds = (documents ?? []).map((kind) => ({ name: kind.name, settings: kind.settings ?? null }));
  return digest(JSON.stringify(stable({ lang, rules, vocabulary, levelColumns, kinds })));
}

/**
 * What checks a file besides its settings: this version of zwgk, its rules and its catalog schema. A cache
 * written by anything else is started again.
 */
export function engineFingerprint(): string {
  const rules = RULES.map((rule) => `${rule.id}:${rule.severity}`).join(',');
  const schema = JSON.stringify(readJsonAsset('schemas/catalog.schema.json'));
  return `${toolVersion()}+${digest(rules + '\n' + schema)}`;
}
