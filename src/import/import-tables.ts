import type { Catalog } from '../catalog/types.js';
import type { Vocabulary } from '../catalog/vocabulary.js';
import { cellAt, type ReadResult } from '../tables/grid.js';
import { assembleCatalog, buildItems } from './build-catalog.js';
import { catalogFileName } from './file-name.js';
import { findTables, type FoundTable } from './find-tables.js';
import { note, type ImportNote } from './notes.js';
import { readRows, type TableRow } from './read-rows.js';
import type { TablePlaces } from './table-places.js';
import { readTitle } from './title.js';

/** One catalog table, imported. */
export interface ImportedTable {
  /** Where the table starts (its first header cell). */
  ref: string;
  /** The grid (sheet, HTML table, CSV file) it was found in. */
  source: string;
  /** A file name for it, unique among the tables of one import and safe on every system: `<unit>-<domain>.yaml`. */
  fileName: string;
  catalog: Catalog;
  /** Body rows read (each becomes one item, or continues one). */
  rows: number;
  notes: ImportNote[];
  /** Where each part of the catalog came from in the table: with `importTables(…, { places: true })`. */
  places?: TablePlaces;
}

/** A table with a catalog header but no item under it (a header-only file): nothing to write. */
export interface EmptyTable {
  ref: string;
  source: string;
  /** Body rows read; none of them named an item. */
  rows: number;
  /** Where the table is: with `importTables(…, { places: true })`. */
  places?: TablePlaces;
}

/** Everything an import found. */
export interface ImportResult {
  format: ReadResult['format'];
  /** The encoding a text file (CSV, HTML) was read in, as {@link ReadResult} names it. */
  encoding?: string;
  tables: ImportedTable[];
  /** Tables found with no item to import; no file is written for them. */
  empty: EmptyTable[];
}

function importTable(
  table: FoundTable,
  index: number,
  vocabulary: Vocabulary,
  origin?: { format: ReadResult['format']; table: number },
): Omit<ImportedTable, 'fileName'> {
  const notes: ImportNote[] = [];
  const ref = cellAt(table.grid, table.headerTop, 0)?.ref ?? table.grid.name;
  const facts = readTitle(table.above, vocabulary, table.grid.name);
  const where = facts.title ? `“${facts.title}”` : `第${index + 1}个表格`;
  notes.push(
    note(
      'table-found',
      'info',
      ref,
      `找到目录表格${where}，表头 ${table.headerRows} 行。`,
      `Found the catalog table ${facts.title ?? `#${index + 1}`} with ${table.headerRows} header row(s).`,
    ),
  );
  if (!facts.domain)
    notes.push(
      note(
        'domain-missing',
        'warning',
        ref,
        '标题中没有找到领域名称：请在导入的文件中填写 domain。',
        'No domain found in the title: fill in `domain` in the imported file.',
      ),
    );
  if (!facts.unit)
    notes.push(
      note(
        'unit-missing',
        'warning',
        ref,
        '标题中没有找到编制单位：请在导入的文件中填写 unit。',
        'No unit found in the title: fill in `unit` in the imported file.',
      ),
    );
  for (const spec of table.columns) {
    const at = cellAt(table.grid, table.headerTop + table.headerRows - 1, spec.col)?.ref ?? ref;
    if (spec.by === 'position') {
      notes.push(
        note(
          'column-by-position',
          'warning',
          at,
          `表头“${spec.label.trim()}”不完整，按位置认作${describe(spec.role)}。`,
          `Header “${spec.label.trim()}” is incomplete; taken as ${describe(spec.role)} by its position.`,
        ),
      );
    } else if (spec.role.role === 'extra') {
      notes.push(
        note(
          'column-unknown',
          'info',
          at,
          `不认识的栏目“${spec.role.name}”，作为附加栏目（extra）保留。`,
          `Unknown column “${spec.role.name}” kept as an extra column.`,
        ),
      );
    }
  }
  if (table.mandatoryLegend) {
    notes.push(
      note(
        'mandatory-legend',
        'warning',
        ref,
        '表头说明“■表示必选项、□表示可选项”：这里的■是指南规定的必选渠道，不一定是本单位选定的渠道；已按■导入，请核对。',
        'The header says ■ marks a mandatory (必选) channel, as in the guideline template: imported the ■ channels, check them.',
      ),
    );
  }
  codesInSeq(table, notes);
  const rows = readRows(table, notes);
  const rowsOf = origin ? new Map<string, TableRow[]>() : undefined;
  const { items, defaults } = buildItems(rows, table, vocabulary, notes, rowsOf);
  const levelColumns = table.columns.flatMap((c) => (c.role.role === 'level' ? [c.role.name] : []));
  const extraColumns = [
    ...table.columns.flatMap((c) => (c.role.role === 'extra' && c.label.trim() ? [c.role.name] : [])),
  ];
  const written = new Set<string>();
  const collect = (list: { extra?: Record<string, string>; items?: unknown[] }[]) => {
    for (const i of list) {
      for (const k of Object.keys(i.extra ?? {})) written.add(k);
      if (i.items) collect(i.items as typeof list);
    }
  };
  collect(items);
  for (const k of written) if (!extraColumns.includes(k)) extraColumns.push(k);
  const seq = table.columns.find((c) => c.role.role === 'seq');
  if (seq) checkSequence(table, seq.col, notes);
  return {
    ref,
    source: table.grid.name,
    rows: rows.length,
    catalog: assembleCatalog({ ...facts, levelColumns, extraColumns, defaults, items }),
    notes,
    ...(origin && rowsOf ? { places: { ...origin, found: table, rows: rowsOf, body: rows } } : {}),
  };
}

function describe(role: FoundTable['columns'][number]['role']): string {
  switch (role.role) {
    case 'field':
      return {
        content: '公开内容',
        basis: '公开依据',
        time_limit: '公开时限',
        subject: '公开主体',
        channels: '公开渠道和载体',
      }[role.field];
    case 'item':
      return ['', '一级事项', '二级事项', '三级事项'][role.depth]!;
    case 'audience':
    case 'method':
      return role.value;
    case 'level':
      return `公开层级“${role.name}”`;
    case 'values':
      return role.group;
    default:
      return role.role;
  }
}

/** A 序号 column holding item codes (“0505”, with the leading zero of a code) is read as codes. */
function codesInSeq(table: FoundTable, notes: ImportNote[]): void {
  const seq = table.columns.find((c) => c.role.role === 'seq');
  if (!seq) return;
  for (let r = table.bodyStart; r < table.bodyEnd; r++) {
    const cell = cellAt(table.grid, r, seq.col);
    if (cell && /^0\d+$/.test(cell.text.trim())) {
      seq.role = { role: 'code' };
      notes.push(
        note(
          'column-by-position',
          'warning',
          cell.ref,
          `序号栏写的是事项编码（如“${cell.text.trim()}”），按事项编码导入。`,
          `The 序号 column holds item codes (such as “${cell.text.trim()}”); imported as codes.`,
        ),
      );
      return;
    }
  }
}

/** 序号 that do not count 1, 2, 3… (a copy that kept the guideline's numbering) are worth a look. */
function checkSequence(table: FoundTable, col: number, notes: ImportNote[]): void {
  let expected = 1;
  for (let r = table.bodyStart; r < table.bodyEnd; r++) {
    const cell = cellAt(table.grid, r, col);
    const text = cell?.text.trim() ?? '';
    if (!/^\d+$/.test(text) || table.grid.rows[r]![col]!.kind === 'covered') continue;
    if (Number(text) !== expected) {
      notes.push(
        note(
          'seq-irregular',
          'info',
          cell!.ref,
          `序号从 ${expected} 跳到 ${text}：可能是从上级目录复制而来，未重新编号。序号不导入，生成表格时重新编排。`,
          `序号 jumps from ${expected} to ${text}: probably copied from a higher-level catalog. Numbers are not imported; rendering renumbers.`,
        ),
      );
      return;
    }
    expected++;
  }
}

/**
 * Import every catalog table found in what a file reader produced. Pure. With `places`, each table says
 * where each part of its catalog came from (`ImportedTable.places`), for findings placed on cells.
 */
export function importTables(
  read: ReadResult,
  vocabulary: Vocabulary,
  options: { places?: boolean } = {},
): ImportResult {
  const taken = new Set<string>();
  const tables: ImportedTable[] = [];
  const empty: EmptyTable[] = [];
  let index = 0;
  for (const [g, grid] of read.grids.entries()) {
    for (const table of findTables(grid)) {
      const origin = options.places ? { format: read.format, table: g + 1 } : undefined;
      const imported = importTable(table, index++, vocabulary, origin);
      if (imported.catalog.items.length === 0) {
        empty.push({
          ref: imported.ref,
          source: imported.source,
          rows: imported.rows,
          ...(imported.places ? { places: imported.places } : {}),
        });
        continue;
      }
      const { unit, domain } = imported.catalog;
      const base = [unit, domain].filter(Boolean).join('-') || `目录${index}`;
      tables.push({ ...imported, fileName: catalogFileName(base, taken) });
    }
  }
  return { format: read.format, ...(read.encoding !== undefined && { encoding: read.encoding }), tables, empty };
}
