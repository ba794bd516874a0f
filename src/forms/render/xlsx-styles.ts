import type { Borders, Style } from 'exceljs';
import { BODY_FONT, HEADER_FONT, style, STYLES, TITLE_FONT } from '../../office/excel-styles.js';

const THIN = { style: 'thin' } as const;
const UNDERLINE: Partial<Borders> = { bottom: THIN };

/** A look that a unit may type into on a protected sheet: unlocked, and text as typed (no number or date guessing). */
export function unlocked(look: Partial<Style>): Partial<Style> {
  return { ...look, numFmt: '@', protection: { locked: false } };
}

const NOTE_FONT = { ...BODY_FONT, size: 9 };

// One object per look, shared by every cell that has it, so that exceljs stores few styles.
export const FORM_STYLES = {
  title: { ...STYLES.title, font: { ...TITLE_FONT, size: 16 } },
  /** 填报单位(公章)： — a label in front of a value written on a line. */
  label: style(BODY_FONT, 'right', false),
  /** The value after a label, on an underline, as on a paper form. */
  value: { ...style(BODY_FONT, 'left', false), border: UNDERLINE },
  header: style(HEADER_FONT, 'center'),
  left: STYLES.left,
  center: STYLES.center,
  note: { ...style(NOTE_FONT, 'left', false, 'top') },
  seal: style({ ...BODY_FONT, size: 12 }, 'center', false),
};

export const INPUT_STYLES = {
  value: unlocked(FORM_STYLES.value),
  left: unlocked(STYLES.left),
  center: unlocked(STYLES.center),
};
