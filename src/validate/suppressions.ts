import type { Diagnostic, Range, SourceCode } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { say } from '../i18n.js';

/** One `# zwgk-disable…` comment and the lines it covers. */
export interface Suppression {
  kind: 'next-line' | 'range';
  /** Rule ids (or finding codes) it names. */
  rules: string[];
  reason?: string;
  /** Where the comment is, for findings about it. */
  range: Range;
  /** Lines covered, 1-based, inclusive. */
  from: number;
  to: number;
}

const DIRECTIVE = /(^|\s)#\s*zwgk-(disable-next-line|disable|enable)\b(.*)$/;

/** Codes that no comment can hide: a file that cannot be read or parsed has no comments to trust. */
const UNSUPPRESSIBLE = /^(file|yaml)\//;

/**
 * Read the suppression comments of a file: `# zwgk-disable-next-line <rule…> -- <reason>` covers the next
 * line with content; `# zwgk-disable <rule…> -- <reason>` covers the lines down to `# zwgk-enable` (for those
 * rules, or all when it names none) or the end of the file.
 */
export function readSuppressions(text: string): Suppression[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: Suppression[] = [];
  const open: Suppression[] = [];
  // The lines from `skippedFrom` up to `contentAt` are blank or comments: a run of comments finds its next content line once.
  let skippedFrom = -1;
  let contentAt = -1;
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const column = m.index + m[1]!.length + 1;
    const range = { start: { line: i + 1, column }, end: { line: i + 1, column: line.length + 1 } };
    const [names = '', reason] = m[3]!.split(/\s--(?:\s+|$)/, 2).map((s) => s.trim());
    const rules = names.split(/[\s,，]+/).filter(Boolean);
    if (m[2] === 'enable') {
      for (const s of [...open]) {
        if (rules.length === 0 || s.rules.some((r) => rules.includes(r))) {
          s.to = i;
          open.splice(open.indexOf(s), 1);
        }
      }
      return;
    }
    const s: Suppression = {
      kind: m[2] === 'disable' ? 'range' : 'next-line',
      rules,
      ...(reason ? { reason } : {}),
      range,
      from: i + 2,
      to: i + 2,
    };
    if (s.kind === 'next-line') {
      let next = i + 1;
      if (next >= skippedFrom && next <= contentAt) next = contentAt;
      else {
        skippedFrom = next;
        while (next < lines.length && /^\s*(#.*)?$/.test(lines[next]!)) next++;
        contentAt = next;
      }
      s.from = s.to = next + 1;
    } else {
      s.to = lines.length;
      open.push(s);
    }
    found.push(s);
  });
  return found;
}

/** The comment that hides a finding, if any. */
export function suppressedBy(d: Diagnostic, suppressions: readonly Suppression[]): Suppression | undefined {
  return coverFinder(suppressions)(d);
}

/** The first index of a nondecreasing list whose value is at least `at`, or the list's length. */
function firstAtLeast(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A rule's range comments in the file's order (their first lines ascending), with the furthest line covered so far. */
interface RuleRanges {
  comments: { s: Suppression; order: number }[];
  from: number[];
  reach: number[];
}

/**
 * A finder of the comment that hides a finding: the first comment, in the file's order, that names its
 * rule and covers its line (what `suppressions.find` would give), looked up by line and rule instead of
 * through every comment, so that a file with tens of thousands of comments and findings is checked at once.
 */
export function coverFinder(suppressions: readonly Suppression[]): (d: Diagnostic) => Suppression | undefined {
  const nextLine = new Map<string, { s: Suppression; order: number }>();
  const ranges = new Map<string, RuleRanges>();
  suppressions.forEach((s, order) => {
    for (const rule of s.rules) {
      if (s.kind === 'next-line') {
        const key = `${rule}\u0000${s.from}`;
        if (!nextLine.has(key)) nextLine.set(key, { s, order });
        continue;
      }
      let list = ranges.get(rule);
      if (!list) ranges.set(rule, (list = { comments: [], from: [], reach: [] }));
      if (list.comments.at(-1)?.s === s) continue;
      list.comments.push({ s, order });
      list.from.push(s.from);
      list.reach.push(Math.max(list.reach.at(-1) ?? -Infinity, s.to));
    }
  });
  return (d) => {
    if (!d.range || UNSUPPRESSIBLE.test(d.code)) return undefined;
    const line = d.range.start.line;
    const single = nextLine.get(`${d.code}\u0000${line}`);
    const list = ranges.get(d.code);
    let range: { s: Suppression; order: number } | undefined;
    if (list) {
      // Among the comments that start on or before the line, the first whose lines reach it.
      const started = firstAtLeast(list.from, line + 1);
      const first = firstAtLeast(list.reach, line);
      if (first < started) range = list.comments[first];
    }
    return (single && range ? (single.order < range.order ? single : range) : (single ?? range))?.s;
  };
}

function finding(
  file: string,
  s: Suppression,
  code: SourceCode,
  message: { zh: string; en: string },
  hint: { zh: string; en: string },
  lang: Lang,
): Diagnostic {
  return {
    code,
    severity: 'warning',
    message: say(lang, message),
    hint: say(lang, hint),
    file,
    path: [],
    pointer: '',
    range: s.range,
  };
}

/**
 * Drop the findings of a file that its suppression comments cover, and report the comments themselves when
 * they give no reason, name no known rule, or cover no finding.
 */
export function applySuppressions(
  file: string,
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[],
  known: (code: string) => boolean,
  lang: Lang,
): Diagnostic[] {
  const used = new Set<Suppression>();
  const coveredBy = coverFinder(suppressions);
  const kept = diagnostics.filter((d) => {
    const by = d.file === file ? coveredBy(d) : undefined;
    if (by) used.add(by);
    return !by;
  });
  for (const s of suppressions) {
    const what = s.kind === 'next-line' ? 'zwgk-disable-next-line' : 'zwgk-disable';
    if (s.rules.length === 0) {
      kept.push(
        finding(
          file,
          s,
          'suppression/unknown-rule',
          { zh: `${what} 没有写要抑制的规则。`, en: `${what} names no rule.` },
          {
            zh: `写明规则，例：# ${what} channel-known -- 本地特有渠道`,
            en: `Name the rule: # ${what} channel-known -- a local channel`,
          },
          lang,
        ),
      );
      continue;
    }
    for (const rule of s.rules.filter((r) => !known(r))) {
      kept.push(
        finding(
          file,
          s,
          'suppression/unknown-rule',
          { zh: `没有名为“${rule}”的规则。`, en: `There is no rule “${rule}”.` },
          { zh: '运行 zwgk rules 查看全部规则。', en: 'Run zwgk rules to list them.' },
          lang,
        ),
      );
    }
    if (!s.reason) {
      kept.push(
        finding(
          file,
          s,
          'suppression/no-reason',
          { zh: `抑制 ${s.rules.join('、')} 没有写理由。`, en: `Suppressing ${s.rules.join(', ')} without a reason.` },
          {
            zh: '在规则后写“ -- 理由”，说明为什么这里可以不改。',
            en: 'Add “ -- reason” after the rules: why this may stay as it is.',
          },
          lang,
        ),
      );
    }
    if (!used.has(s) && s.rules.some(known)) {
      kept.push(
        finding(
          file,
          s,
          'suppression/unused',
          {
            zh: `这条抑制注释没有抑制任何问题（${s.rules.join('、')}）。`,
            en: `This suppression hides nothing (${s.rules.join(', ')}).`,
          },
          { zh: '问题已经改正时，删除这条注释。', en: 'Delete the comment once the problem is gone.' },
          lang,
        ),
      );
    }
  }
  return kept;
}
