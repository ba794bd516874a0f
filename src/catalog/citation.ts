import { appendAll } from '../util/append.js';

/** A problem with how a 公开依据 citation is written. */
export type CitationProblem =
  | { kind: 'no-title-marks' }
  | { kind: 'unbalanced-title-marks' }
  | { kind: 'doc-no-brackets'; found: string; fixed: string }
  | { kind: 'doc-no-unclosed'; found: string; fixed: string }
  | { kind: 'doc-no-unopened'; found: string; fixed: string }
  | { kind: 'order-no-shape'; found: string; fixed: string }
  | { kind: 'notice-no-shape'; found: string; fixed: string };

/** A citation of a law or document, as written and as understood. */
export interface Citation {
  raw: string;
  /** The name inside 《》. */
  title?: string;
  /** The document number, e.g. 国办发〔2017〕94号 or 国务院令第711号. */
  docNo?: string;
  /** A rank tag such as 【法律】. */
  rankTag?: string;
  problems: CitationProblem[];
}

const RANK_TAG = /^【([^】]+)】/;
const TITLE = /《([^《》]+)》/;

// 文号: 机关代字〔年份〕序号号. Any bracket pair people type for the year, whatever the issuing code ends in:
// 国人口发(2007)78号, 中办发﹝2016﹞8号, 财预[2016]87号, 建房〔2012 ) 8 4 号 (a PDF copy), 深南府｛2020｝5号.
const OPEN = '〔﹝\\[［(（﹙【{｛';
const CLOSE = '〕﹞\\]］)）﹚】}｝';
const ISSUER = '[\\u4e00-\\u9fff]{1,12}';
const DOC_NO_ANY = new RegExp(
  `(${ISSUER})\\s*([${OPEN}])\\s*(\\d{4})\\s*([${CLOSE}])\\s*(第?)\\s*(\\d(?:[ \\u3000]?\\d){0,4})\\s*号`,
  'g',
);
// Half-open: the closing bracket lost (〔201680号; where the year ends is a guess, so no fix) or the
// opening one (财预2016〕87号).
const DOC_NO_UNCLOSED = new RegExp(`(${ISSUER})\\s*[${OPEN}]\\s*(\\d{4})[ \\u3000]*(\\d{1,4})\\s*号`, 'g');
const DOC_NO_UNOPENED = new RegExp(`(${ISSUER}?)(\\d{4})\\s*[${CLOSE}]\\s*(第?)\\s*(\\d{1,5})\\s*号`, 'g');
// 令 numbers are 机关令第N号: 国务院第711号令 and 国务院令711号 are written the other way round or without 第.
const ORDER_NO_REVERSED = /([\u4e00-\u9fff]{1,12}?)第\s*(\d{1,5})\s*号令/g;
const ORDER_NO_BARE = /([\u4e00-\u9fff]{0,11}令)\s*(\d{1,5})\s*号/g;
// 公告 numbers are 机关公告YYYY年第N号: the 年 left out (公告2018第31号).
const NOTICE_NO_BARE = /([\u4e00-\u9fff]{0,11}公告)\s*(\d{4})\s*第\s*(\d{1,5})\s*号/g;
const DOC_NO =
  /[\u4e00-\u9fff]{1,12}〔\d{4}〕第?\d+号|[\u4e00-\u9fff]{0,8}令第?\d+号|[\u4e00-\u9fff]{0,12}公告\d{4}年第\d+号/;

/** The document numbers of a text written in a shape other than the standard one. */
function docNoProblems(text: string): CitationProblem[] {
  const problems: CitationProblem[] = [];
  for (const m of text.matchAll(DOC_NO_ANY)) {
    if (m[2] === '〔' && m[4] === '〕') continue;
    problems.push({
      kind: 'doc-no-brackets',
      found: m[0],
      fixed: `${m[1]}〔${m[3]}〕${m[5]}${m[6]!.replace(/[ \u3000]/g, '')}号`,
    });
  }
  for (const m of text.matchAll(DOC_NO_UNCLOSED)) {
    problems.push({ kind: 'doc-no-unclosed', found: m[0], fixed: `${m[1]}〔${m[2]}〕${m[3]}号` });
  }
  for (const m of text.matchAll(DOC_NO_UNOPENED)) {
    if (!m[1]) continue;
    problems.push({ kind: 'doc-no-unopened', found: m[0], fixed: `${m[1]}〔${m[2]}〕${m[3]}${m[4]}号` });
  }
  for (const m of text.matchAll(ORDER_NO_REVERSED)) {
    problems.push({ kind: 'order-no-shape', found: m[0], fixed: `${m[1]}令第${m[2]}号` });
  }
  for (const m of text.matchAll(ORDER_NO_BARE)) {
    problems.push({ kind: 'order-no-shape', found: m[0], fixed: `${m[1]}第${m[2]}号` });
  }
  for (const m of text.matchAll(NOTICE_NO_BARE)) {
    problems.push({ kind: 'notice-no-shape', found: m[0], fixed: `${m[1]}${m[2]}年第${m[3]}号` });
  }
  return problems;
}

/** Parse one citation. Never throws. */
export function parseCitation(raw: string): Citation {
  const text = raw.trim();
  const problems: CitationProblem[] = [];
  const opens = (text.match(/《/g) ?? []).length;
  const closes = (text.match(/》/g) ?? []).length;
  if (opens === 0 && closes === 0) problems.push({ kind: 'no-title-marks' });
  else if (opens !== closes) problems.push({ kind: 'unbalanced-title-marks' });
  appendAll(problems, docNoProblems(text));
  const rankTag = text.match(RANK_TAG)?.[1];
  const title = text.match(TITLE)?.[1];
  const docNo = text.match(DOC_NO)?.[0];
  return {
    raw,
    ...(title ? { title } : {}),
    ...(docNo ? { docNo } : {}),
    ...(rankTag ? { rankTag } : {}),
    problems,
  };
}
