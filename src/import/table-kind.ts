import type { TableKind } from '../validate/options.js';

import { isTableFile, TABLE_FILE_EXTENSIONS } from '../tables/table-files.js';

export { isTableFile, TABLE_FILE_EXTENSIONS } from '../tables/table-files.js';

/**
 * Tables as the engine checks them: told by their file names, and read and checked where they live by
 * `checkTableFile`, whose code (the table readers, the importer) is loaded only when a run meets a table.
 */
export const CATALOG_TABLES: TableKind = {
  extensions: TABLE_FILE_EXTENSIONS,
  reads: isTableFile,
  check: async (file, path, options) => (await import('./check-table-file.js')).checkTableFile(file, path, options),
};
