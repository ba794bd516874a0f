import { describe, expect, it } from 'vitest';
import {
  closingAtLineStart,
  fitToWidthScale,
  heightForLines,
  planPages,
  rowHeights,
  wrapLines,
  wrappedLines,
} from '../../src/office/excel-layout.js';
import { cleanSheetName, uniqueSheetNames } from '../../src/office/sheet-names.js';

describe('sheet names', () => {
  it('keeps valid names and replaces the characters Excel forbids', () => {
    expect(cleanSheetName('义务教育')).toBe('义务教育');
    expect(cleanSheetName('a[b]c:d*e?f/g\\h')).toBe('a_b_c_d_e_f_g_h');
    expect(cleanSheetName("'引号'")).toBe('’引号’');
    expect(cleanSheetName('  ')).toBe('目录');
  });

  it('cuts names to 31 characters without splitting a surrogate pair', () => {
    expect(cleanSheetName('领'.repeat(40))).toBe('领'.repeat(31));
    const name = cleanSheetName(`${'a'.repeat(30)}𠀀`);
    expect(name).toBe('a'.repeat(30));
  });

  it('makes repeats unique with “ (2)”, ignoring case, and avoids taken and reserved names', () => {
    expect(uniqueSheetNames(['养老服务', '养老服务', '养老服务', 'Abc', 'abc', '汇总', 'History'], ['汇总'])).toEqual([
      '养老服务',
      '养老服务 (2)',
      '养老服务 (3)',
      'Abc',
      'abc (2)',
      '汇总 (2)',
      'History (2)',
    ]);
    const long = '长'.repeat(31);
    const [a, b] = uniqueSheetNames([long, long]);
    expect(a).toBe(long);
    expect(b).toBe(`${'长'.repeat(27)} (2)`);
    expect(b!.length).toBeLessThanOrEqual(31);
  });
});

describe('text layout', () => {
  it('counts CJK characters double and keeps line breaks', () => {
    // 10.5 pt: a CJK character takes 2 width units; 21 units leave room for 10 of them.
    expect(wrappedLines('一二三四五六七八九十', 21, 10.5)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十一', 21, 10.5)).toBe(2);
    expect(wrappedLines('一\n二\n三', 21, 10.5)).toBe(3);
    expect(wrappedLines('', 21, 10.5)).toBe(1);
  });

  it('wraps Latin words whole and breaks words longer than a line', () => {
    expect(wrappedLines('aaaa bbbb', 6, 10.5)).toBe(2);
    expect(wrappedLines('x'.repeat(40), 11, 10.5)).toBe(Math.ceil((40 * 0.55 * 2) / 10));
  });

  it('gives rows the height of their tallest cell, and spreads a merged cell over its rows', () => {
    const one = heightForLines(1, 10.5);
    const [a, b, c] = rowHeights(
      3,
      [
        { row: 0, rowSpan: 1, width: 21, text: '一\n二\n三' },
        { row: 1, rowSpan: 2, width: 21, text: '一\n二\n三\n四\n五\n六' },
      ],
      10.5,
    );
    expect(a).toBeGreaterThanOrEqual(heightForLines(3, 10.5));
    expect(b).toBeCloseTo(c!, 0);
    expect(b! + c!).toBeGreaterThanOrEqual(heightForLines(6, 10.5));
    expect(b).toBeGreaterThan(one);
  });

  it('fits the table width with a whole percentage', () => {
    expect(fitToWidthScale(100, 784)).toBe(1);
    // 203 units of 5.6 pt are 1,136.8 pt: 784 / 1,136.8 = 0.6897.
    expect(fitToWidthScale(203, 784)).toBe(0.68);
  });
});

describe('page breaks', () => {
  // Rows of three lines at 10 pt; groups of rows 0-2, 3-5 and 6-8 tied by a merged cell, and row 9 alone.
  const row = Math.ceil(heightForLines(3, 10) * 4) / 4;
  const blocks = [
    ...Array.from({ length: 10 }, (_, r) => ({ row: r, rowSpan: 1, width: 20, text: '一\n二\n三' })),
    ...[0, 3, 6].map((r) => ({ row: r, rowSpan: 3, width: 20, text: '一级' })),
  ];
  const all = (n: number) => ({ first: n, rest: n });

  it('starts a page before a group that does not fit when the page is full enough', () => {
    expect(planPages(10, blocks, 10, all(3.5 * row), all(2 * row))).toEqual({
      starts: [3, 6, 9],
      heights: new Array(10).fill(row),
    });
    expect(planPages(0, [], 10, all(100), all(50))).toEqual({ starts: [], heights: [] });
  });

  it('cuts a group to fill a page that would be left too empty, not leaving one row alone', () => {
    // 4.5 rows a page, at least 3.5 of them filled: rows 0-3 | 4-7 | 8-9.
    expect(planPages(10, blocks, 10, all(4.5 * row), all(3.5 * row)).starts).toEqual([4, 8]);
    // Filled only when 4 rows: group 6-8 would leave row 8 alone, but without row 7 page 2 is too empty.
    expect(planPages(10, blocks, 10, all(4.5 * row), all(4 * row)).starts).toEqual([4, 8]);
  });

  it('shows a cut merged cell whole in each piece', () => {
    // One group of four one-line rows and a merged cell of four lines, which needs two rows' height and more.
    const tall = [
      ...Array.from({ length: 4 }, (_, r) => ({ row: r, rowSpan: 1, width: 20, text: '一' })),
      { row: 0, rowSpan: 4, width: 20, text: '一\n二\n三\n四' },
    ];
    const need = heightForLines(4, 10);
    const { starts, heights } = planPages(4, tall, 10, { first: need + 1, rest: 200 }, all(0));
    expect(starts).toEqual([2]);
    expect(heights[0]! + heights[1]!).toBeGreaterThanOrEqual(need);
    expect(heights[2]! + heights[3]!).toBeGreaterThanOrEqual(need);
  });
});

describe('line starts', () => {
  it('wraps CJK anywhere and keeps the text as written', () => {
    // 10.5 pt text is 2 units an em; a column 9 wide holds 4 characters a line.
    expect(wrapLines('依据《条例》公开', 9, 10.5)).toEqual(['依据《条', '例》公开']);
    expect(wrapLines('依据《条例》公开', 9, 10.5).join('')).toBe('依据《条例》公开');
  });

  it('counts closing punctuation a width would put at the start of a line', () => {
    // 4 characters a line puts 》 first on the second line (in Excel's estimate); 5 or 6 do not.
    expect(closingAtLineStart('一二三四》五', 9, 10.5)).toBeGreaterThan(0);
    expect(closingAtLineStart('一二三四》五', 13, 10.5)).toBe(0);
    // A paragraph the author began with one is not counted.
    expect(closingAtLineStart('一二\n》三', 9, 10.5)).toBe(0);
    // As LibreOffice wraps: half a character more a line than Excel, and digits wider than other Latin.
    expect(closingAtLineStart('一二三四五》', 10, 10.5)).toBe(1);
    expect(closingAtLineStart('1234567》', 10, 10.5)).toBe(2);
  });
});
