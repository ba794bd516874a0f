import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/types.js';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { importTables } from '../../src/import/import-tables.js';
import { readHtml } from '../../src/tables/read-html.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { catalogText, catalogYaml, catalogYamlDirect, catalogYamlDocument } from '../../src/import/write-yaml.js';
import { arbitraryCatalog } from '../_helpers/arbitrary-catalog.js';
import { runs } from '../_helpers/fc-options.js';
import { sampleHtml } from '../_helpers/real-tables/html.js';
import { loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';

const COMMENT =
  '由 zwgk import 从 目录.xlsx 导入（表格位置 Sheet1!A3）。\n文字按原表保留；导入时的判断见导入报告，请对照原表核对。';
const vocabulary = buildVocabulary();

/** The direct text, which must exist and be the document model's text byte for byte. */
function expectDirect(catalog: Catalog, comment = COMMENT): void {
  const direct = catalogYamlDirect(catalog, comment);
  expect(direct).toBeDefined();
  expect(direct).toBe(catalogYamlDocument(catalog, comment));
  expectReadBack(catalog, comment);
}

/** The data given with the text, if any, is what js-yaml (as zwgk validate's fast parser) reads from it, keys in order. */
function expectReadBack(catalog: Catalog, comment = COMMENT): boolean {
  const { text, data } = catalogText(catalog, comment);
  if (data === undefined) return false;
  expect(JSON.stringify(data)).toBe(JSON.stringify(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA })));
  return true;
}

describe('catalogYaml writes what the yaml document model writes, and knows what it reads back as', () => {
  it('for the shipped catalogs', () => {
    const dir = new URL('../../catalogs/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const catalog = jsyaml.load(readFileSync(new URL(file, dir), 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as Catalog;
      expectDirect(catalog);
      expect(expectReadBack(catalog), file).toBe(true);
    }
  });

  it('for the real-table fixtures, imported from Excel and from HTML', async () => {
    for (const sample of loadCatalogSamples()) {
      const imported = [
        importTables(await readXlsx(await sampleXlsx(sample), `${sample.id}.xlsx`), vocabulary),
        importTables(readHtml(sampleHtml(sample), `${sample.id}.html`), vocabulary),
      ];
      for (const result of imported) {
        for (const table of result.tables) {
          const direct = catalogYamlDirect(table.catalog, COMMENT);
          if (direct !== undefined) expect(direct, sample.id).toBe(catalogYamlDocument(table.catalog, COMMENT));
          expectReadBack(table.catalog);
        }
      }
    }
  });

  it('for generated catalogs', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbitraryCatalog(), arbitraryCatalog({ coded: true }), arbitraryCatalog({ withLevel3: 4 })),
        (catalog) => {
          expectDirect(catalog);
        },
      ),
      runs(100),
    );
  });

  it('for strings YAML quotes, blocks and the values it cannot write directly', () => {
    const indexLike = fc.constantFrom('0', '7', '12', '007', '4294967294', '4294967295', '-1');
    const awkward = fc.oneof(
      fc.string({
        unit: fc.constantFrom(
          ...' \t\n-?:,[]{}#&*!|>\'"%@`~.0123456789eEoxnulNtrufaFTRUEinfNa公开\u00a0\u2028\u0085\u0007\\'.split(''),
        ),
        maxLength: 8,
      }),
      fc.constantFrom(
        '',
        'null',
        '~',
        'true',
        'False',
        'yes',
        'on',
        '0505',
        '-1',
        '+.5',
        '1e3',
        '0x1F',
        '0o17',
        '.inf',
        '.NaN',
        '---',
        '...x',
        '%x',
        '- a',
        'a: b',
        'a #b',
        'a:',
        ' a',
        'a ',
        'a\n',
        '\na',
        'a\n\nb',
        'a\n b',
        'a \nb',
        '\ta',
        'a\tb',
      ),
      // What js-yaml reads as numbers though the yaml package writes them plain, and near misses.
      fc.constantFrom(
        '0b101',
        '+0b1',
        '-0x1F',
        '-0o7',
        '1_000',
        '1_0.5',
        '2024-05-20',
        '1:30',
        '0.5',
        '.5',
        '5.',
        'Yes',
        '__proto__',
        '<<',
        '\ufeffa',
        'a\ufffe',
      ),
      fc.string(),
    );
    const fields = fc.record(
      {
        content: fc.oneof(awkward, fc.array(awkward, { maxLength: 4 })),
        basis: fc.array(awkward, { maxLength: 3 }),
        time_limit: awkward,
        extra: fc.dictionary(fc.oneof(awkward, indexLike), awkward, { maxKeys: 3 }),
      },
      { requiredKeys: [] },
    );
    // Keys the catalog does not know, some of them array indices, which objects list first.
    const unknown = fc.dictionary(fc.oneof(indexLike, fc.constantFrom('zz', 'name2', 'Items')), awkward, {
      maxKeys: 2,
    });
    const catalog = fc.record({
      domain: awkward,
      level_columns: fc.array(awkward, { maxLength: 3 }),
      defaults: fields,
      items: fc.array(
        fc
          .tuple(
            unknown,
            fc.record({
              name: awkward,
              code: fc.option(awkward, { nil: undefined }),
              items: fc.array(
                fc.tuple(awkward, fields, unknown).map(([name, f, u]) => ({ ...u, name, ...f })),
                { maxLength: 3 },
              ),
            }),
          )
          .map(([u, item]) => ({ ...u, ...item })),
        { minLength: 1, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(catalog, fc.string(), (c, comment) => {
        const text = catalogYamlDirect(c as unknown as Catalog, comment);
        const reference = catalogYamlDocument(c as unknown as Catalog, comment);
        expect(text ?? reference).toBe(reference);
        expect(catalogYaml(c as unknown as Catalog, comment)).toBe(reference);
        expectReadBack(c as unknown as Catalog, comment);
      }),
      runs(300),
    );
  });

  it('writes directly, and knows the data it reads back as, for text that needs quotes or blocks', () => {
    const catalog = {
      domain: '安全生产',
      version: '2025',
      date: '2024-05-20',
      level_columns: ['县级', '乡级'],
      defaults: { time_limit: '20个工作日', channels: ['政府网站', '两微一端'], extra: { '0': '- a', 备注: 'a: b' } },
      items: [
        {
          name: '政策文件',
          code: '0505',
          items: [
            { name: '#1 规范性文件', code: '050501', content: '第一行\n第二行', basis: ['《条例》', '1.5', 'true'] },
            { name: '[附件] 办事指南', content: ['申请条件', "'引号'", '0b101'], method: '主动' },
          ],
        },
      ],
    } as unknown as Catalog;
    const direct = catalogYamlDirect(catalog, COMMENT);
    expect(direct).toBe(catalogYamlDocument(catalog, COMMENT));
    expect(direct).toContain('code: "0505"');
    expect(direct).toContain('content: |-');
    // What js-yaml reads as a number or a date is quoted, though the core schema reads it as a string.
    expect(direct).toContain('"0b101"]');
    expect(direct).toContain('date: "2024-05-20"');
    expect(expectReadBack(catalog)).toBe(true);
  });

  it('writes a list two items share outside `extra` twice, as the document model does', () => {
    const shared = ['政府网站', '两微一端'];
    const catalog = {
      domain: '救灾',
      items: [
        { name: 'a', channels: shared },
        { name: 'b', channels: shared },
      ],
    } as unknown as Catalog;
    expect(catalogYamlDocument(catalog, COMMENT)).not.toContain('*a1');
    expectDirect(catalog);
  });

  it('falls back for an object written twice, which the document model writes as an alias', () => {
    const shared = { 备注: '按季度更新' };
    const catalog = {
      domain: '救灾',
      items: [
        { name: 'a', extra: shared },
        { name: 'b', extra: shared },
      ],
    } as unknown as Catalog;
    expect(catalogYamlDocument(catalog, COMMENT)).toContain('*a1');
    expect(catalogYamlDirect(catalog, COMMENT)).toBeUndefined();
    expect(catalogYaml(catalog, COMMENT)).toBe(catalogYamlDocument(catalog, COMMENT));
    const list = ['x', 'y'];
    const inExtra = { domain: '救灾', items: [{ name: 'a', extra: { 甲: list, 乙: list } }] } as unknown as Catalog;
    expect(catalogYamlDocument(inExtra, COMMENT)).toContain('*a1');
    expect(catalogYamlDirect(inExtra, COMMENT)).toBeUndefined();
  });
});
