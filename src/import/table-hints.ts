import type { TableFileHints } from '../tables/read-file.js';

/** What reading a catalog's table file says when the file is too large or a page holds no table. */
export const CATALOG_TABLE_HINTS: TableFileHints = {
  tooLarge: {
    zh: '把目录表格拆成几个较小的文件分别导入，或删除多余的行、列和空白格式后再导入。',
    en: 'Split the catalog into smaller files and import each, or delete extra rows, columns and blank formatting first.',
  },
  noTableOnPage: {
    zh: '检查是否选错了网页；目录若以图片或附件（PDF、Word、Excel）发布，需要导入附件原件。',
    en: 'Check that this is the right page; a catalog published as an image or an attachment (PDF, Word, Excel) must be imported from the original attachment.',
  },
};
