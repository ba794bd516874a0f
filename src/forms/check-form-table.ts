import type { CellLocation, DataPath, Diagnostic } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import { ZwgkError } from '../errors.js';
import { TableFileError } from '../tables/read-bytes.js';
import { tableDiagnostic, unreadableTable } from '../tables/table-findings.js';
import { cellFindings } from '../validate/position-findings.js';
import { importForm } from './import/import-form.js';
import type { FormCell, FormImport } from './import/read-form-grid.js';
import { checkSubmissionData, type SubmissionOptions, type SubmissionResult } from './validate-submission.js';
import { draftData } from './write-submission.js';

/** A form in a table file, checked: its findings, each on its cell, and what the check found. */
export interface CheckedFormTable {
  diagnostics: Diagnostic[];
  /** Absent when the file holds no form (or cannot be read). */
  result?: SubmissionResult;
  /** The file was read and holds no form (a catalog's table, say). */
  noForm?: boolean;
  found?: FormImport;
}

/** The path of the value read from a cell (`themes.0.month` as its parts), if one was. */
function pathAt(found: FormImport, ref: string): (string | number)[] | undefined {
  let best: string | undefined;
  for (const [path, cell] of found.places)
    if (cell.ref === ref && (best === undefined || path.length > best.length)) best = path;
  return best
    ?.split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The cell a path of the form's data was read from: the nearest one along the path, else the header row. */
function placeOf(found: FormImport, path: DataPath): CellLocation {
  let cell: FormCell | undefined;
  for (let n = path.length; n >= 0 && !cell; n--) cell = found.places.get(path.slice(0, n).join('.'));
  const at = cell ?? { ref: found.ref, row: 1, column: 1 };
  return {
    table: found.table,
    // A workbook's cells are named with their sheet: 申报表!C7.
    ...(at.ref.includes('!') ? { sheet: found.grid } : {}),
    row: at.row,
    column: at.column,
    ref: at.ref,
  };
}

/**
 * Check a filled form where it lives — a workbook, web page or CSV file (`path`, named `file` in findings):
 * read as `zwgk form import` reads it, then checked as `zwgk form check` checks the YAML the import writes,
 * each finding placed on the cell its value came from. A file that cannot be read, or holds no form, is
 * one finding (`table/unreadable`) with what to do.
 */
export async function checkFormTable(
  path: string,
  file: string,
  options: SubmissionOptions,
  templatesDir?: string,
): Promise<CheckedFormTable> {
  let found: FormImport;
  try {
    found = await importForm(path, {
      lang: options.lang,
      name: file,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(templatesDir ? { templatesDir } : {}),
    });
  } catch (error) {
    if (!(error instanceof ZwgkError)) throw error;
    // A file that cannot be read says what is wrong with it, as `zwgk validate` says it of a table; one that
    // holds no form says how to make one.
    if (error instanceof TableFileError) return { diagnostics: [unreadableTable(file, error, options.lang)] };
    const hint = {
      zh: '用 zwgk form new theme-day -o 申报表.xlsx 生成的表格填写，或按同样的栏目制作表格。',
      en: 'Fill in the workbook zwgk form new theme-day -o form.xlsx writes, or a table with the same columns.',
    };
    const diagnostic = tableDiagnostic(file, 'table/unreadable', 'error', options.lang, error.message, hint);
    return { diagnostics: [diagnostic], noForm: true };
  }
  const data = draftData(found.draft);
  const { findings, ...checked } = checkSubmissionData(data, options);
  // What the import could not read (a month, a date), on its cell, before what the check finds there.
  const unread: Finding[] = found.problems.map((p) => ({
    code: 'table/cell-unreadable',
    severity: 'warning',
    message: p.message,
    path: [...(pathAt(found, p.ref) ?? [])],
  }));
  const diagnostics = cellFindings(file, [...unread, ...findings], (p) => placeOf(found, p), options.lang);
  return { diagnostics, result: { diagnostics, data, facts: new Map(), ...checked }, found };
}
