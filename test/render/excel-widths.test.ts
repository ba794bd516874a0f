import { describe, expect, it } from 'vitest';
import { BODY_FONT, HEADER_FONT } from '../../src/office/excel-styles.js';
import { closingAtLineStart, columnWidth } from '../../src/office/excel-layout.js';
import { catalogWidths, printableTableWidth } from '../../src/render/excel-widths.js';
import type { CatalogTable } from '../../src/render/table-model.js';
import { shippedInputs } from '../_helpers/tables.js';

/** Lines the estimate starts with closing punctuation, over the whole table at these widths. */
function closingStarts(table: CatalogTable, widths: readonly number[]): number {
  let count = 0;
  table.rows.forEach((row) =>
    row.cells.forEach((cell, c) => {
      if (cell.rowSpan > 0) count += closingAtLineStart(cell.text, widths[c]!, BODY_FONT.size!);
    }),
  );
  return count;
}

describe('catalog column widths', () => {
  const inputs = shippedInputs();

  it('fit the printable width and give running text more room than ticks', () => {
    for (const { table } of inputs) {
      const widths = catalogWidths(table);
      expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(printableTableWidth());
      const content = widths[table.columns.findIndex((c) => c.id === 'content')]!;
      const tick = widths[table.columns.findIndex((c) => c.id === 'method:主动')]!;
      expect(content).toBeGreaterThan(2 * tick);
    }
  });

  it('put closing punctuation at the start of a line less often than the suggested widths', () => {
    let chosen = 0;
    let suggested = 0;
    for (const { table } of inputs) {
      chosen += closingStarts(table, catalogWidths(table));
      suggested += closingStarts(
        table,
        table.columns.map((c) => columnWidth(c.width)),
      );
    }
    expect(suggested).toBeGreaterThan(20);
    // Not never: a column of many cells rarely has a width where no line of any starts so.
    expect(chosen).toBeLessThan(0.75 * suggested);
  });

  it('keep closing punctuation of a column label off the start of its second line', () => {
    for (const { table } of inputs) {
      const widths = catalogWidths(table);
      const c = table.columns.findIndex((col) => col.id === 'content');
      expect(closingAtLineStart('公开内容(要素)', widths[c]!, HEADER_FONT.size!), table.domain).toBe(0);
    }
  });

  it('are the same for the same table', () => {
    const { table } = inputs[0]!;
    expect(catalogWidths(table)).toEqual(catalogWidths(table));
  });
});
