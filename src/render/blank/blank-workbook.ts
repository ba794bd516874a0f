import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { defaultTitle, resolveCatalog } from '../../catalog/resolve.js';
import { columnWidth, heightForLines, rowHeights } from '../../office/excel-layout.js';
import { uniqueSheetNames } from '../../office/sheet-names.js';
import { BODY_FONT, cellText, FOOTER, pageSetup, style, STYLES } from '../../office/excel-styles.js';
import { fixZipTimestamps } from '../../util/zip-timestamps.js';
import { channelText } from '../channel-text.js';
import { bodyStyle, writeHeader, writeTitleRow } from '../excel.js';

/** The blank's rows: the title (with the unit under it when the title does not name it), then the two header rows. */
const HEADER_TOP = 2;
const BODY_TOP = 4;
import { buildTable, type Column } from '../table-model.js';
import { columnHelp, TICK } from './column-help.js';
import { GUIDE_SHEET, guideLines } from './guide-text.js';

/** What the blank catalog is for. */
export interface BlankCatalogOptions {
  /** The domain (安全生产 …); a trailing 领域 is dropped. */
  domain: string;
  /** The unit compiling the catalog (编制单位), part of the title. Default: none. */
  unit?: string;
  /** The 公开层级 columns. Default: 县级, 乡级; none for a table without them. */
  levels?: readonly string[];
  /** Data rows to leave. Default: 200. */
  rows?: number;
}

/** The rows a blank catalog leaves for items. */
export const BLANK_ROWS = 200;

/** The 公开层级 columns of a blank catalog when none are asked for. */
export const DEFAULT_LEVELS: readonly string[] = ['县级', '乡级'];

/** Workbook dates: a template has no date of its own, and the same options give the same bytes. */
const TEMPLATE_DATE = new Date('2000-01-01T00:00:00Z');

/** Body lines a data row has room for at least, besides the channel checklist. */
const LEAST_LINES = 3;

/** exceljs's validations of a sheet, which its types do not declare: a range key is written as one range. */
interface RangeValidations {
  add(address: string, validation: DataValidation): void;
}

/** The drop-down list and input help of a column's cells. */
function validationFor(column: Column): DataValidation {
  const { title, prompt } = columnHelp(column);
  const help = { showInputMessage: true, promptTitle: title, prompt };
  if (column.kind !== 'tick') return { type: 'custom', allowBlank: true, formulae: ['TRUE'], ...help };
  // 特定群体 may name the group (√（项目单位）), as real catalogs do: other text is questioned, not refused.
  const named = column.id === 'audience:特定群体';
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${TICK}"`],
    showErrorMessage: true,
    errorStyle: named ? 'warning' : 'stop',
    errorTitle: title,
    error: named
      ? `请选“${TICK}”或留空；要注明特定群体时写“${TICK}（群体名称）”。`
      : `请从下拉列表中选“${TICK}”，不选的留空。`,
    ...help,
  };
}

/** The catalog sheet: title, the two header rows as `zwgk render` writes them, then the empty rows to fill. */
function writeCatalogSheet(workbook: ExcelJS.Workbook, name: string, options: Required<BlankCatalogOptions>): Column[] {
  const catalog = resolveCatalog(
    { domain: options.domain, ...(options.unit ? { unit: options.unit } : {}) },
    options.levels,
  );
  const table = buildTable(catalog, { channels: 'checklist' });
  const sheet = workbook.addWorksheet(name, {
    // The header stays in view and the items' names beside what is written about them. Not protected: a clerk
    // merges the 一级事项 cells of a group and inserts or deletes rows, which a protected sheet forbids.
    views: [
      { state: 'frozen', xSplit: 3, ySplit: BODY_TOP - 1, topLeftCell: `D${BODY_TOP}`, activeCell: `B${BODY_TOP}` },
    ],
    pageSetup: pageSetup('landscape', `${HEADER_TOP}:${BODY_TOP - 1}`),
    headerFooter: { oddFooter: FOOTER },
  });
  const widths = table.columns.map((c) => columnWidth(c.width));
  sheet.columns = widths.map((width) => ({ width }));
  const unit = table.unit && !table.title.includes(table.unit) ? `\n编制单位：${table.unit}` : '';
  writeTitleRow(sheet, `${table.title}${unit}`, widths);
  writeHeader(sheet, table, widths, HEADER_TOP);

  const channels = channelText([], [], 'checklist');
  const channelCol = table.columns.findIndex((c) => c.id === 'channels');
  const least = heightForLines(LEAST_LINES, BODY_FONT.size!);
  const height = Math.max(
    least,
    rowHeights(1, [{ row: 0, rowSpan: 1, width: widths[channelCol] ?? 0, text: channels }], BODY_FONT.size!)[0]!,
  );
  const looks = table.columns.map(bodyStyle);
  const validations = table.columns.map(validationFor);
  for (let r = 0; r < options.rows; r++) {
    const row = sheet.getRow(BODY_TOP + r);
    table.columns.forEach((_, c) => {
      const cell = row.getCell(c + 1);
      cell.value = c === channelCol ? cellText(channels) : null;
      cell.style = looks[c]!;
    });
    row.height = height;
  }
  // One range per column: exceljs, given a validation per cell, squeezes them into overlapping ranges (A10:A203
  // and A4:A203, as it sorts the addresses as text), which Excel reports as damage.
  const last = BODY_TOP + options.rows - 1;
  const { dataValidations } = sheet as unknown as { dataValidations: RangeValidations };
  validations.forEach((v, c) => {
    const { letter } = sheet.getColumn(c + 1);
    dataValidations.add(`${letter}${BODY_TOP}:${letter}${last}`, v);
  });
  return table.columns;
}

/** The 填表说明 sheet: one paragraph a row, protected (it is read, not filled), on portrait A4. */
function writeGuideSheet(workbook: ExcelJS.Workbook, lines: readonly string[]): Worksheet {
  const sheet = workbook.addWorksheet(GUIDE_SHEET, {
    views: [{ showGridLines: false }],
    pageSetup: pageSetup('portrait', ''),
    headerFooter: { oddFooter: FOOTER },
  });
  const width = columnWidth(100);
  sheet.columns = [{ width }];
  const heading = style({ ...BODY_FONT, bold: true }, 'left', false);
  const body = style(BODY_FONT, 'left', false, 'top');
  sheet.getCell(1, 1).value = GUIDE_SHEET;
  sheet.getCell(1, 1).style = STYLES.title;
  sheet.getRow(1).height = heightForLines(1, 18) + 8;
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 2, 1);
    cell.value = text;
    cell.style = /^[一二三四五六七八九十]、/.test(text) ? heading : body;
    sheet.getRow(i + 2).height = rowHeights(1, [{ row: 0, rowSpan: 1, width, text }], BODY_FONT.size!)[0]! + 2;
  });
  return sheet;
}

/**
 * A blank catalog workbook for clerks to fill: a sheet with the official title and two-row header exactly as
 * `zwgk render` writes them (so `zwgk import` reads it back), {@link BLANK_ROWS} rows with the standard channel
 * checklist prefilled as □, drop-down lists (√ or blank) on the tick columns and input help on every column,
 * frozen header, A4 landscape print setup with the header repeated; then a 填表说明 sheet. Pure: the same
 * options give the same bytes.
 */
export async function blankCatalogWorkbook(options: BlankCatalogOptions): Promise<Uint8Array> {
  const domain = options.domain.trim().replace(/领域$/, '') || options.domain.trim();
  const settings: Required<BlankCatalogOptions> = {
    domain,
    unit: options.unit?.trim() ?? '',
    levels: options.levels ?? DEFAULT_LEVELS,
    rows: Math.max(1, Math.floor(options.rows ?? BLANK_ROWS)),
  };
  const workbook = new ExcelJS.Workbook();
  const title = defaultTitle(settings.unit, domain);
  Object.assign(workbook, {
    creator: 'zwgk',
    lastModifiedBy: 'zwgk',
    created: TEMPLATE_DATE,
    modified: TEMPLATE_DATE,
    lastPrinted: TEMPLATE_DATE,
    title,
  });
  const [name] = uniqueSheetNames([domain || '目录'], [GUIDE_SHEET]);
  const columns = writeCatalogSheet(workbook, name!, settings);
  const guide = writeGuideSheet(workbook, guideLines(domain, columns, settings.rows));
  await guide.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  return fixZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
