import { describe, expect, it } from 'vitest';
import { catalogFileName } from '../../src/import/file-name.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const name = (base: string, taken = new Set<string>()) => catalogFileName(base, taken);

describe('catalogFileName', () => {
  it('cuts a long unit name to 255 UTF-8 bytes with its extension, never inside a character', () => {
    const unit = '某某省某某市某某县某某乡镇人民政府'.repeat(10);
    const n = name(`${unit}-安全生产`);
    expect(bytes(n)).toBeLessThanOrEqual(255);
    expect(n.endsWith('.yaml')).toBe(true);
    expect(n).not.toContain('\ufffd');
    expect(unit.startsWith(n.slice(0, -5))).toBe(true);
    const emoji = name('😀'.repeat(100));
    expect(bytes(emoji)).toBeLessThanOrEqual(255);
    expect(emoji).toMatch(/^(😀)+\.yaml$/u);
  });

  it('keeps cut names unique, the number inside the byte limit', () => {
    const taken = new Set<string>();
    const base = '乡'.repeat(200);
    const a = name(base, taken);
    const b = name(base, taken);
    expect(a).not.toBe(b);
    expect(bytes(b)).toBeLessThanOrEqual(255);
    expect(b.endsWith('-2.yaml')).toBe(true);
  });

  it('replaces characters file systems refuse and white space', () => {
    expect(name('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j.yaml');
    expect(name('县 政府\t安全\u3000生产')).toBe('县_政府_安全_生产.yaml');
    expect(name('单位\x01\x9f\ufffe\ud800名')).toBe('单位_名.yaml');
  });

  it('drops leading dots and trailing dots and spaces; a name with nothing left is 目录', () => {
    expect(name('..隐藏')).toBe('隐藏.yaml');
    expect(name('单位. . ')).toBe('单位.yaml');
    expect(name('../..')).toBe('目录.yaml');
    expect(name('   ')).toBe('目录.yaml');
  });

  it('keeps Windows device names (CON, nul, COM1, LPT9) from being a file name', () => {
    expect(name('CON')).toBe('CON_.yaml');
    expect(name('nul')).toBe('nul_.yaml');
    expect(name('com1')).toBe('com1_.yaml');
    expect(name('LPT9.backup')).toBe('LPT9.backup_.yaml');
    expect(name('CONSOLE')).toBe('CONSOLE.yaml');
  });

  it('treats names differing only in case or Unicode normalisation as the same file', () => {
    const taken = new Set<string>();
    expect(name('Office', taken)).toBe('Office.yaml');
    expect(name('OFFICE', taken)).toBe('OFFICE-2.yaml');
    expect(name('e\u0301', taken)).toBe('\u00e9.yaml');
    expect(name('\u00e9', taken)).toBe('\u00e9-2.yaml');
  });
});
