import { FIELD_KEYS } from '../../catalog/types.js';
import { sameAsAbove } from '../chars.js';
import { holders } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/** “同上” belongs to paper tables; in a catalog file a value is inherited instead. */
export const noSameAsAbove: FileRule = {
  id: 'no-same-as-above',
  severity: 'warning',
  description: {
    zh: '不写“同上”：共同的值写在上级事项上，由下级继承。',
    en: 'No “同上”: write shared values on the parent item and let children inherit them.',
  },
  scope: 'file',
  check(ctx) {
    const out: RuleFinding[] = [];
    // Only a 同上 that stands for the whole value can be replaced by the value above.
    const report = (path: (string | number)[], whole = true) =>
      out.push({
        path,
        message: { zh: '这里写的是“同上”，而不是实际的值。', en: 'This says “同上” (as above) instead of the value.' },
        hint: {
          zh: '把相同的值写在上级事项（或 defaults）上，下级事项会自动继承；或在此写出具体内容。',
          en: 'Write the shared value on the parent item (or in defaults) so it is inherited, or write the value here.',
        },
        ...(whole && path[0] === 'items' ? { fix: { kind: 'same-as-above' as const } } : {}),
      });
    const all = holders(ctx);
    for (let h = 0; h < all.length; h++) {
      const holder = all[h]!;
      const node = holder.node;
      if (node === null || typeof node !== 'object') continue;
      for (let k = 0; k < FIELD_KEYS.length; k++) {
        const key = FIELD_KEYS[k]!;
        const value = (node as Record<string, unknown>)[key];
        if (typeof value === 'string') {
          if (sameAsAbove(value)) report([...holder.path, key]);
        } else if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const v: unknown = value[i];
            if (typeof v === 'string' && sameAsAbove(v)) report([...holder.path, key, i], value.length === 1);
          }
        } else if (key === 'extra' && value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value))
            if (typeof v === 'string' && sameAsAbove(v)) report([...holder.path, key, k]);
        }
      }
    }
    return out;
  },
};
