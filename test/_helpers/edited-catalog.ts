import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped catalog the workbench tests compare. */
export const SHIPPED_CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/yiwu-jiaoyu.yaml'), 'utf8');

/**
 * The shipped catalog edited as a clerk would: one item added (行政规范性文件清理结果), one removed
 * (课后服务) and one renamed (政策解读 → 政策文件解读).
 */
export function editedCatalog(text = SHIPPED_CATALOG): string {
  const edited = text
    .replace('      - name: 政策解读\n', '      - name: 政策文件解读\n')
    .replace(
      '      - name: 部门规章和规范性文件\n',
      '      - name: 行政规范性文件清理结果\n        content: 本级行政规范性文件清理的结果和目录\n      - name: 部门规章和规范性文件\n',
    )
    .replace(/ {6}- name: 课后服务\n(?: {8}.*\n| {10}.*\n)*/, '');
  if (edited.includes('课后服务') || !edited.includes('政策文件解读') || !edited.includes('清理结果'))
    throw new Error('the shipped catalog changed: edit the edits');
  return edited;
}

/** A catalog with one error (an item without its name), on a line of its own. */
export function brokenCatalog(text = SHIPPED_CATALOG): { text: string; line: number } {
  const marker = '      - name: 法律法规\n';
  const at = text.indexOf(marker);
  if (at < 0) throw new Error('the shipped catalog changed: edit the error');
  const broken = text.replace(marker, '      - nmae: 法律法规\n');
  return { text: broken, line: text.slice(0, at).split('\n').length };
}
