/** The files checked as tables where they live: workbooks, web pages and CSV files. */
export const TABLE_FILE_EXTENSIONS = ['.xlsx', '.xlsm', '.html', '.htm', '.csv'] as const;

/** Whether a file is a table, by its name. */
export function isTableFile(file: string): boolean {
  const lower = file.toLowerCase();
  return TABLE_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
