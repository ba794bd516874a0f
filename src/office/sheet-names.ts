/** Excel's limit on the length of a worksheet name, in UTF-16 code units. */
export const MAX_SHEET_NAME = 31;

/** Names Excel refuses or reserves for itself. */
const RESERVED = ['history'];

/** Characters Excel forbids in sheet names, plus control characters. */
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g;

/** Cut a string to at most `max` UTF-16 code units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * A valid worksheet name for `wanted`: forbidden characters become `_`, apostrophes (which Excel forbids at
 * the ends and exceljs does not escape in print-title references) become `’`, the result is cut to 31
 * characters, and an empty name becomes `fallback`.
 */
export function cleanSheetName(wanted: string, fallback = '目录'): string {
  const cleaned = truncate(wanted.replace(FORBIDDEN, '_').replace(/'/g, '’').trim(), MAX_SHEET_NAME).trim();
  return cleaned === '' ? fallback : cleaned;
}

/**
 * Valid, unique worksheet names for the wanted names, in order. Repeats get “ (2)”, “ (3)” … (Excel compares
 * names without regard to case); `taken` names (such as the summary sheet's) count as already used. Pure.
 */
export function uniqueSheetNames(wanted: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set([...RESERVED, ...taken.map((t) => t.toLowerCase())]);
  return wanted.map((w) => {
    const base = cleanSheetName(w);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${truncate(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
