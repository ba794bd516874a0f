import { ZwgkError } from '../../errors.js';
import { say, type Lang } from '../../i18n.js';
import { compileSchema } from '../../schema/catalog-schema.js';
import { deref, schemaAt } from '../../schema/schema-walk.js';
import { readTableFile, type TableFileHints } from '../../tables/read-file.js';
import { loadLayout } from '../load-layout.js';
import type { FormLayout } from '../layout.js';
import { FORMS } from '../registry.js';
import { FORM_IDS, type FormId } from '../types.js';
import { readFormGrid, type FormImport, type KnownForm } from './read-form-grid.js';

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

/** The row keys a form's schema requires: written empty when a cell is empty, so that the check says to fill them. */
function requiredRowKeys(id: FormId): string[] {
  const { schema } = compileSchema(FORMS[id].schema);
  const row = deref(schema, schemaAt(schema, [FORMS[id].rowsKey, 0]));
  return Array.isArray(row?.required) ? (row.required as string[]) : [];
}

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
 * cannot be read, and a {@link ZwgkError} when it holds no form or a form with no activity (a header
 * only). `name` is how messages name the file (default: `path`).
 */
export async function importForm(
  path: string,
  options: { lang: Lang; form?: FormId; profile?: string; templatesDir?: string; name?: string },
): Promise<FormImport> {
  const read = await readTableFile(path, options.lang, FORM_TABLE_HINTS);
  const found = readFormGrid(
    read.grids,
    await knownForms(options.form, options.templatesDir),
    options.profile ? { profile: options.profile } : {},
  );
  const name = options.name ?? path;
  if (!found) {
    throw new ZwgkError(
      say(options.lang, {
        zh: `${name} 中没有找到申报表：需要一行表头，含“活动主题”（或“活动名称(主题)”）、“活动形式”和“活动时间”等栏目。`,
        en: `No form in ${name}: a header row with 活动主题 (or 活动名称(主题)), 活动形式 and 活动时间 is needed.`,
      }),
    );
  }
  if (found.draft.rows.length === 0) {
    throw new ZwgkError(
      say(options.lang, {
        zh: `${name} 中的申报表（${found.ref}）只有表头，没有可导入的活动，没有写入任何文件。检查是否选错了文件，或活动是否在另一个工作表中。`,
        en: `The form in ${name} (${found.ref}) has a header but no activity to import; nothing was written. Check that this is the right file, or whether the rows are on another sheet.`,
      }),
    );
  }
  return found;
}
