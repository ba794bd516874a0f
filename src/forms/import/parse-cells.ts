/** A date written on a form: `2024年3月25日`, `2024-03-25`, `2024/3/25`, `2024.3.25`; undefined if none. */
export function parseDate(text: string): string | undefined {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether a cell holds no date at all, only the blanks of a form (`    年  月  日`). */
export function isBlankDate(text: string): boolean {
  return text.replace(/[\s年月日_＿]/g, '') === '';
}

/** The area and year in a form's title: `湖南湘江新区2023年“政务公开主题日”…` gives 湖南湘江新区 and 2023. */
export function parseTitle(title: string): { area?: string; year?: number } {
  const m = /^(.*?)(\d{4})\s*年?/.exec(title.normalize('NFKC').trim());
  if (!m) return {};
  const area = m[1]!.replace(/[＿_\s“”"「」]/g, '');
  return { ...(area ? { area } : {}), year: Number(m[2]) };
}
