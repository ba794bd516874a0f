/** The words a screen reader says for each glyph of a tick or channel cell; the glyph stays on the page. */
export const MARK_WORDS: Readonly<Record<string, string>> = { '√': '是', '■': '已选', '□': '未选' };

/** The word for an empty tick cell. */
export const EMPTY_TICK = '否';

const image = (glyph: string, word: string) => `<span role="img" aria-label="${word}">${glyph}</span>`;

/** Which cells carry glyphs: a tick column's (empty means 否), the channel checklist's. */
export type MarkKind = 'tick' | 'glyphs';

/**
 * Give each √, ■ and □ of an already escaped cell text its words (an image named 是, 已选, 未选), and an
 * empty tick cell the word 否, so that a screen reader does not say “square root” or nothing. The glyphs stay
 * the text of the cell, for copying and for `zwgk import`. Line breaks become `<br>`.
 */
export function markedHtml(escaped: string, kind: MarkKind): string {
  if (kind === 'tick' && escaped.trim() === '') return image('', EMPTY_TICK);
  return escaped.replace(/[√■□]/g, (glyph) => image(glyph, MARK_WORDS[glyph]!)).replace(/\n/g, '<br>');
}
