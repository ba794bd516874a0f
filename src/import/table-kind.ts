import type { TableKind } from '../validate/options.js';

/** The files checked as tables where they live: workbooks, web pages and CSV files. */
export const TABLE_FILE_EXTENSIONS = ['.xlsx', '.xlsm', '.html', '.htm', '.csv'] as const;

/** Whether a file is a table, by its name. */
export function isTableFile(file: string): boolean {
  const lower = file.toLowerCase();
  return TABLE_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Tables as the engine checks them: told by their file names, and read and checked where they live by
 * `checkTableFile`, whose code (the table readers, the importer) is loaded only when a run meets a table.
 */
export const CATALOG_TABLES: TableKind = {
  extensions: TABLE_FILE_EXTENSIONS,
  reads: isTableFile,
  check: async (file, path, options) => (await import('./check-table-file.js')).checkTableFile(file, path, options),
};
