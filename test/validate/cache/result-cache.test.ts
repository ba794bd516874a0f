import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveValidateOptions } from '../../../src/index.js';
import type { ValidateOptions } from '../../../src/validate/options.js';
import { cachePath, openCache } from '../../../src/validate/cache/result-cache.js';
import { validateFiles, type ValidationReport } from '../../../src/validate/validate-files.js';
import { tempDir } from '../../_helpers/cli.js';
import { runs } from '../../_helpers/fc-options.js';

const CATALOGS = join(import.meta.dirname, '../../../catalogs');

/** The shipped catalogs and forms, by name in a folder of their own. */
function shipped(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(CATALOGS)) if (name.endsWith('.yaml')) files[name] = read(join(CATALOGS, name));
  for (const name of readdirSync(join(CATALOGS, 'forms')))
    if (name.endsWith('.yaml')) files[`forms/${name}`] = read(join(CATALOGS, 'forms', name));
  return files;
}

const read = (path: string) => readFileSync(path, 'utf8');

let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** A run as `zwgk validate --cache` makes it: open the cache file, check, save. */
async function cachedRun(
  dir: string,
  files: readonly string[],
  options: ValidateOptions,
  engine = 'test-1',
): Promise<{ report: ValidationReport; hits: number; misses: number; warnings: string[] }> {
  const opened = await openCache(join(dir, '.zwgkcache'), engine);
  const report = await validateFiles(files, options, dir, { cache: opened.cache });
  await opened.cache.save();
  return { report, hits: opened.cache.hits, misses: opened.cache.misses, warnings: opened.warnings.map((w) => w.en) };
}

/** The report as every format sees it: findings, counts and the texts of files with findings. */
function shown(report: ValidationReport) {
  return { ...report, sources: [...report.sources].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

/** Set a file's modification time to `seconds` ago: a file last changed well before a run reads it. */
function age(path: string, seconds: number): void {
  const then = Date.now() / 1000 - seconds;
  utimesSync(path, then, then);
}

/**
 * Write a file as a file system with timestamps as coarse as 2 s (FAT's) would: a change within 2 s of the
 * last keeps its modification time; a later one gets a time of its own.
 */
function rewriteKeepingTime(path: string, text: string): void {
  const { mtimeMs } = statSync(path);
  writeFileSync(path, text);
  if (Date.now() - mtimeMs < 2000) utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
}

/** Give files a modification time of this whole second, which a file's time can be set back to exactly. */
function pinTimes(dir: string, files: readonly string[]): void {
  const now = Math.floor(Date.now() / 1000);
  for (const f of files) utimesSync(join(dir, f), now, now);
}

describe('ResultCache: a second run takes unchanged files from the cache', () => {
  it('gives the same report, checking no file again; after one file changes, checks that file only', async () => {
    const t = tempDir(shipped());
    cleanup = t.cleanup;
    const files = Object.keys(shipped()).sort();
    for (const f of files) age(join(t.dir, f), 3600);
    const options = resolveValidateOptions({});
    const plain = await validateFiles(files, options, t.dir);

    const cold = await cachedRun(t.dir, files, options);
    expect([cold.hits, cold.misses]).toEqual([0, files.length]);
    expect(shown(cold.report)).toEqual(shown(plain));
    const warm = await cachedRun(t.dir, files, options);
    expect([warm.hits, warm.misses]).toEqual([files.length, 0]);
    expect(shown(warm.report)).toEqual(shown(plain));
    // A run that found every file as it was leaves the cache file untouched.
    const before = read(join(t.dir, '.zwgkcache'));
    await cachedRun(t.dir, files, options);
    expect(read(join(t.dir, '.zwgkcache'))).toBe(before);

    // One catalog gets a wrong 公开方式: only it is checked again, and its finding is reported.
    const changed = join(t.dir, 'yiwu-jiaoyu.yaml');
    writeFileSync(changed, read(changed).replace('  method: 主动\n', '  method: 主动公开\n'));
    const after = await cachedRun(t.dir, files, options);
    expect([after.hits, after.misses]).toEqual([files.length - 1, 1]);
    expect(after.report.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain('yiwu-jiaoyu.yaml schema/enum');
    expect(shown(after.report)).toEqual(shown(await validateFiles(files, options, t.dir)));
  });

  it('notices a change that keeps the size, made right after the run that cached the file', async () => {
    const t = tempDir({ 'a.yaml': shipped()['yiwu-jiaoyu.yaml']! });
    cleanup = t.cleanup;
    pinTimes(t.dir, ['a.yaml']);
    const options = resolveValidateOptions({});
    expect((await cachedRun(t.dir, ['a.yaml'], options)).report.errorCount).toBe(0);
    const path = join(t.dir, 'a.yaml');
    // 主动 → 被动: the same number of bytes, written within the file system's timestamp granularity.
    rewriteKeepingTime(path, read(path).replace('  method: 主动\n', '  method: 被动\n'));
    const again = await cachedRun(t.dir, ['a.yaml'], options);
    expect(again.misses).toBe(1);
    expect(again.report.errorCount).toBe(1);
  });

  it('checks again what other settings, another language or another version of zwgk would report differently', async () => {
    const t = tempDir(shipped());
    cleanup = t.cleanup;
    const files = Object.keys(shipped()).sort();
    const zh = resolveValidateOptions({});
    await cachedRun(t.dir, files, zh);
    expect((await cachedRun(t.dir, files, resolveValidateOptions({ lang: 'en' }))).misses).toBe(files.length);
    expect((await cachedRun(t.dir, files, resolveValidateOptions({ rules: { 'channel-known': 'off' } }))).misses).toBe(
      files.length,
    );
    expect((await cachedRun(t.dir, files, zh, 'test-2')).misses).toBe(files.length);
    // The entries of the last run are those of version test-2 only.
    expect((await cachedRun(t.dir, files, zh, 'test-2')).hits).toBe(files.length);
  });

  it('finds a code used twice across a cached file and a changed one', async () => {
    const t = tempDir({ 'a.yaml': shipped()['anquan-shengchan.yaml']!, 'b.yaml': shipped()['yiwu-jiaoyu.yaml']! });
    cleanup = t.cleanup;
    const options = resolveValidateOptions({});
    await cachedRun(t.dir, ['a.yaml', 'b.yaml'], options);
    const b = join(t.dir, 'b.yaml');
    writeFileSync(b, read(b).replace('      - name: 法律法规\n', '      - name: 法律法规\n        code: "0101"\n'));
    const run = await cachedRun(t.dir, ['a.yaml', 'b.yaml'], options);
    expect([run.hits, run.misses]).toEqual([1, 1]);
    expect(run.report.diagnostics.filter((d) => d.code === 'code-unique').map((d) => d.file)).toEqual(['b.yaml']);
  });
});

describe('ResultCache: files that are gone', () => {
  it('keeps the entries of files not checked in a run, and drops those of files that no longer exist', async () => {
    const t = tempDir({ 'a.yaml': shipped()['yiwu-jiaoyu.yaml']!, 'b.yaml': shipped()['huji-guanli.yaml']! });
    cleanup = t.cleanup;
    const options = resolveValidateOptions({});
    await cachedRun(t.dir, ['a.yaml', 'b.yaml'], options);
    const keys = () => Object.keys((JSON.parse(read(join(t.dir, '.zwgkcache'))) as { files: object }).files);
    await cachedRun(t.dir, ['a.yaml'], options);
    expect(keys()).toEqual(['a.yaml', 'b.yaml']);
    rmSync(join(t.dir, 'b.yaml'));
    await cachedRun(t.dir, ['a.yaml'], options);
    expect(keys()).toEqual(['a.yaml']);
  });
});

describe('openCache: a cache file that cannot be trusted', () => {
  it('ignores a damaged cache with a warning and writes it anew', async () => {
    const t = tempDir({ ...shipped(), '.zwgkcache': '{"zwgkCache":1,"engine":"test-1","files":{"yiwu' });
    cleanup = t.cleanup;
    const files = Object.keys(shipped()).sort();
    const run = await cachedRun(t.dir, files, resolveValidateOptions({}));
    expect(run.warnings).toEqual([expect.stringContaining('is damaged and was ignored')]);
    expect(run.misses).toBe(files.length);
    expect((JSON.parse(read(join(t.dir, '.zwgkcache'))) as { engine: string }).engine).toBe('test-1');
  });

  it('leaves a file that is not a zwgk cache as it is, with a warning', async () => {
    const t = tempDir({ 'a.yaml': shipped()['yiwu-jiaoyu.yaml']!, '.zwgkcache': 'my notes\n' });
    cleanup = t.cleanup;
    const run = await cachedRun(t.dir, ['a.yaml'], resolveValidateOptions({}));
    expect(run.warnings).toEqual([expect.stringContaining('is not a zwgk cache file')]);
    expect(read(join(t.dir, '.zwgkcache'))).toBe('my notes\n');
  });

  it('does not use an entry of another shape, and reads the rest', async () => {
    const t = tempDir({ 'a.yaml': shipped()['yiwu-jiaoyu.yaml']!, 'b.yaml': shipped()['huji-guanli.yaml']! });
    cleanup = t.cleanup;
    const options = resolveValidateOptions({});
    await cachedRun(t.dir, ['a.yaml', 'b.yaml'], options);
    const file = join(t.dir, '.zwgkcache');
    const cache = JSON.parse(read(file)) as { files: Record<string, { outcome: { diagnostics: unknown[] } }> };
    cache.files['a.yaml']!.outcome.diagnostics = [{ code: 1 }];
    writeFileSync(file, JSON.stringify(cache));
    const run = await cachedRun(t.dir, ['a.yaml', 'b.yaml'], options);
    expect([run.hits, run.misses]).toEqual([1, 1]);
    expect(run.report.errorCount).toBe(0);
  });

  it('puts the cache in a folder given as its place', async () => {
    const t = tempDir({ 'tmp/keep': '' });
    cleanup = t.cleanup;
    expect(await cachePath(undefined, t.dir)).toBe(join(t.dir, '.zwgkcache'));
    expect(await cachePath('tmp', t.dir)).toBe(join(t.dir, 'tmp', '.zwgkcache'));
    expect(await cachePath('new/', t.dir)).toBe(join(t.dir, 'new', '.zwgkcache'));
    expect(await cachePath('c.json', t.dir)).toBe(join(t.dir, 'c.json'));
  });
});

/** One step of the property: an edit to a file, new settings, or a new version of zwgk. */
type Step =
  | { kind: 'edit'; file: number; edit: number; aged: boolean }
  | { kind: 'settings'; lang: 'zh' | 'en'; off: boolean }
  | { kind: 'version' };

/** Edits a clerk makes: each changes one catalog's text, some keeping its size. */
const EDITS: ((text: string) => string)[] = [
  (s) => s.replace('method: 主动', 'method: 被动'),
  (s) => s.replace('method: 主动', 'method: 主动公开'),
  (s) => s.replace(/\n {4}items:\n/, '\n    # zwgk-disable-next-line content-required -- 待补充\n    items:\n'),
  (s) => s.replace(/(\n {6}- name: [^\n]+\n)/, '$1        code: "0101"\n'),
  (s) => s.replace(/\n {6}- name: [^\n]+\n/, '\n      - name: 政策文件\n'),
  (s) => `${s}  - name: 新增事项\n`,
  (s) => s.replace('政府网站', '政府网站\u200b'),
];

describe('ResultCache: the same report with and without the cache', () => {
  it('after any sequence of edits, settings and versions', async () => {
    const base = shipped();
    const names = Object.keys(base).sort();
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('edit' as const),
        file: fc.nat(names.length - 1),
        edit: fc.nat(EDITS.length - 1),
        aged: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('settings' as const), lang: fc.constantFrom('zh', 'en'), off: fc.boolean() }),
      fc.constant({ kind: 'version' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const t = tempDir(base);
        pinTimes(t.dir, names);
        try {
          let options = resolveValidateOptions({});
          let version = 1;
          await cachedRun(t.dir, names, options, `v${version}`);
          let when = 100_000;
          for (const s of steps) {
            if (s.kind === 'edit') {
              const path = join(t.dir, names[s.file]!);
              // A file may have been changed long before the run (each time a different time), or just now
              // on a file system whose timestamps do not tell the change.
              if (s.aged) {
                writeFileSync(path, EDITS[s.edit]!(read(path)));
                age(path, (when -= 10));
              } else rewriteKeepingTime(path, EDITS[s.edit]!(read(path)));
            } else if (s.kind === 'settings') {
              options = resolveValidateOptions({ lang: s.lang, rules: s.off ? { 'content-required': 'off' } : {} });
            } else version++;
            const cached = await cachedRun(t.dir, names, options, `v${version}`);
            expect(shown(cached.report)).toEqual(shown(await validateFiles(names, options, t.dir)));
          }
        } finally {
          t.cleanup();
        }
      }),
      runs(12),
    );
  }, 120_000);
});
