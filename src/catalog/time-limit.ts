import { memoize } from '../util/memoize.js';
import { normalizeForMatch } from '../util/text.js';

/** What starts the clock of a deadline. */
export type TimeAnchor =
  | 'formed_or_changed'
  | 'formed'
  | 'obtained'
  | 'application_received'
  | 'decision_made'
  | 'approved'
  | 'allocation_confirmed'
  | 'event';

export type TimeUnit = 'working_day' | 'day' | 'week' | 'month' | 'year';

/** A length of time, such as 20 working days. */
export interface Duration {
  amount: number;
  unit: TimeUnit;
}

/** One rule inside a 公开时限 text. */
export type TimeClause =
  | ({ kind: 'deadline'; text: string; anchor: TimeAnchor; scope?: string } & Duration)
  | {
      kind: 'realtime' | 'prompt' | 'periodic' | 'retention' | 'relative' | 'advance' | 'same_as_above' | 'unparsed';
      text: string;
      scope?: string;
    };

/** A 公开时限 as written, and what it says. */
export interface TimeLimit {
  raw: string;
  clauses: TimeClause[];
  /** The text adds “法律、法规另有规定的，从其规定”. */
  unlessLawProvidesOtherwise: boolean;
  /** A posting or comment period stated beside the deadline (公示7个工作日, 公告期限为5个工作日). */
  postingPeriod?: Duration;
  /** Every clause was understood. */
  parsed: boolean;
}

const UNITS: Record<string, TimeUnit> = {
  工作日: 'working_day',
  日: 'day',
  天: 'day',
  周: 'week',
  个月: 'month',
  月: 'month',
  年: 'year',
};

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二十 → 20, 十五 → 15, 三 → 3, 一百 → 100: the Chinese numbers time limits use. */
function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    }
  }
  return total + digit;
}

/** Normalise what PDF and Word conversion do to these texts: wrap spaces, full-width digits, Chinese numbers, 內. */
export function normalizeTimeText(raw: string): string {
  return normalizeForMatch(raw)
    .replaceAll('內', '内')
    .replaceAll('個', '个')
    .replace(/[零〇一二两三四五六七八九十百]+(?=个?(?:工作日|日|天|周|个?月|年|次))/g, (n) => String(chineseNumber(n)));
}

const RIDER = /[(,，;；]?(?:法律|法规|相关政策法规|国家)[^;；。]*?另有规定的?[,，]?(?:应)?从其规定[)]?/g;
const FILLER = /^(?:并|予以|公开|发布|公示|予以公开|并予以公开|保持)*$/;
// Two rules in one merged cell, separated by nothing but white space; PDF wrapping also leaves white
// space inside words, so only a break after a complete rule and before the start of another counts.
const CELL_BREAK = /(?<=内|内公开|予以公开|内予以公开)\s+(?=自|信息|其中|\d+[.、])/g;
const AMOUNT = /(\d+)个?(工作日|个月|日|天|周|月|年)/;
const POSTING =
  /(?:公示期?(?:限)?|公告期限?|征求意见期限?)(?:一般|原则上)?(?:为|不少于|不得少于)?(\d+)个?(工作日|个月|日|天|周|月|年)|公示(\d+)个?(工作日|日|天)/;

function anchorOf(text: string): TimeAnchor | undefined {
  if (/收到申请|受理申请|申请之日|申请人提出|受理之日|受理后/.test(text)) return 'application_received';
  if (/(形成|产生|制作|制定)[或、及和]?(者)?[(（]?(变更|更新)|形成\(变更\)|形成变更/.test(text))
    return 'formed_or_changed';
  if (/(制作|制定)(或者?|、)?获取|获取/.test(text)) return 'obtained';
  if (/作出.*决定|决定作出|决定.*作出/.test(text)) return 'decision_made';
  if (/批准|批复/.test(text)) return 'approved';
  if (/结果确定|分配结果/.test(text)) return 'allocation_confirmed';
  if (/形成|产生/.test(text)) return 'formed';
  return undefined;
}

function scopeOf(text: string): string | undefined {
  const colon = text.match(/^(.{2,30}?)[:：]/);
  if (colon) return colon[1];
  const among = text.match(/^其中(.+?(?:事项|信息|决定))/);
  return among?.[1];
}

function parseClause(text: string): TimeClause | { posting: Duration } | null {
  const body = text.replace(/^(?:\d+[.、]|[(（]\d+[)）]|[①-⑩])/, '');
  if (body === '' || FILLER.test(body)) return null;
  const scope = scopeOf(body);
  const withScope = <T extends object>(c: T) => (scope ? { ...c, scope } : c);
  if (/同上/.test(body)) return { kind: 'same_as_above', text };
  const posting = body.match(POSTING);
  const amount = body.match(AMOUNT);
  if (posting && (!amount || posting.index! <= amount.index!)) {
    const n = posting[1] ?? posting[3];
    const u = posting[2] ?? posting[4];
    return { posting: { amount: Number(n), unit: UNITS[u!]! } };
  }
  if (/提前/.test(body)) return withScope({ kind: 'advance' as const, text });
  if (/^每|每(年|季度?|月|半年)|半年|定期|年度|季度/.test(body)) return withScope({ kind: 'periodic' as const, text });
  if (amount) {
    const anchor = anchorOf(body) ?? 'event';
    return withScope({ kind: 'deadline' as const, text, anchor, amount: Number(amount[1]), unit: UNITS[amount[2]!]! });
  }
  if (/实时/.test(body)) return withScope({ kind: 'realtime' as const, text });
  if (/长期|永久|常态/.test(body)) return withScope({ kind: 'retention' as const, text });
  if (/及时|即时|随时|第一时间/.test(body)) return withScope({ kind: 'prompt' as const, text });
  if (/^随|同步|同时/.test(body)) return withScope({ kind: 'relative' as const, text });
  return { kind: 'unparsed', text };
}

/** Parse a 公开时限 text into its clauses. Never throws; what it cannot read is an `unparsed` clause. */
export function parseTimeLimit(raw: string): TimeLimit {
  let text = normalizeTimeText(raw.replace(CELL_BREAK, ';'));
  const unlessLawProvidesOtherwise = RIDER.test(text);
  text = text.replace(RIDER, '');
  const clauses: TimeClause[] = [];
  let postingPeriod: Duration | undefined;
  for (const part of text.split(
    /[;；。]|[,，](?=(?:\d+[.、])|其[中他]|[^,，]*?(?:\d+个?(?:工作日|日|天)|长期|实时|及时))/,
  )) {
    const result = parseClause(part);
    if (result === null) continue;
    if ('posting' in result) postingPeriod ??= result.posting;
    else clauses.push(result);
  }
  return {
    raw,
    clauses,
    unlessLawProvidesOtherwise,
    ...(postingPeriod ? { postingPeriod } : {}),
    parsed: clauses.length > 0 && clauses.every((c) => c.kind !== 'unparsed'),
  };
}

/** Whether a deadline runs from the receipt of an application, as 依申请 items' deadlines should. */
export function startsFromApplication(limit: TimeLimit): boolean {
  return limit.clauses.some((c) => c.kind === 'deadline' && c.anchor === 'application_received');
}

/** A 公开时限 parsed, by its text: catalogs repeat the same few (read only: the same object is handed to every caller). */
export const timeLimitOf = memoize((text: string): TimeLimit => parseTimeLimit(text));
