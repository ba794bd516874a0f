import { coreImplicitTypes } from './parse-fast.js';
import { parseSimpleYaml, UNSUPPORTED } from './parse-simple.js';

const isBlank = (c: number) => c === 0x20 || c === 0x09;

/** Where the first line that starts at the left margin with `key:` (blanks allowed before the colon) starts, or -1. */
function marginLine(text: string, key: string): number {
  const keyAt = (at: number) => {
    let i = at + key.length;
    while (isBlank(text.charCodeAt(i))) i++;
    return text.charCodeAt(i) === 0x3a;
  };
  if (text.startsWith(key) && keyAt(0)) return 0;
  const prefix = `\n${key}`;
  for (let nl = text.indexOf(prefix); nl >= 0; nl = text.indexOf(prefix, nl + 1)) if (keyAt(nl + 1)) return nl + 1;
  return -1;
}

/**
 * The value written on the first line that starts at the left margin with `key:`, if that line says it
 * all: undefined when there is no such line, when the line is not simple YAML, or when the next line
 * with content is indented (the value may go on there).
 */
export function marginValue(text: string, key: string): unknown {
  const at = marginLine(text, key);
  if (at < 0) return undefined;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  let next = end;
  while (text.charCodeAt(next) === 0x0a || text.charCodeAt(next) === 0x0d) next++;
  if (isBlank(text.charCodeAt(next))) return undefined;
  const data = parseSimpleYaml(text.slice(at, text.charCodeAt(end - 1) === 0x0d ? end - 1 : end), coreImplicitTypes);
  return data !== UNSUPPORTED && data !== null && typeof data === 'object' && key in data
    ? ((data as Record<string, unknown>)[key] ?? '')
    : undefined;
}
