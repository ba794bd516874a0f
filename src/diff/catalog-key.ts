import { loadText } from '../load/load-source.js';
import { marginValue } from '../load/margin-value.js';
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
