import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { importTables } from '../../src/import/import-tables.js';
import { readHtml } from '../../src/tables/read-html.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { renderHtml } from '../../src/render/html.js';
import { buildTable } from '../../src/render/table-model.js';
import type { RenderInput } from '../../src/render/types.js';
import { arbitraryCatalog } from '../_helpers/arbitrary-catalog.js';
import { renderXlsx } from '../_helpers/excel.js';
import { runs } from '../_helpers/fc-options.js';

const vocabulary = buildVocabulary();

function input(catalog: unknown): RenderInput {
  const resolved = resolveCatalog(JSON.parse(JSON.stringify(catalog)));
  return { file: 'generated.yaml', catalog: resolved, table: buildTable(resolved) };
}

/** Item-by-item differences between a catalog and what the import of its rendering gives back, plus the catalog's own facts. */
function differences(original: RenderInput, imported: unknown): string[] {
  const back = resolveCatalog(JSON.parse(JSON.stringify(imported)));
  const changes = diffCatalogs(original.catalog, back).changes.map(
    (c) =>
      `${c.kind} ${('after' in c ? c.after : c.before).names.join('/')}${c.kind === 'changed' ? ` ${c.field}` : ''}`,
  );
  const facts = (c: typeof back) =>
    JSON.stringify([c.catalog.domain, c.catalog.unit, c.levelColumns, [...c.extraColumns].sort()]);
  if (facts(back) !== facts(original.catalog)) changes.push(`facts ${facts(original.catalog)} → ${facts(back)}`);
  return changes;
}

describe('import(render(catalog)) gives the catalog back, for generated catalogs', () => {
  it('through an Excel workbook', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbitraryCatalog(), arbitraryCatalog({ coded: true })), async (catalog) => {
        const original = input(catalog);
        const result = importTables(await readXlsx(await renderXlsx([original]), 'g.xlsx'), vocabulary);
        expect(result.tables).toHaveLength(1);
        expect(differences(original, result.tables[0]!.catalog)).toEqual([]);
      }),
      runs(40),
    );
  });

  it('through a web page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(arbitraryCatalog(), arbitraryCatalog({ coded: true }), arbitraryCatalog({ withLevel3: 4 })),
        async (catalog) => {
          const original = input(catalog);
          const [page] = await renderHtml([original], { channels: 'checklist', layout: 'single' });
          const result = importTables(readHtml(String(page!.content), 'g.html'), vocabulary);
          expect(result.tables).toHaveLength(1);
          expect(differences(original, result.tables[0]!.catalog)).toEqual([]);
        },
      ),
      runs(60),
    );
  });
});
