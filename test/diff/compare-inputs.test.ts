import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryObjects } from 'node:v8';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { keyOfData, keyOfText, type CatalogKey } from '../../src/diff/catalog-key.js';
import { compareInputs, pairByDomain, type CompareRun } from '../../src/diff/compare-inputs.js';
import { DEFAULT_POLICY } from '../../src/diff/policy.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { shippedDocuments } from '../../src/cli/documents.js';
import { arbitraryCatalog, catalogToYaml } from '../_helpers/arbitrary-catalog.js';
import { tempDir } from '../_helpers/cli.js';
import { mutated, OLD } from '../_helpers/diff-scenario.js';
import { runs } from '../_helpers/fc-options.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** Run git in `dir`, as a committer of its own, expecting it to succeed. */
const gitIn =
  (dir: string) =>
  (...args: string[]) => {
    const r = spawnSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
  };

const run = (cwd: string, extra: Partial<CompareRun> = {}): CompareRun => ({
  cwd,
  lang: 'zh',
  options: resolveValidateOptions({ lang: 'zh', documents: shippedDocuments({}) }),
  policy: DEFAULT_POLICY,
  ...extra,
});

/** The scenario's catalog as another unit's. */
const ofUnit = (text: string, unit: string) => text.replace('unit: 青禾区应急管理局', `unit: ${unit}`);

const UNITS = Array.from({ length: 12 }, (_, i) => `青禾区第${i + 1}应急管理所`);

/** Old and new versions of the scenario's catalog for each of `units`, under `old/` and `new/`. */
const versions = (units: readonly string[], name = (i: number) => `${String(i).padStart(2, '0')}.yaml`) =>
  Object.fromEntries(
    units.flatMap((unit, i) => [
      [`old/${name(i)}`, ofUnit(OLD, unit)],
      [`new/${name(i)}`, ofUnit(mutated(), unit)],
    ]),
  );

/** The pairing as first written: each new catalog looks through the old ones left, in order. */
function pairByScanning<T extends CatalogKey>(before: readonly T[], after: readonly T[]): { before?: T; after?: T }[] {
  const left = new Set(before);
  const take = (same: (b: T) => boolean) => {
    const b = [...left].find(same);
    if (b) left.delete(b);
    return b;
  };
  const pairs: { before?: T; after?: T }[] = [];
  const rest: T[] = [];
  for (const a of after) {
    const b = take((b) => b.domain === a.domain && b.unit === a.unit);
    if (b) pairs.push({ before: b, after: a });
    else rest.push(a);
  }
  for (const a of rest) {
    const b = take((b) => b.domain === a.domain);
    pairs.push({ ...(b ? { before: b } : {}), after: a });
  }
  for (const b of left) pairs.push({ before: b });
  return pairs;
}

/** A marker tied to one file's parsed data: it stays alive exactly as long as the data does. */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- queryObjects counts the instances of a class of our own
class LoadedCatalog {}

describe('compareInputs', () => {
  it('holds the data of one pair at a time, not of every file', async () => {
    const t = tempDir(versions(UNITS));
    cleanup = t.cleanup;
    const tags = new WeakMap<object, LoadedCatalog>();
    const alive: number[] = [];
    const onData = (_file: string, data: unknown) => {
      tags.set(data as object, new LoadedCatalog());
      // After a full collection: the files whose data something still holds, this one included.
      alive.push(queryObjects(LoadedCatalog, { format: 'count' }));
    };
    const compared = await compareInputs('old', 'new', [], run(t.dir, { onData }));
    if (!compared.ok) throw new Error(compared.errors.diagnostics[0]?.message);
    expect(compared.report.pairs.map((p) => p.unit)).toEqual(UNITS);
    expect(
      compared.report.pairs.every(
        (p) => p.changes.length === 6 && p.changes.every((c) => c.kind === 'added' || c.beforeLine! > 0),
      ),
    ).toBe(true);
    expect(alive).toHaveLength(2 * UNITS.length);
    // Only the pair being compared: the first file of a pair, then both.
    expect(Math.max(...alive)).toBeLessThanOrEqual(2);
  });

  it('validates every file and reports the errors instead, keeping the texts of the files that have them', async () => {
    const files = versions(UNITS.slice(0, 4));
    const bad = files['new/02.yaml']!.replace('method: 主动', 'method: 主动公开');
    const t = tempDir({ ...files, 'new/02.yaml': bad, 'new/form.yaml': 'kind: form/theme-day\n' });
    cleanup = t.cleanup;
    const validated: string[] = [];
    const compared = await compareInputs('old', 'new', [], run(t.dir, { onData: (file) => validated.push(file) }));
    if (compared.ok) throw new Error('compared despite an error');
    expect(validated.sort()).toEqual(Object.keys(files).sort());
    const names = Object.keys(files);
    expect(compared.errors.files).toEqual([
      ...names.filter((f) => f.startsWith('old/')).sort(),
      ...names.filter((f) => f.startsWith('new/')).sort(),
    ]);
    expect(new Set(compared.errors.diagnostics.map((d) => d.file))).toEqual(new Set(['new/02.yaml']));
    expect([...compared.errors.sources]).toEqual([['new/02.yaml', bad]]);
  });

  it('pairs by the data when the key lines of a text tell something else', async () => {
    // A whole catalog as one flow mapping: its `domain:` line reads `安全生产,` on its own.
    const data = (parseFast(mutated()) as { data: Record<string, unknown> }).data;
    const entries = Object.entries(data).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    const flow = `{\n${entries.join(',\n')}\n}\n`;
    expect(keyOfText(flow).domain).toBe('安全生产,');
    const t = tempDir({
      'old/a.yaml': OLD,
      'old/b.yaml': OLD.replace('domain: 安全生产', 'domain: 义务教育'),
      'new/a.yaml': flow,
    });
    cleanup = t.cleanup;
    const compared = await compareInputs('old', 'new', [], run(t.dir));
    if (!compared.ok) throw new Error(compared.errors.diagnostics[0]?.message);
    expect(compared.report.pairs.map((p) => [p.domain, p.before, p.after])).toEqual([
      ['安全生产', 'old/a.yaml', 'new/a.yaml'],
      ['义务教育', 'old/b.yaml', undefined],
    ]);
    expect(compared.report.pairs[0]!.changes).toHaveLength(6);
  });

  it('reads git revisions a batch at a time, file names in any script, as it reads the same files on disk', async () => {
    const units = Array.from({ length: 70 }, (_, i) => `青禾区第${i + 1}所`);
    const files = versions(units, (i) => `${String(i).padStart(2, '0')}-安全生产.yaml`);
    const t = tempDir(files);
    cleanup = t.cleanup;
    const git = gitIn(t.dir);
    git('init', '-q');
    mkdirSync(join(t.dir, 'catalogs'));
    for (const side of ['old', 'new']) {
      for (const [name, text] of Object.entries(files))
        if (name.startsWith(`${side}/`)) writeFileSync(join(t.dir, name.replace(side, 'catalogs')), text);
      git('add', 'catalogs');
      git('commit', '-qm', side);
    }
    const fromGit = await compareInputs('HEAD~1', 'HEAD', ['catalogs'], run(t.dir));
    const fromDisk = await compareInputs('old', 'new', [], run(t.dir));
    if (!fromGit.ok || !fromDisk.ok) throw new Error('not compared');
    expect(fromGit.report.pairs).toHaveLength(70);
    expect(fromGit.report.pairs[1]!.before).toBe('HEAD~1:catalogs/01-安全生产.yaml');
    const asOnDisk = JSON.stringify(fromGit.report)
      .replaceAll('HEAD~1:catalogs/', 'old/')
      .replaceAll('HEAD:catalogs/', 'new/');
    expect(asOnDisk).toBe(JSON.stringify(fromDisk.report));
  });
});

describe('pairByDomain', () => {
  const key = fc.record({
    domain: fc.constantFrom('安全生产', '义务教育', ''),
    unit: fc.constantFrom('甲局', '乙局', ''),
  });
  it('pairs as scanning the old side for each new catalog does, in the same order', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 12 }), fc.array(key, { maxLength: 12 }), (before, after) => {
        const [b, a] = [before.map((k, i) => ({ ...k, i })), after.map((k, i) => ({ ...k, i }))];
        const pairs = pairByDomain(b, a);
        expect(pairs).toEqual(pairByScanning(b, a));
        // Every catalog in exactly one pair.
        const sides = (side: 'before' | 'after') =>
          pairs.flatMap((p) => (p[side] ? [p[side].i] : [])).sort((x, y) => x - y);
        expect(sides('before')).toEqual(b.map((x) => x.i));
        expect(sides('after')).toEqual(a.map((x) => x.i));
      }),
      runs(300),
    );
  });
});

describe('keyOfText', () => {
  it('reads the key as parsing the whole text does', () => {
    fc.assert(
      fc.property(arbitraryCatalog(), (catalog) => {
        const text = catalogToYaml(catalog);
        const parsed = parseFast(text);
        expect(keyOfText(text)).toEqual(keyOfData(parsed.ok ? parsed.data : undefined));
      }),
      runs(100),
    );
  });

  it.each([
    ['plain lines, any order', 'unit: 甲局\nitems: []\ndomain: 安全生产\n', { domain: '安全生产', unit: '甲局' }],
    [
      'quoted, with comments',
      '# 说明\ndomain: "安全生产" # 领域\nunit:   \'甲局\'\n',
      { domain: '安全生产', unit: '甲局' },
    ],
    ['CRLF line ends', 'domain: 安全生产\r\nunit: 甲局\r\n', { domain: '安全生产', unit: '甲局' }],
    [
      'a value that goes on on the next line',
      'domain: 安全\n  生产\nunit: 甲局\n',
      { domain: '安全 生产', unit: '甲局' },
    ],
    ['a value on the next line', 'domain:\n  安全生产\nunit: 甲局\n', { domain: '安全生产', unit: '甲局' }],
    [
      'blank lines before the rest of a value',
      'unit: 甲局\ndomain: 安全\n\n  生产\n',
      { domain: '安全\n生产', unit: '甲局' },
    ],
    [
      'keys that only start alike',
      'domains: x\nunits: y\ndomain: 安全生产\nunit: 甲局\n',
      { domain: '安全生产', unit: '甲局' },
    ],
    ['a number', 'domain: 2024\nunit: 甲局\n', { domain: '2024', unit: '甲局' }],
    ['no unit', 'domain: 安全生产\n', { domain: '安全生产', unit: '' }],
    ['nested keys only', 'defaults:\n  domain: 安全生产\n  unit: 甲局\n', { domain: '', unit: '' }],
    ['a mapping indented as a whole', '  domain: 安全生产\n  unit: 甲局\n', { domain: '安全生产', unit: '甲局' }],
  ])('%s', (_name, text, expected) => {
    expect(keyOfText(text)).toEqual(expected);
    expect(keyOfText(text, true)).toEqual(expected);
  });

  it('reads a text with lone CR line ends as the positional parser does', () => {
    for (const text of [
      'domain: 安全生产\runit: 甲局\r',
      '# 目录\rdomain: 安全生产\runit: 甲局\r',
      'domain: 安全生产\nunit: 甲局\r# 注释\n',
    ]) {
      expect(keyOfText(text)).toEqual(keyOfText(text, true));
    }
  });
});

describe('compareInputs: files of a git revision are read as files on disk are', () => {
  /** A repository holding `files` in one commit. */
  const committed = (files: Record<string, string | Buffer>) => {
    const t = tempDir({});
    cleanup = t.cleanup;
    const git = gitIn(t.dir);
    git('init', '-q');
    mkdirSync(join(t.dir, 'catalogs'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(t.dir, name), content);
    git('add', '.');
    git('commit', '-qm', 'files');
    return t.dir;
  };

  it('a blob past the size limit is file/too-large under its revision name, the other files still read', async () => {
    const big = `${OLD}${'# 注释行，填满文件\n'.repeat(1_300_000)}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(32 * 1024 * 1024);
    const dir = committed({ 'catalogs/a.yaml': OLD, 'catalogs/big.yaml': big });
    const compared = await compareInputs('HEAD', 'HEAD', ['catalogs'], run(dir));
    if (compared.ok) throw new Error('compared a file past the limit');
    expect(compared.errors.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['HEAD:catalogs/big.yaml', 'file/too-large'],
      ['HEAD:catalogs/big.yaml', 'file/too-large'],
    ]);
    expect(compared.errors.diagnostics[0]!.message).toContain('32 MB');
  });

  it('a blob in GBK, UTF-16 or binary is refused with the finding a file on disk gets', async () => {
    const gbk = Buffer.from([...Buffer.from('domain: '), 0xb0, 0xb2, 0xc8, 0xab, 0x0a]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('domain: 安全生产\n', 'utf16le')]);
    const dir = committed({
      'catalogs/a.yaml': gbk,
      'catalogs/b.yaml': utf16,
      'catalogs/c.yaml': Buffer.from([0x50, 0x4b, 3, 4, 0, 0]),
    });
    const compared = await compareInputs('HEAD', 'HEAD', ['catalogs'], run(dir));
    if (compared.ok) throw new Error('compared undecodable files');
    const codes = new Set(compared.errors.diagnostics.map((d) => `${d.file} ${d.code}`));
    expect([...codes]).toEqual([
      'HEAD:catalogs/a.yaml file/encoding',
      'HEAD:catalogs/b.yaml file/encoding',
      'HEAD:catalogs/c.yaml file/binary',
    ]);
  });
});
