import type { FormRule } from './types.js';
import { profileWords } from './words.js';

/** The submission is dated no later than the profile's deadline in its year (Hunan 2023: 3月31日). */
export const deadline: FormRule = {
  id: 'form-deadline',
  severity: 'warning',
  description: {
    zh: '填报日期不晚于规则方案的截止日期（湖南省2023年：3月31日）。',
    en: 'The submission is dated no later than the deadline of the profile (Hunan 2023: 31 March).',
  },
  usesProfile: true,
  check: ({ submission, profile }) => {
    if (!profile.deadline || submission.year === undefined || submission.date === undefined) return [];
    const due = `${submission.year}-${profile.deadline}`;
    if (submission.date <= due) return [];
    const [, month, day] = due.split('-').map(Number);
    return [
      {
        path: ['date'],
        message: {
          zh: `填报日期${submission.date}晚于${profileWords(profile).zh}的截止日期${submission.year}年${month}月${day}日。`,
          en: `The submission is dated ${submission.date}, after the deadline ${due} of ${profileWords(profile).en}.`,
        },
        hint: {
          zh: '逾期报送请与政务公开办公室联系；日期写错时改正填报日期。',
          en: 'Ask the office about a late submission, or correct the date.',
        },
      },
    ];
  },
};
