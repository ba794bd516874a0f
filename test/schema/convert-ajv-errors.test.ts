import { describe, expect, it } from 'vitest';
import { catalog, check, codes, validItem } from '../_helpers/check.js';
import { selectBranches } from '../../src/schema/convert-ajv-errors.js';

const CJK = /[\u4e00-\u9fff]/;

describe('schema findings', () => {
  it('report one finding per wrong value, never ajv’s anyOf noise', () => {
    const found = check(catalog(validItem().replace('method: 主动', 'method: 主动公开')));
    expect(codes(found)).toEqual(['schema/enum']);
    expect(found[0]!.pointer).toBe('/items/0/items/0/method');
    expect(found[0]!.message).toContain('公开方式');
    expect(found[0]!.message).toContain('法律法规');
    expect(found[0]!.message).not.toMatch(/must|anyOf|schema/);
    expect(found[0]!.hint).toContain('主动');
  });

  it('check each entry of a list and name its position', () => {
    const found = check(catalog(validItem().replace('method: 主动', 'method: [主动, 依申请公开]')));
    expect(found.map((d) => [d.code, d.pointer])).toEqual([['schema/enum', '/items/0/items/0/method/1']]);
    expect(found[0]!.hint).toContain('依申请');
  });

  it('say which types are wanted when no shape fits', () => {
    const found = check(catalog(validItem().replace('method: 主动', 'method: {a: 1}')));
    expect(codes(found)).toEqual(['schema/type']);
    expect(found[0]!.message).toMatch(/文字或列表/);
  });

  it('report an empty value as empty, not as a type error', () => {
    const found = check(catalog(validItem().replace('subject: 青禾区教育局', 'subject:')));
    expect(codes(found)).toContain('schema/empty');
    expect(found.find((d) => d.code === 'schema/empty')!.pointer).toBe('/items/0/items/0/subject');
  });

  it('suggest the English key for a Chinese field name', () => {
    const found = check(catalog(validItem('        公开方式: 主动\n')));
    const unknown = found.find((d) => d.code === 'schema/unknown-property')!;
    expect(unknown.pointer).toBe('/items/0/items/0/公开方式');
    expect(unknown.hint).toContain('method');
  });

  it('suggest the closest key for a typo', () => {
    const found = check(catalog(validItem('        chanels: [政府网站]\n')));
    expect(found.find((d) => d.code === 'schema/unknown-property')!.hint).toContain('channels');
  });

  it('report an unquoted code with what was written and what it became', () => {
    const found = check(catalog(validItem().replace('  - name: 政策文件\n', '  - name: 政策文件\n    code: 0505\n')));
    expect(codes(found)).toEqual(['schema/code-unquoted']);
    expect(found[0]!.message).toContain('0505');
    expect(found[0]!.message).toContain('505');
    expect(found[0]!.hint).toContain('"0505"');
    expect(found[0]!.range!.start).toEqual({ line: 6, column: 11 });
  });

  it('report a missing required field at the object that lacks it', () => {
    const found = check('domain: 义务教育\nlevel_columns: [县级]\nitems:\n' + validItem());
    expect(found.map((d) => [d.code, d.pointer])).toEqual([['schema/required', '/unit']]);
    expect(found[0]!.range!.start.line).toBe(1);
  });

  it('check the date format', () => {
    const found = check(catalog(validItem(), 'date: 2024-6-1\n'));
    expect(codes(found)).toEqual(['schema/pattern']);
  });

  it('speak English with --lang en', () => {
    const found = check(catalog(validItem().replace('method: 主动', 'method: 主动公开')), { lang: 'en' });
    const outsideQuotes = found[0]!.message.replace(/"[^"]*"|\([^)]*\)/g, '');
    expect(outsideQuotes).not.toMatch(CJK);
    expect(found[0]!.message).toMatch(/^[A-Z]/);
  });
});

describe('selectBranches with many items failing one anyOf', () => {
  const err = (instancePath: string, schemaPath: string, keyword: string) =>
    ({ instancePath, schemaPath, keyword, params: {}, message: keyword }) as import('ajv').ErrorObject;
  it('keeps each item to its own errors: the meant branch of one item does not drop another item’s errors', () => {
    const anyOf = '#/$defs/fields/properties/content/anyOf';
    const errors = [
      // Item 0: a list (branch 1) with an empty text; branch 0 wanted a string.
      err('/items/0/content', `${anyOf}/0/type`, 'type'),
      err('/items/0/content/0', `${anyOf}/1/items/minLength`, 'minLength'),
      err('/items/0/content', anyOf, 'anyOf'),
      // Item 1: a number, of neither type.
      err('/items/1/content', `${anyOf}/0/type`, 'type'),
      err('/items/1/content', `${anyOf}/1/type`, 'type'),
      err('/items/1/content', anyOf, 'anyOf'),
    ];
    const kept = selectBranches(errors).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(kept).toEqual(['/items/0/content/0 minLength', '/items/1/content anyOf']);
  });
});
