import {
  columnName,
  groupRole,
  hasMandatoryLegend,
  headerScore,
  isGroupHead,
  labelKey,
  singleRole,
  valuesRole,
  type ColumnRole,
} from './labels.js';
import { cellAt, textAt, type Grid } from '../tables/grid.js';
import { restoreHeaderMerges } from './header-merges.js';
import { appendAll } from '../util/append.js';

/** A column of a found table: what it holds and the header text it was recognised by. */
export interface ColumnSpec {
  col: number;
  role: ColumnRole;
  /** The header label as written (the sub-label under a group head). */
  label: string;
  /** How the role was found: from the label, or from the column's place when the label is blank or cut short. */
  by: 'label' | 'position';
}

/** A catalog table found in a grid. */
export interface FoundTable {
  /** The grid the table was found in; for a two-row header, with the merges its top row lost put back. */
  grid: Grid;
  /** Text above the header that belongs to this table (titles, 填报单位 lines), nearest last. */
  above: string[];
  headerTop: number;
  headerRows: 1 | 2;
  /** Body rows: [start, end). */
  bodyStart: number;
  bodyEnd: number;
  /** Rows inside the body that repeat the header (a table copied page by page from a PDF or a print): not read as rows. */
  repeatedHeaders: number[];
  columns: ColumnSpec[];
  /** The header says ■ marks a mandatory (必选) channel, as in the ministry's guideline template. */
  mandatoryLegend: boolean;
}

/** A row looks like a header when at least this many of its labels name known columns. */
const HEADER_MIN = 4;

function rowTexts(grid: Grid, row: number): string[] {
  const width = grid.rows[row]?.length ?? 0;
  const texts: string[] = [];
  for (let c = 0; c < width; c++) {
    const slot = grid.rows[row]![c]!;
    // A cell merged down from the row above belongs to that row.
    if (slot.kind === 'covered' && slot.row !== row) continue;
    const t = textAt(grid, row, c);
    if (texts.at(-1) !== t || slot.kind === 'cell') texts.push(t);
  }
  return texts;
}

function isHeaderRow(grid: Grid, row: number): boolean {
  return headerScore(rowTexts(grid, row)) >= HEADER_MIN;
}

const isBlank = (grid: Grid, row: number) => rowTexts(grid, row).every((t) => t.trim() === '');

/**
 * Whether the row under a header row continues it: sub-labels under a group head (公开对象, 公开方式, 公开层级, or
 * any head spanning several columns; in a CSV file, a head followed by blank header cells), while every other
 * column is merged down from the header, blank, or names a known column. A body row under a one-row header
 * that has a 公开对象 or 公开方式 column (全社会, 主动 in it) has item names and texts in its other columns.
 */
function isSecondHeaderRow(grid: Grid, row: number): boolean {
  const width = grid.rows[row]?.length ?? 0;
  let inGroup = false;
  let subLabels = false;
  for (let c = 0; c < width; c++) {
    const slot = grid.rows[row]![c]!;
    if (slot.kind === 'covered' && slot.row === row - 1) {
      inGroup = false;
      continue;
    }
    const top = textAt(grid, row - 1, c);
    if (isGroupHead(top) || (cellAt(grid, row - 1, c)?.colSpan ?? 1) > 1) inGroup = true;
    else if (top.trim() !== '') inGroup = false;
    const below = textAt(grid, row, c);
    if (below.trim() === '') continue;
    if (inGroup) subLabels = true;
    else if (!singleRole(below)) return false;
  }
  return subLabels;
}

/** Roles of a header's columns; blank or cut-short labels are placed by their neighbours and their group. */
function columnRoles(grid: Grid, top: number, rows: 1 | 2): ColumnSpec[] {
  const width = grid.rows[top]!.length;
  const specs: ColumnSpec[] = [];
  const groupIndex = new Map<string, number>();
  // The group head a blank header cell continues, as a CSV file writes a head spanning several columns.
  let group: string | undefined;
  for (let c = 0; c < width; c++) {
    const written = textAt(grid, top, c);
    // A label with nothing under it (a CSV file's two-row header, where merges are lost) stands alone, unless
    // it heads a group (公开对象 over blank sub-labels) or spans columns.
    const merged =
      rows === 1 ||
      (grid.rows[top + 1]![c]!.kind === 'covered' && (grid.rows[top + 1]![c] as { row: number }).row === top) ||
      (textAt(grid, top + 1, c).trim() === '' &&
        (singleRole(written) !== undefined ||
          (written.trim() !== '' && !isGroupHead(written) && (cellAt(grid, top, c)?.colSpan ?? 1) === 1)));
    const label = merged ? written : textAt(grid, top + 1, c);
    const spans = isGroupHead(written) || (cellAt(grid, top, c)?.colSpan ?? 1) > 1;
    if (merged || (!spans && written.trim() !== '')) group = undefined;
    else if (spans) group = written;
    const head = !merged && written.trim() === '' && group !== undefined ? group : written;
    const grouped = !merged && (spans || head !== written);
    let role = grouped ? groupRole(head, label) : (singleRole(label) ?? singleRole(head) ?? valuesRole(label));
    let by: ColumnSpec['by'] = 'label';
    if (grouped) {
      const i = groupIndex.get(head) ?? 0;
      groupIndex.set(head, i + 1);
      if (!role) {
        // A blank or unreadable sub-label: the group's usual order (全社会, 特定群体; 主动, 依申请) tells.
        const g = labelKey(head);
        if (/对象/.test(g) && i < 2) role = { role: 'audience', value: i === 0 ? '全社会' : '特定群体' };
        else if (/方式/.test(g) && i < 2) role = { role: 'method', value: i === 0 ? '主动' : '依申请' };
        else if (/层级/.test(g)) role = { role: 'level', name: columnName(label) || `层级${i + 1}` };
        if (role) by = 'position';
      }
    }
    specs.push({ col: c, role: role ?? { role: 'extra', name: columnName(label) || columnName(head) }, label, by });
  }
  inferByPosition(specs);
  distinctColumns(specs);
  return specs;
}

/** Names the importer writes extra values under itself: a column of the table with one of them is renamed too. */
const RESERVED_EXTRA = /^公开渠道和载体说明$|^(公开对象|公开方式|公开层级)\//;

/**
 * Every column keeps its values. A second column for the same text field, code or item level (公开渠道和载体
 * and 公开渠道和载体说明 both read as channels) is kept as an extra column under its own label; two unknown
 * columns with the same label (two 备注) are told apart by column number, 备注（第9列）.
 */
function distinctColumns(specs: ColumnSpec[]): void {
  const roles = new Set<string>();
  for (const spec of specs) {
    const r = spec.role;
    const key =
      r.role === 'field'
        ? `field:${r.field}`
        : r.role === 'item'
          ? `item:${r.depth}`
          : r.role === 'code' || r.role === 'seq'
            ? r.role
            : undefined;
    if (key === undefined) continue;
    if (!roles.has(key)) roles.add(key);
    else spec.role = { role: 'extra', name: columnName(spec.label) || `第${spec.col + 1}列` };
  }
  const taken = new Set<string>();
  for (const spec of specs) {
    if (spec.role.role !== 'extra') continue;
    let name = spec.role.name;
    if (taken.has(name) || RESERVED_EXTRA.test(name)) name = `${name}（第${spec.col + 1}列）`;
    for (let n = 2; taken.has(name); n++) name = `${spec.role.name}（第${spec.col + 1}列-${n}）`;
    taken.add(name);
    spec.role = { role: 'extra', name };
  }
}

const has = (specs: ColumnSpec[], test: (r: ColumnRole) => boolean) => specs.some((s) => test(s.role));

/** Columns whose label is blank or cut short (“公开”, “公开主”) take the role their place in the standard order gives. */
function inferByPosition(specs: ColumnSpec[]): void {
  specs.forEach((spec, i) => {
    if (spec.role.role !== 'extra') return;
    const key = labelKey(spec.label);
    const before = specs[i - 1]?.role;
    const after = specs[i + 1]?.role;
    const isField = (r: ColumnRole | undefined, f: string) => r?.role === 'field' && r.field === f;
    if (
      (key === '' || /^公开主?$/.test(key)) &&
      isField(before, 'time_limit') &&
      !has(specs, (r) => isField(r, 'subject'))
    ) {
      spec.role = { role: 'field', field: 'subject' };
      spec.by = 'position';
    } else if (
      key === '' &&
      after?.role === 'item' &&
      after.depth === 2 &&
      !has(specs, (r) => r.role === 'item' && r.depth === 1)
    ) {
      spec.role = { role: 'item', depth: 1 };
      spec.by = 'position';
    } else if (key === '') {
      spec.role = { role: 'extra', name: `第${spec.col + 1}列` };
    }
  });
}

/**
 * Find every catalog table in a grid: a header row (or two) with enough known labels, the body under it up
 * to the next table, and the title and 填报单位 lines between the previous table and this one.
 */
export function findTables(grid: Grid): FoundTable[] {
  const found: FoundTable[] = [];
  let row = 0;
  let gapStart = 0;
  while (row < grid.rows.length) {
    if (!isHeaderRow(grid, row)) {
      row++;
      continue;
    }
    // Merges of the header's top row that the file lost (a CSV file keeps none) are put back first.
    const restored = restoreHeaderMerges(grid, row);
    const headerRows: 1 | 2 = row + 1 < grid.rows.length && isSecondHeaderRow(restored, row + 1) ? 2 : 1;
    const table = headerRows === 2 ? restored : grid;
    const bodyStart = row + headerRows;
    const header = headerKey(grid, row, headerRows);
    const repeatedHeaders: number[] = [];
    let end = bodyStart;
    while (end < grid.rows.length) {
      if (!isHeaderRow(grid, end)) {
        end++;
        continue;
      }
      // The same header right under a body row, with no title between: the table goes on after a page break.
      if (end > bodyStart && !isTitleLike(grid, end - 1) && headerKey(grid, end, headerRows) === header) {
        for (let k = 0; k < headerRows; k++) repeatedHeaders.push(end + k);
        end += headerRows;
        continue;
      }
      break;
    }
    // Title lines of the next table sit just above its header: leave them to it.
    let bodyEnd = end;
    if (end < grid.rows.length) {
      while (bodyEnd > bodyStart && isTitleLike(grid, bodyEnd - 1)) bodyEnd--;
    }
    while (bodyEnd > bodyStart && isBlank(grid, bodyEnd - 1)) bodyEnd--;
    const above: string[] = [];
    if (found.length === 0) appendAll(above, grid.before);
    for (let r = gapStart; r < row; r++) for (const t of rowTexts(grid, r)) if (t.trim()) above.push(t);
    const columns = columnRoles(table, row, headerRows);
    const legend = [...Array(headerRows).keys()].some((k) => rowTexts(grid, row + k).some(hasMandatoryLegend));
    found.push({
      grid: table,
      above,
      headerTop: row,
      headerRows,
      bodyStart,
      bodyEnd,
      repeatedHeaders: repeatedHeaders.filter((r) => r < bodyEnd),
      columns,
      mandatoryLegend: legend,
    });
    gapStart = bodyEnd;
    row = end;
  }
  return found;
}

/** The labels of a header's rows, reduced for matching, to tell a header repeated further down. */
function headerKey(grid: Grid, top: number, rows: number): string {
  const keys: string[] = [];
  for (let r = top; r < top + rows && r < grid.rows.length; r++)
    keys.push(rowTexts(grid, r).map(labelKey).join('\u0000'));
  return keys.join('\n');
}

/** A row holding one text across the table (a title) or nothing: not a body row. */
function isTitleLike(grid: Grid, row: number): boolean {
  const texts = rowTexts(grid, row).filter((t) => t.trim());
  return (
    texts.length <= 1 &&
    (texts.length === 0 || (cellAt(grid, row, 0)?.colSpan ?? 1) > 1 || /目录|领域|填报|目錄|領域/.test(texts[0]!))
  );
}
