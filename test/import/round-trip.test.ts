import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { importTables, type ImportResult } from '../../src/import/import-tables.js';
import { readHtml } from '../../src/tables/read-html.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { renderHtml } from '../../src/render/html.js';
import type { RenderInput } from '../../src/render/types.js';
import { renderXlsx } from '../_helpers/excel.js';
import { shippedInputs } from '../_helpers/tables.js';

const vocabulary = buildVocabulary();

async function viaXlsx(inputs: RenderInput[]): Promise<ImportResult> {
  return importTables(await readXlsx(await renderXlsx(inputs), 'catalogs.xlsx'), vocabulary);
}

async function viaHtml(inputs: RenderInput[]): Promise<ImportResult> {
  const [page] = await renderHtml(inputs, { channels: 'checklist', layout: 'single' });
  return importTables(readHtml(String(page!.content), 'index.html'), vocabulary);
}

/** What differs between a catalog and its import, item by item and element by element, as they apply. */
function differences(original: RenderInput, imported: ImportResult['tables'][number]) {
  const back = resolveCatalog(JSON.parse(JSON.stringify(imported.catalog)));
  const changes = diffCatalogs(original.catalog, back).changes.map(
    (c) =>
      `${c.kind} ${('after' in c ? c.after : c.before).names.join('/')}${c.kind === 'changed' ? ` ${c.field}: ${c.from.join(',')} → ${c.to.join(',')}` : ''}`,
  );
  const head = (c: typeof back.catalog) => ({ domain: c.domain, unit: c.unit, level_columns: c.level_columns ?? [] });
  return { changes, head: head(back.catalog), expectedHead: head(original.catalog.catalog), levels: back.levelColumns };
}

describe.each([
  ['xlsx', viaXlsx],
  ['html', viaHtml],
] as const)('import(render(catalog)) gives the catalog back: %s', (_, roundTrip) => {
  it('for every shipped catalog: same items, codes and elements as they apply', async () => {
    const inputs = shippedInputs();
    const result = await roundTrip(inputs);
    expect(result.tables).toHaveLength(inputs.length);
    inputs.forEach((input, i) => {
      const d = differences(input, result.tables[i]!);
      expect(d.changes, input.file).toEqual([]);
      expect(d.head, input.file).toEqual(d.expectedHead);
    });
  });
});
