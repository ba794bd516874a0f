import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { channelText } from '../../src/render/channel-text.js';
import { buildTable, headerCells, type CatalogTable } from '../../src/render/table-model.js';
import { shippedInputs } from '../_helpers/tables.js';

function table(yaml: string, options?: Parameters<typeof buildTable>[1]): CatalogTable {
  const parsed = parseFast(yaml);
  if (!parsed.ok) throw new Error('bad YAML');
  return buildTable(resolveCatalog(parsed.data), options);
}

const col = (t: CatalogTable, id: string) => t.columns.findIndex((c) => c.id === id);
const spans = (t: CatalogTable, id: string) => t.rows.map((r) => r.cells[col(t, id)]!.rowSpan);
const texts = (t: CatalogTable, id: string) => t.rows.map((r) => r.cells[col(t, id)]!.text);

const TWO_GROUPS = `domain: 义务教育
unit: 青禾区教育局
level_columns: [县级, 乡级]
extra_columns: [备注]
defaults: {subject: 青禾区教育局, channels: [政府网站], audience: 全社会, method: 主动, levels: [县级], time_limit: 实时公开}
items:
  - name: 政策文件
    basis: [《条例》]
    items:
      - {name: 法律法规, content: a}
      - {name: 规章, content: b}
      - {name: 解读, content: c, basis: [《办法》]}
  - name: 招生入学
    basis: [《条例》]
    items:
      - {name: 招生政策, content: d, extra: {备注: 每年}}
      - {name: 录取结果, content: e, audience: 特定群体, specific_group: 报名学生, method: 依申请}
`;

describe('buildTable', () => {
  const t = table(TWO_GROUPS);

  it('lays out the official columns, with the catalog’s level and extra columns', () => {
    expect(t.columns.map((c) => c.label)).toEqual([
      '序号',
      '一级事项',
      '二级事项',
      '公开内容(要素)',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '全社会',
      '特定群体',
      '主动',
      '依申请',
      '县级',
      '乡级',
      '备注',
    ]);
  });

  it('builds the two-row header with groups spanning their columns', () => {
    const groups = t.header.filter((h) => h.row === 0 && h.colSpan > 1).map((h) => [h.label, h.col, h.colSpan]);
    expect(groups).toEqual([
      ['公开事项', 1, 2],
      ['公开对象', 8, 2],
      ['公开方式', 10, 2],
      ['公开层级', 12, 2],
    ]);
    expect(t.header.find((h) => h.label === '序号')).toMatchObject({ row: 0, rowSpan: 2 });
    expect(t.header.find((h) => h.label === '备注')).toMatchObject({ row: 0, rowSpan: 2, col: 14 });
  });

  it('has one row per 二级事项, numbered', () => {
    expect(texts(t, 'seq')).toEqual(['1', '2', '3', '4', '5']);
    expect(texts(t, 'level2')).toEqual(['法律法规', '规章', '解读', '招生政策', '录取结果']);
    expect(t.counts).toEqual({ level1: 2, level2: 5, rows: 5 });
  });

  it('merges each 一级事项 over its rows', () => {
    expect(spans(t, 'level1')).toEqual([3, 0, 0, 2, 0]);
    expect(texts(t, 'level1')[0]).toBe('政策文件');
  });

  it('merges an inherited value over consecutive rows that share it, within one 一级事项', () => {
    // 公开依据: rows 1–2 inherit from 政策文件, row 3 sets its own, rows 4–5 inherit from 招生入学.
    expect(spans(t, 'basis')).toEqual([2, 0, 1, 2, 0]);
    // 公开时限 comes from defaults for every row, but merges never cross a 一级事项.
    expect(spans(t, 'time_limit')).toEqual([3, 0, 0, 2, 0]);
  });

  it('never merges values written separately, even when equal', () => {
    const same = table(TWO_GROUPS.replace('{name: 规章, content: b}', '{name: 规章, content: b, basis: [《条例》]}'));
    expect(spans(same, 'basis')).toEqual([1, 1, 1, 2, 0]);
  });

  it('ticks the audience, method and level columns, with the specific group named', () => {
    expect(texts(t, 'audience:全社会')).toEqual(['√', '√', '√', '√', '']);
    expect(texts(t, 'audience:特定群体')[4]).toBe('√（报名学生）');
    expect(texts(t, 'method:依申请')).toEqual(['', '', '', '', '√']);
    expect(texts(t, 'level:县级')).toEqual(['√', '√', '√', '√', '√']);
    expect(spans(t, 'method:主动')).toEqual([1, 1, 1, 1, 1]);
  });

  it('fills extra columns', () => {
    expect(texts(t, 'extra:备注')).toEqual(['', '', '', '每年', '']);
  });

  it('adds a code column and a 三级事项 column only when the catalog uses them', () => {
    expect(col(t, 'code')).toBe(-1);
    expect(col(t, 'level3')).toBe(-1);
    const deep = table(
      TWO_GROUPS.replace(
        '{name: 法律法规, content: a}',
        '{name: 法律法规, code: "0101", items: [{name: 宪法, content: x}, {name: 法律, content: y}]}',
      ),
    );
    expect(texts(deep, 'code')[0]).toBe('');
    expect(texts(deep, 'level2')[0]).toBe('0101 法律法规');
    expect(texts(deep, 'level3').slice(0, 2)).toEqual(['宪法', '法律']);
    expect(spans(deep, 'level2').slice(0, 3)).toEqual([2, 0, 1]);
    expect(texts(deep, 'code')).toHaveLength(6);
  });

  it('prints channels as the ■/□ checklist or as a plain list', () => {
    expect(texts(t, 'channels')[0]).toContain('■政府网站 □政府公报');
    expect(texts(table(TWO_GROUPS, { channels: 'list' }), 'channels')[0]).toBe('政府网站');
  });

  it('lays out every shipped catalog with consistent spans', () => {
    for (const { table: shipped, file } of shippedInputs()) {
      for (let c = 0; c < shipped.columns.length; c++) {
        let covered = 0;
        for (const row of shipped.rows) {
          const span = row.cells[c]!.rowSpan;
          if (covered > 0) {
            expect(span, `${file} column ${c}`).toBe(0);
            covered--;
          } else {
            expect(span, `${file} column ${c}`).toBeGreaterThan(0);
            covered = span - 1;
          }
        }
        expect(covered, file).toBe(0);
      }
    }
  });
});

describe('channelText', () => {
  it('lists every standard box two per line, custom channels after 其他', () => {
    const text = channelText(['政府网站', '两微一端'], ['办税服务厅'], 'checklist');
    expect(text.split('\n')[0]).toBe('■政府网站 □政府公报');
    expect(text.split('\n')[1]).toBe('■两微一端 □发布会/听证会');
    expect(text.endsWith('■其他:办税服务厅')).toBe(true);
  });

  it('leaves 其他 unticked when nothing custom is chosen', () => {
    expect(channelText(['政府网站'], [], 'checklist').endsWith('□其他')).toBe(true);
  });

  it('as a list names only the chosen channels', () => {
    expect(channelText(['政府网站', '其他'], ['办税服务厅'], 'list')).toBe('政府网站、办税服务厅');
  });
});

describe('headerCells', () => {
  it('spans a column without a group over both header rows', () => {
    expect(headerCells([{ id: 'a', kind: 'text', label: 'A', width: 1 }])).toEqual([
      { label: 'A', row: 0, col: 0, rowSpan: 2, colSpan: 1 },
    ]);
  });
});
