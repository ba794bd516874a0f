import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/load/read-source.js';
import { runs } from '../_helpers/fc-options.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** What the strict decoder makes of the bytes, or undefined where it refuses them. */
function strictly(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

describe('decoding a file', () => {
  it('gives exactly what a strict UTF-8 decoder gives, and refuses what it refuses', () => {
    const text = fc.string({ unit: 'grapheme-composite', maxLength: 40 });
    const bytes = fc
      .tuple(text, fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 2 }))
      .map(([s, bom, edits]) => {
        const b = new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...Buffer.from(s, 'utf8')]);
        for (const [at, value] of edits) if (b.length > 0) b[at % b.length] = value;
        return b;
      });
    fc.assert(
      fc.property(bytes, (b) => {
        // NUL bytes mark a binary file, and UTF-16 byte-order marks a UTF-16 one, before any decoding.
        if (b.subarray(0, 8192).includes(0) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))
          return;
        const result = decodeSource('f.yaml', b, 'en');
        const expected = strictly(b);
        if (expected === undefined) expect(result.ok).toBe(false);
        else expect(result).toEqual({ ok: true, text: expected });
      }),
      runs(2000),
    );
  });

  it.each([
    ['a byte-order mark', [0xef, 0xbb, 0xbf, 0x61]],
    ['two byte-order marks', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]],
    ['only a byte-order mark', [0xef, 0xbb, 0xbf]],
    ['nothing', []],
    ['a character outside the BMP', [...Buffer.from('a😀中', 'utf8')]],
    ['noncharacters', [...Buffer.from('\ufffe\uffff', 'utf8')]],
  ])('reads %s as the strict decoder does', (_, list) => {
    const b = new Uint8Array(list);
    expect(decodeSource('f.yaml', b, 'en')).toEqual({ ok: true, text: strict.decode(b) });
  });
});

describe('a table or document given as a catalog', () => {
  it.each(['目录.xlsx', 'catalog.CSV', 'page.html', 'page.htm', 'old.xls', 'notice.docx', 'scan.pdf'])(
    '%s is file/not-yaml, whatever it holds',
    (name) => {
      for (const bytes of [
        new Uint8Array(),
        Buffer.from('序号,一级事项,二级事项\n1,政策文件,法律法规\n'),
        Buffer.from('domain: 义务教育\n'),
      ]) {
        const result = decodeSource(name, bytes, 'zh');
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.diagnostic.code).toBe('file/not-yaml');
        expect(result.diagnostic.message).toContain('不是 YAML 目录文件');
        // Tables zwgk reads are to import (where the run does not check them as they are); others to save as one it reads.
        const hint = /\.(xlsx|csv|html?)$/i.test(name)
          ? 'zwgk import'
          : /\.docx$/.test(name)
            ? '网页'
            : /\.pdf$/.test(name)
              ? '原件'
              : '.xlsx';
        expect(result.diagnostic.hint).toContain(hint);
      }
    },
  );

  it('leaves YAML and files of other names alone', () => {
    for (const name of ['a.yaml', 'a.yml', 'csv/a.yaml', 'a.csv.yaml', 'README'])
      expect(decodeSource(name, Buffer.from('domain: 义务教育\n'), 'zh').ok).toBe(true);
  });
});
