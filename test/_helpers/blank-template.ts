import { leafItems, resolveCatalog } from '../../src/catalog/resolve.js';
import type { Catalog } from '../../src/catalog/types.js';
import { BLANK_ROWS, blankCatalogWorkbook } from '../../src/render/blank/blank-workbook.js';
import { cellText, loadWorkbook } from './excel.js';

/** What a clerk types in one row of the blank catalog. */
export interface TypedRow {
  level1: string;
  level2: string;
  content: string[];
  basis: string[];
  time_limit: string;
  subject: string;
  /** Standard channels whose □ is changed to ■. */
  channels: string[];
  /** A name after “■其他:”. */
  other?: string;
  audience: string[];
  method: string[];
  levels: string[];
}

/** Three rows as a clerk fills them: the first 一级事项 written once over two merged rows, the third on its own. */
export const TYPED_ROWS: TypedRow[] = [
  {
    level1: '政策文件',
    level2: '法律法规',
    content: ['安全生产法律', '行政法规'],
    basis: ['《中华人民共和国安全生产法》', '《中华人民共和国政府信息公开条例》（国务院令第711号）'],
    time_limit: '信息形成或者变更之日起20个工作日内',
    subject: '青禾区应急管理局',
    channels: ['政府网站', '两微一端'],
    audience: ['全社会'],
    method: ['主动'],
    levels: ['县级', '乡级'],
  },
  {
    level1: '政策文件',
    level2: '规范性文件',
    content: ['本级安全生产规范性文件'],
    basis: ['《中华人民共和国政府信息公开条例》（国务院令第711号）'],
    time_limit: '信息形成或者变更之日起20个工作日内',
    subject: '青禾区应急管理局',
    channels: ['政府网站'],
    other: '办税服务厅',
    audience: ['全社会'],
    method: ['主动'],
    levels: ['县级'],
  },
  {
    level1: '行政执法',
    level2: '行政处罚',
    content: ['处罚决定书'],
    basis: ['《中华人民共和国行政处罚法》'],
    time_limit: '自收到申请之日起20个工作日内',
    subject: '青禾区应急管理局',
    channels: ['政务服务中心', '精准推送'],
    audience: ['特定群体'],
    method: ['依申请'],
    levels: ['县级'],
  },
];

/**
 * The blank catalog for 青禾区 安全生产, filled as a clerk does in Excel: names, content and basis typed in,
 * □ changed to ■ in the prefilled checklist, √ picked in the tick columns, the first 一级事项 merged over its rows,
 * and (unless `clearRest` is false) the checklists of the rows left over cleared.
 */
export async function filledTemplate(rows: readonly TypedRow[] = TYPED_ROWS, clearRest = true): Promise<Uint8Array> {
  const workbook = await loadWorkbook(await blankCatalogWorkbook({ domain: '安全生产', unit: '青禾区' }));
  const sheet = workbook.getWorksheet('安全生产')!;
  const header = [2, 3].map((r) => sheet.getRow(r).values as unknown[]);
  const col = (label: string) =>
    header[1]!.indexOf(label) > 0 ? header[1]!.indexOf(label) : header[0]!.indexOf(label);
  rows.forEach((typed, i) => {
    const row = sheet.getRow(4 + i);
    row.getCell(col('序号')).value = i + 1;
    if (i === 0 || rows[i - 1]!.level1 !== typed.level1) row.getCell(col('一级事项')).value = typed.level1;
    row.getCell(col('二级事项')).value = typed.level2;
    row.getCell(col('公开内容(要素)')).value = typed.content.join('\n');
    row.getCell(col('公开依据')).value = typed.basis.join('\n');
    row.getCell(col('公开时限')).value = typed.time_limit;
    row.getCell(col('公开主体')).value = typed.subject;
    const channels = row.getCell(col('公开渠道和载体'));
    let text = cellText(channels.value);
    for (const c of typed.channels) text = text.replace(`□${c}`, `■${c}`);
    if (typed.other) text = text.replace('□其他', `■其他:${typed.other}`);
    channels.value = text;
    for (const tick of [...typed.audience, ...typed.method, ...typed.levels]) row.getCell(col(tick)).value = '√';
  });
  // The first 一级事项 spans the rows that share it.
  const span = rows.filter((r) => r.level1 === rows[0]!.level1).length;
  if (span > 1) sheet.mergeCells(4, col('一级事项'), 3 + span, col('一级事项'));
  // The rows left over are cleared, as 填表说明 asks: their □ checklist would read as items of their own.
  if (clearRest)
    for (let r = 4 + rows.length; r < 4 + BLANK_ROWS; r++) sheet.getRow(r).getCell(col('公开渠道和载体')).value = null;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An imported catalog's items as a clerk typed them, to compare with {@link TYPED_ROWS}. */
export function typedRowsOf(catalog: Catalog): TypedRow[] {
  const resolved = resolveCatalog(catalog);
  return [...leafItems(resolved.items)].map((leaf) => {
    const parent = resolved.items.find((i) => i.children.includes(leaf));
    const f = leaf.fields;
    return {
      level1: parent?.name ?? '',
      level2: leaf.name,
      content: f.content,
      basis: f.basis,
      time_limit: f.time_limit ?? '',
      subject: f.subject ?? '',
      channels: f.channels.filter((c) => c !== '其他'),
      ...(f.other_channels.length > 0 ? { other: f.other_channels.join('、') } : {}),
      audience: f.audience,
      method: f.method,
      levels: f.levels,
    };
  });
}
