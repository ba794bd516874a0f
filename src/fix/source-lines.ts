let lastText: string | undefined;
let lastBreak = '\n';

/** The line break a file uses: CRLF if it has any, else LF. (Asked once per fix: the last answer is kept.) */
export function lineBreakOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastBreak = text.includes('\r\n') ? '\r\n' : '\n';
  }
  return lastBreak;
}

/** Where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends, before its line break (CR LF or LF). */
export function lineEnd(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  if (lf < 0) return text.length;
  return lf > 0 && text[lf - 1] === '\r' ? lf - 1 : lf;
}

/** Where the next line starts after the line holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf < 0 ? text.length : lf + 1;
}

/** The 0-based column of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Whether only spaces stand before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStart(text, offset), offset));
}

/** Step back from `end` over white space and line breaks, not before `floor`. */
export function trimBack(text: string, end: number, floor = 0): number {
  let e = end;
  while (e > floor && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/**
 * Shift lines left or right by `delta` spaces. Blank lines stay as they are; returns undefined when a
 * line has fewer spaces to give up than asked.
 */
export function reindent(lines: readonly string[], delta: number): string[] | undefined {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' || delta === 0) out.push(line);
    else if (delta > 0) out.push(' '.repeat(delta) + line);
    else if (/^ */.exec(line)![0].length >= -delta) out.push(line.slice(-delta));
    else return undefined;
  }
  return out;
}

/** The comments (`# …`) on the lines of a piece of YAML that holds no `#` other than in comments. */
export function commentsIn(snippet: string): string[] {
  return snippet.split(/\r?\n/).flatMap((line) => {
    const m = /(?:^|[ \t])(#.*?)\s*$/.exec(line);
    return m ? [m[1]!] : [];
  });
}
