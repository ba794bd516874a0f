import { describe, expect, it } from 'vitest';
import { splitFields } from '../../src/forms/import/labels.js';
import { parseDate, parseTitle } from '../../src/forms/import/parse-cells.js';
import { dayOfTime, monthOfTime, parseMonth } from '../../src/forms/months.js';
import { normalizeTheme } from '../../src/forms/normalize-theme.js';
import { looksLikePhone } from '../../src/forms/phone.js';

describe('reading cells', () => {
  it.each([
    ['5', 5],
    ['5月', 5],
    ['12月份', 12],
    ['五月', 5],
    ['十一月', 11],
    ['2024年5月', 5],
    ['2024-05', 5],
    ['2024-05-20', 5],
    ['５月', 5],
    [' 6 月 ', 6],
    ['13', undefined],
    ['5-6月', undefined],
    ['下半年', undefined],
    ['', undefined],
    ['0', undefined],
  ])('parseMonth(%j) = %j', (text, month) => expect(parseMonth(text)).toBe(month));

  it.each([
    ['7月22日', 7],
    ['8月21日(暂定)', 8],
    ['8月26、27日', 8],
    ['2025-07-22', 7],
    ['2025/9/1', 9],
    ['2025年10月', 10],
    ['九月中旬', 9],
    ['下旬', undefined],
    ['每周三', undefined],
  ])('monthOfTime(%j) = %j', (text, month) => expect(monthOfTime(text)).toBe(month));

  it.each([
    ['7月22日', 22],
    ['8月21日(暂定)', 21],
    ['8月26、27日', 26],
    ['2025-07-22', 22],
    ['2025/9/1', 1],
    ['2025年10月3号', 3],
    ['2025年10月', undefined],
    ['九月中旬', undefined],
    ['7月32日', undefined],
  ])('dayOfTime(%j) = %j', (text, day) => expect(dayOfTime(text)).toBe(day));

  it.each([
    ['0871-65123456', true],
    ['13812345678', true],
    ['+86 138 1234 5678', true],
    ['(0731)88999337', true],
    ['88999337', true],
    ['0871－65123456', true],
    ['0871-65123456转123', true],
    ['0871-65123456-123', true],
    ['0871-65123456、13812345678', true],
    ['0731 8899 9337', true],
    ['12345', false],
    ['电话待定', false],
    ['1381234567', false],
    ['0871-651', false],
    ['', false],
    ['23812345678', false],
  ])('looksLikePhone(%j) = %j', (text, ok) => expect(looksLikePhone(text)).toBe(ok));

  it.each([
    ['2024年3月25日', '2024-03-25'],
    ['2024-03-25', '2024-03-25'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['填报日期：2024年 3 月 25 日', '2024-03-25'],
    ['2024年2月30日', undefined],
    ['      年    月    日', undefined],
  ])('parseDate(%j) = %j', (text, date) => expect(parseDate(text)).toBe(date));

  it('reads the area and year of a title', () => {
    expect(parseTitle('湖南湘江新区2023年“政务公开主题日”活动主题申报表')).toEqual({
      area: '湖南湘江新区',
      year: 2023,
    });
    expect(parseTitle('湖南湘江新区2023政务公开主题日活动主题申报表')).toEqual({ area: '湖南湘江新区', year: 2023 });
    expect(parseTitle('＿＿＿＿2024年“政务公开主题日”活动主题申报表')).toEqual({ year: 2024 });
    expect(parseTitle('活动主题申报表')).toEqual({});
  });

  it('splits a header line into its labelled fields', () => {
    expect(splitFields('填报单位(公章)：青禾区教育局   联系人：李明  联系电话：0871-65123456')).toEqual({
      lead: '',
      fields: [
        { key: 'unit', value: '青禾区教育局' },
        { key: 'contact', value: '李明' },
        { key: 'phone', value: '0871-65123456' },
      ],
    });
    expect(splitFields('填报单位（公章）：')).toEqual({ lead: '', fields: [{ key: 'unit', value: '' }] });
    expect(splitFields('联 系 人:')).toEqual({ lead: '', fields: [{ key: 'contact', value: '' }] });
    expect(splitFields('青禾区人民政府办公室').fields).toEqual([]);
    expect(splitFields('青禾区2024年活动主题申报表').fields).toEqual([]);
  });

  it('normalises themes for comparison', () => {
    expect(normalizeTheme('“政策发布”进社区 ')).toBe(normalizeTheme('政策发布进社区'));
    expect(normalizeTheme('ＡＢＣ 解读')).toBe('abc解读');
  });
});
