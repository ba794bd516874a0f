import { describe, expect, it } from 'vitest';
import { adminLevelOf } from '../../../src/catalog/vocabulary.js';
import { catalog as checkCatalog, check, validItem } from '../../_helpers/check.js';

/** A catalog with the given level columns and one item ticking `level`. */
const catalog = (columns: string, level: string) =>
  checkCatalog(validItem().replace('levels: [县级]', `levels: ["${level}"]`)).replace(
    'level_columns: [县级, 乡级]',
    `level_columns: ${columns}`,
  );

const hintFor = (columns: string, level: string, lang: 'zh' | 'en' = 'zh') => {
  const found = check(catalog(columns, level), { lang }).filter((d) => d.code === 'level-known');
  expect(found).toHaveLength(1);
  return found[0]!.hint;
};

describe('level-known: an undeclared level points to the column of the same administrative level', () => {
  it.each([
    '镇级',
    '镇',
    '乡',
    '乡镇',
    '乡镇级',
    '街道',
    '街道级',
    '镇街',
    '镇街级',
    '镇(街)级',
    '乡镇（街道）级',
    '街镇',
    '苏木',
  ])('%s → 乡级', (level) => {
    expect(hintFor('[县级, 乡级]', level)).toBe('是否想写“乡级”？');
  });

  it.each(['区级', '区', '县区级', '区县级', '县(区)级', '县（市、区）级', '旗级'])('%s → 县级', (level) => {
    expect(hintFor('[县级, 乡级]', level)).toBe('是否想写“县级”？');
  });

  it.each(['村', '社区', '社区级', '村(居)级', '村居', '嘎查'])('%s → 村级', (level) => {
    expect(hintFor('[县级, 乡级, 村级]', level)).toBe('是否想写“村级”？');
  });

  it('the catalog’s own spelling of the level is offered: 乡级 where the columns are 区级 and 镇街级', () => {
    expect(hintFor('[区级, 镇街级]', '乡级', 'en')).toBe('Did you mean "镇街级"?');
    expect(hintFor('[区级, 镇街级]', '县级', 'en')).toBe('Did you mean "区级"?');
  });

  it('a column that joins two levels (乡、村级) is offered for either', () => {
    expect(hintFor('[县级, 乡、村级]', '镇级')).toBe('是否想写“乡、村级”？');
    expect(hintFor('[县级, 镇、村级]', '村级')).toBe('是否想写“镇、村级”？');
  });

  it('a level the catalog has no column for is not mistaken for a neighbour by spelling', () => {
    expect(hintFor('[县级, 市级]', '镇级')).toBe('改用已声明的层级，或把它加入 level_columns。');
  });

  it('a misspelling that names no level still gets the nearest column', () => {
    expect(hintFor('[县级, 乡级]', '县极')).toBe('是否想写“县级”？');
  });
});

describe('adminLevelOf', () => {
  it.each([
    ['省级', '省级'],
    ['自治区级', '省级'],
    ['州级', '市级'],
    ['盟级', '市级'],
    ['地市级', '市级'],
    ['县级', '县级'],
    ['县市区级', '县级'],
    ['乡级', '乡级'],
    ['乡镇街道', '乡级'],
    ['村级', '村级'],
    ['村（社区）级', '村级'],
  ])('%s is %s', (label, level) => {
    expect(adminLevelOf(label)).toBe(level);
  });

  it.each(['公开层级', '部门', '东阳市级'])('%s names no level', (label) => {
    expect(adminLevelOf(label)).toBeUndefined();
  });
});
