import { requiredElementRule } from '../required-element.js';

/** Where the table has 公开层级 columns, every row ticks one. */
export const levelRequired = requiredElementRule({
  id: 'level-required',
  severity: 'warning',
  description: {
    zh: '目录有公开层级栏目时，每个事项至少勾选一个层级。',
    en: 'Where a catalog has level columns, every item ticks at least one.',
  },
  applies: (ctx) => ctx.catalog.levelColumns.length > 0,
  keys: ['levels'],
  has: (item) => item.fields.levels.length > 0,
  phrase: { zh: '没有勾选公开层级', en: 'has no 公开层级 (levels)' },
  hint: {
    zh: '添加 `levels: [县级]` 等，层级取自目录的 level_columns。',
    en: "Add `levels: […]` with levels from the catalog's level_columns.",
  },
});
