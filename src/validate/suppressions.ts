import type { Diagnostic, Range } from '../diagnostics.js';
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
    const s: Suppression = { kind: m[2] === 'disable' ? 'range' : 'next-line', rules, ...(reason ? { reason } : {}), range, from: i + 2, to: i + 2 };
    if (s.kind === 'next-line') {
      let next = i + 1;
      while (next < lines.length && /^\s*(#.*)?$/.test(lines[next]!)) next++;
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
  if (!d.range || UNSUPPRESSIBLE.test(d.code)) return undefined;
  const line = d.range.start.line;
  return suppressions.find((s) => s.rules.includes(d.code) && line >= s.from && line <= s.to);
}

function finding(file: string, s: Suppression, code: string, message: { zh: string; en: string }, hint: { zh: string; en: string }, lang: Lang): Diagnostic {
  return { code, severity: 'warning', message: say(lang, message), hint: say(lang, hint), file, path: [], pointer: '', range: s.range };
}

/**
 * Drop the findings of a file that its suppression comments cover, and report the comments themselves when
 * they give no reason, name no known rule, or cover no finding.
 */
export function applySuppressions(file: string, diagnostics: readonly Diagnostic[], suppressions: readonly Suppression[], known: (code: string) => boolean, lang: Lang): Diagnostic[] {
  const used = new Set<Suppression>();
  const kept = diagnostics.filter((d) => {
    const by = d.file === file ? suppressedBy(d, suppressions) : undefined;
    if (by) used.add(by);
    return !by;
  });
  for (const s of suppressions) {
    const what = s.kind === 'next-line' ? 'zwgk-disable-next-line' : 'zwgk-disable';
    if (s.rules.length === 0) {
      kept.push(finding(file, s, 'suppression/unknown-rule', { zh: `${what} 没有写要抑制的规则。`, en: `${what} names no rule.` }, { zh: `写明规则，例：# ${what} channel-known -- 本地特有渠道`, en: `Name the rule: # ${what} channel-known -- a local channel` }, lang));
      continue;
    }
    for (const rule of s.rules.filter((r) => !known(r))) {
      kept.push(finding(file, s, 'suppression/unknown-rule', { zh: `没有名为“${rule}”的规则。`, en: `There is no rule “${rule}”.` }, { zh: '运行 zwgk rules 查看全部规则。', en: 'Run zwgk rules to list them.' }, lang));
    }
    if (!s.reason) {
      kept.push(finding(file, s, 'suppression/no-reason', { zh: `抑制 ${s.rules.join('、')} 没有写理由。`, en: `Suppressing ${s.rules.join(', ')} without a reason.` }, { zh: '在规则后写“ -- 理由”，说明为什么这里可以不改。', en: 'Add “ -- reason” after the rules: why this may stay as it is.' }, lang));
    }
    if (!used.has(s) && s.rules.some(known)) {
      kept.push(finding(file, s, 'suppression/unused', { zh: `这条抑制注释没有抑制任何问题（${s.rules.join('、')}）。`, en: `This suppression hides nothing (${s.rules.join(', ')}).` }, { zh: '问题已经改正时，删除这条注释。', en: 'Delete the comment once the problem is gone.' }, lang));
    }
  }
  return kept;
}
