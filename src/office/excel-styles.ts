import type { Alignment, Borders, Font, Margins, PageSetup, PaperSize, Style } from 'exceljs';

/** Excel refuses longer cell text. */
const MAX_CELL_TEXT = 32_767;

// charset 134 (GB2312) tells Excel these are Chinese fonts; LibreOffice substitutes an installed CJK font.
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 18, bold: true, charset: 134 };
export const HEADER_FONT: Partial<Font> = { name: '黑体', size: 10.5, bold: true, charset: 134 };
export const BODY_FONT: Partial<Font> = { name: '宋体', size: 10.5, charset: 134 };

const THIN = { style: 'thin' } as const;
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A cell look: font, alignment with wrapping, and thin borders unless `border` is false. */
export function style(
  font: Partial<Font>,
  horizontal: Alignment['horizontal'],
  border = true,
  vertical: Alignment['vertical'] = 'middle',
): Partial<Style> {
  return {
    font,
    alignment: { horizontal, vertical, wrapText: true },
    ...(border ? { border: BORDERS } : {}),
  };
}

// One object per look, shared by every cell that has it, so that exceljs stores few styles.
export const STYLES = {
  title: style(TITLE_FONT, 'center', false),
  /** The line under a title (编制单位, 版本, 日期): body text without borders. */
  byline: style(BODY_FONT, 'center', false),
  header: style(HEADER_FONT, 'center'),
  left: style(BODY_FONT, 'left'),
  center: style(BODY_FONT, 'center'),
  leftTop: style(BODY_FONT, 'left', true, 'top'),
  centerTop: style(BODY_FONT, 'center', true, 'top'),
};

/** Cell text Excel accepts: lone surrogates and non-characters replaced, at most 32,767 characters. */
export function cellText(text: string): string | null {
  if (text === '') return null;
  const clean = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g,
    '\uFFFD',
  );
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

/** Page numbers in the footer: 第 1 页，共 3 页. */
export const FOOTER = '&C第 &P 页，共 &N 页';

/** Page margins in inches; narrow at the sides, where a wide table needs the room. */
export const MARGINS: Margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };
/**
 * The paper size A4 (9). exceljs declares its paper sizes as an ambient const enum, which a module compiled
 * on its own cannot name (`PaperSize.A4`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- 9 is PaperSize.A4
export const A4_PAPER: PaperSize = 9;
/** A4 in points. */
export const A4 = { long: 841.89, short: 595.28 };

/** A4, fitted to the page width, as many pages high as it takes; margins in inches. */
export function pageSetup(orientation: PageSetup['orientation'], printTitlesRow: string): Partial<PageSetup> {
  return {
    paperSize: A4_PAPER,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow,
  };
}
