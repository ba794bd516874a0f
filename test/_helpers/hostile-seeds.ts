import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleGrid, type Grid, type GridRow } from './real-tables/grid.js';
import { sampleHtml } from './real-tables/html.js';
import { loadCatalogSamples } from './real-tables/samples.js';
import { sampleXlsx } from './real-tables/xlsx.js';

const ROOT = join(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The shipped catalogs' texts: the seeds mutated catalogs grow from. */
export const catalogSeeds = (): string[] => yamlFiles(join(ROOT, 'catalogs'));

/** The shipped application forms' texts. */
export const formSeeds = (): string[] => yamlFiles(join(ROOT, 'catalogs/forms'));

/** Rows as a spreadsheet program saves them: a merged cell's text in its first position, the rest blank. */
function flatRows(rows: readonly GridRow[], width: number): string[][] {
  const out: string[][] = [];
  rows.forEach((row, r) => {
    out[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (out[r][c] !== undefined) c++;
      if (cell === null) {
        out[r][c] ??= '';
        c++;
        continue;
      }
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        out[r + dr] ??= [];
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) out[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += cell.colSpan ?? 1;
    }
  });
  return out.map((row) => Array.from({ length: Math.max(width, row.length) }, (_, i) => row[i] ?? ''));
}

const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A table as Excel's “CSV UTF-8” saves it. */
export function gridCsv(grid: Grid): string {
  const rows = [[grid.title], ...flatRows([...grid.header, ...grid.body], grid.width)];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The real tables as CSV texts. */
export const csvSeeds = (): string[] => loadCatalogSamples().map((s) => gridCsv(sampleGrid(s)));

/** The real tables as web pages. */
export const htmlSeeds = (): string[] => loadCatalogSamples().map(sampleHtml);

/** A few real tables as workbooks. */
export async function xlsxSeeds(count = 4): Promise<Uint8Array[]> {
  return Promise.all(
    loadCatalogSamples()
      .slice(0, count)
      .map(async (s) => new Uint8Array(await sampleXlsx(s))),
  );
}
