import { requiredElementRule } from '../required-element.js';

/** Every row states what is published. */
export const contentRequired = requiredElementRule({
  id: 'content-required',
  severity: 'error',
  description: { zh: '每个事项都要填写公开内容(要素)。', en: 'Every item states its 公开内容 (content).' },
  keys: ['content'],
  has: (item) => item.fields.content.some((c) => c.trim() !== ''),
  phrase: { zh: '没有填写公开内容(要素)', en: 'has no 公开内容 (content)' },
  hint: { zh: '添加 `content: …`，写明要公开的具体内容。', en: 'Add `content: …` naming what is published.' },
});
