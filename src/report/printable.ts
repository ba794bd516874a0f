/**
 * Characters a terminal or a reader of a report may act on instead of showing: C0 controls (ESC starts
 * the sequences that move the cursor or clear the screen), DEL, C1 controls (0x9B is a CSI on its own) and
 * the bidirectional overrides and isolates that reorder what is shown. Tab is left alone.
 */
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_EXCEPT_LF = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The visible stand-in of one control character: its Control Pictures sign (␛ for ESC, ␊ for LF), else �. */
function picture(ch: string): string {
  const cp = ch.charCodeAt(0);
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  return '\uFFFD';
}

/**
 * Text from a catalog, a file name or any other input, made safe to print: every control character is
 * replaced by one visible sign, so nothing reaches a terminal as a command and columns keep their places
 * (one UTF-16 unit for one). Line feeds are kept only when `lines` is set (text shown over several lines).
 */
export function printable(text: string, lines = false): string {
  const pattern = lines ? CONTROL_EXCEPT_LF : CONTROL;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, picture) : text;
}

/** Characters Markdown or the HTML inside it would read as markup, in text shown as it is. */
const MARKUP = /[\\`*_[\]<>#|~!&]/g;

/**
 * Text from a catalog for a Markdown document (a pull-request comment): printable, on one line, with
 * every character Markdown or HTML would act on escaped, so a value cannot add links, images, tags or
 * table cells.
 */
export function markdownText(text: string): string {
  return printable(text.replace(/\r?\n/g, ' ')).replace(MARKUP, (ch) =>
    ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`,
  );
}

/** Text as a Markdown code span: fenced by more backticks than it holds in a row, printable, pipes escaped for tables. */
export function markdownCode(text: string): string {
  const shown = printable(text.replace(/\r?\n/g, ' ')).replaceAll('|', '\\|');
  let longest = 0;
  for (const m of shown.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/**
 * A view for a web page with every text in it as the page shows it: control characters and bidirectional
 * overrides (from catalog text or file names) as visible signs, line feeds kept for the `lines` helper.
 * Views are a few levels of plain objects and lists.
 */
export function printableView<T>(view: T): T {
  if (typeof view === 'string') return printable(view, true) as T;
  if (Array.isArray(view)) return view.map(printableView) as T;
  if (view === null || typeof view !== 'object') return view;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) out[key] = printableView(value);
  return out as T;
}
