import type { DataPath } from '../../diagnostics.js';
import { hasInvisible, invisibleCodes, showInvisible, withoutInvisible } from '../../util/invisible.js';
import type { RuleFinding } from '../types.js';

/** A finding for a text that holds characters that show as nothing, with the fix that removes them. */
function finding(value: string, path: DataPath): RuleFinding {
  const codes = invisibleCodes(value);
  const fixed = withoutInvisible(value);
  return {
    path,
    message: {
      zh: `“${showInvisible(value)}”中有看不见的字符（${codes.join('、')}），看起来相同的文字会因此比较不同。`,
      en: `"${showInvisible(value)}" holds characters that show as nothing (${codes.join(', ')}): texts that look the same then differ.`,
    },
    hint: {
      zh: '删除这些字符（从网页或文档复制的文字常带有它们）。',
      en: 'Remove them (text copied from web pages and documents often carries them).',
    },
    fix: {
      kind: 'replace',
      value: fixed,
      description: { zh: '删除看不见的字符。', en: 'Remove the characters that show as nothing.' },
    },
  };
}

/** Every text value of a file's data (not keys) that holds characters that show as nothing. */
export function invisibleCharFindings(data: unknown, out: RuleFinding[]): void {
  const path: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (hasInvisible(node)) out.push(finding(node, [...path]));
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      const map = node as Record<string, unknown>;
      for (const key in map) {
        path.push(key);
        walk(map[key]);
        path.pop();
      }
    }
  };
  walk(data);
}
