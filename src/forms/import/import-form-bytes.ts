import type { Lang } from '../../i18n.js';
import { readXlsx } from '../../tables/read-xlsx.js';
import { checkWorkbookSize } from '../../tables/size-limits.js';
import type { FormId } from '../types.js';
import { draftData } from '../write-submission.js';
import { formFromGrids, shippedForms } from './form-from-grids.js';
import type { FormImport } from './read-form-grid.js';

/**
 * Read a filled form from an xlsx workbook's bytes, as `zwgk form import` reads the file, with the
 * shipped layouts: the draft, the cells that could not be read, and the data of the submission file
 * the import writes. Throws when the workbook is beyond the import's limits or cannot be opened, and a
 * `ZwgkError` when it holds no form or a form with no activity. `name` names the workbook in messages.
 */
export async function importFormXlsx(
  bytes: Uint8Array,
  options: { lang?: Lang; form?: FormId; profile?: string; name?: string } = {},
): Promise<FormImport & { data: Record<string, unknown> }> {
  const name = options.name ?? 'form.xlsx';
  checkWorkbookSize(bytes);
  const { grids } = await readXlsx(bytes, name);
  const found = formFromGrids(grids, shippedForms(options.form), {
    lang: options.lang ?? 'zh',
    name,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  return { ...found, data: draftData(found.draft) };
}
