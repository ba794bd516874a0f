import { requiredElementRule } from '../required-element.js';

/** Every row is either 主动 or 依申请. */
export const methodRequired = requiredElementRule({
  id: 'method-required',
  severity: 'error',
  description: {
    zh: '每个事项都要勾选公开方式（主动或依申请）。',
    en: 'Every item has a 公开方式 (method): 主动 or 依申请.',
  },
  keys: ['method'],
  has: (item) => item.fields.method.length > 0,
  phrase: { zh: '没有勾选公开方式', en: 'has no 公开方式 (method)' },
  hint: { zh: '添加 `method: 主动` 或 `method: 依申请`。', en: 'Add `method: 主动` or `method: 依申请`.' },
});
