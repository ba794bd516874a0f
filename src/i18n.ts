/** Languages of messages. Chinese is the default. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A message in every language. */
export interface Text {
  zh: string;
  en: string;
}

/** Pick the message for a language. */
export function say(lang: Lang, text: Text): string {
  return text[lang];
}

/** Quote a value the way each language does: “值” in Chinese, "value" in English. */
export function quote(lang: Lang, value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return lang === 'zh' ? `“${s}”` : `"${s}"`;
}

/** Join a list for a sentence: 甲、乙或丙 / a, b or c. */
export function orList(lang: Lang, values: readonly string[]): string {
  const q = values.map((v) => quote(lang, v));
  if (q.length <= 1) return q.join('');
  const sep = lang === 'zh' ? '、' : ', ';
  const or = lang === 'zh' ? '或' : ' or ';
  return q.slice(0, -1).join(sep) + or + q[q.length - 1]!;
}
