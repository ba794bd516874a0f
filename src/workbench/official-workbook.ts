// The official workbook of a catalog, as `zwgk render -o 目录.xlsx` lays it out, made in the page from the
// YAML catalog a table was imported to (or a YAML file checked). Pure apart from exceljs: runs in the worker.
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { renderExcel } from '../render/excel.js';
import { buildTable } from '../render/table-model.js';
import { validateText } from '../validate/validate-text.js';
import { defaultOptions } from './check-file.js';

/** The name the workbook is downloaded under: the catalog's name with `.xlsx`. */
export function officialWorkbookName(yamlName: string): string {
  return `${yamlName.replace(/\.ya?ml$/i, '')}.xlsx`;
}

/** The official workbook of a catalog, or, as `zwgk render` refuses one with errors, its errors. */
export type OfficialWorkbook = { workbook: Uint8Array } | { errors: Diagnostic[] };

/**
 * The workbook of one catalog, given as YAML text: its sheet laid out as the official table, channels as the
 * ■/□ checklist, as `zwgk render` writes it with its defaults. Like the command, it first checks the catalog:
 * a catalog with errors (say, an imported table that names no unit) gets its errors instead.
 */
export async function officialWorkbook(file: string, text: string, lang: Lang): Promise<OfficialWorkbook> {
  const checked = validateText(file, text, defaultOptions(lang));
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  const { catalog } = checked;
  if (errors.length > 0 || !catalog) return { errors };
  const table = buildTable(catalog, { channels: 'checklist' });
  const [rendered] = await renderExcel([{ file, catalog, table }], { channels: 'checklist', layout: 'single' });
  return { workbook: rendered!.content as Uint8Array };
}
