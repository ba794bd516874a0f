import { closest } from '../../util/text.js';
import { definitions } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/** Extra fields belong to columns the catalog declares, so every row of the table has the column. */
export const extraDeclared: FileRule = {
  id: 'extra-declared',
  severity: 'warning',
  description: {
    zh: 'extra 中的栏目要在目录的 extra_columns 中声明。',
    en: "Keys under extra are declared in the catalog's extra_columns.",
  },
  scope: 'file',
  check(ctx) {
    const columns = ctx.catalog.extraColumns;
    const out: RuleFinding[] = [];
    for (const def of definitions(ctx, 'extra')) {
      const value = def.value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      for (const key of Object.keys(value)) {
        if (columns.includes(key)) continue;
        const guess = closest(key, columns);
        out.push({
          path: [...def.path, key],
          target: 'key',
          message: {
            zh: `附加栏目“${key}”没有在 extra_columns 中声明。`,
            en: `The extra column "${key}" is not declared in extra_columns.`,
          },
          hint: guess
            ? { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` }
            : {
                zh: `在目录开头的 extra_columns 中加入“${key}”。`,
                en: `Add "${key}" to extra_columns at the top of the catalog.`,
              },
        });
      }
    }
    return out;
  },
};
