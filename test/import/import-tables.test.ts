import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { importTables, type ImportResult } from '../../src/import/import-tables.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { readHtml } from '../../src/tables/read-html.js';

const vocabulary = buildVocabulary();
const csv = (text: string): ImportResult =>
  importTables(readCsv(new TextEncoder().encode(text), 'catalog.csv'), vocabulary);
const html = (page: string): ImportResult => importTables(readHtml(page, 'catalog.html'), vocabulary);
const names = (result: ImportResult) => result.tables[0]!.catalog.items.map((i) => i.name);
const codes = (result: ImportResult) => result.tables[0]!.notes.map((n) => n.code);

describe('importTables: header rows and body rows', () => {
  it('keeps the first row under a one-row header with a 公开对象 column (CSV)', () => {
    const result = csv(
      '序号,公开事项,公开内容,公开依据,公开时限,公开主体,公开对象\n1,政策文件,内容一,依据一,20个工作日内,县政府,全社会\n2,规划计划,内容二,依据二,20个工作日内,县政府,特定群体\n',
    );
    expect(result.tables[0]!.rows).toBe(2);
    expect(names(result)).toEqual(['政策文件', '规划计划']);
    expect(codes(result)).not.toContain('seq-irregular');
  });

  it('keeps the first row under a one-row header with a 公开方式 column (HTML)', () => {
    const row = (n: number, name: string, method: string) =>
      `<tr><td>${n}</td><td>${name}</td><td>内容</td><td>依据</td><td>及时</td><td>县政府</td><td>${method}</td></tr>`;
    const result = html(
      `<table><tr><td>序号</td><td>公开事项</td><td>公开内容</td><td>公开依据</td><td>公开时限</td><td>公开主体</td><td>公开方式</td></tr>${row(1, '政策文件', '主动')}${row(2, '规划计划', '依申请')}</table>`,
    );
    expect(names(result)).toEqual(['政策文件', '规划计划']);
  });

  it('still reads a two-row header whose group heads are merged (HTML)', () => {
    const result = html(
      '<table><tr><td rowspan="2">公开事项</td><td rowspan="2">公开内容</td><td rowspan="2">公开依据</td><td rowspan="2">公开时限</td><td rowspan="2">公开主体</td><td colspan="2">公开对象</td><td colspan="2">公开方式</td></tr>' +
        '<tr><td>全社会</td><td>特定群体</td><td>主动</td><td>依申请</td></tr>' +
        '<tr><td>政策文件</td><td>内容</td><td>依据</td><td>及时</td><td>县政府</td><td>√</td><td></td><td></td><td>√</td></tr></table>',
    );
    expect(names(result)).toEqual(['政策文件']);
    expect(result.tables[0]!.catalog.items[0]).toMatchObject({ audience: '全社会', method: '依申请' });
  });

  it('reads a two-row header written without merges (CSV), in traditional script, with 公开层级 groups', () => {
    const result = csv(
      '公開事項,公開內容,公開依據,公開時限,公開主體,公開對象,,公開方式,,公開層級,\n' +
        ',,,,,全社會,特定群體,主動,依申請,縣級,鄉級\n' +
        '政策文件,內容,依據,及時,縣政府,,√,√,,√,√\n' +
        '規劃計劃,內容,依據,及時,縣政府,√,,,√,,√\n',
    );
    expect(names(result)).toEqual(['政策文件', '規劃計劃']);
    const [a, b] = result.tables[0]!.catalog.items;
    expect(a).toMatchObject({ audience: '特定群体', method: '主动', levels: ['縣級', '鄉級'] });
    expect(b).toMatchObject({ audience: '全社会', method: '依申请', levels: ['鄉級'] });
    expect(result.tables[0]!.catalog.extra_columns ?? []).toEqual([]);
  });
});

describe('importTables: a header repeated inside the table', () => {
  const header = '序号,公开事项,公开内容,公开依据,公开时限,公开主体\n';
  const row = (n: number, name: string) => `${n},${name},内容,依据,及时,县政府\n`;

  it('reads a table copied page by page (the header again after a page break) as one table', () => {
    const result = csv(
      header + row(1, '政策文件') + row(2, '规划计划') + header + row(3, '办事指南') + header + row(4, '财政预算'),
    );
    expect(result.tables).toHaveLength(1);
    expect(names(result)).toEqual(['政策文件', '规划计划', '办事指南', '财政预算']);
    expect(result.tables[0]!.notes.filter((n) => n.code === 'header-repeated').map((n) => n.ref)).toEqual([
      '第4行第1列',
      '第6行第1列',
    ]);
    expect(codes(result)).not.toContain('seq-irregular');
  });

  it('still reads the same header under a title as another table', () => {
    const result = csv(
      `安全生产领域基层政务公开标准目录\n${header}${row(1, '政策文件')}义务教育领域基层政务公开标准目录\n${header}${row(1, '招生入学')}`,
    );
    expect(result.tables.map((t) => t.catalog.domain)).toEqual(['安全生产', '义务教育']);
  });
});

describe('importTables: unknown columns', () => {
  it('keeps both values of two unknown columns with the same label, under distinct names', () => {
    const result = csv(
      '公开事项,公开内容,公开依据,公开时限,公开主体,备注,备注\n政策文件,内容,依据,及时,县政府,甲,乙\n规划计划,内容,依据,及时,县政府,丙,丁\n',
    );
    const table = result.tables[0]!;
    expect(table.catalog.extra_columns).toEqual(['备注', '备注（第7列）']);
    expect(table.catalog.items.map((i) => i.extra)).toEqual([
      { 备注: '甲', '备注（第7列）': '乙' },
      { 备注: '丙', '备注（第7列）': '丁' },
    ]);
    const kept = table.notes.filter((n) => n.code === 'column-unknown').map((n) => n.message.zh);
    expect(kept).toEqual([
      '不认识的栏目“备注”，作为附加栏目（extra）保留。',
      '不认识的栏目“备注（第7列）”，作为附加栏目（extra）保留。',
    ]);
  });

  it('keeps a column named like a value the importer writes itself (公开渠道和载体说明) apart from it', () => {
    const result = csv(
      '公开事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开渠道和载体说明\n政策文件,内容,依据,及时,县政府,"■政府网站\n注：每月更新",表中的说明\n',
    );
    expect(result.tables[0]!.catalog.items[0]!.extra).toEqual({
      公开渠道和载体说明: '注：每月更新',
      '公开渠道和载体说明（第7列）': '表中的说明',
    });
  });
});

describe('importTables: a 公开对象 or 公开方式 column under a one-row header', () => {
  it('reads the values written in it (全社会、特定群体; 主动), and keeps other text as written', () => {
    const result = csv(
      '公开事项,公开内容,公开依据,公开时限,公开主体,公开对象,公开方式\n' +
        '政策文件,内容,依据,及时,县政府,全社会,主动\n' +
        '规划计划,内容,依据,及时,县政府,"全社会、特定群体",依申请公开\n' +
        '办事指南,内容,依据,及时,县政府,本村村民,主动\n',
    );
    const [a, b, c] = result.tables[0]!.catalog.items;
    expect(a).toMatchObject({ name: '政策文件', audience: '全社会', method: '主动' });
    expect(b).toMatchObject({ name: '规划计划', audience: ['全社会', '特定群体'], method: '依申请' });
    expect(c).toMatchObject({ name: '办事指南', method: '主动', extra: { 公开对象: '本村村民' } });
    expect(c!.audience).toBeUndefined();
    expect(result.tables[0]!.catalog.extra_columns).toEqual(['公开对象']);
  });

  it('in traditional script too', () => {
    const result = csv(
      '公開事項,公開內容,公開依據,公開時限,公開主體,公開對象,公開方式\n政策文件,內容,依據,及時,縣政府,全社會,依申請\n規劃計劃,內容,依據,及時,縣政府,特定群體,主動公開\n',
    );
    expect(result.tables[0]!.catalog.items).toMatchObject([
      { name: '政策文件', audience: '全社会', method: '依申请' },
      { name: '規劃計劃', audience: '特定群体', method: '主动' },
    ]);
  });
});

describe('importTables: pages with much text', () => {
  it('reads a table after 200,000 paragraphs (no stack overflow)', () => {
    const page = `${'<p>说明</p>'.repeat(200_000)}<table><tr><td>公开事项</td><td>公开内容</td><td>公开依据</td><td>公开时限</td><td>公开主体</td></tr><tr><td>政策文件</td><td>内容</td><td>依据</td><td>及时</td><td>县政府</td></tr></table>`;
    expect(names(html(page))).toEqual(['政策文件']);
  }, 60_000);
});
