import type { FormRule } from './types.js';
import { orWords, profileWords } from './words.js';

/** At least one row has a field form (Hunan 2023: one of the 2 themes is 实地调研 or 现场观摩). */
export const requiredForm: FormRule = {
  id: 'form-required-form',
  severity: 'error',
  description: {
    zh: '申报的活动中有规则方案要求的活动形式（湖南省2023年：至少1个为实地调研或现场观摩）。',
    en: 'Enough rows have a form the profile requires (Hunan 2023: 实地调研 or 现场观摩 at least once).',
  },
  usesProfile: true,
  check: ({ submission, profile, definition }) => {
    const required = profile.requiredForms;
    const rows = submission.rows;
    // Judged only once every row names its form; a missing one is reported by the schema.
    if (!required || rows.length === 0 || rows.some((r) => r.form === undefined)) return [];
    const have = rows.filter((r) => required.forms.includes(r.form!)).length;
    if (have >= required.min) return [];
    const forms = orWords(required.forms);
    const last = rows[rows.length - 1]!;
    const row = definition.rowName;
    const written = [...new Set(rows.map((r) => `“${r.form}”`))].join('、');
    return [
      {
        path: [definition.rowsKey, last.index, 'form'],
        message: {
          zh: `${profileWords(profile).zh}要求至少${required.min}个${row.zh}的活动形式为${forms.zh}，这里${have === 0 ? '都是' : `只有${have}个，其余为`}${written}。`,
          en: `${profileWords(profile).en} asks for at least ${required.min} ${row.en}${required.min === 1 ? '' : 's'} held as ${forms.en}; ${have === 0 ? 'none is' : `only ${have} ${have === 1 ? 'is' : 'are'}`}.`,
        },
        hint: { zh: `把其中一个${row.zh}改为${forms.zh}。`, en: `Hold one of them as ${forms.en}.` },
      },
    ];
  },
};
