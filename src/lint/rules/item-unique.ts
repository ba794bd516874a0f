import type { ResolvedItem } from '../../catalog/types.js';
import { itemLabel } from '../../catalog/labels.js';
import { withoutInvisible } from '../../util/invisible.js';
import { normalizeForMatch } from '../../util/text.js';
import type { FileRule, RuleFinding } from '../types.js';

/**
 * `normalizeForMatch` without the characters that show as nothing, skipped for the names it leaves as they
 * are: names of CJK ideographs (U+4E00–U+9FFF) and printable ASCII other than the space, which NFKC keeps
 * and which hold no white space.
 */
function matchKey(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c > 0x20 && c < 0x7f))) return normalizeForMatch(withoutInvisible(name));
  }
  return name;
}

function duplicates(siblings: readonly ResolvedItem[], out: RuleFinding[]): RuleFinding[] {
  const seen = new Map<string, ResolvedItem>();
  for (let i = 0; i < siblings.length; i++) {
    const item = siblings[i]!;
    const key = matchKey(item.name);
    // An item without a name is not compared, nor are the items under it.
    if (key === '') continue;
    const first = seen.get(key);
    if (first) {
      const label = itemLabel(item.depth, item.name);
      const n = (first.path[first.path.length - 1] as number) + 1;
      out.push({
        path: [...item.path, 'name'],
        message: {
          zh: `${label.zh}重复：同一上级下第${n}项已有同名事项。`,
          en: `${label.en} is repeated: item ${n} under the same parent has that name.`,
        },
        hint: { zh: '合并两项，或改正其中一项的名称。', en: 'Merge the two or correct one of the names.' },
      });
    } else {
      seen.set(key, item);
    }
    if (item.children.length > 0) duplicates(item.children, out);
  }
  return out;
}

/** No two items under one parent share a name. */
export const itemUnique: FileRule = {
  id: 'item-unique',
  severity: 'warning',
  description: { zh: '同一上级事项下的事项名称不重复。', en: 'No two items under one parent share a name.' },
  scope: 'file',
  check: (ctx) => duplicates(ctx.catalog.items, []),
};
