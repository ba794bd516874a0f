import type { Text } from '../../i18n.js';
import type { Grid, GridCell } from '../../tables/grid.js';
import { fillTitle, type FormLayout, type LayoutColumn } from '../layout.js';
import { parseMonth } from '../months.js';
import type { FormDefinition } from '../registry.js';
import type { DraftValue, HeaderKey, SubmissionDraft } from '../write-submission.js';
import { normalizeLabel, splitFields, type FieldKey } from './labels.js';
import { isBlankDate, parseDate, parseTitle } from './parse-cells.js';

/** A cell the importer could not read, by its reference (`申报表!C5`). */
export interface ImportProblem {
  ref: string;
  message: Text;
}

/** A cell a value was read from: its ref, and its row and column in the grid, from 1. */
export interface FormCell {
  ref: string;
  row: number;
  column: number;
}

/** A filled form found in a table file. */
export interface FormImport {
  form: FormDefinition;
  /** The worksheet (or table) it was read from. */
  grid: string;
  /** The grid's place among the grids of the file, from 1. */
  table: number;
  /** Where its header starts (`申报表!A5`). */
  ref: string;
  draft: SubmissionDraft;
  problems: ImportProblem[];
  /**
   * Where each value was read, by its path in the data joined with dots (`unit`, `themes.0.month`), a row by
   * its path (`themes.0`) at its first cell, the title (`year`, `area`) at its cell; the header row is `''`.
   */
  places: Map<string, FormCell>;
}

/** Where each cell of a grid is, by its ref (merged cells at their top-left position), from 1. */
function cellPlaces(grid: Grid): Map<string, FormCell> {
  const at = new Map<string, FormCell>();
  grid.rows.forEach((row, r) =>
    row.forEach((slot, c) => {
      if (slot.kind === 'cell' && !at.has(slot.ref)) at.set(slot.ref, { ref: slot.ref, row: r + 1, column: c + 1 });
    }),
  );
  return at;
}

/** A form the importer knows: its definition, layout, and which row keys must be written even when empty. */
export interface KnownForm {
  form: FormDefinition;
  layout: FormLayout;
  required: readonly string[];
}

/** The cells of a row that hold text (merged cells once, at their first position). */
function cellsOf(grid: Grid, row: number): { col: number; cell: GridCell }[] {
  return (grid.rows[row] ?? []).flatMap((slot, col) => (slot.kind === 'cell' ? [{ col, cell: slot }] : []));
}

function columnFor(text: string, columns: readonly LayoutColumn[]): LayoutColumn | undefined {
  const t = normalizeLabel(text);
  if (t === '') return undefined;
  return (
    columns.find((c) => normalizeLabel(c.label) === t) ??
    columns.find((c) => c.aliases?.some((a) => normalizeLabel(a) === t))
  );
}

/** The header row of a form: at least three of its headings, 活动主题 and 活动形式 among them. */
interface HeaderHit {
  known: KnownForm;
  row: number;
  columns: Map<number, LayoutColumn>;
}

function findHeader(grid: Grid, forms: readonly KnownForm[]): HeaderHit | undefined {
  let best: HeaderHit | undefined;
  for (let row = 0; row < grid.rows.length; row++) {
    for (const known of forms) {
      const columns = new Map<number, LayoutColumn>();
      for (const { col, cell } of cellsOf(grid, row)) {
        const column = columnFor(cell.text, known.layout.columns);
        if (column && ![...columns.values()].includes(column)) columns.set(col, column);
      }
      const keys = [...columns.values()].map((c) => c.key);
      if (columns.size < 3 || !keys.includes('theme') || !keys.includes('form')) continue;
      if (!best || columns.size > best.columns.size) best = { known, row, columns };
    }
    if (best) return best;
  }
  return undefined;
}

/** What starts the rows below a form's table: 填报日期：, 说明：, （公章）, 填报单位… — never an activity. */
const FOOTER_START = /^((填报|填表|报送)?日期(:|$)|(说明|注|备注)(:|$)|\(?(公章|盖章)\)?$|(填报|申报)单位)/;

/**
 * Header fields found in rows: labelled values, the value taken from the next cell when the label stands
 * alone. `loose` is text that stood outside the table (a web page's heading and paragraphs before it, or
 * its date and seal after it), read in that order: `before` first, `after` last.
 */
function readFields(
  grid: Grid,
  rows: readonly number[],
  loose: { before?: readonly string[] | undefined; after?: readonly string[] | undefined } = {},
): { fields: Map<FieldKey, { value: string; ref: string }>; texts: { text: string; ref: string }[] } {
  const fields = new Map<FieldKey, { value: string; ref: string }>();
  const texts: { text: string; ref: string }[] = [];
  const readLoose = (blocks: readonly string[] = []) => {
    for (const text of blocks) {
      const { lead, fields: found } = splitFields(text);
      if (lead) texts.push({ text: lead, ref: grid.name });
      for (const f of found) if (!fields.has(f.key)) fields.set(f.key, { value: f.value, ref: grid.name });
    }
  };
  readLoose(loose.before);
  for (const row of rows) {
    const cells = cellsOf(grid, row).filter(({ cell }) => cell.text.trim() !== '');
    const labelled = new Set<number>();
    cells.forEach(({ cell }, k) => {
      const { lead, fields: found } = splitFields(cell.text);
      if (found.length === 0) {
        if (!labelled.has(k)) texts.push({ text: lead, ref: cell.ref });
        return;
      }
      if (lead) texts.push({ text: lead, ref: cell.ref });
      found.forEach((f, i) => {
        let value = f.value;
        let ref = cell.ref;
        // A label alone in its cell (the last one of the cell) takes the next cell's text as its value.
        const next = cells[k + 1];
        if (value === '' && i === found.length - 1 && next && splitFields(next.cell.text).fields.length === 0) {
          value = next.cell.text.trim();
          ref = next.cell.ref;
          labelled.add(k + 1);
        }
        if (!fields.has(f.key)) fields.set(f.key, { value, ref });
      });
    });
  }
  readLoose(loose.after);
  return { fields, texts };
}

const MONTH_PROBLEM = (text: string): Text => ({
  zh: `看不懂活动时间(月份)“${text}”：应为一个月份，如“5月”或“5”。`,
  en: `Cannot read the month "${text}": write one month, as 5月 or 5.`,
});

/**
 * Read a filled form from the grids of a table file: the blank form of `zwgk form new --format xlsx`
 * once filled in, or a plain table typed by hand in the same columns. The header row is found by its
 * headings; 填报单位/联系人/联系电话 anywhere above it (in one cell or label and value side by side), the
 * title above them, and 填报日期 below the table (on a web page, also in the text before and after the
 * table). Rows without any value are skipped. Pure.
 */
export function readFormGrid(
  grids: readonly Grid[],
  forms: readonly KnownForm[],
  options: { profile?: string } = {},
): FormImport | undefined {
  for (const [g, grid] of grids.entries()) {
    const header = findHeader(grid, forms);
    if (!header) continue;
    const cellsAt = cellPlaces(grid);
    const places = new Map<string, FormCell>();
    const place = (path: string, ref: string | undefined) => {
      const cell = ref === undefined ? undefined : cellsAt.get(ref);
      if (cell) places.set(path, cell);
    };
    const { known, columns } = header;
    const { form, layout } = known;
    const problems: ImportProblem[] = [];
    const notes = new Map<string, string>();

    // The body runs to the first row that starts a footer (填报日期, 说明, 公章…), or to the end.
    let end = header.row + 1;
    while (end < grid.rows.length) {
      const first = cellsOf(grid, end).find(({ cell }) => cell.text.trim() !== '');
      if (first && FOOTER_START.test(normalizeLabel(first.cell.text))) break;
      end++;
    }
    const above = readFields(
      grid,
      Array.from({ length: header.row }, (_, i) => i),
      { before: grid.before },
    );
    const below = readFields(
      grid,
      Array.from({ length: grid.rows.length - end }, (_, i) => end + i),
      { after: grid.after },
    );
    const field = (key: FieldKey) => above.fields.get(key) ?? below.fields.get(key);

    const rows: SubmissionDraft['rows'] = [];
    for (let r = header.row + 1; r < end; r++) {
      const values = new Map<string, GridCell>();
      // Every cell of the row under a column, empty ones too: a value left out is found at its own cell.
      const cellOfKey = new Map<string, GridCell>();
      for (const { col, cell } of cellsOf(grid, r)) {
        const column = columns.get(col);
        if (!column || column.key === 'seq') continue;
        if (!cellOfKey.has(column.key)) cellOfKey.set(column.key, cell);
        if (cell.text.trim() !== '') values.set(column.key, cell);
      }
      if (values.size === 0) continue;
      const index = rows.length;
      const row: Record<string, DraftValue> = {};
      place(`${form.rowsKey}.${index}`, cellsOf(grid, r)[0]?.cell.ref);
      for (const [key, cell] of cellOfKey) place(`${form.rowsKey}.${index}.${key}`, (values.get(key) ?? cell).ref);
      for (const key of form.rowKeys) {
        const cell = values.get(key);
        if (!cell) {
          if (known.required.includes(key)) row[key] = null;
          continue;
        }
        const text = cell.text.trim();
        if (key === 'month') {
          const month = parseMonth(text);
          if (month === undefined) {
            problems.push({ ref: cell.ref, message: MONTH_PROBLEM(text) });
            notes.set(
              `${form.rowsKey}.${index}.month`,
              `原表 ${cell.ref} 为“${text.replace(/\n/g, ' ')}”，无法读成月份，请填写`,
            );
          }
          row[key] = month ?? null;
        } else if (key === 'participants') {
          row[key] = /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : text;
        } else if (key === 'form') {
          row[key] = text.replace(/\s+/g, '');
        } else {
          row[key] = text;
        }
      }
      rows.push(row);
    }
    if (rows.length === 0) {
      problems.push({
        ref: grid.name,
        message: { zh: '表格中没有填写任何活动。', en: 'The table lists no activity.' },
      });
    }

    const fields: Partial<Record<HeaderKey, DraftValue>> = {};
    if (options.profile) fields.profile = options.profile;
    const title = above.texts.find((t) => /\d{4}|表/.test(t.text)) ?? above.texts[0];
    const titleText = title?.text;
    for (const key of ['year', 'area', 'title']) place(key, title?.ref);
    const parsed = titleText ? parseTitle(titleText) : {};
    fields.year = parsed.year ?? null;
    fields.area = parsed.area ?? null;
    if (
      titleText &&
      parsed.year !== undefined &&
      parsed.area !== undefined &&
      fillTitle(layout.title, parsed) !== titleText.trim()
    )
      fields.title = titleText.trim();
    if (parsed.year === undefined) {
      problems.push({
        ref: grid.name,
        message: {
          zh: '标题中没有年度（如“2024年”），请在导入的文件中填写 year。',
          en: 'The title names no year (as 2024年); fill in year in the imported file.',
        },
      });
    }
    for (const key of ['unit', 'contact', 'phone'] as const) {
      const found = field(key);
      place(key, found?.ref);
      fields[key] = found && found.value !== '' ? found.value : null;
      if (!found) {
        const label = layout.header.flat().find((f) => f.key === key)?.label ?? key;
        problems.push({
          ref: grid.name,
          message: { zh: `没有找到“${label}”一栏。`, en: `No ${label} field was found.` },
        });
      }
    }
    const date = field('date');
    place('date', date?.ref);
    if (date && !isBlankDate(date.value)) {
      const iso = parseDate(date.value);
      if (iso) fields.date = iso;
      else
        problems.push({
          ref: date.ref,
          message: {
            zh: `看不懂填报日期“${date.value}”：应写成“2024年3月25日”或“2024-03-25”。`,
            en: `Cannot read the date "${date.value}".`,
          },
        });
    }
    const ref = cellsOf(grid, header.row)[0]?.cell.ref ?? grid.name;
    place('', ref);
    return {
      form,
      grid: grid.name,
      table: g + 1,
      ref,
      draft: { form: form.id, fields, rows, notes },
      problems,
      places,
    };
  }
  return undefined;
}
