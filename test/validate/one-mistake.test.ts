import { describe, expect, it } from 'vitest';
import { parseTimeLimit, startsFromApplication } from '../../src/catalog/time-limit.js';
import { codeFrame } from '../../src/report/code-frame.js';
import { catalog, check, codes, validItem } from '../_helpers/check.js';

/** Each mistake a clerk makes should give one finding, at the mistake, that says what to do. */
describe('one mistake, one finding', () => {
  it.each([
    ['a misspelt element key', validItem().replace('channels:', 'chanels:'), 'schema/unknown-property'],
    ['a Chinese element key', validItem().replace('audience:', '公开对象:'), 'schema/unknown-property'],
    ['同上 in a channel list', validItem().replace('[政府网站]', '[同上]'), 'no-same-as-above'],
  ])('%s', (_, items, code) => {
    expect(codes(check(catalog(items)))).toEqual([code]);
  });

  it('a value outside an allowed list is not also a type error', () => {
    expect(codes(check(catalog(validItem(), 'admin_level: 3\n')))).toEqual(['schema/enum']);
  });

  it('an item written as a plain name', () => {
    const found = check(catalog('  - 政策文件\n'));
    expect(codes(found)).toEqual(['schema/type']);
    expect(found[0]!.hint).toContain('- name: 政策文件');
  });

  it('a misspelt required key at the top', () => {
    const found = check(catalog(validItem()).replace('domain:', '领域:'));
    expect(codes(found)).toEqual(['schema/unknown-property']);
    expect(found[0]!.hint).toContain('domain');
  });

  it('a flow list continued on a line the yaml package rejects is a YAML error, not a misplaced finding', () => {
    const text = catalog(
      validItem()
        .replace('channels: [政府网站]', 'channels: [政府网址,\n        两微一端]')
        .replace('subject: 青禾区教育局', 'specific_group: 申请人'),
    );
    const found = check(text);
    expect(found.every((d) => d.code.startsWith('yaml/'))).toBe(true);
    expect(found).toHaveLength(1);
  });

  it('old Mac line ends (a lone CR) are line breaks, as YAML has them', () => {
    expect(check(catalog(validItem()).replaceAll('\n', '\r'))).toEqual([]);
    const found = check(catalog(validItem().replace('        subject:', '       subject:')).replaceAll('\n', '\r'));
    expect(found).toEqual(check(catalog(validItem().replace('        subject:', '       subject:'))));
  });

  it('one bad indent gives one syntax error', () => {
    const found = check(catalog(validItem().replace('        subject:', '       subject:')));
    expect(found).toHaveLength(1);
  });

  it('a duplicate key names the key and spans it', () => {
    const found = check(
      catalog(validItem().replace('        method: 主动\n', '        method: 主动\n        method: 主动\n')),
    );
    expect(found[0]!.message).toContain('method');
    expect(found[0]!.range!.end.column - found[0]!.range!.start.column).toBe('method'.length);
  });

  it('a numeric key in a map is a key, not a list position', () => {
    const found = check(catalog(validItem('        extra: {2024: 1}\n'), 'extra_columns: ["2024"]\n'));
    expect(found.map((d) => d.pointer)).toEqual(['/items/0/items/0/extra/2024']);
  });

  it('several channels in one string get the list hint', () => {
    const found = check(catalog(validItem().replace('[政府网站]', '政府网站、两微一端')));
    expect(found[0]!.hint).toContain('[政府网站, 两微一端]');
  });
});

describe('time limits written in words', () => {
  it.each([
    ['自收到申请之日起二十个工作日内', 20, 'working_day', 'application_received'],
    ['信息形成后一个月内', 1, 'month', 'formed'],
    ['自受理之日起十五个工作日内', 15, 'working_day', 'application_received'],
  ])('%s', (text, amount, unit, anchor) => {
    const limit = parseTimeLimit(text);
    expect(limit.parsed).toBe(true);
    expect(limit.clauses[0]).toMatchObject({ kind: 'deadline', amount, unit, anchor });
  });

  it('an application-anchored deadline in words satisfies 依申请 items', () => {
    expect(startsFromApplication(parseTimeLimit('自收到申请之日起二十个工作日内'))).toBe(true);
  });
});

describe('code frames of long lines', () => {
  it('show a window around the finding', () => {
    const line = 'content: ' + '很长的内容'.repeat(300) + ' 错字 ' + '更多内容'.repeat(300);
    const column = line.indexOf('错字') + 1;
    const frame = codeFrame(line, { start: { line: 1, column }, end: { line: 1, column: column + 2 } });
    expect(frame.length).toBeLessThan(600);
    expect(frame).toContain('错字');
    const [src, marks] = frame.split('\n');
    expect(src).toContain('…');
    expect(marks!.indexOf('^')).toBeGreaterThan(0);
  });
});
