import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { importTables } from '../../src/import/import-tables.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { importReportJson, importReportText } from '../../src/import/report.js';
import { parseImportJson } from '../_helpers/json.js';

const ESC = '\u001b[2J';
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
});
