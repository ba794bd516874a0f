/**
 * Characters a YAML file may not hold as they are, or that YAML 1.1 readers (PyYAML) read as line breaks:
 * C0 controls other than tab, line feed and carriage return; DEL and the C1 controls (NEL included); U+2028,
 * U+2029; the byte-order mark U+FEFF inside text; the non-characters U+FFFE and U+FFFF; lone surrogates.
 * Strict readers (js-yaml) refuse a file holding one raw; inside double quotes they are written as escapes
 * (a lone surrogate as U+FFFD).
 */
export const YAML_UNSAFE =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const YAML_UNSAFE_ALL = new RegExp(YAML_UNSAFE.source, 'g');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

// Half a surrogate pair is no character at all: a reader refuses its escape (see load/limits.ts), so it is
// written as U+FFFD, the replacement character, as any UTF-8 encoder writes it.
const escape = (ch: string) =>
  `\\u${(/[\ud800-\udfff]/.test(ch) ? 0xfffd : ch.charCodeAt(0)).toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with every {@link YAML_UNSAFE} character written as a `\uXXXX` escape (for text inside double quotes, or a comment). */
export function escapeYamlUnsafe(text: string): string {
  return YAML_UNSAFE.test(text) ? text.replace(YAML_UNSAFE_ALL, escape) : text;
}

/** A string as a YAML double-quoted scalar that every reader reads back as the same string. */
export function yamlDoubleQuoted(text: string): string {
  return escapeYamlUnsafe(JSON.stringify(text.replace(LONE_SURROGATES, '\ufffd')));
}

/**
 * `value` with every lone surrogate in its strings and keys made U+FFFD (what a reader gets back from any
 * writer), or `value` itself when it holds none. Arrays and plain objects are copied where they change.
 */
export function wellFormedData<T>(value: T): T {
  if (typeof value === 'string')
    return (LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATES, '\ufffd') : value) as T;
  if (Array.isArray(value)) {
    const items = value.map(wellFormedData);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [wellFormedData(k), wellFormedData(v)] as const);
    if (entries.every(([k, v]) => Object.hasOwn(value, k) && (value as Record<string, unknown>)[k] === v)) return value;
    const copy: Record<string, unknown> =
      Object.getPrototypeOf(value) === null ? (Object.create(null) as Record<string, unknown>) : {};
    for (const [k, v] of entries) copy[k] = v;
    return copy as T;
  }
  return value;
}
