import { closest } from '../../util/text.js';
import type { FormRule } from './types.js';
import { didYouMean, profileWords } from './words.js';

/** The candidate that contains the value or is contained in it (座谈 → 座谈交流), else the closest by spelling. */
function suggestion(value: string, allowed: readonly string[]): string | undefined {
  const v = value.normalize('NFKC').replace(/\s+/g, '');
  const containing = allowed.filter((a) => a.includes(v) || v.includes(a));
  return containing.length === 1 ? containing[0] : closest(v, allowed);
}

/** 活动形式 is one of the profile's forms. */
export const activityForm: FormRule = {
  id: 'form-activity-form',
  severity: 'error',
  description: {
    zh: '活动形式是规则方案所列的一种（湖南省2023年：实地调研、现场观摩、座谈交流、政策发布、问卷调查）。',
    en: 'The 活动形式 is one the profile lists.',
  },
  usesProfile: true,
  check: ({ submission, profile, definition }) =>
    submission.rows.flatMap((row) => {
      if (row.form === undefined || profile.activityForms.includes(row.form)) return [];
      const guess = suggestion(row.form, profile.activityForms);
      const list = profile.activityForms.join('、');
      return [
        {
          path: [definition.rowsKey, row.index, 'form'],
          message: {
            zh: `活动形式“${row.form}”不是${profileWords(profile).zh}所列的活动形式：${list}。`,
            en: `The 活动形式 "${row.form}" is not one of those of ${profileWords(profile).en}: ${list}.`,
          },
          hint: guess
            ? didYouMean(guess)
            : {
                zh: `从 ${list} 中选一项；地区另有活动形式时，在配置 forms.profiles 中用 addActivityForms 添加。`,
                en: `Choose one of ${list}; add a region's own forms with addActivityForms in forms.profiles of the configuration.`,
              },
        },
      ];
    }),
};
