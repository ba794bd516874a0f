import type { Lang } from '../../i18n.js';
import { readTableFile, type TableFileHints } from '../../tables/read-file.js';
import { loadLayout } from '../load-layout.js';
import type { FormLayout } from '../layout.js';
import { FORMS } from '../registry.js';
import { FORM_IDS, type FormId } from '../types.js';
import { formFromGrids, requiredRowKeys } from './form-from-grids.js';
import type { FormImport, KnownForm } from './read-form-grid.js';

/**
 * What reading a form's table file says when the file is too large or a page holds no table: the words a
 * catalog import gives, which forms have always said.
 */
const FORM_TABLE_HINTS: TableFileHints = {
  tooLarge: {
    zh: '把目录表格拆成几个较小的文件分别导入，或删除多余的行、列和空白格式后再导入。',
    en: 'Split the catalog into smaller files and import each, or delete extra rows, columns and blank formatting first.',
  },
  noTableOnPage: {
    zh: '检查是否选错了网页；目录若以图片或附件（PDF、Word、Excel）发布，需要导入附件原件。',
    en: 'Check that this is the right page; a catalog published as an image or an attachment (PDF, Word, Excel) must be imported from the original attachment.',
  },
};

/** The forms an import looks for, with their layouts (from `templatesDir` when it replaces them). */
export async function knownForms(only?: FormId, templatesDir?: string): Promise<KnownForm[]> {
  const ids = only ? [only] : [...FORM_IDS];
  return Promise.all(
    ids.map(async (id) => ({
      form: FORMS[id],
      layout: await loadLayout<FormLayout>(FORMS[id].layout, templatesDir),
      required: requiredRowKeys(id),
    })),
  );
}

/**
 * Read a filled form from a workbook, web page or CSV file. Throws a `TableFileError` for a file that
 * cannot be read, and a `ZwgkError` when it holds no form or a form with no activity (a header
 * only). `name` is how messages name the file (default: `path`).
 */
export async function importForm(
  path: string,
  options: { lang: Lang; form?: FormId; profile?: string; templatesDir?: string; name?: string },
): Promise<FormImport> {
  const read = await readTableFile(path, options.lang, FORM_TABLE_HINTS);
  return formFromGrids(read.grids, await knownForms(options.form, options.templatesDir), {
    lang: options.lang,
    name: options.name ?? path,
    ...(options.profile ? { profile: options.profile } : {}),
  });
}
