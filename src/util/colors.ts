import { Chalk, type ChalkInstance } from 'chalk';

/** The styles zwgk's terminal output uses; each returns its text unchanged when colour is off. */
export interface Colors {
  bold: (text: string) => string;
  dim: (text: string) => string;
  underline: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
}

const same = (text: string): string => text;

const PLAIN: Colors = { bold: same, dim: same, underline: same, red: same, green: same, yellow: same, cyan: same };

/**
 * One style of chalk as zwgk prints it: an empty text still gets its opening and closing codes, as it
 * always had, where chalk alone would print nothing.
 */
function style(paint: ChalkInstance): (text: string) => string {
  const [open = '', close = ''] = paint('\u0000').split('\u0000');
  return (text) => (text === '' ? open + close : paint(text));
}

/**
 * The colours of a report for a terminal, or none. Whether to colour is decided by the caller (the command
 * line: `--color`/`--no-color`, `NO_COLOR`, `FORCE_COLOR`, a terminal, a file); chalk is given its level
 * and never detects one itself. Level 1 is the 16 basic colours: `\x1b[31m…\x1b[39m`, dim and bold closed
 * by `\x1b[22m`. Give each style one line of printable text (no line feed, no escape code, see
 * `report/printable.ts`): chalk closes and reopens a style around each line feed.
 */
export function colors(enabled: boolean): Colors {
  if (!enabled) return PLAIN;
  const chalk = new Chalk({ level: 1 });
  return {
    bold: style(chalk.bold),
    dim: style(chalk.dim),
    underline: style(chalk.underline),
    red: style(chalk.red),
    green: style(chalk.green),
    yellow: style(chalk.yellow),
    cyan: style(chalk.cyan),
  };
}
