import type { Diagnostic, SourceCode } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import type { ReadResult } from '../tables/grid.js';
import { readTableFile, TableFileError } from '../tables/read-file.js';
import type { TableOutcome, ValidateOptions } from '../validate/options.js';
import { checkTables, tableDiagnostic } from './check-tables.js';
import { CATALOG_TABLE_HINTS } from './table-hints.js';

/** The finding for a table file that cannot be read, saying what to do. */
function unreadable(file: string, error: TableFileError, lang: Lang): Diagnostic {
  const code: SourceCode =
    error.problem === 'not-found'
      ? 'file/not-found'
      : error.problem === 'too-large'
        ? 'file/too-large'
        : error.problem === 'no-table'
          ? 'table/no-catalog'
          : 'table/unreadable';
  return tableDiagnostic(file, code, 'error', lang, error.said, error.advice);
}

/** Read a table file and check its catalog tables (see {@link checkTables}); `path` is where to read it. */
export async function checkTableFile(file: string, path: string, options: ValidateOptions): Promise<TableOutcome> {
  let read: ReadResult;
  try {
    read = await readTableFile(path, options.lang, CATALOG_TABLE_HINTS);
  } catch (error) {
    if (error instanceof TableFileError) return { diagnostics: [unreadable(file, error, options.lang)], catalogs: [] };
    throw error;
  }
  return checkTables(file, read, options);
}
