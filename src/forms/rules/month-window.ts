import type { FormRule } from './types.js';
import { profileWords } from './words.js';

/** Each activity falls in the profile's months (Hunan 2023: April to December). */
export const monthWindow: FormRule = {
  id: 'form-month-window',
  severity: 'error',
  description: {
    zh: '活动时间在规则方案的活动期内（湖南省2023年：4月至12月）。',
    en: 'Each activity falls within the months of the profile (Hunan 2023: April to December).',
  },
  usesProfile: true,
  check: ({ submission, profile, definition }) => {
    const { from, to } = profile.months ?? { from: 1, to: 12 };
    return submission.rows.flatMap((row) => {
      if (row.month === undefined || (row.month >= from && row.month <= to)) return [];
      const path = [definition.rowsKey, row.index, definition.timeKey];
      if (row.month < 1 || row.month > 12) {
        return [
          {
            path,
            message: {
              zh: `活动时间(月份)“${row.month}”不是月份：应为 1 至 12 的数字。`,
              en: `The month ${row.month} is not a month: write a number from 1 to 12.`,
            },
            hint: {
              zh: `写${from}至${to}中的一个数字，如 ${from} 表示${from}月。`,
              en: `Write a number from ${from} to ${to}.`,
            },
          },
        ];
      }
      return [
        {
          path,
          message: {
            zh: `活动时间${row.month}月不在${profileWords(profile).zh}的活动期（${from}月至${to}月）内。`,
            en: `The activity in month ${row.month} falls outside the months of ${profileWords(profile).en} (${from} to ${to}).`,
          },
          hint: { zh: `改在${from}月至${to}月之间。`, en: `Move it to a month from ${from} to ${to}.` },
        },
      ];
    });
  },
};
