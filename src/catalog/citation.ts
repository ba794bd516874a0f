/** A problem with how a 公开依据 citation is written. */
export type CitationProblem =
  | { kind: 'no-title-marks' }
  | { kind: 'unbalanced-title-marks' }
  | { kind: 'doc-no-brackets'; found: string; fixed: string }
  | { kind: 'doc-no-unclosed'; found: string; fixed: string };

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
// An issuing code, a year in any bracket pair, a number: 国人口发(2007)78号, 中办发﹝2016﹞8号, 文财务发[2011]5号.
const DOC_NO_ANY = /([\u4e00-\u9fff]{1,12}?[发函字办令])\s*([﹝\[［(（【〔{])\s*(\d{4})\s*([﹞\]］)）】〕}])\s*(\d+)\s*号/g;
// The closing bracket lost: 〔201680号.
const DOC_NO_UNCLOSED = /([\u4e00-\u9fff]{1,12}?[发函字办令])〔(\d{4})(\d{1,4})号/g;
const DOC_NO = /[\u4e00-\u9fff]{1,12}?[发函字办]〔\d{4}〕\d+号|(?:[\u4e00-\u9fff]{1,8})令第?\d+号/;

/** Parse one citation. Never throws. */
export function parseCitation(raw: string): Citation {
  const text = raw.trim();
  const problems: CitationProblem[] = [];
  const opens = (text.match(/《/g) ?? []).length;
  const closes = (text.match(/》/g) ?? []).length;
  if (opens === 0 && closes === 0) problems.push({ kind: 'no-title-marks' });
  else if (opens !== closes) problems.push({ kind: 'unbalanced-title-marks' });
  for (const m of text.matchAll(DOC_NO_ANY)) {
    if (m[2] === '〔' && m[4] === '〕') continue;
    problems.push({ kind: 'doc-no-brackets', found: m[0], fixed: `${m[1]}〔${m[3]}〕${m[5]}号` });
  }
  for (const m of text.matchAll(DOC_NO_UNCLOSED)) {
    problems.push({ kind: 'doc-no-unclosed', found: m[0], fixed: `${m[1]}〔${m[2]}〕${m[3]}号` });
  }
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
