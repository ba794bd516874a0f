import type { ResolvedItem } from '../../catalog/types.js';
import { itemLabel } from '../../catalog/labels.js';
import { normalizeForMatch } from '../../util/text.js';
import type { FileRule, RuleFinding } from '../types.js';

function duplicates(siblings: readonly ResolvedItem[]): RuleFinding[] {
  const seen = new Map<string, ResolvedItem>();
  const out: RuleFinding[] = [];
  for (const item of siblings) {
    const key = normalizeForMatch(item.name);
    if (key === '') continue;
    const first = seen.get(key);
    if (first) {
      const label = itemLabel(item.depth, item.name);
      const n = (first.path[first.path.length - 1] as number) + 1;
      out.push({
        path: [...item.path, 'name'],
        message: { zh: `${label.zh}重复：同一上级下第${n}项已有同名事项。`, en: `${label.en} is repeated: item ${n} under the same parent has that name.` },
        hint: { zh: '合并两项，或改正其中一项的名称。', en: 'Merge the two or correct one of the names.' },
      });
    } else {
      seen.set(key, item);
    }
    out.push(...duplicates(item.children));
  }
  return out;
}

/** No two items under one parent share a name. */
export const itemUnique: FileRule = {
  id: 'item-unique',
  severity: 'warning',
  description: { zh: '同一上级事项下的事项名称不重复。', en: 'No two items under one parent share a name.' },
  scope: 'file',
  check: (ctx) => duplicates(ctx.catalog.items),
};
