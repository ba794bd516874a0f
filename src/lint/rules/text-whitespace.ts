import type { DataPath } from '../../diagnostics.js';
import type { FixPlan } from '../../finding.js';
import { valueAt } from '../../catalog/labels.js';
import { isWhiteSpace } from '../chars.js';
import { definitions, entryPath, forEachString, holders, type Definition } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';
import { hasInvisible } from '../../util/invisible.js';
import { invisibleCharFindings } from './invisible-chars.js';

/** Elements written as free text: only spaces at their ends are stray. */
const TEXT_KEYS = ['content', 'basis', 'time_limit', 'subject', 'specific_group', 'other_channels'] as const;

/**
 * White space between two Chinese characters, as a wrapped table cell leaves it (“政策 文件”). Only
 * names are checked for it: in texts such a space often means something (“教育部 财政部” naming two
 * issuers, “学校名称 办学地址” listing two things, two rules of one cell side by side).
 */
const WRAP_SPACE = /(?<=\p{Script=Han})[ \t\u3000\n]+(?=\p{Script=Han})/gu;
/** The white space `WRAP_SPACE` looks for, wherever it is. */
const WRAP_CANDIDATE = /[ \t\u3000\n]/;

/** Trailing line breaks end every block scalar (`content: |`); they are not stray. */
function splitTrailingBreaks(value: string): [string, string] {
  const core = value.replace(/\n+$/, '');
  return [core, value.slice(core.length)];
}

function trimmed(value: string): string {
  const [core, breaks] = splitTrailingBreaks(value);
  return core.trim() + breaks;
}

function check(value: string, path: DataPath, isName: boolean): RuleFinding | undefined {
  const ends = trimmed(value);
  const fixed = isName ? ends.replace(WRAP_SPACE, '') : ends;
  if (fixed === value) return undefined;
  const inside = isName && ends !== fixed;
  const fix: FixPlan = {
    kind: 'replace',
    value: fixed,
    description: inside
      ? { zh: `改为“${fixed}”。`, en: `Write "${fixed}".` }
      : { zh: '删除首尾的空格。', en: 'Remove the spaces at the ends.' },
  };
  return {
    path,
    message: inside
      ? {
          zh: `名称“${value.trim()}”中间有空格，像是表格换行留下的。`,
          en: `The name "${value.trim()}" has a space inside, as a wrapped table cell leaves it.`,
        }
      : { zh: `“${value.trim()}”的首尾有多余的空格。`, en: `"${value.trim()}" has stray spaces at its ends.` },
    hint: inside
      ? { zh: `改为“${fixed}”。`, en: `Write "${fixed}".` }
      : { zh: '删除首尾的空格。', en: 'Remove the spaces at the ends.' },
    fix,
  };
}

/**
 * Whether a text may have stray white space: it starts or ends with white space, or, for a name, holds
 * a character that `WRAP_SPACE` matches. Nearly every text has none, and is let through with this test alone.
 */
function mayHaveStraySpace(value: string, isName: boolean): boolean {
  if (value.length === 0) return false;
  if (isWhiteSpace(value.charCodeAt(0)) || isWhiteSpace(value.charCodeAt(value.length - 1))) return true;
  return isName && WRAP_CANDIDATE.test(value);
}

/** Check one name or text; `path` is called only for a text that needs a finding. */
function checkText(value: unknown, path: () => DataPath, isName: boolean, out: RuleFinding[]): void {
  if (typeof value !== 'string' || !mayHaveStraySpace(value, isName) || value.trim() === '') return;
  // Characters that show as nothing are reported (and removed) first; spaces are looked at after.
  if (hasInvisible(value)) return;
  const finding = check(value, path(), isName);
  if (finding) out.push(finding);
}

/**
 * Whether the data read from `text` may hold a character that shows as nothing: the text holds one, or an
 * escape (`\u200b` in double quotes) that may make one. Data with no text (a table) may.
 */
function mayHoldInvisible(text: string | undefined): boolean {
  return text === undefined || hasInvisible(text) || /\\[uxU]/.test(text);
}

/**
 * Names and texts carry no stray white space: none at their ends, none inside a name from a wrapped cell;
 * and no text holds characters that show as nothing (zero-width spaces, soft hyphens, direction marks).
 */
export const textWhitespace: FileRule = {
  id: 'text-whitespace',
  severity: 'warning',
  description: {
    zh: '名称和文字首尾没有多余的空格，名称中间没有表格换行留下的空格，文字中没有零宽空格等看不见的字符。',
    en: 'Names and texts have no stray spaces at their ends, names none inside from a wrapped table cell, and no text holds invisible characters (zero-width spaces, soft hyphens, direction marks).',
  },
  scope: 'file',
  check(ctx) {
    const out: RuleFinding[] = [];
    // Every name and text of the file, in this order: unit, title, each item's name and extra
    // columns (defaults' extra columns first), then the text elements one after the other.
    const data = ctx.data;
    checkText(valueAt(data, ['unit']), () => ['unit'], true, out);
    checkText(valueAt(data, ['title']), () => ['title'], false, out);
    const all = holders(ctx);
    for (let h = 0; h < all.length; h++) {
      const holder = all[h]!;
      const node = holder.node;
      if (node === null || typeof node !== 'object') continue;
      const fields = node as Record<string, unknown>;
      // Every holder but the first (`defaults`) is an item.
      if (h > 0) checkText(fields.name, () => [...holder.path, 'name'], true, out);
      const extra = fields.extra;
      if (extra && typeof extra === 'object' && !Array.isArray(extra)) {
        for (const [key, value] of Object.entries(extra))
          checkText(value, () => [...holder.path, 'extra', key], false, out);
      }
    }
    const visit = (value: string, index: number, def: Definition) =>
      checkText(value, () => entryPath(def, index), false, out);
    for (let k = 0; k < TEXT_KEYS.length; k++) {
      const defs = definitions(ctx, TEXT_KEYS[k]!);
      for (let d = 0; d < defs.length; d++) forEachString(defs[d]!, visit);
    }
    if (mayHoldInvisible(ctx.text)) invisibleCharFindings(data, out);
    return out;
  },
};
