import type { Lang } from '../i18n.js';

/** The comment at the top of a catalog imported from the table at `ref` of the file named `source`. */
export function importComment(source: string, ref: string, lang: Lang): string {
  return lang === 'zh'
    ? `由 zwgk import 从 ${source} 导入（表格位置 ${ref}）。\n文字按原表保留；导入时的判断见导入报告，请对照原表核对。`
    : `Imported by zwgk import from ${source} (table at ${ref}).\nText is kept as in the table; see the import report for what was guessed.`;
}
