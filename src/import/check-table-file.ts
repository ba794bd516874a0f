import type { ReadResult } from '../tables/grid.js';
import { readTableFile, TableFileError } from '../tables/read-file.js';
import type { TableOutcome, ValidateOptions } from '../validate/options.js';
import { unreadableTable } from '../tables/table-findings.js';
import { checkTables } from './check-tables.js';
import { CATALOG_TABLE_HINTS } from './table-hints.js';

/** Read a table file and check its catalog tables (see {@link checkTables}); `path` is where to read it. */
export async function checkTableFile(file: string, path: string, options: ValidateOptions): Promise<TableOutcome> {
  let read: ReadResult;
  try {
    read = await readTableFile(path, options.lang, CATALOG_TABLE_HINTS);
  } catch (error) {
    if (error instanceof TableFileError)
      return { diagnostics: [unreadableTable(file, error, options.lang)], catalogs: [] };
    throw error;
  }
  return checkTables(file, read, options);
}
