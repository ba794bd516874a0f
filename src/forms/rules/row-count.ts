import type { FormRule } from './types.js';
import { profileWords } from './words.js';

/** A unit submits as many rows as the profile asks: exactly 2 themes in Hunan 2023. */
export const rowCount: FormRule = {
  id: 'form-row-count',
  severity: 'error',
  description: {
    zh: '每个单位申报的活动个数符合规则方案（湖南省2023年：2个活动主题）。',
    en: 'A unit submits as many rows as the profile asks (Hunan 2023: 2 themes).',
  },
  usesProfile: true,
  check: ({ submission, profile, definition }) => {
    const { min, max } = profile.rows ?? {};
    const n = submission.rows.length;
    const row = definition.rowName;
    const by = profileWords(profile);
    const wanted =
      min !== undefined && min === max
        ? { zh: `每个单位申报${min}个`, en: `exactly ${min}` }
        : min !== undefined && max !== undefined
          ? { zh: `每个单位申报${min}至${max}个`, en: `${min} to ${max}` }
          : min !== undefined
            ? { zh: `每个单位至少申报${min}个`, en: `at least ${min}` }
            : { zh: `每个单位最多申报${max}个`, en: `at most ${max}` };
    if (max !== undefined && n > max) {
      return [
        {
          path: [definition.rowsKey, max],
          message: {
            zh: `申报了${n}个${row.zh}，${by.zh}要求${wanted.zh}。`,
            en: `${n} ${row.en}s are submitted; ${by.en} asks for ${wanted.en}.`,
          },
          hint: {
            zh: `保留${max}个，删除第${max + 1}个起的${row.zh}。`,
            en: `Keep ${max}; remove the ${row.en}s from number ${max + 1} on.`,
          },
        },
      ];
    }
    if (min !== undefined && n < min && n > 0) {
      return [
        {
          path: [definition.rowsKey],
          target: 'key',
          message: {
            zh: `只申报了${n}个${row.zh}，${by.zh}要求${wanted.zh}。`,
            en: `Only ${n} ${row.en}${n === 1 ? ' is' : 's are'} submitted; ${by.en} asks for ${wanted.en}.`,
          },
          hint: { zh: `再添加${min - n}个${row.zh}。`, en: `Add ${min - n} more.` },
        },
      ];
    }
    return [];
  },
};
