import { toPointer, type CellLocation, type DataPath, type Diagnostic, type SourceCode } from '../diagnostics.js';
import { appendAll } from '../util/append.js';
import { itemNamesAt } from '../report/item-names.js';
import type { Lang } from '../i18n.js';
import type { ReadResult } from '../tables/grid.js';
import { tableDiagnostic } from '../tables/table-findings.js';
import type { TableCatalog, TableOutcome, ValidateOptions } from '../validate/options.js';
import { validateText } from '../validate/validate-text.js';
import { importTables, type EmptyTable, type ImportedTable } from './import-tables.js';
import type { ImportNote } from './notes.js';
import { placePath, placeRef, type TablePlaces } from './table-places.js';
import { NOTE_WORDS, tableHint } from './table-wording.js';
import { catalogText } from './write-yaml.js';

/** Findings of the YAML text itself, which the clerk never wrote: the table cannot have them. */
const YAML_ONLY = new Set<string>(['schema/code-unquoted', 'no-same-as-above']);

/** A note of the importer that a clerk should look at, as a finding on its cell. */
function noteDiagnostic(file: string, note: ImportNote, places: TablePlaces, lang: Lang): Diagnostic {
  const code = `table/${note.code}` as SourceCode;
  const words = NOTE_WORDS[note.code];
  // What the title lacks sits on the title.
  const title = note.code === 'domain-missing' ? 'domain' : note.code === 'unit-missing' ? 'unit' : undefined;
  return tableDiagnostic(
    file,
    code,
    'warning',
    lang,
    words?.message ?? note.message,
    words?.hint,
    title ? placePath(places, [title], lang) : placeRef(places, note.ref, lang),
  );
}

/** The findings of one imported catalog table, placed on its cells, and what the project rules need. */
function checkCatalogTable(
  file: string,
  table: ImportedTable,
  options: ValidateOptions,
): { diagnostics: Diagnostic[]; catalog: TableCatalog } {
  const places = table.places!;
  const { lang } = options;
  const written = catalogText(table.catalog, '');
  const result = validateText(file, written.text, options, written.data ? { parsedData: written.data } : {});
  const missingTitle = new Set(
    table.notes.flatMap((n) =>
      n.code === 'domain-missing' ? ['/domain'] : n.code === 'unit-missing' ? ['/unit'] : [],
    ),
  );
  const data = result.data ?? table.catalog;
  // A cell, with the names of the items the finding is about (the rows of a report list them).
  const place = (path: DataPath, element?: string): CellLocation => {
    const cell = placePath(places, path, lang, element);
    const items = itemNamesAt(data, path);
    return items.length > 0 ? { ...cell, items } : cell;
  };
  const diagnostics: Diagnostic[] = [];
  for (const d of result.diagnostics) {
    if (YAML_ONLY.has(d.code)) continue;
    // The title names no domain or unit: the importer's note says so in the table's words.
    if (d.code === 'schema/required' && missingTitle.has(toPointer([...d.path]))) continue;
    const { range: _, fix: __, hint: ___, ...rest } = d;
    const hint = tableHint(d, lang);
    diagnostics.push({ ...rest, cell: place(d.path, d.element), ...(hint ? { hint } : {}) });
  }
  for (const note of table.notes)
    if (note.severity === 'warning') diagnostics.push(noteDiagnostic(file, note, places, lang));
  return {
    diagnostics,
    catalog: {
      data,
      facts: result.facts,
      place: (path) => place(path),
    },
  };
}

/** A catalog table with a header and no item under it. */
function emptyTableDiagnostic(file: string, table: EmptyTable, lang: Lang): Diagnostic {
  return tableDiagnostic(
    file,
    'table/no-items',
    'warning',
    lang,
    { zh: '目录表格只有表头，还没有填写事项。', en: 'The catalog table has its header and no items yet.' },
    { zh: '在表头下方每行填写一个二级事项。', en: 'Fill in one 二级事项 per row below the header.' },
    table.places ? placeRef(table.places, table.ref, lang) : undefined,
  );
}

/**
 * Check the catalog tables a table file holds, as read (see `readTableFile`): each is imported in memory
 * and checked by the same schema and rules as a YAML catalog, and every finding is placed on the cell it
 * is about; what the importer had to guess is a finding too. Pure.
 */
export function checkTables(file: string, read: ReadResult, options: ValidateOptions): TableOutcome {
  const { lang } = options;
  const result = importTables(read, options.vocabulary, { places: true });
  const diagnostics: Diagnostic[] = [];
  const catalogs: TableCatalog[] = [];
  for (const table of result.tables) {
    const checked = checkCatalogTable(file, table, options);
    appendAll(diagnostics, checked.diagnostics);
    catalogs.push(checked.catalog);
  }
  for (const table of result.empty) diagnostics.push(emptyTableDiagnostic(file, table, lang));
  if (result.tables.length === 0 && result.empty.length === 0) {
    diagnostics.push(
      tableDiagnostic(
        file,
        'table/no-catalog',
        'error',
        lang,
        {
          zh: '文件中没有找到目录表格（表头应有一级事项、二级事项、公开内容等栏目）。',
          en: 'The file holds no catalog table (a header with 一级事项, 二级事项, 公开内容 and the other columns).',
        },
        {
          zh: '检查是否选错了文件；如果这个文件不是目录表格，在配置的 ignore 中排除它。',
          en: 'Check that this is the right file; if it is not a catalog table, leave it out with `ignore` in the configuration.',
        },
      ),
    );
  }
  return { diagnostics, catalogs };
}
