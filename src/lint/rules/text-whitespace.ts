import type { DataPath } from '../../diagnostics.js';
import type { FixPlan } from '../../finding.js';
import { valueAt } from '../../catalog/labels.js';
import { definitions, holders } from '../nodes.js';
import type { FileRule, RuleContext, RuleFinding } from '../types.js';

/** Elements written as free text: only spaces at their ends are stray. */
const TEXT_KEYS = ['content', 'basis', 'time_limit', 'subject', 'specific_group', 'other_channels'] as const;

/**
 * White space between two Chinese characters, as a wrapped table cell leaves it (“政策 文件”). Only
 * names are checked for it: in texts such a space often means something (“教育部 财政部” naming two
 * issuers, “学校名称 办学地址” listing two things, two rules of one cell side by side).
 */
const WRAP_SPACE = /(?<=\p{Script=Han})[ \t\u3000\n]+(?=\p{Script=Han})/gu;

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
    description: inside ? { zh: `改为“${fixed}”。`, en: `Write "${fixed}".` } : { zh: '删除首尾的空格。', en: 'Remove the spaces at the ends.' },
  };
  return {
    path,
    message: inside
      ? { zh: `名称“${value.trim()}”中间有空格，像是表格换行留下的。`, en: `The name "${value.trim()}" has a space inside, as a wrapped table cell leaves it.` }
      : { zh: `“${value.trim()}”的首尾有多余的空格。`, en: `"${value.trim()}" has stray spaces at its ends.` },
    hint: inside ? { zh: `改为“${fixed}”。`, en: `Write "${fixed}".` } : { zh: '删除首尾的空格。', en: 'Remove the spaces at the ends.' },
    fix,
  };
}

/** Every name and text of a catalog file, with its path and whether it is a name. */
function* texts(ctx: RuleContext): Generator<{ value: unknown; path: DataPath; isName: boolean }> {
  yield { value: valueAt(ctx.data, ['unit']), path: ['unit'], isName: true };
  yield { value: valueAt(ctx.data, ['title']), path: ['title'], isName: false };
  for (const holder of holders(ctx)) {
    if (holder[0] === 'items') yield { value: valueAt(ctx.data, [...holder, 'name']), path: [...holder, 'name'], isName: true };
    const extra = valueAt(ctx.data, [...holder, 'extra']);
    if (extra && typeof extra === 'object' && !Array.isArray(extra)) {
      for (const [key, value] of Object.entries(extra)) yield { value, path: [...holder, 'extra', key], isName: false };
    }
  }
  for (const key of TEXT_KEYS) {
    for (const def of definitions(ctx, key)) for (const entry of def.entries) yield { ...entry, isName: false };
  }
}

/** Names and texts carry no stray white space: none at their ends, none inside a name from a wrapped cell. */
export const textWhitespace: FileRule = {
  id: 'text-whitespace',
  severity: 'warning',
  description: {
    zh: '名称和文字首尾没有多余的空格，名称中间没有表格换行留下的空格。',
    en: 'Names and texts have no stray spaces at their ends, and names none inside from a wrapped table cell.',
  },
  scope: 'file',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const { value, path, isName } of texts(ctx)) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const finding = check(value, path, isName);
      if (finding) out.push(finding);
    }
    return out;
  },
};
