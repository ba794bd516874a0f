import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped 安全生产 catalog, the old side of the diff scenario. */
export const OLD = readFileSync(join(import.meta.dirname, '../../catalogs/anquan-shengchan.yaml'), 'utf8');

/** A 二级事项's whole block in the shipped catalog: its name line and the lines under it. */
function block(text: string, name: string): string {
  const found = new RegExp(`      - name: ${name}\n(?:(?: {8}.*|\\s*)\n)*?(?=      - name: |  - name: |$)`).exec(text);
  if (!found) throw new Error(`no item ${name}`);
  return found[0];
}

/**
 * The scenario on a shipped catalog: one 二级事项 removed, one renamed, one moved (to a 一级事项
 * with the same inherited elements), one turned from 主动 to 依申请, and one new 一级事项.
 */
export function mutated(): string {
  let text = OLD.replace(block(OLD, '部门规章和地方性法规规章'), '');
  text = text.replace('      - name: 标准\n', '      - name: 安全生产标准\n');
  const moving = block(text, '重大决策草案');
  text = text.replace(moving, '');
  const target = text.indexOf('    items:\n', text.indexOf('  - name: 行政处罚\n')) + '    items:\n'.length;
  text = text.slice(0, target) + moving + text.slice(target);
  text = text.replace('      - name: 年度监督检查计划\n', '      - name: 年度监督检查计划\n        method: 依申请\n');
  return text + '  - name: 新设一级事项\n    items:\n      - name: 新设二级事项\n        content: 新内容\n';
}
