/**
 * Characters that show as nothing: zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF), the soft
 * hyphen (U+00AD), direction marks and controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069),
 * other format characters (U+2061–U+2064, U+206A–U+206F, U+180E, U+FFF9–U+FFFB, tags), fillers (U+115F,
 * U+1160, U+3164, U+FFA0, U+17B4, U+17B5), the grapheme joiner (U+034F) and variation selectors.
 * Text copied from web pages and documents carries them; two names that look the same then differ.
 */
// Tags (U+E0000–U+E007F) and supplementary variation selectors (U+E0100–U+E01EF) as surrogate pairs: a
// pattern without the u flag tests the many texts that hold none faster.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- each joiner and selector is matched on its own, and the surrogate halves as the pairs they form
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f\udd00-\uddef]/g;
// eslint-disable-next-line no-misleading-character-class -- as above
const ANY_INVISIBLE = new RegExp(INVISIBLE.source);

/** Whether a text holds a character that shows as nothing. */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** A text without the characters that show as nothing: what a reader sees. */
export function withoutInvisible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE, '') : text;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The invisible characters of a text by code point, each once, in order: `U+200B、U+FEFF`. */
export function invisibleCodes(text: string): string[] {
  return [...new Set([...text.matchAll(INVISIBLE)].map((m) => codePoint(m[0])))];
}

/** A text with each invisible character shown as its code point: `法律⟨U+200B⟩法规`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨${codePoint(c)}⟩`);
}
