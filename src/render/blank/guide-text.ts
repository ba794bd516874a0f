import { STANDARD_CHANNELS } from '../../catalog/vocabulary.js';
import type { Column } from '../table-model.js';
import { columnHelp, TICK } from './column-help.js';

/** Name of the sheet that tells clerks how to fill the catalog. */
export const GUIDE_SHEET = '填表说明';

/** The lines of the 填表说明 sheet, in an office's words: general rules, then what goes in each column. */
export function guideLines(domain: string, columns: readonly Column[], rows: number): string[] {
  const levels = columns.filter((c) => c.id.startsWith('level:')).map((c) => c.label);
  const general = [
    `本表用于编制${domain}领域基层政务公开标准目录，请在“${domain}”工作表中填写，不要改动标题和两行表头，不要增删栏目。`,
    `表中已留出 ${rows} 行，每行填写一个二级事项；行不够时复制一个空行插入。填完后删除下面多余的行（或清除其中的渠道清单）：留着渠道清单的行会当作事项导入。`,
    '一级事项：每行都填写，或把同一一级事项下几行的一级事项单元格合并后填写一次，两种做法都可以。',
    `打勾的栏目（公开对象、公开方式${levels.length > 0 ? '、公开层级' : ''}）从下拉列表中选“${TICK}”，不选的留空，不要写“是”“×”或其他符号。`,
    `公开方式“主动”“依申请”两者选其一，只选一个。公开对象“全社会”“特定群体”至少选一个。`,
    `公开渠道和载体：每行已列出全部标准渠道（${STANDARD_CHANNELS.join('、')}），都是□（未选）；把选用的渠道前的□改为■，至少选一个，不要删去未选的渠道。`,
    '用标准渠道以外的渠道时，把“□其他”改为“■其他:”并在冒号后写明渠道名称，如“■其他:办税服务厅”。',
    '选中单元格时会显示该栏的填写提示。填好后可用 zwgk import 导入为目录文件，再用 zwgk validate 检查。',
  ];
  const perColumn = columns.map((c) => {
    const help = columnHelp(c);
    return `${help.title}：${help.prompt}`;
  });
  return [
    '一、总体要求',
    ...general.map((t, i) => `${i + 1}. ${t}`),
    '二、各栏填写说明',
    ...perColumn.map((t, i) => `${i + 1}. ${t}`),
  ];
}
