import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../../src/validate/validate-files.js';
import { fixText } from '../../../src/fix/fix-text.js';
import { resolveValidateOptions } from '../../../src/validate/options.js';
import { catalog as checkCatalog, check, validItem } from '../../_helpers/check.js';

/** A valid row named `first`, changed by `edit`, and a row `second` beside it (names as YAML text). */
const catalog = (first: string, second: string, edit = (row: string) => row) =>
  checkCatalog(
    edit(validItem().replace('name: 法律法规', `name: ${first}`)) + `      - name: ${second}\n        content: 其他\n`,
  );

const INVISIBLE = [
  ['U+200B', '\u200b'],
  ['U+200C', '\u200c'],
  ['U+200D', '\u200d'],
  ['U+200E', '\u200e'],
  ['U+200F', '\u200f'],
  ['U+2060', '\u2060'],
  ['U+FEFF', '\ufeff'],
  ['U+00AD', '\u00ad'],
  ['U+202E', '\u202e'],
  ['U+2066', '\u2066'],
  ['U+061C', '\u061c'],
] as const;

describe('text-whitespace: invisible characters', () => {
  it.each(INVISIBLE)('%s inside a name is reported, named, and removed by the fix', (code, char) => {
    const text = catalog(`"法律${char}法规"`, '规章');
    const found = check(text, { lang: 'en' }).filter((d) => d.code === 'text-whitespace');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(code);
    expect(found[0]!.range?.start.line).toBe(7);
    const fixed = fixText('a.yaml', text, resolveValidateOptions());
    expect(fixed.text).toBe(catalog('"法律法规"', '规章'));
  });

  it.each([
    [
      'a citation',
      (t: string) =>
        t.replace(
          'basis: 《中华人民共和国政府信息公开条例》(国务院令第711号)',
          'basis: "《中华人民共和国\u200b义务教育法》"',
        ),
    ],
    ['a level', (t: string) => t.replace('levels: [县级]', 'levels: ["县级\u200b"]')],
    ['a channel', (t: string) => t.replace('channels: [政府网站]', 'channels: ["政府\u2060网站"]')],
    [
      'an extra column',
      (t: string) => t.replace('        channels:', '        extra: { 备注: "无\u00ad" }\n        channels:'),
    ],
    [
      'content',
      (t: string) => t.replace('content: 与义务教育有关的法律、法规', 'content: "与义务教育有关的\u00ad法律"'),
    ],
  ])('in %s', (_, edit) => {
    const text = catalog('法律法规', '规章', edit);
    expect(check(text).filter((d) => d.code === 'text-whitespace')).toHaveLength(1);
  });

  it.each([
    ['\\u200b', 'U+200B'],
    ['\\ufeff', 'U+FEFF'],
    ['\\x7f\\u00ad', 'U+00AD'],
  ])('written as the escape %s in double quotes, with no such character in the text', (escape, code) => {
    const text = catalog(`"法律${escape}法规"`, '规章');
    expect(text).not.toMatch(/[\u00ad\u200b\ufeff]/);
    const found = check(text, { lang: 'en' }).filter((d) => d.code === 'text-whitespace');
    expect(found.map((d) => d.message).join()).toContain(code);
  });

  it('in the unit', () => {
    expect(
      check(catalog('法律法规', '规章').replace('unit: 青禾区教育局', 'unit: "青禾区\u200b教育局"')).filter(
        (d) => d.code === 'text-whitespace',
      ),
    ).toHaveLength(1);
  });

  it('no finding for ordinary text, Chinese punctuation or full-width spaces between words', () => {
    expect(check(catalog('法律、法规（含规章）', '规章·条例')).filter((d) => d.code === 'text-whitespace')).toEqual([]);
  });
});

describe('item-unique: names that differ only by invisible characters', () => {
  it.each(INVISIBLE)('%s does not hide a repeated name', (_, char) => {
    const found = check(catalog('法律法规', `"法律${char}法规"`)).filter((d) => d.code === 'item-unique');
    expect(found).toHaveLength(1);
  });
});

describe('code-unique: codes that differ only by invisible characters', () => {
  it('are the same code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zwgk-invisible-'));
    try {
      const text = catalog('法律法规', '规章')
        .replace('      - name: 法律法规\n', '      - name: 法律法规\n        code: "0505"\n')
        .replace('      - name: 规章\n', '      - name: 规章\n        code: "0505\u200b"\n');
      await writeFile(join(dir, 'a.yaml'), text);
      const report = await validateFiles(['a.yaml'], resolveValidateOptions(), dir);
      expect(report.diagnostics.filter((d) => d.code === 'code-unique')).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
