import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ValidationReport } from '../../src/report/types.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateText } from '../../src/validate/validate-text.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * A catalog with many mistakes: channels by their aliases, levels unknown, contents, subjects and time limits ending in a space, a
 * wrong 公开对象 and 公开方式 in the defaults.
 */
export const MANY_MISTAKES = readFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8')
  .replaceAll('两微一端', '一微一端')
  .replaceAll('政府网站', '官网')
  .replace('audience: 全社会', 'audience: 大家')
  .replace('method: 主动\n', 'method: 主动公开\n')
  .replaceAll('县级]', '区级]')
  .replaceAll('乡级]', '镇级]')
  .replace(/^(\s+(?:content|subject|time_limit): )(.*)$/gm, "$1'$2 '");

/** A finding in a table checked where it lives: it carries the cell, and no range. */
export function cellFinding(
  file: string,
  severity: Diagnostic['severity'],
  cell: { table: number; sheet?: string; row: number; column: number; ref: string },
  message: string,
  hint?: string,
): Diagnostic {
  return {
    code: severity === 'error' ? 'schema/enum' : 'channel-known',
    severity,
    message,
    file,
    path: ['items', 0, 'items', 1, 'channels'],
    pointer: '/items/0/items/1/channels',
    cell: { ...cell, text: message.slice(0, 20) },
    ...(hint === undefined ? {} : { hint }),
  };
}

/** Findings in a workbook, with texts a spreadsheet or a page would act on if they were not escaped. */
export const CELL_FINDINGS: readonly Diagnostic[] = [
  cellFinding(
    '台账.xlsx',
    'warning',
    { table: 1, sheet: '义务教育', row: 14, column: 6, ref: "'义务教育'!F14" },
    '=HYPERLINK("http://example.invalid","点我")',
    '+1 改为 政府网站',
  ),
  cellFinding(
    '台账.xlsx',
    'error',
    { table: 1, sheet: '义务教育', row: 20, column: 3, ref: "'义务教育'!C20" },
    '<script>alert("x")</script> 不是公开方式',
  ),
  cellFinding(
    '台账.xlsx',
    'error',
    { table: 1, sheet: '义务教育', row: 5, column: 28, ref: "'义务教育'!AB5" },
    '@SUM(A1:A3)',
    '-2',
  ),
  cellFinding(
    '台账.xlsx',
    'warning',
    { table: 2, sheet: '户籍', row: 3, column: 2, ref: "'户籍'!B3" },
    '-1+1 & <b>粗</b>',
  ),
  cellFinding(
    '页面.html',
    'error',
    { table: 2, row: 14, column: 6, ref: '表格 2 第 14 行 第 6 列' },
    '公开对象只能是“全社会”或“特定群体”。',
  ),
];

/** A run's report over a catalog with many mistakes (in YAML, with ranges) and findings in tables (with cells). */
export function manyFindings(): ValidationReport {
  const yaml = validateText('甲/义务教育.yaml', MANY_MISTAKES, resolveValidateOptions()).diagnostics;
  return buildReport(
    ['甲/义务教育.yaml', '台账.xlsx', '页面.html', 'ok.yaml'],
    [...yaml, ...CELL_FINDINGS],
    new Map([['甲/义务教育.yaml', MANY_MISTAKES]]),
  );
}
