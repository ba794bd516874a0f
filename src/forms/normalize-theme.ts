/**
 * A theme reduced to what makes it the same theme: full-width forms folded (NFKC), letters lower-cased,
 * and white space, punctuation and quotation marks dropped, so that `“政策发布”进社区` and `政策发布进社区 `
 * compare equal.
 */
export function normalizeTheme(theme: string): string {
  return theme
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
