import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Catalog } from '../../src/catalog/types.js';
import { catalogText, catalogYaml, catalogYamlDocument } from '../../src/import/write-yaml.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { runs } from '../_helpers/fc-options.js';

const COMMENT = '由 zwgk import 从 目录.xlsx 导入（表格位置 Sheet1!A3）。';

/** Texts a YAML reader could take for something other than a string, or that cannot be written plain. */
const TRICKY = [
  ...['0b101', '-0x1F', '0o17', '-0o7', '+0b1', '0x', '0b', '0o', '0x1F', '0b2', '0o8', '1_000', '1_0.5', '_1', '1_'],
  ...['+.5', '-.5', '.5', '5.', '0.5', '+1', '-1', '007', '1e3', '1E-3', '.5e3', '+1e3', '1e', '12:30', '1:30:00'],
  ...['.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN', '-.nan', '.Nan', 'inf', 'NaN'],
  ...['', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE'],
  ...['yes', 'no', 'on', 'off', 'Yes', 'NO', 'On', 'OFF', 'y', 'n', '='],
  ...[
    '2024-06-28',
    '2024-6-28',
    '2024-06-28T12:30:00Z',
    '2024-06-28 12:30:00',
    '2024-6-1 1:02:03.5 +08:00',
    '2024-06-28T12:30',
    '20240628',
  ],
  ...['- a', '-', '-a', '? a', '?', '# x', 'a #b', 'a#b', 'a: b', 'a:', 'a:b', ':a', ' a', 'a ', ' ', '  '],
  ...['@x', '`x', '%x', '!x', '&x', '*x', '|', '>', '[', ']', '{', '}', ',', '"', "'", 'a"b', "a'b"],
  ...['---', '...', '--- a', '... a', '<<', '<', '__proto__', '公开 0b101', '0b101 号'],
  ...[' \n', ' \n\n', ' \n \n', '\t\n', '  \n  '],
];

/** A catalog holding `text` as a value, in a list on one line, in a block list, and as a key and value under `extra`. */
function catalogWith(text: string): Catalog {
  return {
    domain: text,
    level_columns: [text, '县级'],
    items: [{ name: '政策文件', content: [text, '第一行\n第二行'], extra: { [text]: text, 备注: text } }],
  } as unknown as Catalog;
}

/** What each YAML reader the project uses reads from `text`. */
function readers(text: string): Record<string, unknown> {
  const fast = parseFast(text);
  return {
    'js-yaml (default schema)': jsyaml.load(text),
    'js-yaml (core schema)': jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }),
    'yaml (core schema)': YAML.parse(text, { schema: 'core', uniqueKeys: true }) as unknown,
    'zwgk (parseFast)': fast.ok ? fast.data : 'not read',
  };
}

/** Every reader reads back the catalog exactly, from the text import writes and from the document model's text. */
function expectReadBack(catalog: Catalog, readBack: Catalog = catalog): void {
  for (const text of [catalogYaml(catalog, COMMENT), catalogYamlDocument(catalog, COMMENT)]) {
    for (const [reader, data] of Object.entries(readers(text)))
      expect(data, `${reader} reading\n${text}`).toStrictEqual(readBack);
  }
  const { data } = catalogText(catalog, COMMENT);
  if (data !== undefined) expect(data).toStrictEqual(readBack);
}

describe('catalogYaml writes text plain only where every reader reads it back as that string', () => {
  it.each(TRICKY.map((t) => [JSON.stringify(t), t]))('%s', (_, text) => {
    expectReadBack(catalogWith(text));
  });

  it('quotes the texts js-yaml reads as numbers, dates or merge keys, in the same way in both writers', () => {
    for (const text of ['0b101', '-0x1F', '+0b1', '1_000', '2024-06-28', '2024-06-28 12:30:00', '<<']) {
      const written = catalogYaml(catalogWith(text), COMMENT);
      expect(written).toContain(`domain: "${text}"`);
      expect(written).toContain(`  "${text}": "${text}"`);
      expect(written).toBe(catalogYamlDocument(catalogWith(text), COMMENT));
    }
  });

  it('leaves plain what every reader reads as a string', () => {
    for (const text of ['yes', 'off', '0x', '0b2', '12:30', '-a', 'a:b', '公开 0b101', '2024-6-28', '__proto__']) {
      expect(catalogYaml(catalogWith(text), COMMENT)).toContain(`domain: ${text}\n`);
    }
  });

  it('for strings over a YAML-ish alphabet', () => {
    const alphabet = ' \t\n-?:,[]{}#&*!|>\'"%@`~<=._+0123456789eEbBoOxXabcdfnulNtrsyFTRUEYinfINa公开Z'.split('');
    const text = fc.oneof(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 10 }), fc.constantFrom(...TRICKY));
    fc.assert(
      fc.property(text, (t) => {
        expectReadBack(catalogWith(t));
      }),
      runs(1000),
    );
  });
});

/** Texts holding characters a YAML file may not hold raw: controls, C1, NEL, U+2028, BOM, non-characters, lone surrogates. */
const UNSAFE = [
  '\ufffe',
  'a\uffffb',
  '前\ufeff后',
  'a\x01b',
  '\x7f',
  'a\x85b',
  'a\x9fb',
  '甲\u2028乙\u2029丙',
  'a\ud800',
  '\udc00b',
  '第一行\n第二\ufffe行',
  '\x0c',
  '😀\ufffe',
];

describe('catalogYaml writes characters YAML forbids as escapes', () => {
  it.each(UNSAFE.map((t) => [JSON.stringify(t), t]))('%s', (_, text) => {
    // Half a surrogate pair is no character: it is written, and read back, as U+FFFD.
    expectReadBack(
      catalogWith(text),
      catalogWith(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')),
    );
    for (const written of [catalogYaml(catalogWith(text), COMMENT), catalogYamlDocument(catalogWith(text), COMMENT)]) {
      expect(written).not.toMatch(
        /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
      );
    }
  });

  it('in the comment too (a file name holding them), which stays one comment', () => {
    const catalog = catalogWith('政策文件');
    for (const comment of ['由 zwgk import 从 a\ufffe\r\x85b.xlsx 导入。', '\u2028x']) {
      const written = catalogYaml(catalog, comment);
      expect(written).not.toMatch(/[\r\x85\ufffe\u2028]/);
      for (const [reader, data] of Object.entries(readers(written))) expect(data, reader).toStrictEqual(catalog);
    }
  });
});
