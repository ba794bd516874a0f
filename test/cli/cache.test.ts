import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';

const CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/yiwu-jiaoyu.yaml'), 'utf8');
const BROKEN = CATALOG.replace('  method: 主动\n', '  method: 主动公开\n');

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('zwgk validate --cache', () => {
  it('prints the same findings on the second run, from the cache file it keeps in the working directory', () => {
    const t = tempDir({ 'good.yaml': CATALOG, 'bad.yaml': BROKEN });
    cleanup = t.cleanup;
    const first = zwgk(['validate', '.', '--cache'], t.dir);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('schema/enum');
    expect(existsSync(join(t.dir, '.zwgkcache'))).toBe(true);
    const second = zwgk(['validate', '.', '--cache'], t.dir);
    expect(second).toEqual(first);
    // The code frame of a cached finding shows the file's text as it is.
    expect(second.stdout).toContain('主动公开');
  });

  it('keeps the cache where --cache-location says, a file or a folder', () => {
    const t = tempDir({ 'a.yaml': CATALOG, 'tmp/.keep': '' });
    cleanup = t.cleanup;
    expect(zwgk(['validate', 'a.yaml', '--cache', '--cache-location', 'tmp'], t.dir).status).toBe(0);
    expect(existsSync(join(t.dir, 'tmp', '.zwgkcache'))).toBe(true);
    expect(zwgk(['validate', 'a.yaml', '--cache', '--cache-location', 'c.cache'], t.dir).status).toBe(0);
    expect(existsSync(join(t.dir, 'c.cache'))).toBe(true);
    expect(existsSync(join(t.dir, '.zwgkcache'))).toBe(false);
  });

  it('warns of a cache place holding another file, leaves that file alone, and checks as usual', () => {
    const t = tempDir({ 'bad.yaml': BROKEN, 'notes.txt': '会议记录\n' });
    cleanup = t.cleanup;
    const run = zwgk(['validate', 'bad.yaml', '--cache', '--cache-location', 'notes.txt'], t.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `zwgk: ${join(t.dir, 'notes.txt')} 不是 zwgk 的缓存文件，本次不使用缓存，也不改写它；用 --cache-location 另选位置。\n`,
    );
    expect(run.stdout).toContain('schema/enum');
    expect(readFileSync(join(t.dir, 'notes.txt'), 'utf8')).toBe('会议记录\n');
  });

  it('rebuilds a damaged cache with a warning', () => {
    const t = tempDir({ 'a.yaml': CATALOG });
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, '.zwgkcache'), '{"zwgkCache":1,"engine":');
    const run = zwgk(['validate', 'a.yaml', '--cache', '--lang', 'en'], t.dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('is damaged and was ignored');
    expect(readFileSync(join(t.dir, '.zwgkcache'), 'utf8')).toMatch(
      /^\{"zwgkCache":1,"engine":"[^"]+","files":\{"a\.yaml"/,
    );
  });

  it('says that --cache-location does nothing without --cache', () => {
    const t = tempDir({ 'a.yaml': CATALOG });
    cleanup = t.cleanup;
    const run = zwgk(['validate', 'a.yaml', '--cache-location', 'x'], t.dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('--cache-location 只在使用 --cache 时有效');
    expect(existsSync(join(t.dir, 'x'))).toBe(false);
  });
});
