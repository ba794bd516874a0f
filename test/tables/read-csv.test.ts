import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/tables/grid.js';
import { decodeText, decodeTextAs, parseCsv, readCsv } from '../../src/tables/read-csv.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function texts(grid: Grid): string[][] {
  return grid.rows.map((row) => row.map((slot) => (slot.kind === 'cell' ? slot.text : '^')));
}

function only(bytes: Uint8Array): Grid {
  const result = readCsv(bytes, 'catalog.csv');
  expect(result.format).toBe('csv');
  expect(result.grids).toHaveLength(1);
  return result.grids[0]!;
}

// GBK bytes of 序号,公开事项 / 1,安全生产 / 2,（一）公开 (what Excel in China saves as CSV).
const GBK = new Uint8Array([
  0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xb9, 0xab, 0xbf, 0xaa, 0xca, 0xc2, 0xcf, 0xee, 0x0d, 0x0a, 0x31, 0x2c, 0xb0, 0xb2,
  0xc8, 0xab, 0xc9, 0xfa, 0xb2, 0xfa, 0x0d, 0x0a, 0x32, 0x2c, 0xa3, 0xa8, 0xd2, 0xbb, 0xa3, 0xa9, 0xb9, 0xab, 0xbf,
  0xaa, 0x0d, 0x0a,
]);

describe('readCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks (RFC 4180)', () => {
    const grid = only(
      utf8('序号,公开事项,公开依据\r\n1,"法规,政策","《安 全生产法》\r\n《条例》"\r\n2,"他说""同上""",\r\n'),
    );
    expect(grid.name).toBe('catalog.csv');
    expect(grid.before).toEqual([]);
    expect(texts(grid)).toEqual([
      ['序号', '公开事项', '公开依据'],
      ['1', '法规,政策', '《安 全生产法》\n《条例》'],
      ['2', '他说"同上"', ''],
    ]);
    expect(grid.rows[2]![1]).toEqual({ kind: 'cell', text: '他说"同上"', rowSpan: 1, colSpan: 1, ref: '第3行第2列' });
  });

  it('keeps text exactly: spaces inside and around fields, full-width characters', () => {
    const grid = only(utf8('  前导, 安 全生产法 ,尾随  \n（一）　全角，逗号,"  引号内  ",x'));
    expect(texts(grid)).toEqual([
      ['  前导', ' 安 全生产法 ', '尾随  '],
      ['（一）　全角，逗号', '  引号内  ', 'x'],
    ]);
  });

  it('pads short records and drops trailing blank rows and columns', () => {
    const grid = only(utf8('a,b,,,\nc\n,,,,\n , ,\n\n'));
    expect(texts(grid)).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    expect(grid.rows[1]![1]!).toMatchObject({ ref: '第2行第2列' });
  });

  it('keeps blank rows between records, counting records as rows', () => {
    const grid = only(utf8('a,"x\ny"\n\nb,c'));
    expect(texts(grid)).toEqual([
      ['a', 'x\ny'],
      ['', ''],
      ['b', 'c'],
    ]);
    expect(grid.rows[2]![0]).toMatchObject({ ref: '第3行第1列' });
  });

  it('detects semicolon and tab separators, and honours an Excel sep= line', () => {
    expect(texts(only(utf8('序号;公开事项;备注\n1;"a;b";x,y\n')))).toEqual([
      ['序号', '公开事项', '备注'],
      ['1', 'a;b', 'x,y'],
    ]);
    expect(texts(only(utf8('序号\t公开事项\n1\t法规,政策\n')))).toEqual([
      ['序号', '公开事项'],
      ['1', '法规,政策'],
    ]);
    expect(texts(only(utf8('sep=;\na,b;c\n')))).toEqual([['a,b', 'c']]);
    expect(texts(only(utf8('只有一列\n第二行\n')))).toEqual([['只有一列'], ['第二行']]);
  });

  it('reads Excel\'s ="0505" as 0505, and leaves quotes inside unquoted fields as they are', () => {
    expect(texts(only(utf8('="0505",="a""b",=SUM(1),5"6"\n')))).toEqual([['0505', 'a"b', '=SUM(1)', '5"6"']]);
  });

  it('reads an unclosed quote to the end, and text after a closing quote', () => {
    expect(parseCsv('"ab"cd,e\n"open,\nend', ',')).toEqual([['abcd', 'e'], ['open,\nend']]);
    expect(parseCsv('a\rb\r\nc', ',')).toEqual([['a'], ['b'], ['c']]);
  });

  it('decodes UTF-8 with and without a BOM, UTF-16 with a BOM, and GBK', () => {
    const expected = [
      ['序号', '公开事项'],
      ['1', '安全生产'],
      ['2', '（一）公开'],
    ];
    const text = '序号,公开事项\r\n1,安全生产\r\n2,（一）公开\r\n';
    expect(texts(only(utf8(text)))).toEqual(expected);
    expect(texts(only(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])))).toEqual(expected);
    const le = new Uint8Array(Buffer.from('\ufeff' + text.replaceAll(',', '\t'), 'utf16le'));
    expect(texts(only(le))).toEqual(expected);
    const be = new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le').swap16());
    expect(texts(only(be))).toEqual(expected);
    expect(texts(only(GBK))).toEqual(expected);
  });

  it('says which encoding it read: UTF-8 with or without a BOM, UTF-16 LE or BE, GB18030', () => {
    const text = '序号,公开事项\r\n1,安全生产\r\n';
    const encoding = (bytes: Uint8Array) => readCsv(bytes, 'x.csv').encoding;
    expect(encoding(utf8(text))).toBe('utf-8');
    expect(encoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe('utf-8-bom');
    expect(encoding(new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le')))).toBe('utf-16le');
    expect(encoding(new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le').swap16()))).toBe('utf-16be');
    expect(encoding(GBK)).toBe('gb18030');
    // A file of blanks still says how it was read.
    expect(readCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x2c, 0x0a]), 'x.csv')).toEqual({
      format: 'csv',
      grids: [],
      encoding: 'utf-8-bom',
    });
  });

  it('decodes by a declared encoding unless a BOM says otherwise', () => {
    expect(decodeText(new Uint8Array([0xb9, 0xab, 0xbf, 0xaa]))).toBe('公开');
    expect(decodeText(new Uint8Array([0xb9, 0xab, 0xbf, 0xaa]), 'gb2312')).toBe('公开');
    expect(decodeText(new Uint8Array([0xa4, 0xbd, 0xb6, 0x7d]), 'big5')).toBe('公開');
    expect(decodeText(utf8('公开'), 'no-such-encoding')).toBe('公开');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('公开')]), 'gbk')).toBe('公开');
    expect(decodeTextAs(new Uint8Array([0xb9, 0xab, 0xbf, 0xaa]), 'gb2312')).toEqual({
      text: '公开',
      encoding: 'gb18030',
    });
    expect(decodeTextAs(new Uint8Array([0xa4, 0xbd, 0xb6, 0x7d]), 'big5').encoding).toBe('big5');
    expect(decodeTextAs(utf8('公开'), 'no-such-encoding').encoding).toBe('utf-8');
    expect(decodeTextAs(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('公开')]), 'gbk').encoding).toBe('utf-8-bom');
  });

  it('returns no grid for a file of blanks', () => {
    expect(readCsv(utf8(',,\n , \n'), 'x.csv').grids).toEqual([]);
  });
});
