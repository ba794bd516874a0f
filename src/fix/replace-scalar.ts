import type { Scalar } from 'yaml';
import type { TextEdit } from '../diagnostics.js';
import { yamlLib } from '../util/packages.js';
import { diffSequences } from './myers.js';
import { floats, scalarSource, type ScalarSource } from './scalar-source.js';

/** Whether a string can stand as a plain (unquoted) scalar and still read as the same string. */
function plainSafe(value: string, flow: boolean): boolean {
  if (flow && /[,[\]{}]/.test(value)) return false;
  return yamlLib().stringify(value, { lineWidth: 0 }) === `${value}\n`;
}

/** Write text for the inside of a scalar of the given style, or undefined if that style cannot hold it there. */
function encode(text: string, style: Scalar.Type): string | undefined {
  switch (style) {
    case 'QUOTE_SINGLE':
      return text.includes('\n') ? undefined : text.replaceAll("'", "''");
    case 'QUOTE_DOUBLE':
      return JSON.stringify(text).slice(1, -1);
    default:
      // Plain and block scalars take text as it is, within one line.
      return text.includes('\n') ? undefined : text;
  }
}

/** A span of the old value and what replaces it. */
interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The spans of the old value that change, widened over white space at their edges (whose place in
 * the source is ambiguous) up to characters the source pins down, and merged where they then touch.
 */
function changedSpans(oldValue: string, newValue: string): Span[] {
  const changes = diffSequences(oldValue.split(''), newValue.split(''));
  const spans: Span[] = [];
  changes.forEach((c, n) => {
    const floor = n > 0 ? changes[n - 1]!.aEnd : 0;
    const ceiling = n + 1 < changes.length ? changes[n + 1]!.aStart : oldValue.length;
    let start = c.aStart;
    let end = c.aEnd;
    while (start > floor && floats(oldValue, start - 1)) start--;
    while (end < ceiling && floats(oldValue, end)) end++;
    const text = oldValue.slice(start, c.aStart) + newValue.slice(c.bStart, c.bEnd) + oldValue.slice(c.aEnd, end);
    const last = spans[spans.length - 1];
    if (last && last.end >= start) {
      // The white space between them was taken in by both: keep one copy.
      last.text += text.slice(last.end - start);
      last.end = end;
    } else {
      spans.push({ start, end, text });
    }
  });
  return spans;
}

/** Source edits for the changed spans, or undefined where the scalar's style cannot take them in place. */
function spanEdits(source: ScalarSource, oldValue: string, spans: readonly Span[]): TextEdit[] | undefined {
  const block = source.style === 'BLOCK_LITERAL' || source.style === 'BLOCK_FOLDED';
  const edits: TextEdit[] = [];
  for (const span of spans) {
    // At the ends of a block scalar, white space is indentation and chomping: leave those alone.
    if (block && (span.start === 0 || span.end === oldValue.length)) return undefined;
    const start = span.start === 0 ? source.contentStart : source.at[span.start - 1]?.[1];
    const end = span.end === oldValue.length ? source.contentEnd : source.at[span.end]?.[0];
    const text = encode(span.text, source.style);
    if (start === undefined || end === undefined || text === undefined) return undefined;
    edits.push({ start, end, text });
  }
  return edits;
}

/**
 * Edits that turn a string scalar's value into `newValue`, changing only the characters that differ
 * and keeping the scalar's quoting style. Where that style cannot hold the new value (a plain scalar
 * that would read as something else, escapes in double quotes), a one-line scalar is rewritten in
 * double quotes; otherwise there is no edit.
 */
export function replaceScalar(text: string, node: Scalar, newValue: string, flow: boolean): TextEdit[] | undefined {
  if (typeof node.value !== 'string' || !node.range || node.value === newValue) return undefined;
  const source = scalarSource(text, node);
  const keepsStyle = source && (source.style !== 'PLAIN' || plainSafe(newValue, flow));
  const edits = keepsStyle ? spanEdits(source, node.value, changedSpans(node.value, newValue)) : undefined;
  if (edits) return edits;
  const [start, end] = node.range;
  const oneLine = !text.slice(start, end).includes('\n');
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  return oneLine && !block ? [{ start, end, text: JSON.stringify(newValue) }] : undefined;
}
