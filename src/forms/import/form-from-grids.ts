import { ZwgkError } from '../../errors.js';
import { say, type Lang } from '../../i18n.js';
import { compileSchema } from '../../schema/catalog-schema.js';
import { deref, schemaAt } from '../../schema/schema-walk.js';
import type { Grid } from '../../tables/grid.js';
import { shippedLayout, type FormLayout } from '../layout.js';
import { FORMS } from '../registry.js';
import { FORM_IDS, type FormId } from '../types.js';
import { readFormGrid, type FormImport, type KnownForm } from './read-form-grid.js';

/** The row keys a form's schema requires: written empty when a cell is empty, so that the check says to fill them. */
export function requiredRowKeys(id: FormId): string[] {
  const { schema } = compileSchema(FORMS[id].schema);
  const row = deref(schema, schemaAt(schema, [FORMS[id].rowsKey, 0]));
  return Array.isArray(row?.required) ? (row.required as string[]) : [];
}

/** The forms an import looks for, with their shipped layouts: all of them, or `only` one. */
export function shippedForms(only?: FormId): KnownForm[] {
  return (only ? [only] : [...FORM_IDS]).map((id) => ({
    form: FORMS[id],
    layout: shippedLayout<FormLayout>(FORMS[id].layout),
    required: requiredRowKeys(id),
  }));
}

/**
 * Read a filled form from the grids of a table file, among the `known` forms. Throws a {@link ZwgkError}
 * when they hold no form, or a form with no activity (a header only); `name` is how messages name the
 * file. Pure.
 */
export function formFromGrids(
  grids: readonly Grid[],
  known: readonly KnownForm[],
  options: { lang: Lang; name: string; profile?: string },
): FormImport {
  const found = readFormGrid(grids, known, options.profile ? { profile: options.profile } : {});
  const { name } = options;
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
