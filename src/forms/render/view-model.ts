import { fillTitle, type LayoutColumn, type LayoutField, type PlanLayout } from '../layout.js';
import { monthLabel } from '../months.js';
import { planMarks, type PlanMarks } from '../plan/plan-marks.js';
import type { Plan, PlanEntry } from '../plan/types.js';
import { profileNotes } from '../profile-notes.js';
import { fieldValue, formRows, rowText, type FormSheetInput } from './form-input.js';

/** A column as the templates show it: its heading, its share of the width and its alignment. */
export interface ColumnView {
  key: string;
  label: string;
  /** Percentage of the table's width, one decimal. */
  width: number;
  align: 'left' | 'center';
}

export interface CellView {
  key: string;
  /** The column's heading, shown above the value where a phone lays each row out as a card. */
  label: string;
  text: string;
  align: 'left' | 'center';
  /** Rows a merged cell spans (the month of a plan); absent for an ordinary cell. */
  rowspan?: number;
  /** What the plan's checks say of this cell (主题重复, a month over its limit), shown beside its text. */
  marks?: string[];
}

/** What templates/forms/form.hbs shows. */
export interface FormView {
  kind: string;
  title: string;
  orientation: 'portrait' | 'landscape';
  header: { key: string; label: string; value: string }[][];
  columns: ColumnView[];
  rows: CellView[][];
  notes: string[];
  seal?: string;
  footer: { key: string; label: string; value: string }[][];
}

/** What templates/forms/plan.hbs shows. */
export interface PlanView {
  kind: string;
  title: string;
  summary: string;
  orientation: 'portrait' | 'landscape';
  columns: ColumnView[];
  rows: { month: string; cells: CellView[] }[];
  /** What needs attention in the plan as a whole: months with no activity or too many, themes repeated. */
  notes: string[];
}

function columnViews(columns: readonly LayoutColumn[]): ColumnView[] {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return columns.map((c) => ({
    key: c.key,
    label: c.label,
    width: Math.round((c.width / total) * 1000) / 10,
    align: c.align,
  }));
}

/** The form as the HTML template shows it: the same layout as the workbook. Pure. */
export function buildFormView(input: FormSheetInput): FormView {
  const { form, layout, profile, submission, blank } = input;
  const fields = (lines: readonly LayoutField[][]) =>
    lines.map((line) => line.map((f) => ({ key: f.key, label: f.label, value: fieldValue(f, input) })));
  return {
    kind: form.kind,
    title: submission?.title ?? fillTitle(layout.title, submission ?? blank ?? {}),
    orientation: layout.orientation,
    header: fields(layout.header),
    columns: columnViews(layout.columns),
    rows: formRows(input).map((row, i) =>
      layout.columns.map((c) => ({ key: c.key, label: c.label, text: rowText(c, row, i + 1), align: c.align })),
    ),
    notes: submission ? [] : profileNotes(profile, form, blank?.year),
    ...(layout.seal ? { seal: layout.seal.text } : {}),
    footer: fields(layout.footer),
  };
}

/** The text of a plan entry in a column. */
export function planCellText(key: string, entry: PlanEntry, seq: number): string {
  switch (key) {
    case 'seq':
      return String(seq);
    case 'month':
      return entry.row.month === undefined ? '待定' : monthLabel(entry.row.month);
    case 'unit':
      return entry.unit;
    case 'contact':
      return entry.contact;
    case 'phone':
      return entry.phone;
    default: {
      const value = (entry.row as unknown as Record<string, unknown>)[key];
      return typeof value === 'string' ? value : '';
    }
  }
}

/** Rows of the plan's table; the month column merges the rows of one month. */
export function planRows(
  plan: Plan,
  layout: PlanLayout,
  marks: PlanMarks = planMarks(plan),
): { month: string; cells: CellView[] }[] {
  const monthCol = layout.columns.findIndex((c) => c.key === 'month');
  return plan.entries.map((entry, i) => {
    const sameAsAbove = i > 0 && plan.entries[i - 1]!.row.month === entry.row.month;
    let span = 1;
    while (i + span < plan.entries.length && plan.entries[i + span]!.row.month === entry.row.month) span++;
    const cells = layout.columns
      .map((c, k) => {
        // A merged month cell shows the marks of every row it spans, once each.
        const rows = k === monthCol ? marks.cells.slice(i, i + span) : [marks.cells[i]!];
        const said = [...new Set(rows.flatMap((m) => m.get(c.key) ?? []))];
        return {
          key: c.key,
          label: c.label,
          text: planCellText(c.key, entry, i + 1),
          align: c.align,
          ...(k === monthCol && span > 1 ? { rowspan: span } : {}),
          ...(said.length ? { marks: said } : {}),
        };
      })
      .filter((_, k) => k !== monthCol || !sameAsAbove);
    return { month: entry.row.month === undefined ? '' : String(entry.row.month), cells };
  });
}

/** A line under the plan's title: how many units and activities it merges. */
export function planSummary(plan: Plan): string {
  return `共 ${plan.units} 个单位申报，${plan.entries.length} 项活动`;
}

/** The plan as the HTML template shows it. Pure. */
export function buildPlanView(plan: Plan, layout: PlanLayout): PlanView {
  const marks = planMarks(plan);
  return {
    kind: plan.form.kind,
    title: plan.title,
    summary: planSummary(plan),
    orientation: layout.orientation,
    columns: columnViews(layout.columns),
    rows: planRows(plan, layout, marks),
    notes: marks.notes,
  };
}
