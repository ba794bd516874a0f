import { startsFromApplication, timeLimitOf } from '../../catalog/time-limit.js';
import { itemLabel } from '../../catalog/labels.js';
import { leaves, uniqueByPath, whereSet } from '../nodes.js';
import type { FileRule } from '../types.js';

/** 依申请 items count their deadline from the receipt of the application. */
export const applyTimeLimit: FileRule = {
  id: 'apply-time-limit',
  severity: 'warning',
  description: {
    zh: '依申请公开的事项，公开时限从收到申请之日起算。',
    en: 'An 依申请 item counts its deadline from the receipt of the application.',
  },
  scope: 'file',
  check: (ctx) =>
    uniqueByPath(
      leaves(ctx)
        .filter((item) => item.fields.method.length === 1 && item.fields.method[0] === '依申请')
        .filter(
          (item) => item.fields.time_limit !== undefined && !startsFromApplication(timeLimitOf(item.fields.time_limit)),
        )
        .map((item) => {
          // Where 依申请 is set at or above the node that writes the time limit, every item sharing that
          // time limit is 依申请 too: report once, at the time limit. Otherwise at the item.
          const methodAt = item.origin.method ?? [];
          const limitAt = item.origin.time_limit ?? [];
          const fromDefaults = methodAt[0] === 'defaults';
          const shared =
            fromDefaults || (methodAt.length <= limitAt.length && methodAt.every((seg, i) => limitAt[i] === seg));
          const label = itemLabel(item.depth, item.name);
          return {
            path: shared ? whereSet(item, 'time_limit') : [...item.path, 'name'],
            message: {
              zh: shared
                ? `依申请公开的事项，公开时限“${item.fields.time_limit}”却不是从收到申请之日起算。`
                : `${label.zh}为依申请公开，但公开时限“${item.fields.time_limit}”不是从收到申请之日起算。`,
              en: shared
                ? `Items published on application have the time limit "${item.fields.time_limit}", which does not run from the application.`
                : `${label.en} is 依申请, but its time limit "${item.fields.time_limit}" does not run from the application.`,
            },
            hint: {
              zh: '改为“自收到申请之日起20个工作日内”等。',
              en: 'Use “自收到申请之日起20个工作日内” or the like.',
            },
          };
        }),
    ),
};
