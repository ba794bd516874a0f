/**
 * Characters a YAML file may not hold as they are, or that YAML 1.1 readers (PyYAML) read as line breaks:
 * C0 controls other than tab, line feed and carriage return; DEL and the C1 controls (NEL included); U+2028,
 * U+2029; the byte-order mark U+FEFF inside text; the non-characters U+FFFE and U+FFFF; lone surrogates.
 * Strict readers (js-yaml) refuse a file holding one raw; inside double quotes they are written as escapes.
 */
export const YAML_UNSAFE =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const YAML_UNSAFE_ALL = new RegExp(YAML_UNSAFE.source, 'g');

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with every {@link YAML_UNSAFE} character written as a `\uXXXX` escape (for text inside double quotes, or a comment). */
export function escapeYamlUnsafe(text: string): string {
  return YAML_UNSAFE.test(text) ? text.replace(YAML_UNSAFE_ALL, escape) : text;
}

/** A string as a YAML double-quoted scalar that every reader reads back as the same string. */
export function yamlDoubleQuoted(text: string): string {
  return escapeYamlUnsafe(JSON.stringify(text));
}
