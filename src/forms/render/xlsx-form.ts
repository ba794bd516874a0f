import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { heightForLines, rowHeights, type TextBlock } from '../../office/excel-layout.js';
import { A4_PAPER, BODY_FONT, cellText, HEADER_FONT, MARGINS, TITLE_FONT } from '../../office/excel-styles.js';
import { fixZipTimestamps } from '../../util/zip-timestamps.js';
import { fillTitle, type LayoutColumn, type LayoutField } from '../layout.js';
import { monthLabel, monthsBetween } from '../months.js';
import { profileNotes } from '../profile-notes.js';
import type { FormDefinition } from '../registry.js';
import type { FormProfile, Submission } from '../types.js';
import { fieldValue, formRows, rowText, type FormSheetInput } from './form-input.js';
import { area } from './xlsx-cells.js';
import { columnLetters, sheetGrid } from './xlsx-grid.js';
import { FORM_STYLES, INPUT_STYLES } from './xlsx-styles.js';

/** Used for workbook dates when the submission has no date, so that output is reproducible. */
const FALLBACK_DATE = new Date('2000-01-01T00:00:00Z');

/** The validations of a sheet, by range (exceljs has them, its typings do not say so). */
interface RangeValidations {
  add(range: string, validation: DataValidation): void;
}

/** Lines of labelled fields (填报单位(公章)：…), unlocked where a unit writes. */
function writeFields(
  sheet: Worksheet,
  first: number,
  lines: readonly LayoutField[][],
  widths: readonly number[],
  input: FormSheetInput,
): number {
  let row = first;
  for (const line of lines) {
    let height = 0;
    for (const field of line) {
      const value = fieldValue(field, input);
      const width = widths.slice(field.valueCols[0] - 1, field.valueCols[1]).reduce((a, b) => a + b, 0);
      height = Math.max(height, rowHeights(1, [{ row: 0, rowSpan: 1, width, text: value }], BODY_FONT.size!)[0]!);
      area(sheet, row, field.labelCols, `${field.label}：`, FORM_STYLES.label);
      area(sheet, row, field.valueCols, cellText(value), INPUT_STYLES.value);
    }
    sheet.getRow(row).height = Math.max(height, 24);
    row++;
  }
  return row;
}

function validationFor(column: LayoutColumn, profile: FormProfile, form: FormDefinition): DataValidation | undefined {
  if (column.input === 'month') {
    const { from, to } = profile.months ?? { from: 1, to: 12 };
    return {
      type: 'list',
      allowBlank: true,
      formulae: [`"${monthsBetween(from, to).map(monthLabel).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: column.label,
      error: `请从下拉列表中选择${from}月至${to}月中的一个月份。`,
      showInputMessage: true,
      promptTitle: column.label,
      prompt: `选择举办活动的月份（${from}月至${to}月）。`,
    };
  }
  if (column.input === 'form') {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [`"${profile.activityForms.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: column.label,
      error: `请从下拉列表中选择：${profile.activityForms.join('、')}。`,
      showInputMessage: true,
      promptTitle: column.label,
      prompt: `从${profile.activityForms.join('、')}中选一项。`,
    };
  }
  if (column.key === form.timeKey && form.timePrompt !== undefined) {
    return {
      type: 'custom',
      allowBlank: true,
      formulae: ['TRUE'],
      showInputMessage: true,
      promptTitle: column.label,
      prompt: form.timePrompt,
    };
  }
  return undefined;
}

/** The date the workbook records: the submission's date, else a fixed one. */
function workbookDate(submission: Submission | undefined): Date {
  return submission?.date ? new Date(`${submission.date}T00:00:00Z`) : FALLBACK_DATE;
}

/**
 * A submission form as a one-sheet workbook laid out like the paper form: title, 填报单位(公章)/联系人/联系电话,
 * the table, then the space for the seal and the date. Blank or filled, the sheet is protected (no password)
 * with the cells a unit writes in unlocked, 活动形式 and 月份 offered as drop-down lists, and it prints on one
 * A4 page. Same input, same bytes.
 */
export async function renderFormXlsx(input: FormSheetInput): Promise<Uint8Array> {
  const { form, layout, profile, submission } = input;
  const workbook = new ExcelJS.Workbook();
  const date = workbookDate(submission);
  const title = submission?.title ?? fillTitle(layout.title, submission ?? input.blank ?? {});
  Object.assign(workbook, {
    creator: 'zwgk',
    lastModifiedBy: 'zwgk',
    created: date,
    modified: date,
    lastPrinted: date,
    title,
    subject: form.kind,
  });

  const columns = layout.columns;
  const { widths, spans, tableWidths } = sheetGrid(columns);
  const last = widths.length;
  const sheet = workbook.addWorksheet(layout.sheet, { views: [{ showGridLines: false }] });
  sheet.columns = widths.map((width) => ({ width }));

  const titleHeight = rowHeights(
    1,
    [{ row: 0, rowSpan: 1, width: widths.reduce((a, b) => a + b, 0), text: title }],
    TITLE_FONT.size!,
  )[0]!;
  area(sheet, 1, [1, last], cellText(title), FORM_STYLES.title);
  sheet.getRow(1).height = titleHeight + 10;
  let row = writeFields(sheet, 2, layout.header, widths, input);
  // A little space, so that the underline of the last header field is not the table's top border.
  sheet.getRow(row).height = 6;
  row++;

  const headerRow = row;
  columns.forEach((c, i) => area(sheet, headerRow, spans[i]!, c.label, FORM_STYLES.header));
  sheet.getRow(headerRow).height = rowHeights(
    1,
    columns.map((c, i) => ({ row: 0, rowSpan: 1, width: tableWidths[i]!, text: c.label })),
    HEADER_FONT.size!,
  )[0]!;
  row++;

  const rows = formRows(input);
  const texts = rows.map((r, i) => columns.map((c) => rowText(c, r, i + 1)));
  const blocks: TextBlock[] = texts.flatMap((cells, r) =>
    cells.map((text, c) => ({ row: r, rowSpan: 1, width: tableWidths[c]!, text })),
  );
  // A blank row leaves room for three lines of handwriting and for what a column asks for (活动简介: 120
  // characters typed in); a filled one has some air, as on paper.
  const room = columns.map((c, i) => ({ row: 0, rowSpan: 1, width: tableWidths[i]!, text: '字'.repeat(c.room ?? 0) }));
  const least = submission
    ? heightForLines(2, BODY_FONT.size!)
    : Math.max(heightForLines(3, BODY_FONT.size!), rowHeights(1, room, BODY_FONT.size!)[0]!);
  const heights = rowHeights(rows.length, blocks, BODY_FONT.size!).map((h) => Math.max(h, least));
  const bodyTop = row;
  texts.forEach((cells, r) => {
    cells.forEach((text, c) => {
      const column = columns[c]!;
      if (column.key === 'seq') area(sheet, row, spans[c]!, r + 1, FORM_STYLES.center);
      else
        area(sheet, row, spans[c]!, cellText(text), column.align === 'left' ? INPUT_STYLES.left : INPUT_STYLES.center);
    });
    sheet.getRow(row).height = heights[r]!;
    row++;
  });
  // One range per column: exceljs, given a validation per cell, merges the addresses sorted as text into
  // overlapping ranges (B10:B11 inside B6:B11), which Excel reports as damage.
  const { dataValidations } = sheet as unknown as { dataValidations: RangeValidations };
  columns.forEach((column, c) => {
    const validation = validationFor(column, profile, form);
    if (!validation || row <= bodyTop) return;
    // A merged cell keeps its value in its first worksheet column.
    const letter = columnLetters(spans[c]![0]);
    dataValidations.add(`${letter}${bodyTop}:${letter}${row - 1}`, validation);
  });

  if (!submission) {
    sheet.getRow(row).height = 6;
    row++;
    const notes = profileNotes(profile, form, input.blank?.year).map((n, i) => `${i + 1}. ${n}`);
    const text = `说明：\n${notes.join('\n')}`;
    area(sheet, row, [1, last], text, FORM_STYLES.note);
    sheet.getRow(row).height = heightForLines(notes.length + 1, 9) + 4;
    row++;
  }
  if (layout.seal) {
    sheet.getRow(row).height = 8;
    row++;
    area(sheet, row, layout.seal.cols, layout.seal.text, FORM_STYLES.seal);
    sheet.getRow(row).height = layout.seal.height;
    row++;
  }
  row = writeFields(sheet, row, layout.footer, widths, input);

  sheet.pageSetup = {
    paperSize: A4_PAPER,
    orientation: layout.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    horizontalCentered: true,
    margins: MARGINS,
    printArea: `A1:${columnLetters(last)}${row - 1}`,
  };
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatRows: true,
    formatColumns: true,
  });
  return fixZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
