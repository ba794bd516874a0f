import { normalizeTheme } from '../normalize-theme.js';
import type { FormRule } from './types.js';

/** A unit does not submit the same theme twice. */
export const themeRepeated: FormRule = {
  id: 'form-theme-repeated',
  severity: 'error',
  description: { zh: '同一份申报表中没有重复的活动主题。', en: 'A submission does not list the same theme twice.' },
  usesProfile: false,
  check: ({ submission, definition }) => {
    const first = new Map<string, number>();
    return submission.rows.flatMap((row) => {
      if (row.theme === undefined) return [];
      const key = normalizeTheme(row.theme);
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, row.index);
        return [];
      }
      return [
        {
          path: [definition.rowsKey, row.index, 'theme'],
          message: {
            zh: `活动主题“${row.theme}”与第${earlier + 1}个重复。`,
            en: `The theme "${row.theme}" repeats number ${earlier + 1}.`,
          },
          hint: { zh: '删除重复的一项，或改为另一个主题。', en: 'Remove it or choose another theme.' },
        },
      ];
    });
  },
};
