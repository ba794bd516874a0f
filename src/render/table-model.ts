import type { DataPath } from '../diagnostics.js';
import type { FieldKey, ResolvedCatalog, ResolvedItem } from '../catalog/types.js';
import { leafItems, walkItems } from '../catalog/resolve.js';
import { channelText, type ChannelStyle } from './channel-text.js';

/** What a body column shows. */
export type ColumnKind = 'seq' | 'code' | 'item' | 'text' | 'tick';

/** A column of the table's body, left to right. */
export interface Column {
  /** Stable id: `seq`, `code`, `level1`…`level3`, `content`, …, `audience:全社会`, `level:县级`, `extra:备注`. */
  id: string;
  kind: ColumnKind;
  /** The label in the second header row, or the only label for a column without a group. */
  label: string;
  /** The group label above it in the first header row (公开事项, 公开对象 …), if any. */
  group?: string;
  /** Suggested width in characters, for Excel and print. */
  width: number;
}

/** A header cell, positioned in a two-row header grid (0-based). */
export interface HeaderCell {
  label: string;
  row: 0 | 1;
  col: number;
  rowSpan: 1 | 2;
  colSpan: number;
}

/** A body cell. `rowSpan` > 1 starts a merged block; 0 means covered by the block above. */
export interface Cell {
  text: string;
  rowSpan: number;
}

/** One printed row: a 二级 (or 三级, or childless 一级) 事项 with everything that applies to it. */
export interface Row {
  item: ResolvedItem;
  cells: Cell[];
}

/** A catalog laid out as the official table. */
export interface CatalogTable {
  title: string;
  domain: string;
  unit: string;
  columns: Column[];
  header: HeaderCell[];
  rows: Row[];
  /** Counts for summaries: 一级事项, 二级事项, and printed rows. */
  counts: { level1: number; level2: number; rows: number };
}

/** Options of the layout. */
export interface TableOptions {
  /** How channels are printed. Default: `checklist`. */
  channels: ChannelStyle;
}

const TEXT_COLUMNS: { key: FieldKey; label: string; width: number }[] = [
  { key: 'content', label: '公开内容(要素)', width: 30 },
  { key: 'basis', label: '公开依据', width: 30 },
  { key: 'time_limit', label: '公开时限', width: 16 },
  { key: 'subject', label: '公开主体', width: 12 },
];

function depthOf(items: readonly ResolvedItem[]): number {
  let depth = 1;
  for (const item of items) if (item.children.length > 0) depth = Math.max(depth, 1 + depthOf(item.children));
  return depth;
}

function columnsFor(catalog: ResolvedCatalog, hasCodes: boolean, depth: number): Column[] {
  const item = (n: number, label: string): Column => ({
    id: `level${n}`,
    kind: 'item',
    label,
    group: '公开事项',
    width: n === 1 ? 12 : 14,
  });
  return [
    { id: 'seq', kind: 'seq', label: '序号', width: 5 },
    ...(hasCodes ? [{ id: 'code', kind: 'code' as const, label: '事项编码', width: 8 }] : []),
    item(1, '一级事项'),
    item(2, '二级事项'),
    ...(depth >= 3 ? [item(3, '三级事项')] : []),
    ...TEXT_COLUMNS.map((c) => ({ id: c.key, kind: 'text' as const, label: c.label, width: c.width })),
    { id: 'channels', kind: 'text', label: '公开渠道和载体', width: 26 },
    { id: 'audience:全社会', kind: 'tick', label: '全社会', group: '公开对象', width: 6 },
    { id: 'audience:特定群体', kind: 'tick', label: '特定群体', group: '公开对象', width: 8 },
    { id: 'method:主动', kind: 'tick', label: '主动', group: '公开方式', width: 5 },
    { id: 'method:依申请', kind: 'tick', label: '依申请', group: '公开方式', width: 6 },
    ...catalog.levelColumns.map((l): Column => ({
      id: `level:${l}`,
      kind: 'tick',
      label: l,
      group: '公开层级',
      width: 5,
    })),
    ...catalog.extraColumns.map((e): Column => ({ id: `extra:${e}`, kind: 'text', label: e, width: 14 })),
  ];
}

/** The two-row header: a group spans its columns in row 0; a column without a group spans both rows. */
export function headerCells(columns: readonly Column[]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (let col = 0; col < columns.length;) {
    const group = columns[col]!.group;
    if (!group) {
      cells.push({ label: columns[col]!.label, row: 0, col, rowSpan: 2, colSpan: 1 });
      col++;
      continue;
    }
    let end = col;
    while (end < columns.length && columns[end]!.group === group) end++;
    cells.push({ label: group, row: 0, col, rowSpan: 1, colSpan: end - col });
    for (let c = col; c < end; c++) cells.push({ label: columns[c]!.label, row: 1, col: c, rowSpan: 1, colSpan: 1 });
    col = end;
  }
  return cells;
}

const TICK = '√';

function tick(on: boolean, note?: string): string {
  return on ? (note ? `${TICK}（${note}）` : TICK) : '';
}

/** The text of a column for one row, and what makes it “the same value” as the row above. */
function cellValue(column: Column, leaf: ResolvedItem, opts: TableOptions): { text: string; source?: unknown } {
  const f = leaf.fields;
  const origin = (key: FieldKey): DataPath | undefined => leaf.origin[key];
  switch (column.id) {
    case 'code':
      return { text: leaf.code ?? '' };
    case 'content':
      return { text: f.content.join('\n'), source: origin('content') };
    case 'basis':
      return { text: f.basis.join('\n'), source: origin('basis') };
    case 'time_limit':
      return { text: f.time_limit ?? '', source: origin('time_limit') };
    case 'subject':
      return { text: f.subject ?? '', source: origin('subject') };
    case 'channels':
      return {
        text: channelText(f.channels, f.other_channels, opts.channels),
        source: `${origin('channels')?.join('/')}|${origin('other_channels')?.join('/')}`,
      };
    case 'audience:全社会':
      return { text: tick(f.audience.includes('全社会')) };
    case 'audience:特定群体':
      return { text: tick(f.audience.includes('特定群体'), f.specific_group) };
    case 'method:主动':
      return { text: tick(f.method.includes('主动')) };
    case 'method:依申请':
      return { text: tick(f.method.includes('依申请')) };
  }
  if (column.id.startsWith('level:')) return { text: tick(f.levels.includes(column.id.slice(6))) };
  if (column.id.startsWith('extra:')) {
    const key = column.id.slice(6);
    return { text: Object.hasOwn(f.extra, key) ? f.extra[key]! : '', source: `${origin('extra')?.join('/')}:${key}` };
  }
  return { text: '' };
}

/** The chain of items from the 一级事项 down to a leaf. */
function chainOf(leaf: ResolvedItem, roots: readonly ResolvedItem[]): ResolvedItem[] {
  const chain: ResolvedItem[] = [];
  let level: readonly ResolvedItem[] = roots;
  for (let d = 1; d <= leaf.depth; d++) {
    const prefix = leaf.path.slice(0, d * 2);
    const next = level.find((i) => i.path.length === prefix.length && i.path.every((s, k) => s === prefix[k]));
    if (!next) break;
    chain.push(next);
    level = next.children;
  }
  return chain;
}

/**
 * Lay a catalog out as the official table: one row per leaf item; 一级 (and 二级 over 三级) cells
 * merged over their rows; an inherited value merged over consecutive rows of one 一级事项 that take
 * it from the same place. Tick columns are never merged. Pure: the same catalog gives the same table.
 */
export function buildTable(catalog: ResolvedCatalog, options: Partial<TableOptions> = {}): CatalogTable {
  const opts: TableOptions = { channels: options.channels ?? 'checklist' };
  const leaves = [...leafItems(catalog.items)];
  const hasCodes = [...walkItems(catalog.items)].some((i) => i.code);
  const depth = depthOf(catalog.items);
  const columns = columnsFor(catalog, hasCodes, depth);
  const rows: Row[] = [];
  let previous: { chain: ResolvedItem[]; values: { text: string; source?: unknown }[] } | undefined;
  const starts: number[] = columns.map(() => -1);

  leaves.forEach((leaf, index) => {
    const chain = chainOf(leaf, catalog.items);
    const values = columns.map((column) => {
      if (column.kind === 'seq') return { text: String(index + 1) };
      if (column.kind === 'item') {
        const level = Number(column.id.slice(5));
        const item = chain[level - 1];
        // A code of a merged (parent) item has no code cell of its own: it leads the item's name.
        const label = item ? (item.code && item.children.length > 0 ? `${item.code} ${item.name}` : item.name) : '';
        return { text: label, source: item && item !== leaf ? item.path.join('/') : undefined };
      }
      return cellValue(column, leaf, opts);
    });
    const cells: Cell[] = values.map((v) => ({ text: v.text, rowSpan: 1 }));
    values.forEach((v, c) => {
      const column = columns[c]!;
      const sameGroup = previous !== undefined && previous.chain[0] === chain[0];
      const merge =
        previous !== undefined &&
        column.kind !== 'tick' &&
        v.source !== undefined &&
        previous.values[c]!.source === v.source &&
        previous.values[c]!.text === v.text &&
        (column.id === 'level1' || sameGroup);
      if (merge) {
        const start = starts[c]!;
        rows[start]!.cells[c]!.rowSpan++;
        cells[c]!.rowSpan = 0;
      } else {
        starts[c] = index;
      }
    });
    rows.push({ item: leaf, cells });
    previous = { chain, values };
  });

  return {
    title: catalog.title,
    domain: typeof catalog.catalog.domain === 'string' ? catalog.catalog.domain : '',
    unit: typeof catalog.catalog.unit === 'string' ? catalog.catalog.unit : '',
    columns,
    header: headerCells(columns),
    rows,
    counts: {
      level1: catalog.items.length,
      level2: catalog.items.reduce((n, i) => n + i.children.length, 0),
      rows: leaves.length,
    },
  };
}
