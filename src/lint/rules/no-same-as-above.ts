import { FIELD_KEYS } from '../../catalog/types.js';
import { isSameAsAbove } from '../../util/text.js';
import { definitions } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/** “同上” belongs to paper tables; in a catalog file a value is inherited instead. */
export const noSameAsAbove: FileRule = {
  id: 'no-same-as-above',
  severity: 'warning',
  description: { zh: '不写“同上”：共同的值写在上级事项上，由下级继承。', en: 'No “同上”: write shared values on the parent item and let children inherit them.' },
  scope: 'file',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const key of FIELD_KEYS) {
      for (const def of definitions(ctx, key)) {
        for (const entry of def.entries) {
          if (!isSameAsAbove(entry.value)) continue;
          out.push({
            path: entry.path,
            message: { zh: '这里写的是“同上”，而不是实际的值。', en: 'This says “同上” (as above) instead of the value.' },
            hint: { zh: '把相同的值写在上级事项（或 defaults）上，下级事项会自动继承；或在此写出具体内容。', en: 'Write the shared value on the parent item (or in defaults) so it is inherited, or write the value here.' },
          });
        }
      }
    }
    return out;
  },
};
