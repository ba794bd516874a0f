import { labelKey } from './labels.js';

/** What a tick cell says: chosen, not chosen, nothing visible, or text that is not a tick. */
export type Mark =
  | { kind: 'on'; glyph: string; text?: string }
  | { kind: 'off'; glyph: string }
  | { kind: 'blank' }
  | { kind: 'text'; text: string };

/** Glyphs that mean “chosen”, including letters left behind when a symbol font was lost (Wingdings ■ → t, þ → R). */
const ON = new Set(['√', '✓', '✔', '☑', '☒', '■', '▄', '◆', '●', '▲', '★', '✅', 't', 'R', 'V', 'v', 'Y', '是', '有']);
/** Glyphs that mean “not chosen”: empty boxes, the CJK character 口 typed for □, Wingdings 2 ¨ → £, an unmappable glyph → ?. */
const OFF = new Set(['□', '口', '£', '☐', '?', '？', '○', '〇', '×', '✗', '否', '无', '-', '—', '/', '／']);

/**
 * Read a tick cell. A cell whose text equals its column's label (县级 in the 县级 column) is chosen; other
 * text is returned as text, for the caller to keep.
 */
export function readMark(text: string, columnLabel: string): Mark {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '');
  if (t === '') return { kind: 'blank' };
  if (ON.has(t)) return { kind: 'on', glyph: t };
  if (OFF.has(t)) return { kind: 'off', glyph: t };
  if (labelKey(t) === labelKey(columnLabel) && t.length > 0) return { kind: 'on', glyph: t };
  // A tick with words: “√（申请人）”, “√ 申请人”.
  const withText = /^\s*([√✓✔■☑])\s*[(（]?\s*([\s\S]*?)\s*[)）]?\s*$/.exec(text);
  if (withText?.[2]) return { kind: 'on', glyph: withText[1]!, text: withText[2] };
  return { kind: 'text', text };
}
