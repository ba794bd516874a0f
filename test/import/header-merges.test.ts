import { describe, expect, it } from 'vitest';
import { findTables } from '../../src/import/find-tables.js';
import { restoreHeaderMerges } from '../../src/import/header-merges.js';
import type { Grid } from '../../src/tables/grid.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { readHtml } from '../../src/tables/read-html.js';

function csvGrid(lines: readonly string[]): Grid {
  return readCsv(new TextEncoder().encode(lines.join('\r\n')), 'catalog.csv').grids[0]!;
}

/** Each column's role as `role:value`, `role:name` or the role alone. */
function roles(grid: Grid): string[] {
  const [table] = findTables(grid);
  return table!.columns.map(({ role: r }) =>
    r.role === 'audience' || r.role === 'method'
      ? `${r.role}:${r.value}`
      : r.role === 'level' || r.role === 'extra'
        ? `${r.role}:${r.name}`
        : r.role,
  );
}

const BODY = '1,政策文件,法规,内容,依据,20个工作日内,镇政府,■政府网站,√,,√,,,√';

describe('restoreHeaderMerges', () => {
  it('lets a blank top header cell take the group label to its left when sub-labels stand under both', () => {
    const grid = csvGrid([
      '序号,公开事项,,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象（请打√）,,公开方式,,公开层级,',
      ',一级事项,二级事项,,,,,,全社会,特定群体,主动,依申请,县级,乡级',
      BODY,
    ]);
    const restored = restoreHeaderMerges(grid, 0);
    expect(restored.rows[0]![8]).toMatchObject({ kind: 'cell', text: '公开对象（请打√）', colSpan: 2, rowSpan: 1 });
    expect(restored.rows[0]![9]).toEqual({ kind: 'covered', row: 0, col: 8 });
    expect(restored.rows[0]![13]).toEqual({ kind: 'covered', row: 0, col: 12 });
    // 序号 and 公开内容 have nothing under them: their rows keep their own cells.
    expect(restored.rows[0]![3]).toMatchObject({ kind: 'cell', text: '公开内容', colSpan: 1 });
    // Only the top header row changes; the grid read from the file is left as it was.
    expect(restored.rows.slice(1)).toEqual(grid.rows.slice(1));
    expect(restored.rows[1]).toBe(grid.rows[1]);
    expect(grid.rows[0]![9]).toMatchObject({ kind: 'cell', text: '' });
  });

  it('reads the sub-columns of a group whose label is not one of the usual words', () => {
    const grid = csvGrid([
      '序号,公开事项,,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象（请打√）,,公开方式,,公开层级,',
      ',一级事项,二级事项,,,,,,全社会,特定群体,主动,依申请,县级,乡级',
      BODY,
    ]);
    expect(findTables(grid)[0]!.headerRows).toBe(2);
    expect(roles(grid)).toEqual([
      'seq',
      'item',
      'item',
      'field',
      'field',
      'field',
      'field',
      'field',
      'audience:全社会',
      'audience:特定群体',
      'method:主动',
      'method:依申请',
      'level:县级',
      'level:乡级',
    ]);
  });

  it('puts back the merges a page lost too', () => {
    const row = (cells: readonly string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const page = `<table>${row(['序号', '公开事项', '', '公开内容', '公开依据', '公开时限', '公开主体', '公开对象（请打√）', '', '公开层级', ''])}${row(['', '一级事项', '二级事项', '', '', '', '', '全社会', '特定群体', '县级', '乡级'])}${row(['1', '政策文件', '法规', '内容', '依据', '及时', '镇政府', '√', '', '', '√'])}</table>`;
    const [table] = findTables(readHtml(page, 'page.html').grids[0]!);
    expect(table!.headerRows).toBe(2);
    expect(table!.columns.slice(7).map((c) => c.role)).toEqual([
      { role: 'audience', value: '全社会' },
      { role: 'audience', value: '特定群体' },
      { role: 'level', name: '县级' },
      { role: 'level', name: '乡级' },
    ]);
  });

  it('leaves a blank header column with nothing under it unknown, not part of the group to its left', () => {
    const grid = csvGrid([
      '序号,公开事项,,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,,公开方式,,',
      ',一级事项,二级事项,,,,,,全社会,特定群体,主动,依申请,',
      '1,政策文件,法规,内容,依据,20个工作日内,镇政府,■政府网站,√,,√,,备注文字',
    ]);
    const restored = restoreHeaderMerges(grid, 0);
    expect(restored.rows[0]![11]).toEqual({ kind: 'covered', row: 0, col: 10 });
    expect(restored.rows[0]![12]).toMatchObject({ kind: 'cell', text: '', colSpan: 1 });
    expect(roles(grid).slice(8)).toEqual([
      'audience:全社会',
      'audience:特定群体',
      'method:主动',
      'method:依申请',
      'extra:第13列',
    ]);
  });

  it('does not spread a label that spans both header rows over a blank cell beside it', () => {
    const grid = csvGrid([
      '序号,事项类型,,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,',
      ',,二级事项,,,,,,全社会,特定群体',
      '1,公共服务,演出查询,内容,依据,20个工作日内,区文旅委,■政府网站,√,',
    ]);
    const restored = restoreHeaderMerges(grid, 0);
    expect(restored.rows[0]![1]).toMatchObject({ kind: 'cell', text: '事项类型', colSpan: 1 });
    expect(restored.rows[0]![2]).toMatchObject({ kind: 'cell', text: '', colSpan: 1 });
    expect(roles(grid).slice(1, 3)).toEqual(['extra:事项类型', 'item']);
  });

  it('returns the grid itself when no top cell is blank, or there is no row below', () => {
    const grid = csvGrid([
      '序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,全社会,特定群体,主动,依申请,县级,乡级',
      BODY,
    ]);
    expect(restoreHeaderMerges(grid, 0)).toBe(grid);
    expect(restoreHeaderMerges(grid, 1)).toBe(grid);
  });

  it('keeps a one-row header as written: a blank header cell over body text is no merge', () => {
    const grid = csvGrid([
      '序号,公开事项,公开内容,公开依据,公开时限,公开主体,',
      '1,政策文件,内容,依据,20个工作日内,镇政府,甲',
    ]);
    const [table] = findTables(grid);
    expect(table!.headerRows).toBe(1);
    expect(table!.grid).toBe(grid);
    expect(roles(grid).at(-1)).toBe('extra:第7列');
  });
});
