/** Longest file name, in UTF-8 bytes, most file systems take (ext4, XFS, APFS, NTFS in UTF-16 units is longer). */
const MAX_NAME_BYTES = 255;
const EXTENSION = '.yaml';

/** Characters no file name may hold somewhere: path separators, Windows' reserved punctuation, controls, non-characters, lone surrogates. */
const UNSAFE =
  /[\\/:*?"<>|\x00-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Names Windows keeps for devices, whatever the extension: CON.yaml opens the console. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const utf8 = new TextEncoder();

function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

/** The longest start of `text` that fits in `bytes` UTF-8 bytes, never splitting a character. */
function fitBytes(text: string, bytes: number): string {
  if (utf8Length(text) <= bytes) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/** How a name is compared for clashes: case-insensitive and normalised, as Windows and macOS file systems compare. */
const clashKey = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * A file name for a catalog named `base` (`<unit>-<domain>`) that is safe on Linux, macOS and Windows and
 * unique among `taken` (compared without case): unsafe characters and white space become `_`, leading dots
 * and trailing dots go, a device name (CON, NUL, COM1…) gets a `_`, and the name is cut to 255 UTF-8 bytes
 * with its extension and any `-2` that keeps it unique. `fallback` names a base that has nothing left.
 */
export function catalogFileName(base: string, taken: Set<string>, fallback = '目录'): string {
  let safe = base
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/[\s\u00a0\u3000]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[._]+|[._]+$/g, '');
  if (!safe) safe = fallback;
  if (RESERVED.test(safe.split('.')[0]!)) safe = `${safe}_`;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const stem = fitBytes(safe, MAX_NAME_BYTES - utf8Length(suffix + EXTENSION)).replace(/\.+$/, '');
    const name = `${stem}${suffix}${EXTENSION}`;
    if (!taken.has(clashKey(name))) {
      taken.add(clashKey(name));
      return name;
    }
  }
}
