import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/util/write-files.js';
import { tempDir } from '../_helpers/cli.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function dir(files: Record<string, string> = {}): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

const contents = (d: string) => Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]));

describe('writeFilesAtomically', () => {
  it('writes every file, replacing old ones, and leaves no temporary file', async () => {
    const d = dir({ 'a.yaml': 'old a\n' });
    await writeFilesAtomically([
      { path: join(d, 'a.yaml'), data: 'new a\n' },
      { path: join(d, 'b.yaml'), data: 'new b\n' },
    ]);
    expect(contents(d)).toEqual({ 'a.yaml': 'new a\n', 'b.yaml': 'new b\n' });
  });

  it('writes a target whose name is 255 bytes long (the temporary name stays short)', async () => {
    const d = dir();
    const name = `${'乡'.repeat(83)}.yaml`;
    expect(Buffer.byteLength(name)).toBe(254);
    await writeFilesAtomically([{ path: join(d, name), data: 'x\n' }]);
    expect(contents(d)).toEqual({ [name]: 'x\n' });
  });

  it('leaves every old file as it was when a later file cannot be written', async () => {
    const d = dir({ 'a.yaml': 'old a\n', 'b.yaml': 'old b\n' });
    const files = [
      { path: join(d, 'a.yaml'), data: 'new a\n' },
      { path: join(d, 'b.yaml'), data: 'new b\n' },
      { path: join(d, 'missing/c.yaml'), data: 'new c\n' },
    ];
    await expect(writeFilesAtomically(files)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(contents(d)).toEqual({ 'a.yaml': 'old a\n', 'b.yaml': 'old b\n' });
  });

  it('puts back the files already replaced when a rename fails', async () => {
    const d = dir({ 'a.yaml': 'old a\n', 'c.yaml/inside': 'a folder in the way\n' });
    const files = [
      { path: join(d, 'a.yaml'), data: 'new a\n' },
      { path: join(d, 'b.yaml'), data: 'new b\n' },
      { path: join(d, 'c.yaml'), data: 'new c\n' },
    ];
    await expect(writeFilesAtomically(files)).rejects.toThrow();
    expect(readdirSync(d).sort()).toEqual(['a.yaml', 'c.yaml']);
    expect(readFileSync(join(d, 'a.yaml'), 'utf8')).toBe('old a\n');
    expect(readdirSync(join(d, 'c.yaml'))).toEqual(['inside']);
  });

  it('on SIGTERM while writing, removes the temporaries, keeps every old file, and stops by the signal', () => {
    const d = dir({ 'a.yaml': 'old a\n', 'b.yaml': 'old b\n' });
    const module = pathToFileURL(join(import.meta.dirname, '../../build/util/write-files.js')).href;
    const script = `
      const { writeFilesAtomically } = await import(${JSON.stringify(module)});
      const d = ${JSON.stringify(d)};
      await writeFilesAtomically(
        ['a.yaml', 'b.yaml', 'c.yaml'].map((f) => ({ path: d + '/' + f, data: 'new ' + f + '\\n' })),
        { afterTemporary: (i) => { if (i === 1) process.kill(process.pid, 'SIGTERM'); } },
      );
      console.log('finished');
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGTERM');
    expect(r.stdout).not.toContain('finished');
    expect(contents(d)).toEqual({ 'a.yaml': 'old a\n', 'b.yaml': 'old b\n' });
  });
});
