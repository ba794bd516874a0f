import type { Text } from '../../i18n.js';
import type { FormProfile } from '../types.js';

/** “实地调研”或“现场观摩” / 实地调研 or 现场观摩. */
export function orWords(values: readonly string[]): Text {
  const q = values.map((v) => `“${v}”`);
  return {
    zh: q.length <= 1 ? q.join('') : `${q.slice(0, -1).join('、')}或${q.at(-1)}`,
    en: values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`,
  };
}

/** The profile, named in a message: 规则方案“湖南省2023年“政务公开主题日””. */
export function profileWords(profile: FormProfile): Text {
  return { zh: `规则方案（${profile.name}）`, en: `the profile (${profile.name})` };
}

/** The hint for a guess at what was meant (a near spelling): asked, not told, as the catalog hints are. */
export function didYouMean(guess: string): Text {
  return { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` };
}
