import { shippedTemplateSource } from '../office/template-source.js';

/** A column of a form or plan table. */
export interface LayoutColumn {
  /** The row field it shows (`theme`, `month`…), or `seq` for 序号; plans add `unit`, `contact`, `phone`. */
  key: string;
  /** The heading, as on paper: 活动时间(月份). */
  label: string;
  /** Width in half-width characters. */
  width: number;
  align: 'left' | 'center';
  /** A drop-down list on the blank form: the profile's months or 活动形式. */
  input?: 'month' | 'form';
  /** Other headings that mean this column when a filled table is imported. */
  aliases?: string[];
  /**
   * Widths of the worksheet columns this column spans, when the fields above or below the table need finer
   * columns than the table (联系人 and 联系电话 beside 填报单位 on one line); they add up to `width`.
   */
  cells?: number[];
  /** Characters a row of the blank form leaves room for in this column (活动简介: 120), so typed text is not clipped. */
  room?: number;
}

/**
 * A labelled field above or below the table (填报单位, 联系人…): label and value cells, 1-based worksheet
 * columns (a column with `cells` counts as several).
 */
export interface LayoutField {
  key: 'unit' | 'contact' | 'phone' | 'date';
  label: string;
  labelCols: [number, number];
  valueCols: [number, number];
}

/** How a submission form is laid out on paper, in Excel and in HTML. */
export interface FormLayout {
  /** The title, with `{area}` and `{year}` filled in from the submission. */
  title: string;
  /** The worksheet's name. */
  sheet: string;
  orientation: 'portrait' | 'landscape';
  columns: LayoutColumn[];
  /** Lines of fields above the table. */
  header: LayoutField[][];
  /** Lines of fields below the table. */
  footer: LayoutField[][];
  /** The space for the seal, below the table (worksheet columns). */
  seal?: { text: string; cols: [number, number]; height: number };
  /** Empty rows of a blank form when the profile sets no number. */
  blankRows: number;
}

/** How a merged plan is laid out. */
export interface PlanLayout {
  title: string;
  sheet: string;
  orientation: 'portrait' | 'landscape';
  columns: LayoutColumn[];
}

/** A layout as shipped in templates/forms/ (read with `loadLayout` to take a user's own instead). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the layout it reads, as loadLayout's do
export function shippedLayout<T extends FormLayout | PlanLayout>(name: string): T {
  return JSON.parse(shippedTemplateSource('forms', name).text) as T;
}

/** Fill `{area}` and `{year}` into a title; a missing value leaves a blank to write in by hand. */
export function fillTitle(pattern: string, values: { area?: string | undefined; year?: number | undefined }): string {
  return pattern
    .replace('{area}', values.area ?? '＿＿＿＿')
    .replace('{year}', values.year === undefined ? '＿＿＿＿' : String(values.year));
}
