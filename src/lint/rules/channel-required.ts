import { requiredElementRule } from '../required-element.js';

/** 在标注范围内至少选择其一公开: at least one channel per row. */
export const channelRequired = requiredElementRule({
  id: 'channel-required',
  severity: 'error',
  description: {
    zh: '每个事项至少勾选一个公开渠道和载体。',
    en: 'Every item has at least one channel (公开渠道和载体).',
  },
  keys: ['channels', 'other_channels'],
  has: (item) => item.fields.channels.length > 0 || item.fields.other_channels.length > 0,
  phrase: { zh: '没有勾选公开渠道和载体', en: 'has no channel (公开渠道和载体)' },
  hint: {
    zh: '添加 `channels: [政府网站]` 等，至少选一个渠道。',
    en: 'Add `channels: [政府网站]` or another channel.',
  },
});
