import type { Column } from '../table-model.js';

/** The tick every ticked column takes, as the rendered catalog writes it. */
export const TICK = '√';

/** What a clerk writes in a column: a short title and the words of the input help (at most 255 characters). */
export interface ColumnHelp {
  title: string;
  prompt: string;
}

const HELP: Readonly<Record<string, string>> = {
  seq: '按顺序填写 1、2、3……，一个二级事项一个序号。',
  level1:
    '填写一级事项（事项类别，如“政策文件”“行政许可”）。一个一级事项下有几个二级事项时，可以每行都写上一级事项，也可以把这几行的一级事项单元格合并。',
  level2: '填写二级事项（具体的公开事项）。每行只写一个二级事项。',
  content: '列出要公开的内容要素，用“、”分隔，或分行写“1.……”“2.……”。',
  basis:
    '写明规定公开的法律、法规、规章和规范性文件，名称加书名号，文号写在名称后的括号中，如《中华人民共和国政府信息公开条例》（国务院令第711号）；有几个依据就分几行写。',
  time_limit: '如“信息形成或者变更之日起20个工作日内”；依申请公开的写“自收到申请之日起20个工作日内”。',
  subject: '负责公开的单位全称，如“××县应急管理局”“××镇人民政府”。',
  channels:
    '已列出标准渠道，都是□。把选用渠道前的□改为■（至少选一个）；用其他渠道的，把“□其他”改为“■其他:渠道名称”，如“■其他:办税服务厅”。',
  'audience:全社会': `向全社会公开的，选“${TICK}”；否则留空。全社会、特定群体至少选一个。`,
  'audience:特定群体': `只向特定群体公开的，选“${TICK}”，也可写“${TICK}（项目单位）”注明是哪些人。`,
  'method:主动': `主动公开的选“${TICK}”。主动、依申请两者选其一。`,
  'method:依申请': `依申请公开的选“${TICK}”。主动、依申请两者选其一。`,
};

/** The input help of a column of the catalog table (title at most 32 characters, as Excel allows). */
export function columnHelp(column: Column): ColumnHelp {
  const title = column.group && column.kind === 'tick' ? `${column.group}“${column.label}”` : column.label;
  const level = column.id.startsWith('level:') ? column.id.slice('level:'.length) : undefined;
  const prompt =
    level !== undefined
      ? `由${level}公开的，选“${TICK}”；几级都公开的，各级都选。`
      : (HELP[column.id] ?? `填写${column.label}。`);
  return { title: title.slice(0, 32), prompt: prompt.slice(0, 255) };
}
