import { cellAt, textAt, type Grid } from '../tables/grid.js';
import { isSameAsAbove } from '../util/text.js';
import type { FoundTable } from './find-tables.js';
import { groupRole } from './labels.js';
import { readMark, type Mark } from './marks.js';
import { note, type ImportNote } from './notes.js';

/** A text value of a row and the cell it came from. */
export interface RowValue {
  text: string;
  ref: string;
}

/** One body row of a catalog table, with merged and 同上 cells resolved. */
export interface TableRow {
  /** The row's first cell, for messages. */
  ref: string;
  /** The row's place in its grid, from 0. */
  index: number;
  /** 一级, 二级, 三级 names (empty string where the row has none). */
  names: [string, string, string];
  code?: RowValue;
  text: Partial<Record<'content' | 'basis' | 'time_limit' | 'subject' | 'channels', RowValue>>;
  audience: { value: '全社会' | '特定群体'; mark: Mark; ref: string; label: string }[];
  method: { value: '主动' | '依申请'; mark: Mark; ref: string; label: string }[];
  levels: { name: string; mark: Mark; ref: string; label: string }[];
  /** Unknown columns, by name (an object without a prototype: a column may be named `__proto__`). */
  extra: Record<string, RowValue>;
}

function slotRef(grid: Grid, row: number, col: number): string {
  return cellAt(grid, row, col)?.ref ?? grid.name;
}

/** Whether the position is covered by a cell that starts in an earlier row: a vertical merge. */
function mergedFromAbove(grid: Grid, row: number, col: number): boolean {
  const slot = grid.rows[row]?.[col];
  return slot?.kind === 'covered' && slot.row < row;
}

/**
 * Read the body rows of a found table. Merged cells give their value to every row they cover; a blank
 * 一级事项 (or 二级事项, when there are 三级事项) cell continues the item above; “同上” takes the value above
 * in its column, and is reported when there is none. Blank element cells stay blank: nothing is made up.
 */
export function readRows(table: FoundTable, notes: ImportNote[]): TableRow[] {
  const { grid, columns } = table;
  const rows: TableRow[] = [];
  let typeNoted = false;
  let lastKind: [string, RowValue] | undefined;
  // The text last read in each column, by column.
  const previous: (string | undefined)[] = [];
  // Columns after the last labelled one are cells some rows have beyond the header.
  let headerWidth = columns.length;
  while (headerWidth > 0 && !columns[headerWidth - 1]!.label.trim() && columns[headerWidth - 1]!.role.role === 'extra')
    headerWidth--;
  const itemCols = columns.filter((c) => c.role.role === 'item');
  const deepest = Math.max(0, ...itemCols.map((c) => (c.role.role === 'item' ? c.role.depth : 0)));
  const lastItemCol = Math.max(-1, ...itemCols.map((c) => c.col));
  const repeated = new Set(table.repeatedHeaders);
  for (let r = table.bodyStart; r < table.bodyEnd; r++) {
    if (repeated.has(r)) {
      if (!repeated.has(r - 1))
        notes.push(
          note(
            'header-repeated',
            'info',
            slotRef(grid, r, 0),
            '表头在表格中间重复出现（分页时重复的表头），不作为事项读取，表格接着读下去。',
            'The header repeats inside the table (as after a page break); not read as an item, the table goes on.',
          ),
        );
      continue;
    }
    // A row with one cell more than the header, under a two-level header: the guideline's 三级事项 squeezed in
    // after the 二级事项 (梅县). Read that cell as a 三级事项 and the rest one column to the right.
    let surplus = 0;
    for (let c = headerWidth; c < (grid.rows[r]?.length ?? 0); c++) if (textAt(grid, r, c).trim()) surplus++;
    const shift = deepest === 2 && lastItemCol >= 0 && (surplus === 1 || shiftedByOne(grid, r, columns)) ? 1 : 0;
    const colOf = (col: number) => (shift && col > lastItemCol ? col + shift : col);
    const texts = columns.map((c) => textAt(grid, r, colOf(c.col)));
    if (texts.every((t) => t.trim() === '')) continue;
    // A row left over in a blank workbook holds only the channel checklist with no box ticked: blank too.
    if (untouchedChecklist(columns, texts)) continue;
    const row: TableRow = {
      ref: slotRef(grid, r, 0),
      index: r,
      names: ['', '', ''],
      text: {},
      audience: [],
      method: [],
      levels: [],
      extra: Object.create(null) as TableRow['extra'],
    };
    if (shift) {
      row.names[2] = textAt(grid, r, lastItemCol + 1);
      notes.push(
        note(
          'row-wider-than-header',
          'warning',
          slotRef(grid, r, lastItemCol + 1),
          `这一行比表头多一个单元格：按三级事项“${short(row.names[2])}”读取，其后各栏右移一格，请核对。`,
          `This row has one cell more than the header: read as the 三级事项 “${short(row.names[2])}”, later columns one to the right. Check it.`,
        ),
      );
    } else if (surplus > 0) {
      notes.push(
        note(
          'row-wider-than-header',
          'warning',
          slotRef(grid, r, headerWidth),
          `这一行的单元格比表头多 ${surplus} 个，后面的列可能错位，请核对。`,
          `This row has ${surplus} more cell(s) than the header; later columns may be shifted. Check it.`,
        ),
      );
    }
    for (let i = 0; i < columns.length; i++) {
      const spec = columns[i]!;
      if (shift && spec.col >= headerWidth && spec.role.role === 'extra' && !spec.label.trim()) continue;
      let text = texts[i]!;
      const ref = slotRef(grid, r, colOf(spec.col));
      if (isSameAsAbove(text) && spec.role.role !== 'seq') {
        const above = previous[spec.col];
        if (above !== undefined) {
          notes.push(
            note(
              'same-as-above',
              'info',
              ref,
              `“同上”取上一行的值：${short(above)}`,
              `“同上” takes the value above: ${short(above)}`,
            ),
          );
          text = above;
        } else {
          notes.push(
            note(
              'same-as-above-dangling',
              'warning',
              ref,
              '“同上”上面没有可取的值，原样保留，请填写实际内容。',
              '“同上” has no value above it; kept as written, fill in the real value.',
            ),
          );
        }
      }
      const role = spec.role;
      if (role.role === 'item') {
        // A blank item cell under an item of the same column continues it, as a merged cell would.
        if (text.trim() === '' && role.depth < deepest && !mergedFromAbove(grid, r, spec.col))
          text = previous[spec.col] ?? '';
        row.names[role.depth - 1] = text;
      } else if (role.role === 'code') {
        if (text.trim()) row.code = { text: text.trim(), ref };
      } else if (role.role === 'field') {
        if (text.trim()) row.text[role.field] = { text, ref };
      } else if (role.role === 'audience') {
        row.audience.push({ value: role.value, mark: readMark(text, spec.label), ref, label: spec.label });
      } else if (role.role === 'method') {
        row.method.push({ value: role.value, mark: readMark(text, spec.label), ref, label: spec.label });
      } else if (role.role === 'level') {
        row.levels.push({ name: role.name, mark: readMark(text, spec.label), ref, label: spec.label });
      } else if (role.role === 'values') {
        // “全社会、特定群体”, “主动”: each value as a ticked column of its group; other text is kept as written.
        const parts = text.split(/[、，,；;/／\s]+/).filter(Boolean);
        const roles = parts.map((part) => groupRole(role.group, part));
        if (parts.length > 0 && roles.every((r) => r?.role === 'audience' || r?.role === 'method')) {
          roles.forEach((r, k) => {
            const mark = { kind: 'on', glyph: parts[k]! } as const;
            if (r.role === 'audience') row.audience.push({ value: r.value, mark, ref, label: parts[k]! });
            else row.method.push({ value: r.value, mark, ref, label: parts[k]! });
          });
        } else if (text.trim()) row.extra[role.name] = { text, ref };
      } else if (role.role === 'extra') {
        if (text.trim()) row.extra[role.name] = { text, ref };
      }
      previous[spec.col] = text;
    }
    if (!row.names[0].trim() && row.names[1].trim()) {
      // 重庆 2025: the 一级事项 column is left empty and a 事项类型 column names the group instead; a blank
      // 事项类型 cell continues the one above, as the merged cell it was (a CSV file keeps only its first row).
      let kind = Object.entries(row.extra).find(([name, v]) => /事项类[型别]|事項類[型別]/.test(name) && v.text.trim());
      if (!kind && lastKind && !(lastKind[0] in row.extra)) {
        kind = lastKind;
        row.extra[kind[0]] = kind[1];
      }
      if (kind) {
        lastKind = kind;
        if (!typeNoted)
          notes.push(
            note(
              'column-by-position',
              'warning',
              kind[1].ref,
              `一级事项栏为空，用“${kind[0]}”栏的值作一级事项名称。`,
              `The 一级事项 column is empty; the “${kind[0]}” column names the 一级事项 instead.`,
            ),
          );
        typeNoted = true;
        row.names[0] = kind[1].text;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Marks that choose a channel in a checklist (a lost font's R and t included). */
const CHOSEN = /[■▄◆☑√✓✔]|(?<![A-Za-z])[Rt](?=[\u4e00-\u9fff])/;

/** Whether a row's only text is the channel checklist, with every box still empty (□): a row nobody filled in. */
function untouchedChecklist(columns: FoundTable['columns'], texts: readonly string[]): boolean {
  let checklist = false;
  for (let i = 0; i < columns.length; i++) {
    const text = texts[i]!.trim();
    if (text === '') continue;
    const role = columns[i]!.role;
    if (role.role !== 'field' || role.field !== 'channels' || !text.includes('□') || CHOSEN.test(text)) return false;
    checklist = true;
  }
  return checklist;
}

const TIME_WORDS = /之日起|工作日|日内|实时|及时|个月内|长期|定期/;

/**
 * Whether a row reads one column to the right of its header: the 公开主体 column holds a time limit while
 * the 公开时限 column holds none (what a 三级事项 squeezed into a two-level table does to a row).
 */
function shiftedByOne(grid: Grid, row: number, columns: FoundTable['columns']): boolean {
  const col = (field: string) => columns.find((c) => c.role.role === 'field' && c.role.field === field)?.col;
  const time = col('time_limit');
  const subject = col('subject');
  if (time === undefined || subject !== time + 1) return false;
  return TIME_WORDS.test(textAt(grid, row, subject)) && !TIME_WORDS.test(textAt(grid, row, time));
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 24 ? `${one.slice(0, 24)}…` : one;
}
