import { adminLevelOf } from '../../catalog/vocabulary.js';
import { closest, looksLikeList } from '../../util/text.js';
import { LIST_HINT } from '../hints.js';
import { definitions, entryPath, forEachString, type Definition } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/**
 * The declared column a level was meant for: the one of the same administrative level (镇级 → 乡级,
 * 乡级 → 镇街级), else a column that joins it with another (乡、村级), none when no column is of that level; for other words, the nearest by spelling.
 */
function meantColumn(value: string, columns: readonly string[]): string | undefined {
  const level = adminLevelOf(value);
  if (level)
    return (
      columns.find((c) => adminLevelOf(c) === level) ??
      columns.find((c) => c.split(/[、,，/]/).some((part) => adminLevelOf(part) === level))
    );
  return closest(value, columns);
}

/** Ticked levels are columns the catalog declares. */
export const levelKnown: FileRule = {
  id: 'level-known',
  severity: 'error',
  description: {
    zh: '勾选的公开层级必须是目录 level_columns 中的栏目。',
    en: "Ticked levels are among the catalog's level_columns.",
  },
  scope: 'file',
  check(ctx) {
    const columns = ctx.catalog.levelColumns;
    const out: RuleFinding[] = [];
    const visit = (value: string, index: number, def: Definition) => {
      if (columns.includes(value)) return;
      const guess = meantColumn(value, columns);
      out.push({
        path: entryPath(def, index),
        message:
          columns.length === 0
            ? {
                zh: `勾选了公开层级“${value}”，但目录没有声明公开层级栏目。`,
                en: `The level "${value}" is ticked but the catalog declares no level_columns.`,
              }
            : {
                zh: `公开层级“${value}”不在本目录的层级栏目（${columns.join('、')}）中。`,
                en: `The level "${value}" is not one of the catalog's level columns (${columns.join(', ')}).`,
              },
        hint: looksLikeList(value)
          ? LIST_HINT
          : columns.length === 0
            ? {
                zh: `在目录开头添加 \`level_columns: [${value}]\`。`,
                en: `Add \`level_columns: [${value}]\` at the top of the catalog.`,
              }
            : guess
              ? { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` }
              : {
                  zh: '改用已声明的层级，或把它加入 level_columns。',
                  en: 'Use a declared level or add it to level_columns.',
                },
      });
    };
    const defs = definitions(ctx, 'levels');
    for (let d = 0; d < defs.length; d++) forEachString(defs[d]!, visit);
    return out;
  },
};
