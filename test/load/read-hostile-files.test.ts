import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/load/limits.js';
import { decodeSource, readSource, readSourceStream, readSourceSync } from '../../src/load/read-source.js';
import { tempDir } from '../_helpers/cli.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function dir(): string {
  const made = tempDir();
  cleanup = made.cleanup;
  return made.dir;
}

/** Both readers, with what they said; the synchronous one first. */
async function readBoth(file: string, lang: 'zh' | 'en' = 'en') {
  return [readSourceSync(file, lang), await readSource(file, lang)];
}

describe('reading files that are not plain text files', () => {
  // The synchronous reader and devices are tried through the command line (test/cli/hostile-input.test.ts),
  // where a reader that waits or reads without end is stopped by a time limit.
  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir(), 'x.yaml');
    execFileSync('mkfifo', [fifo]);
    const result = await readSource(fifo, 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostic.code).toBe('file/unreadable');
      expect(result.diagnostic.message).toContain('FIFO');
    }
  });

  it('refuses a directory named like a catalog', async () => {
    const folder = join(dir(), 'x.yaml');
    mkdirSync(folder);
    for (const result of await readBoth(folder))
      expect(result.ok || result.diagnostic.message).toBe('This is a directory, not a file.');
  });

  it('refuses a file past the size limit unread, naming the limit', async () => {
    const big = join(dir(), 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, LIMITS.fileBytes + 1);
    for (const result of await readBoth(big)) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.diagnostic.code).toBe('file/too-large');
        expect(result.diagnostic.message).toContain(`${LIMITS.fileBytes / 1024 / 1024} MB`);
      }
    }
  });

  it('reads a stream up to the size limit and stops there', async () => {
    const megabyte = Buffer.alloc(1024 * 1024, 0x20);
    let given = 0;
    // eslint-disable-next-line @typescript-eslint/require-await -- stands in for standard input, an async source
    async function* endless() {
      for (;;) {
        given++;
        yield megabyte;
      }
    }
    const result = await readSourceStream('<stdin>', endless(), 'en');
    expect(result.ok || result.diagnostic.code).toBe('file/too-large');
    expect(given).toBe(LIMITS.fileBytes / megabyte.length + 1);
    const small = await readSourceStream('<stdin>', [Buffer.from('\uFEFFdomain: 户籍管理\n')], 'en');
    expect(small).toEqual({ ok: true, text: 'domain: 户籍管理\n' });
  });

  it('says that symbolic links go round in a loop', async () => {
    const d = dir();
    symlinkSync(join(d, 'b.yaml'), join(d, 'a.yaml'));
    symlinkSync(join(d, 'a.yaml'), join(d, 'b.yaml'));
    for (const result of await readBoth(join(d, 'a.yaml')))
      expect(result.ok || result.diagnostic.message).toMatch(/loop/);
  });

  it('tells UTF-32 from UTF-16', () => {
    for (const bom of [
      [0xff, 0xfe, 0, 0],
      [0, 0, 0xfe, 0xff],
    ]) {
      const result = decodeSource('a.yaml', new Uint8Array([...bom, 0x61, 0, 0, 0]), 'en');
      expect(result.ok || result.diagnostic.message).toMatch(/UTF-32/);
    }
  });
});
