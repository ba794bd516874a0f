import { isSameAsAbove } from '../util/text.js';

/**
 * Whether a UTF-16 code unit is white space as `\s` and `String.prototype.trim` understand it: the
 * ECMAScript WhiteSpace (tab, vertical tab, form feed, space, no-break space, BOM, the Zs category)
 * and LineTerminator characters.
 */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `isSameAsAbove`, answered without a regular expression for the texts that cannot be “同上”. */
export function sameAsAbove(text: string): boolean {
  const first = text.charCodeAt(0);
  // “同上” with any white space around it starts with white space or with 同.
  return (first === 0x540c || isWhiteSpace(first)) && isSameAsAbove(text);
}
