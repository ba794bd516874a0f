import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/load/read-source.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    const result = decodeSource('a.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('domain: 义务教育\n')]), 'zh');
    expect(result).toEqual({ ok: true, text: 'domain: 义务教育\n' });
  });

  it('refuses GBK text, says so, and points at the first byte that is not UTF-8', () => {
    // "a: 义务" in GBK: 0xd2e5 0xcef1
    const result = decodeSource('a.yaml', new Uint8Array([...enc('x: 1\na: '), 0xd2, 0xe5, 0xce, 0xf1, 0x0a]), 'zh');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic.code).toBe('file/encoding');
    expect(result.diagnostic.message).toContain('GBK');
    expect(result.diagnostic.hint).toContain('iconv');
    expect(result.diagnostic.range?.start).toEqual({ line: 2, column: 4 });
  });

  it('refuses UTF-16 by its byte-order mark', () => {
    const result = decodeSource('a.yaml', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostic.message).toMatch(/UTF-16/);
  });

  it('recognises a workbook given by mistake', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    const result = decodeSource('a.yaml', zip, 'zh');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostic.code).toBe('file/binary');
      expect(result.diagnostic.hint).toContain('YAML');
    }
  });
});
