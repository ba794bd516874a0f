import type { Grid, GridCell, GridSlot } from '../tables/grid.js';

/**
 * The grid with the merges of a two-row header's top row put back where a CSV file (or a sheet or page that
 * lost its merges) left them blank: a blank cell of row `top` takes the label to its left when the row below
 * has a sub-label under it and under that label, as the merged cell it was (公开对象 over 全社会 and 特定群体).
 * A blank cell with nothing under it stays blank, and so does one whose label to the left has nothing under
 * it (a label spanning both rows). Only row `top` changes, in a copy; the grid itself is returned when no
 * cell was filled.
 */
export function restoreHeaderMerges(grid: Grid, top: number): Grid {
  const upper = grid.rows[top];
  const lower = grid.rows[top + 1];
  if (!upper || !lower) return grid;
  const below = (c: number): string => {
    const slot = lower[c];
    if (!slot) return '';
    if (slot.kind === 'cell') return slot.text;
    // Merged down from the top row: no sub-label. Merged across the row below: the sub-label to its left.
    if (slot.row !== top + 1) return '';
    const cell = lower[slot.col];
    return cell?.kind === 'cell' ? cell.text : '';
  };
  const spans = new Map<number, number>();
  let head = -1;
  for (let c = 0; c < upper.length; c++) {
    const slot = upper[c]!;
    if (below(c).trim() === '') head = -1;
    else if (slot.kind === 'cell' && slot.rowSpan === 1 && slot.text.trim() !== '') head = c;
    else if (slot.kind === 'cell' && slot.rowSpan === 1 && slot.colSpan === 1 && head >= 0) spans.set(head, c);
    else if (slot.kind !== 'covered' || slot.row !== top || slot.col !== head) head = -1;
  }
  if (spans.size === 0) return grid;
  const row: GridSlot[] = [...upper];
  for (const [col, last] of spans) {
    const label = upper[col] as GridCell;
    row[col] = { ...label, colSpan: last - col + 1 };
    for (let c = col + label.colSpan; c <= last; c++) row[c] = { kind: 'covered', row: top, col };
  }
  return { ...grid, rows: grid.rows.map((r, i) => (i === top ? row : r)) };
}
