import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { importTables } from '../../src/import/import-tables.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { catalogYaml } from '../../src/import/write-yaml.js';

const vocabulary = buildVocabulary();
const csv = (text: string) =>
  importTables(readCsv(new TextEncoder().encode(text), 'catalog.csv'), vocabulary).tables[0]!;

/** Names an object inherits: as column headers they are the user's text like any other. */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const HEAD = `公开事项,公开内容,公开依据,公开时限,公开主体,${NAMES.join(',')}\n`;

describe('buildItems: extra columns headed like inherited properties', () => {
  it('keeps a value under each of them on its item, written to the YAML file and read back', () => {
    const table = csv(
      `${HEAD}政策文件,内容一,依据,及时,县政府,甲,乙,丙,丁\n规划计划,内容二,依据,及时,县政府,戊,己,庚,辛\n`,
    );
    expect(table.catalog.extra_columns).toEqual(NAMES);
    const items = table.catalog.items.map((i) => ({ ...i.extra }));
    const own = (o: object) => Object.entries(o);
    expect(own(items[0]!)).toEqual(NAMES.map((n, i) => [n, '甲乙丙丁'[i]]));
    expect(own(items[1]!)).toEqual(NAMES.map((n, i) => [n, '戊己庚辛'[i]]));
    const read = parse(catalogYaml(table.catalog, '导入')) as { items: { extra: Record<string, string> }[] };
    for (const [k, item] of read.items.entries())
      expect(Object.hasOwn(item.extra, '__proto__') && item.extra['__proto__']).toBe(k === 0 ? '甲' : '戊');
  });

  it('moves a value every row shares up to defaults, __proto__ included, and keeps the others on the rows', () => {
    const table = csv(`${HEAD}政策文件,内容一,依据,及时,县政府,同,乙,,\n规划计划,内容二,依据,及时,县政府,同,,,\n`);
    const defaults = table.catalog.defaults as { extra?: Record<string, string> };
    expect(Object.entries(defaults.extra ?? {})).toEqual([['__proto__', '同']]);
    expect(Object.entries(table.catalog.items[0]!.extra ?? {})).toEqual([['constructor', '乙']]);
    expect(table.catalog.items[1]!.extra).toBeUndefined();
    expect(catalogYaml(table.catalog, '导入')).toMatch(/defaults:[\s\S]*extra:\n {4}__proto__: 同\n/);
  });
});
