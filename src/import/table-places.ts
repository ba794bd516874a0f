import type { CellLocation, DataPath } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { cellAt, type Grid, type GridCell, type ReadResult } from '../tables/grid.js';
import type { ColumnRole } from './labels.js';
import type { FoundTable } from './find-tables.js';
import type { TableRow } from './read-rows.js';

/** Where the parts of a catalog imported from a table came from. */
export interface TablePlaces {
  format: ReadResult['format'];
  /** The grid's place among the grids of the file, from 1 (the worksheet, or the page's `<table>`). */
  table: number;
  found: FoundTable;
  /** The rows each item was read from, by the item's JSON pointer (`/items/0/items/2`). */
  rows: Map<string, TableRow[]>;
  /** Every body row read, in order. */
  body: TableRow[];
}

/** The longest a cell's text is shown beside a finding. */
const SHOWN_TEXT = 200;

/** Where each cell of a grid is, by its ref: merged cells by their top-left position. */
const positions = new WeakMap<Grid, Map<string, [number, number]>>();

function positionOf(grid: Grid, ref: string): [number, number] | undefined {
  let index = positions.get(grid);
  if (!index) {
    index = new Map();
    for (let r = 0; r < grid.rows.length; r++) {
      const row = grid.rows[r]!;
      for (let c = 0; c < row.length; c++) {
        const slot = row[c]!;
        if (slot.kind === 'cell' && !index.has(slot.ref)) index.set(slot.ref, [r, c]);
      }
    }
    positions.set(grid, index);
  }
  return index.get(ref);
}

/** A cell of the table as a finding names it, in the language of the messages. */
function location(places: TablePlaces, cell: GridCell, lang: Lang): CellLocation {
  const { grid } = places.found;
  const [r, c] = positionOf(grid, cell.ref) ?? [places.found.headerTop, 0];
  const row = r + 1;
  const column = c + 1;
  const zh = lang === 'zh';
  const ref =
    places.format === 'xlsx'
      ? cell.ref
      : places.format === 'html'
        ? zh
          ? `表格 ${places.table} 第 ${row} 行 第 ${column} 列`
          : `table ${places.table}, row ${row}, column ${column}`
        : zh
          ? `第 ${row} 行 第 ${column} 列`
          : `row ${row}, column ${column}`;
  const text = cell.text.length > SHOWN_TEXT ? `${cell.text.slice(0, SHOWN_TEXT)}…` : cell.text;
  return {
    table: places.table,
    ...(places.format === 'xlsx' ? { sheet: grid.name } : {}),
    row,
    column,
    ref,
    ...(text.trim() ? { text } : {}),
  };
}

/** The cell at a grid position, following a merged cell to its top-left. */
function cellOf(places: TablePlaces, row: number, col: number): GridCell | undefined {
  return cellAt(places.found.grid, row, col);
}

/** The cell a ref names in the table's grid (a note's or a row value's ref). */
export function placeRef(places: TablePlaces, ref: string, lang: Lang): CellLocation {
  const at = positionOf(places.found.grid, ref);
  const cell = at ? cellOf(places, at[0], at[1]) : undefined;
  return location(places, cell ?? headerCell(places), lang);
}

/** The table's first header cell: where a finding about the whole table sits. */
function headerCell(places: TablePlaces): GridCell {
  const { found } = places;
  return cellOf(places, found.headerTop, 0) ?? { kind: 'cell', text: '', rowSpan: 1, colSpan: 1, ref: found.grid.name };
}

/** The cell that holds the table's title: the nearest row above the header with text, else the header. */
function titleCell(places: TablePlaces): GridCell {
  const { grid, headerTop } = places.found;
  for (let r = headerTop - 1; r >= 0; r--) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = cellOf(places, r, c);
      if (cell?.text.trim()) return cell;
    }
  }
  return headerCell(places);
}

/** The header cell of the column with a role, in the header's last row. */
function headerOf(places: TablePlaces, matches: (role: ColumnRole) => boolean): GridCell | undefined {
  const { found } = places;
  const spec = found.columns.find((c) => matches(c.role));
  return spec ? cellOf(places, found.headerTop + found.headerRows - 1, spec.col) : undefined;
}

/** The column of a role in one row, where the row has no value of its own to point at (an empty cell). */
function columnCell(places: TablePlaces, row: TableRow, matches: (role: ColumnRole) => boolean): GridCell | undefined {
  const spec = places.found.columns.find((c) => matches(c.role));
  return spec ? cellOf(places, row.index, spec.col) : undefined;
}

type Tick = { mark: { kind: string }; ref: string };

/** The ticked cell of a group of tick columns, else its first cell. */
function tickCell(places: TablePlaces, ticks: readonly Tick[]): GridCell | undefined {
  const chosen = ticks.find((t) => t.mark.kind === 'on') ?? ticks[0];
  if (!chosen) return undefined;
  const at = positionOf(places.found.grid, chosen.ref);
  return at ? cellOf(places, at[0], at[1]) : undefined;
}

/** The cell of an element of one row: its value's cell, or the row's cell in that element's column. */
function elementCell(places: TablePlaces, row: TableRow, key: string, rest: DataPath): GridCell | undefined {
  const byRef = (ref: string | undefined) => {
    const at = ref === undefined ? undefined : positionOf(places.found.grid, ref);
    return at ? cellOf(places, at[0], at[1]) : undefined;
  };
  switch (key) {
    case 'content':
    case 'basis':
    case 'time_limit':
    case 'subject':
    case 'channels':
      return (
        byRef(row.text[key]?.ref) ?? columnCell(places, row, (role) => role.role === 'field' && role.field === key)
      );
    case 'code':
      return byRef(row.code?.ref) ?? columnCell(places, row, (role) => role.role === 'code');
    case 'audience':
    case 'specific_group':
      return tickCell(places, row.audience) ?? columnCell(places, row, (role) => role.role === 'audience');
    case 'method':
      return tickCell(places, row.method) ?? columnCell(places, row, (role) => role.role === 'method');
    case 'levels': {
      const named = typeof rest[0] === 'number' ? undefined : rest[0];
      const level = row.levels.find((l) => l.name === named);
      return (level ? byRef(level.ref) : undefined) ?? tickCell(places, row.levels);
    }
    case 'extra': {
      const column = String(rest[0] ?? '');
      return (
        byRef(row.extra[column]?.ref) ??
        columnCell(places, row, (role) => role.role === 'extra' && role.name === column)
      );
    }
    default:
      return undefined;
  }
}

/** The item column of a depth (1 一级, 2 二级, 3 三级), or the nearest one above it. */
function nameCell(places: TablePlaces, row: TableRow, depth: number): GridCell | undefined {
  for (let d = depth; d >= 1; d--) {
    const cell = columnCell(places, row, (role) => role.role === 'item' && role.depth === d);
    if (cell) return cell;
  }
  return undefined;
}

/**
 * The cell a path of the imported catalog's data is about: an item's name in its item column, an element
 * in its column on the item's first row (`element` names an element not filled in, when the path stops at
 * the item), a value `defaults` gives every item on the first body row, the title's words (domain, unit)
 * in the title, a declared column in the header. Anything else sits on the table's first header cell.
 */
export function placePath(places: TablePlaces, path: DataPath, lang: Lang, element?: string): CellLocation {
  let k = 0;
  let depth = 0;
  while (path[k] === 'items' && typeof path[k + 1] === 'number') {
    k += 2;
    depth++;
  }
  const rest = path.slice(k);
  const key = String(rest[0] ?? '');
  let cell: GridCell | undefined;
  if (depth === 0) {
    if (key === 'domain' || key === 'unit' || key === 'title' || key === 'version') cell = titleCell(places);
    else if (key === 'level_columns') {
      const name = places.found.columns.filter((c) => c.role.role === 'level')[Number(rest[1])]?.role;
      cell = headerOf(places, (role) => role === name);
    } else if (key === 'extra_columns') {
      const name = String(rest[1] ?? '');
      cell = headerOf(places, (role) => role.role === 'extra' && role.name === name);
    } else if (key === 'defaults' && places.body[0]) {
      cell = elementCell(places, places.body[0], String(rest[1] ?? ''), rest.slice(2));
    }
  } else {
    const row = places.rows.get(pointerOf(path.slice(0, k)))?.[0];
    if (row) {
      const about = key === 'name' || key === '' ? (element ?? 'name') : key;
      cell =
        about === 'name'
          ? nameCell(places, row, depth)
          : (elementCell(places, row, about, about === key ? rest.slice(1) : []) ?? nameCell(places, row, depth));
    }
  }
  return location(places, cell ?? headerCell(places), lang);
}

function pointerOf(path: DataPath): string {
  return path.map((p) => `/${String(p)}`).join('');
}
