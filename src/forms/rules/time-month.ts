import type { FormRule } from './types.js';

/** A 活动时间 written as text names its month (`7月22日`), so that the plan can place it. */
export const timeMonth: FormRule = {
  id: 'form-time-month',
  severity: 'error',
  description: {
    zh: '活动时间写明了月份，如“7月22日”“2025-07-22”。',
    en: 'The 活动时间 names its month, as in 7月22日 or 2025-07-22.',
  },
  usesProfile: false,
  check: ({ submission, definition }) =>
    submission.rows.flatMap((row) =>
      row.time !== undefined && row.month === undefined
        ? [
            {
              path: [definition.rowsKey, row.index, 'time'],
              message: {
                zh: `活动时间“${row.time}”中看不出是几月。`,
                en: `The 活动时间 "${row.time}" names no month.`,
              },
              hint: { zh: '写明月份，如“7月22日”“7月下旬”。', en: 'Name the month, as in 7月22日 or 7月下旬.' },
            },
          ]
        : [],
    ),
};
