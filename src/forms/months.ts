const CHINESE_MONTHS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
  正: 1,
  元: 1,
  冬: 11,
  腊: 12,
};

/**
 * The month a 活动时间(月份) cell means: `5`, `5月`, `5月份`, `五月`, `2024年5月`, `2024-05`, or a date
 * such as `2024-05-20`. Undefined for anything else, a range like `5-6月` included.
 */
export function parseMonth(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  let m = /^(?:\d{4}年)?(\d{1,2})(?:月份?)?$/.exec(t);
  if (m) return inRange(Number(m[1]));
  m = /^(?:\d{4}年)?([一二三四五六七八九十正元冬腊]{1,2})月份?$/.exec(t);
  if (m) return CHINESE_MONTHS[m[1]!];
  m = /^\d{4}[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:\s.*)?$/.exec(t);
  if (m) return inRange(Number(m[1]));
  return undefined;
}

/**
 * The month of a 活动时间 written as text (open day): the first month named in `7月22日`, `8月26、27日`,
 * `8月21日(暂定)`, `2025年7月`, `2025-07-22` or `2025/7/22`. Undefined when the text names no month.
 */
export function monthOfTime(text: string): number | undefined {
  const t = text.normalize('NFKC');
  const iso = /\d{4}[-/.](\d{1,2})(?:[-/.]\d{1,2})?/.exec(t);
  const named = /(\d{1,2})\s*月/.exec(t);
  const chinese = /([一二三四五六七八九十]{1,2})月/.exec(t);
  const first = [iso, named].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (first) return inRange(Number(first[1]));
  return chinese ? CHINESE_MONTHS[chinese[1]!] : undefined;
}

/**
 * The day of the month a 活动时间 written as text names, read where `monthOfTime` reads the month: 22 in
 * `7月22日`, 26 in `8月26、27日`, 1 in `2025/9/1`. Undefined when the text names a month only (`2025年10月`).
 */
export function dayOfTime(text: string): number | undefined {
  const t = text.normalize('NFKC');
  const iso = /\d{4}[-/.](\d{1,2})(?:[-/.](\d{1,2}))?/.exec(t);
  const named = /(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号、,，~至-])?/.exec(t);
  const first = [iso, named].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  const day = first?.[2] === undefined ? undefined : Number(first[2]);
  return day !== undefined && day >= 1 && day <= 31 ? day : undefined;
}

function inRange(n: number): number | undefined {
  return n >= 1 && n <= 12 ? n : undefined;
}

/** How a month is shown in a table: `5月`. */
export function monthLabel(month: number): string {
  return `${month}月`;
}

/** The months from `from` to `to`, inclusive. */
export function monthsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}
