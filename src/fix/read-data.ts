import { parseFast } from '../load/parse-fast.js';
import { documentData, parseWithPositions } from '../load/parse-positions.js';

/**
 * The data a text holds, read as validation reads it; undefined when it is not YAML both parsers
 * accept.
 */
export function readData(text: string): { data: unknown } | undefined {
  const positioned = parseWithPositions(text);
  if (positioned.doc.errors.length > 0) return undefined;
  const fast = /\r(?!\n)/.test(text) ? undefined : parseFast(text);
  if (fast && !fast.ok) return undefined;
  return { data: fast ? fast.data : documentData(positioned) };
}
