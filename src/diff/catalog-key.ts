import { coreImplicitTypes } from '../load/parse-fast.js';
import { loadText } from '../load/load-source.js';
import { parseSimpleYaml, UNSUPPORTED } from '../load/parse-simple.js';
import { withoutInvisible } from '../util/invisible.js';

/** What pairs a catalog with its other version: its domain and unit, as text. */
export interface CatalogKey {
  domain: string;
  unit: string;
}

/** A key as a reader sees it: without characters that show as nothing (a pasted 义务\u200b教育 is 义务教育). */
const keyOf = (domain: unknown, unit: unknown): CatalogKey => ({
  domain: withoutInvisible(String(domain)),
  unit: withoutInvisible(String(unit)),
});

/** The key of a catalog's parsed data: a value not written, or data that is not a mapping, reads as empty. */
export function keyOfData(data: unknown): CatalogKey {
  const root = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  return keyOf(root.domain ?? '', root.unit ?? '');
}

/** The data of a text as `validateText` reads it: the fast parse, else the positional parser's. */
function dataOf(text: string): unknown {
  const read = loadText('', text, { lang: 'en' }).read();
  return read.ok ? read.data : null;
}

const isBlank = (c: number) => c === 0x20 || c === 0x09;

/** Where the first line that starts at the left margin with `key:` (blanks allowed before the colon) starts, or -1. */
function marginLine(text: string, key: string): number {
  const keyAt = (at: number) => {
    let i = at + key.length;
    while (isBlank(text.charCodeAt(i))) i++;
    return text.charCodeAt(i) === 0x3a;
  };
  if (text.startsWith(key) && keyAt(0)) return 0;
  const prefix = `\n${key}`;
  for (let nl = text.indexOf(prefix); nl >= 0; nl = text.indexOf(prefix, nl + 1)) if (keyAt(nl + 1)) return nl + 1;
  return -1;
}

/**
 * The value written on the first line that starts at the left margin with `key:`, if that line says it
 * all: undefined when there is no such line, when the line is not simple YAML, or when the next line
 * with content is indented (the value may go on there).
 */
function marginValue(text: string, key: string): unknown {
  const at = marginLine(text, key);
  if (at < 0) return undefined;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  let next = end;
  while (text.charCodeAt(next) === 0x0a || text.charCodeAt(next) === 0x0d) next++;
  if (isBlank(text.charCodeAt(next))) return undefined;
  const data = parseSimpleYaml(text.slice(at, text.charCodeAt(end - 1) === 0x0d ? end - 1 : end), coreImplicitTypes);
  return data !== UNSUPPORTED && data !== null && typeof data === 'object' && key in data
    ? ((data as Record<string, unknown>)[key] ?? '')
    : undefined;
}

/**
 * A catalog's key, read from the `domain:` and `unit:` lines at the left margin, as nearly every catalog
 * writes them, without parsing the rest; a text that does not write them so, or any text with `whole`,
 * is parsed whole. For pairing files before they are read in full. A text can fool the lines (a key
 * written twice, which is an error, or a whole catalog written as a flow mapping), so the comparison
 * checks each key against the data once it is read.
 */
export function keyOfText(text: string, whole = false): CatalogKey {
  if (whole) return keyOfData(dataOf(text));
  const domain = marginValue(text, 'domain');
  const unit = domain === undefined ? undefined : marginValue(text, 'unit');
  return domain === undefined || unit === undefined ? keyOfData(dataOf(text)) : keyOf(domain, unit);
}
