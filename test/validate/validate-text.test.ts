import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, codes } from '../_helpers/check.js';

const SHIPPED = join(import.meta.dirname, '../../catalogs/yiwu-jiaoyu.yaml');

/** Replace the first occurrence of `from` in a shipped catalog, and say on which line it was. */
function mutate(from: string, to: string): { text: string; line: number } {
  const text = readFileSync(SHIPPED, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in the catalog: ${from}`);
  return { text: text.slice(0, at) + to + text.slice(at + from.length), line: text.slice(0, at).split('\n').length };
}

describe('validateText on mutated shipped catalogs', () => {
  it('the shipped catalog is clean', () => {
    expect(check(readFileSync(SHIPPED, 'utf8'))).toEqual([]);
  });

  it('a duplicated key', () => {
    const { text, line } = mutate('  method: 主动\n', '  method: 主动\n  method: 主动\n');
    const found = check(text);
    expect(codes(found)).toEqual(['yaml/duplicate-key']);
    expect(found[0]!.range!.start.line).toBe(line + 1);
  });

  it('a bad indent', () => {
    const { text, line } = mutate('\n      - name: ', '\n     - name: ');
    const found = check(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.code.startsWith('yaml/'))).toBe(true);
    expect(found[0]!.range!.start.line).toBeGreaterThanOrEqual(line + 1);
    expect(found[0]!.range!.start.line).toBeLessThanOrEqual(line + 2);
  });

  it('a typo in a channel', () => {
    const { text, line } = mutate('政府网站', '政腐网站');
    const found = check(text);
    expect(codes(found)).toEqual(['channel-known']);
    expect(found[0]!.range!.start.line).toBe(line);
    expect(found[0]!.hint).toContain('政府网站');
  });

  it('a wrong 公开方式', () => {
    const { text, line } = mutate('method: 主动', 'method: 主动公开');
    const found = check(text);
    expect(codes(found)).toEqual(['schema/enum']);
    expect(found[0]!.range!.start.line).toBe(line);
    expect(found[0]!.range!.start.column).toBe(text.split('\n')[line - 1]!.indexOf('主动公开') + 1);
  });

  it('an unquoted 0505 code', () => {
    const first = readFileSync(SHIPPED, 'utf8').match(/\n {2}- name: [^\n]*\n/)![0];
    const { text, line } = mutate(first, `${first}    code: 0505\n`);
    const found = check(text).filter((d) => d.code === 'schema/code-unquoted');
    expect(found).toHaveLength(1);
    expect(found[0]!.range!.start).toEqual({ line: line + 2, column: 11 });
  });
});

describe('validateText on unusual input', () => {
  it.each([
    ['an empty file', '', 'file/empty'],
    ['comments only', '# 只有注释\n', 'file/empty'],
    ['a list instead of a catalog', '- a\n- b\n', 'schema/type'],
    ['plain text', '这不是目录\n', 'schema/type'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'yaml/multiple-documents'],
    ['a tab in indentation', 'domain: 义务教育\nitems:\n\t- name: a\n', 'yaml/tab-indent'],
  ])('%s gives a finding, not an exception', (_, text, code) => {
    expect(codes(check(text))).toContain(code);
  });

  it('a full-width colon gets a hint about it', () => {
    const found = check('domain：义务教育\n');
    expect(found[0]!.hint).toContain('全角冒号');
  });

  it('keeps positions with CRLF line ends', () => {
    const text = 'domain: 义务教育\r\nunit: x\r\nitems:\r\n  - name: a\r\n    method: 主动公开\r\n';
    const enumFinding = check(text).find((d) => d.code === 'schema/enum')!;
    expect(enumFinding.range!.start).toEqual({ line: 5, column: 13 });
  });
});
