import { appendAll } from '../util/append.js';

/**
 * Half of a surrogate pair on its own: not a character, and not text that UTF-8 (a page, a workbook,
 * a file written back) can hold: it would come out as U+FFFD. Such a text can only be written as an
 * escape in a double-quoted string (`"\uD800"`); a file's own bytes, decoded, never hold one.
 */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An escape that could stand for half a pair: `\uD800`–`\uDFFF`, or the same as `\U0000D800`. */
const ESCAPE = /\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}/;

/** Whether a text holds half a surrogate pair on its own. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE.test(text);
}

/** Whether YAML text may hold an escape that gives half a surrogate pair: only then is its data searched. */
export function mayEscapeLoneSurrogate(text: string): boolean {
  return text.includes('\\') && ESCAPE.test(text);
}

/** Whether any key or string of the data holds half a surrogate pair on its own. A loop, not a recursion. */
export function dataHasLoneSurrogate(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) return true;
    } else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) appendAll(stack, value);
      else for (const [key, child] of Object.entries(value)) stack.push(key, child);
    }
  }
  return false;
}
