import { closest, looksLikeList } from '../../util/text.js';
import { LIST_HINT } from '../hints.js';
import { definitions } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/** Ticked levels are columns the catalog declares. */
export const levelKnown: FileRule = {
  id: 'level-known',
  severity: 'error',
  description: { zh: '勾选的公开层级必须是目录 level_columns 中的栏目。', en: "Ticked levels are among the catalog's level_columns." },
  scope: 'file',
  check(ctx) {
    const columns = ctx.catalog.levelColumns;
    const out: RuleFinding[] = [];
    for (const def of definitions(ctx, 'levels')) {
      for (const entry of def.entries) {
        if (columns.includes(entry.value)) continue;
        const guess = closest(entry.value, columns);
        out.push({
          path: entry.path,
          message:
            columns.length === 0
              ? { zh: `勾选了公开层级“${entry.value}”，但目录没有声明公开层级栏目。`, en: `The level "${entry.value}" is ticked but the catalog declares no level_columns.` }
              : { zh: `公开层级“${entry.value}”不在本目录的层级栏目（${columns.join('、')}）中。`, en: `The level "${entry.value}" is not one of the catalog's level columns (${columns.join(', ')}).` },
          hint: looksLikeList(entry.value)
            ? LIST_HINT
            : columns.length === 0
              ? { zh: `在目录开头添加 \`level_columns: [${entry.value}]\`。`, en: `Add \`level_columns: [${entry.value}]\` at the top of the catalog.` }
              : guess
                ? { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` }
                : { zh: '改用已声明的层级，或把它加入 level_columns。', en: 'Use a declared level or add it to level_columns.' },
        });
      }
    }
    return out;
  },
};
