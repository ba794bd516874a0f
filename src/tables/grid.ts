/**
 * A table as the importer sees it, whatever file it came from: a rectangle of cells where a merged cell
 * is one `GridCell` whose `rowSpan`/`colSpan` cover the positions below and to the right of it, and
 * each covered position holds a `Covered` pointer back to it.
 */

/** A cell that holds text (possibly empty). */
export interface GridCell {
  kind: 'cell';
  /** The text as written: line breaks as `\n`, nothing trimmed or normalised. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Where the user finds it: `Sheet1!B12` for a workbook, `表2 第5行第3列` for HTML, `第5行第3列` for CSV. */
  ref: string;
}

/** A position covered by a merged cell. */
export interface Covered {
  kind: 'covered';
  /** Row and column of the merged cell that covers this position. */
  row: number;
  col: number;
}

export type GridSlot = GridCell | Covered;

/** One sheet of a workbook, one `<table>` of a page, or one CSV file. */
export interface Grid {
  /** `Sheet1`, `表2`, or the file name for CSV: names the grid in messages. */
  name: string;
  /** Rows of equal length; ragged source rows are padded with empty cells. */
  rows: GridSlot[][];
  /**
   * Text that stood before the table in the source and is not part of it (for HTML: headings and
   * paragraphs between the previous table and this one), in order; titles are often there.
   */
  before: string[];
  /**
   * For HTML: the blocks of text after the table, up to the next data table or the end of the page
   * (a form's 填报日期 and seal); the same blocks are the next table's `before`.
   */
  after?: string[];
  /** A worksheet hidden in the workbook: still read, since hidden sheets sometimes hold the table. */
  hidden?: boolean;
}

/** What a file holds, read into grids. */
export interface ReadResult {
  format: 'xlsx' | 'html' | 'csv';
  grids: Grid[];
  /**
   * For a text file (CSV, HTML): the encoding its bytes were read in, as `decodeTextAs` names it
   * (`gb18030`, `utf-8-bom`, `utf-8`, `utf-16le`, `utf-16be`, or the name of one a page declares).
   */
  encoding?: string;
}

/** The text at a position, following a covered position to its merged cell. */
export function textAt(grid: Grid, row: number, col: number): string {
  const slot = grid.rows[row]?.[col];
  if (!slot) return '';
  if (slot.kind === 'cell') return slot.text;
  return textAt(grid, slot.row, slot.col);
}

/** The cell at a position, following a covered position to its merged cell. */
export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  const slot = grid.rows[row]?.[col];
  if (!slot) return undefined;
  return slot.kind === 'cell' ? slot : cellAt(grid, slot.row, slot.col);
}
