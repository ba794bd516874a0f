import type { Scalar } from 'yaml';

/** Where a string scalar's value lies in the source, character by character. */
export interface ScalarSource {
  style: Scalar.Type;
  /** Start and end of the value's text: inside the quotes; below the header line of a block scalar. */
  contentStart: number;
  contentEnd: number;
  /**
   * For each UTF-16 unit of the value that is not YAML white space (space, tab, line break): where it
   * is written. Units that are white space have no entry: line folding and indentation make their
   * place in the source ambiguous.
   */
  at: ([number, number] | undefined)[];
}

const isYamlSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/** Whether a value unit has no place of its own in the source (see {@link ScalarSource.at}). */
export function floats(value: string, i: number): boolean {
  return isYamlSpace(value[i]);
}

/**
 * Map a string scalar's value onto its source. Every character other than white space appears in the
 * source once and in order (a `''` stands for `'` in single quotes); a double-quoted scalar with
 * escapes cannot be mapped this way and gives undefined, as does anything unexpected.
 */
export function scalarSource(text: string, node: Scalar): ScalarSource | undefined {
  if (typeof node.value !== 'string' || !node.range || !node.type) return undefined;
  const value = node.value;
  const style = node.type;
  let contentStart = node.range[0];
  let contentEnd = node.range[1];
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') {
    contentStart++;
    contentEnd--;
    if (style === 'QUOTE_DOUBLE' && text.slice(contentStart, contentEnd).includes('\\')) return undefined;
  } else if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const header = text.indexOf('\n', contentStart);
    if (header < 0 || header >= contentEnd) return undefined;
    contentStart = header + 1;
  }
  const at = new Array<[number, number] | undefined>(value.length);
  let j = contentStart;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (isYamlSpace(ch)) continue;
    while (j < contentEnd && isYamlSpace(text[j])) j++;
    if (j >= contentEnd) return undefined;
    if (style === 'QUOTE_SINGLE' && ch === "'") {
      if (text[j] !== "'" || text[j + 1] !== "'") return undefined;
      at[i] = [j, j + 2];
      j += 2;
      continue;
    }
    if (text[j] !== ch) return undefined;
    at[i] = [j, j + 1];
    j++;
  }
  while (j < contentEnd && isYamlSpace(text[j])) j++;
  return j === contentEnd ? { style, contentStart, contentEnd, at } : undefined;
}
