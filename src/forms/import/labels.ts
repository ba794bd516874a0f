/** A heading or label reduced for comparison: full-width folded (NFKC), no white space, no trailing colon. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[:]+$/, '');
}

/** The labelled fields above and below a form's table, with the ways people write their labels. */
export const FIELD_LABELS = {
  unit: [
    '填报单位(公章)',
    '填报单位(盖章)',
    '填报单位',
    '申报单位(公章)',
    '申报单位',
    '单位名称',
    '单位(公章)',
    '单位',
  ],
  contact: ['联系人', '填报人', '经办人'],
  phone: ['联系电话', '联系方式', '电话', '手机'],
  date: ['填报日期', '填表日期', '报送日期', '日期'],
} as const;

export type FieldKey = keyof typeof FIELD_LABELS;

/** Labels, longest first, so that 填报单位(公章) wins over 填报单位 and 联系电话 over 电话. */
const ORDERED: { key: FieldKey; label: string }[] = (Object.keys(FIELD_LABELS) as FieldKey[])
  .flatMap((key) => FIELD_LABELS[key].map((label) => ({ key, label })))
  .sort((a, b) => b.label.length - a.label.length);

/**
 * Split a cell's text into labelled fields: `填报单位(公章)：青禾区教育局  联系人：李明` gives two fields.
 * Text before the first label is returned as `lead`. A label counts only at the start of the text or
 * after white space or punctuation, and must be followed by a colon, white space or the end.
 */
export function splitFields(text: string): { lead: string; fields: { key: FieldKey; value: string }[] } {
  const t = text.normalize('NFKC');
  const found: { key: FieldKey; start: number; end: number }[] = [];
  let i = 0;
  while (i < t.length) {
    const before = i === 0 ? '' : t[i - 1]!;
    const hit = /^$|[\s,;，；、]/.test(before) ? ORDERED.find(({ label }) => startsWithLabel(t, i, label)) : undefined;
    if (hit) {
      const end = i + labelLength(t, i, hit.label);
      found.push({ key: hit.key, start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  const fields = found.map((f, k) => ({
    key: f.key,
    value: t
      .slice(f.end, found[k + 1]?.start ?? t.length)
      .replace(/^[\s:]+/, '')
      .trim(),
  }));
  return { lead: t.slice(0, found[0]?.start ?? t.length).trim(), fields };
}

/** The label at `at`, allowing spaces between its characters (`联 系 人`), then a colon, a space or the end. */
function startsWithLabel(text: string, at: number, label: string): boolean {
  const end = at + labelLength(text, at, label);
  if (end === at) return false;
  return end >= text.length || /[\s:]/.test(text[end]!) || text[end - 1] === ':';
}

/** How many characters of `text` from `at` spell `label` (spaces inside allowed) and its colon; 0 if they do not. */
function labelLength(text: string, at: number, label: string): number {
  let i = at;
  for (const ch of label) {
    while (i < text.length && /\s/.test(text[i]!) && ch !== ' ') i++;
    if (text[i] !== ch) return 0;
    i++;
  }
  while (i < text.length && text[i] === ' ') i++;
  if (text[i] === ':') i++;
  return i - at;
}
