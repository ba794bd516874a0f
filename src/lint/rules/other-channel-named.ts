import { leaves, uniqueByPath, whereSet } from '../nodes.js';
import type { FileRule } from '../types.js';

/** A ticked 其他 box names the channel. */
export const otherChannelNamed: FileRule = {
  id: 'other-channel-named',
  severity: 'warning',
  description: { zh: '勾选“其他”渠道时写明具体渠道。', en: 'A ticked 其他 channel is named in other_channels.' },
  scope: 'file',
  check: (ctx) =>
    uniqueByPath(
      leaves(ctx)
        .filter((item) => item.fields.channels.includes('其他') && item.fields.other_channels.length === 0)
        .map((item) => ({
          path: whereSet(item, 'channels'),
          message: { zh: '勾选了“其他”渠道，但没有写明是什么渠道。', en: 'The 其他 channel is ticked but not named.' },
          hint: {
            zh: '添加 `other_channels: [办税服务厅]` 等。',
            en: 'Add `other_channels: [办税服务厅]` or the like.',
          },
        })),
    ),
};
