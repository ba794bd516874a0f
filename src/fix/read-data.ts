import { loadText } from '../load/load-source.js';

/**
 * The data a text holds, read as validation reads it; undefined when it is not YAML both parsers
 * accept.
 */
export function readData(text: string): { data: unknown } | undefined {
  const source = loadText('', text, { lang: 'en' });
  if (source.positions().doc.errors.length > 0) return undefined;
  const read = source.read();
  // Where the fast parser may read the text (no lone CR), it must.
  if (!read.ok || (read.parser === 'positional' && !source.loneCr)) return undefined;
  return { data: read.data };
}
