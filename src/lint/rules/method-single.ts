import { leaves, uniqueByPath, whereSet } from '../nodes.js';
import type { FileRule } from '../types.js';

/** A row is 主动 or 依申请, not both. */
export const methodSingle: FileRule = {
  id: 'method-single',
  severity: 'warning',
  description: { zh: '公开方式只勾选一项：主动或依申请。', en: 'An item is either 主动 or 依申请, not both.' },
  scope: 'file',
  check: (ctx) =>
    uniqueByPath(
      leaves(ctx)
        .filter((item) => item.fields.method.length > 1)
        .map((item) => ({
          path: whereSet(item, 'method'),
          message: {
            zh: '公开方式同时勾选了“主动”和“依申请”。',
            en: 'The 公开方式 (method) ticks both 主动 and 依申请.',
          },
          hint: {
            zh: '只保留一项；主动公开的事项也可以依申请提供。',
            en: 'Keep one; items published proactively can still be given on application.',
          },
        })),
    ),
};
