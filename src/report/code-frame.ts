import type { Range } from '../diagnostics.js';
import { printable } from './printable.js';
import { displayWidth } from './text-width.js';

/** Colours for a code frame; identity functions when colour is off. */
export interface FrameColors {
  dim: (s: string) => string;
  marker: (s: string) => string;
}

const plain: FrameColors = { dim: (s) => s, marker: (s) => s };

/** Characters of a line shown at most, and how many of them before the finding. */
const WIDTH = 100;
const LEAD = 30;

let lastText: string | undefined;
let lastLines: string[] = [];

/** The lines of a text; a report frames many findings of one file in a row, so the last split is kept. */
function linesOf(text: string): string[] {
  if (text !== lastText) {
    lastText = text;
    lastLines = sourceLines(text);
  }
  return lastLines;
}

/** Each line of a text as a frame shows it, made when first framed: findings close together share lines. */
const printed = new WeakMap<readonly string[], string[]>();

/**
 * A few lines of source around a range, the first line of the range underlined with carets. Wide
 * (CJK) characters are counted as two columns so the carets line up in a terminal; control characters
 * are shown as signs. Give the text split into lines (`sourceLines`) when framing many ranges of one file.
 */
export function codeFrame(
  text: string | readonly string[],
  range: Range,
  colors: FrameColors = plain,
  context = 1,
): string {
  const lines = typeof text === 'string' ? linesOf(text) : text;
  let shown = printed.get(lines);
  if (!shown) printed.set(lines, (shown = []));
  const line = Math.min(Math.max(range.start.line, 1), Math.max(lines.length, 1));
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const gutter = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    // Long lines are cut to a window around the finding, so one line cannot flood the terminal.
    const full = (shown[n - 1] ??= printable((lines[n - 1] ?? '').replace(/\t/g, ' ')));
    const from = full.length > WIDTH ? Math.max(0, Math.min(range.start.column - 1 - LEAD, full.length - WIDTH)) : 0;
    const src = (from > 0 ? '…' : '') + full.slice(from, from + WIDTH) + (from + WIDTH < full.length ? '…' : '');
    const shift = from > 0 ? from - 1 : 0;
    const mark = n === line ? colors.marker('>') : ' ';
    out.push(`${mark} ${colors.dim(`${String(n).padStart(gutter)} |`)}${src ? ' ' + src : ''}`);
    if (n === line) {
      const startCol = Math.max(1, range.start.column - shift);
      const endCol =
        range.end.line === line && range.end.column - shift > startCol
          ? Math.min(range.end.column - shift, src.length + 1)
          : src.length + 1;
      const before = displayWidth(src.slice(0, startCol - 1));
      const under = Math.max(1, displayWidth(src.slice(startCol - 1, Math.max(startCol, endCol) - 1)));
      out.push(`  ${colors.dim(`${' '.repeat(gutter)} |`)} ${' '.repeat(before)}${colors.marker('^'.repeat(under))}`);
    }
  }
  return out.join('\n');
}

/** A text split into lines, as `codeFrame` takes it. */
export function sourceLines(text: string): string[] {
  // A lone CR ends a line too, as the reader counts lines (load/load-source.ts).
  return text.split(/\r\n|\r|\n/);
}
