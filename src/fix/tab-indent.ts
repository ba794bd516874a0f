import type { TextEdit } from '../diagnostics.js';
import type { Text } from '../i18n.js';
import { applyEdits } from './apply-fixes.js';
import { deepEqual } from './data.js';
import { readData } from './read-data.js';

export const TAB_INDENT_FIX: Text = { zh: '把缩进中的 Tab 换成空格。', en: 'Indent with spaces instead of tabs.' };

/** The edits that write every tab that indents a line as `width` spaces. */
function widen(lines: readonly string[], width: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let at = 0;
  for (const line of lines) {
    const tabs = /^\t*/.exec(line)![0].length;
    if (tabs > 0) edits.push({ start: at, end: at + tabs, text: ' '.repeat(tabs * width) });
    at += line.length + 1;
  }
  return edits;
}

/** Tab widths tried: an editor shows a tab as 2, 4 or 8 columns, the YAML as written may need any. */
const WIDTHS = [2, 1, 3, 4, 5, 6, 7, 8];

/**
 * A text indented with tabs, indented with spaces instead, when that is unambiguous: no line mixes
 * tabs and spaces in its indentation, and every tab width (1 to 8 columns) under which the text
 * reads as YAML gives the same data (usually only one does: a list entry's `- ` takes two columns).
 * Two spaces a tab are used when they do. Undefined when no line is indented with tabs, or the
 * result would be a guess.
 */
export function untabIndent(text: string): { text: string; edits: TextEdit[] } | undefined {
  const lines = text.split('\n');
  let tabbed = false;
  for (const line of lines) {
    const indent = /^[ \t]*/.exec(line)![0];
    if (!indent.includes('\t')) continue;
    // A line of white space only says nothing about structure; a mix of tabs and spaces is a guess.
    if (indent.length === line.replace(/\r$/, '').length) continue;
    if (!/^\t+$/.test(indent)) return undefined;
    tabbed = true;
  }
  if (!tabbed) return undefined;
  let chosen: { text: string; edits: TextEdit[]; data: unknown } | undefined;
  for (const width of WIDTHS) {
    const edits = widen(lines, width);
    const candidate = applyEdits(text, edits);
    const read = readData(candidate);
    if (!read) continue;
    if (!chosen) chosen = { text: candidate, edits, data: read.data };
    else if (!deepEqual(chosen.data, read.data)) return undefined;
  }
  return chosen && { text: chosen.text, edits: chosen.edits };
}
