import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { importTables } from '../../src/import/import-tables.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { encodingName, importReportJson, importReportText } from '../../src/import/report.js';
import { parseImportJson } from '../_helpers/json.js';
import { encodeGb18030 } from '../_helpers/real-tables/csv.js';

const ESC = '\u001b[2J';
// A small catalog table as Excel on Chinese Windows saves it: CSV in GB18030.
const GBK_TABLE = encodeGb18030(
  '序号,公开事项,公开内容,公开依据,公开时限,公开主体\r\n1,政策文件,内容,依据,及时,县政府\r\n',
);
const table = `公开事项,公开内容,公开依据,公开时限,公开主体,公开渠道,备注${ESC}\n政策文件,内容,依据,及时,县政府,"政府网站、${ESC}公告栏",甲\n`;

describe('importReportText', () => {
  it('shows control characters of cells, headers and the file name as signs, never as commands to the terminal', () => {
    const result = importTables(readCsv(new TextEncoder().encode(table), `t${ESC}.csv`), buildVocabulary());
    const written = [{ file: `out/目录${ESC}.yaml`, errors: 0, warnings: 0 }];
    const text = importReportText(`t${ESC}.csv`, result, written, 'zh');
    expect(text).toContain('渠道“␛[2J公告栏”不在标准渠道中');
    expect(text).toContain(`从 t␛[2J.csv 导入了 1 个目录表格：`);
    expect(text).not.toContain('\u001b');
    // JSON keeps the values, escaped by JSON itself.
    expect(parseImportJson(importReportJson(`t${ESC}.csv`, result, written, 'zh')).source).toBe(`t${ESC}.csv`);
  });

  it('names the encoding a text file was read in, in both languages and in JSON; none for a workbook', () => {
    const gbk = importTables(readCsv(GBK_TABLE, 'gbk.csv'), buildVocabulary());
    expect(gbk.encoding).toBe('gb18030');
    expect(importReportText('gbk.csv', gbk, [], 'zh').split('\n')[1]).toBe('编码：GB18030（GBK）');
    expect(importReportText('gbk.csv', gbk, [], 'en').split('\n')[1]).toBe('encoding: GB18030 (GBK)');
    expect(JSON.parse(importReportJson('gbk.csv', gbk, [], 'zh'))).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
    });
    const bom = importTables(
      readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(table)]), 'u.csv'),
      buildVocabulary(),
    );
    expect(importReportText('u.csv', bom, [], 'zh')).toContain('\n编码：UTF-8（带 BOM）\n');
    expect(importReportText('u.csv', bom, [], 'en')).toContain('\nencoding: UTF-8 (with BOM)\n');
    const { encoding: _, ...workbook } = bom;
    expect(importReportText('u.xlsx', { ...workbook, format: 'xlsx' }, [], 'zh')).not.toContain('编码');
    expect(JSON.parse(importReportJson('u.xlsx', { ...workbook, format: 'xlsx' }, [], 'zh'))).not.toHaveProperty(
      'encoding',
    );
  });

  it('names every encoding it can read', () => {
    expect(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5'].map((e) => encodingName(e, 'zh'))).toEqual(
      ['UTF-8', 'UTF-8（带 BOM）', 'UTF-16 LE（带 BOM）', 'UTF-16 BE（带 BOM）', 'GB18030（GBK）', 'BIG5'],
    );
  });
});
