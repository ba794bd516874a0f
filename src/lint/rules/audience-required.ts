import { requiredElementRule } from '../required-element.js';

/** Every row says who it is published to. */
export const audienceRequired = requiredElementRule({
  id: 'audience-required',
  severity: 'error',
  description: {
    zh: '每个事项都要勾选公开对象（全社会或特定群体）。',
    en: 'Every item has a 公开对象 (audience): 全社会 or 特定群体.',
  },
  keys: ['audience'],
  has: (item) => item.fields.audience.length > 0,
  phrase: { zh: '没有勾选公开对象', en: 'has no 公开对象 (audience)' },
  hint: {
    zh: '添加 `audience: 全社会` 或 `audience: 特定群体`。',
    en: 'Add `audience: 全社会` or `audience: 特定群体`.',
  },
});
