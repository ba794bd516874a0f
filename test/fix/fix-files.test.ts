import { chmod, link, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix/apply-fixes.js';
import { proposeFix } from '../../src/fix/propose-fix.js';
import { fixFiles } from '../../src/fix/fix-files.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateText } from '../../src/validate/validate-text.js';
import { catalog, validItem } from '../_helpers/check.js';

const withCode = (code: string) =>
  catalog(validItem().replace('  - name: 政策文件\n', `  - name: 政策文件\n    code: ${code}\n`));

describe('validateText with fixes', () => {
  it('attaches to each fixable finding the edits and what they do to the data', () => {
    const text = withCode('0505').replace('[政府网站]', '[政府网站, 一微一端]');
    const found = validateText('a.yaml', text, resolveValidateOptions(), { fixes: proposeFix }).diagnostics;
    expect(found.map((d) => [d.code, d.fix?.description])).toEqual([
      ['schema/code-unquoted', '加上引号，保留原样的写法。'],
      ['channel-known', '改为标准名称“两微一端”。'],
    ]);
    expect(found[1]!.fix!.effect).toEqual({ path: ['items', 0, 'items', 0, 'channels', 1], value: '两微一端' });
    const fixed = applyFixes(
      text,
      found.map((d) => d.fix!),
    ).text;
    expect(fixed).toBe(withCode('"0505"').replace('[政府网站]', '[政府网站, 两微一端]'));
  });

  it('attaches nothing unless asked', () => {
    const found = validateText('a.yaml', withCode('0505'), resolveValidateOptions()).diagnostics;
    expect(found.map((d) => d.code)).toEqual(['schema/code-unquoted']);
    expect(found[0]!.fix).toBeUndefined();
  });
});

describe('fixFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zwgk-fix-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('in a dry run writes nothing and reports what the fixed texts leave, placed in the files on disk, across files too', async () => {
    // Once fixed, b.yaml's name takes one line, and its code is the one a.yaml already uses.
    const a = withCode('"0505"');
    const b = withCode('0505  # 编码').replace('  - name: 政策文件\n', '  - name: 政策\n      文件\n');
    await writeFile(join(dir, 'a.yaml'), a);
    await writeFile(join(dir, 'b.yaml'), b);
    const run = await fixFiles(['a.yaml', 'b.yaml'], resolveValidateOptions(), { cwd: dir });
    expect(await readFile(join(dir, 'b.yaml'), 'utf8')).toBe(b);
    expect(run.files.map((f) => [f.file, f.applied.length, f.after === f.before])).toEqual([
      ['a.yaml', 0, true],
      ['b.yaml', 2, false],
    ]);
    expect(run.files[1]!.after).toBe(withCode('"0505"  # 编码'));
    // Line 6 of the fixed text; on disk the name still takes two lines.
    expect(run.report.diagnostics.map((d) => [d.file, d.code, d.range?.start])).toEqual([
      ['b.yaml', 'code-unique', { line: 7, column: 11 }],
    ]);
    expect(run.report.sources.get('b.yaml')).toBe(b);
  });

  it('writes the fixed files when asked', async () => {
    await writeFile(join(dir, 'a.yaml'), withCode('0505'));
    const run = await fixFiles(['a.yaml'], resolveValidateOptions(), { cwd: dir, write: true });
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toBe(withCode('"0505"'));
    expect(run.report.diagnostics).toEqual([]);
  });

  it('keeps the mode of the file it rewrites', async () => {
    const file = join(dir, 'a.yaml');
    await writeFile(file, withCode('0505'));
    await chmod(file, 0o600);
    await fixFiles(['a.yaml'], resolveValidateOptions(), { cwd: dir, write: true });
    expect(await readFile(file, 'utf8')).toBe(withCode('"0505"'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves a read-only file and a hard-linked file as they were, with a finding naming the reason', async () => {
    const text = withCode('0505');
    await writeFile(join(dir, 'ro.yaml'), text);
    await chmod(join(dir, 'ro.yaml'), 0o444);
    await writeFile(join(dir, 'linked.yaml'), text);
    await link(join(dir, 'linked.yaml'), join(dir, 'other-name.yaml'));
    const run = await fixFiles(['ro.yaml', 'linked.yaml'], resolveValidateOptions({ lang: 'en' }), {
      cwd: dir,
      write: true,
    });
    expect(await readFile(join(dir, 'ro.yaml'), 'utf8')).toBe(text);
    expect(await readFile(join(dir, 'other-name.yaml'), 'utf8')).toBe(text);
    expect((await stat(join(dir, 'linked.yaml'))).nlink).toBe(2);
    expect(run.files.map((f) => [f.file, f.unwritten, f.after === f.before])).toEqual([
      ['ro.yaml', true, true],
      ['linked.yaml', true, true],
    ]);
    const unwritable = run.report.diagnostics.filter((d) => d.code === 'file/unwritable');
    expect(unwritable.map((d) => [d.file, d.message])).toEqual([
      [
        'linked.yaml',
        'linked.yaml has 2 hard links, which replacing it would break; nothing was written. Work on a separate copy.',
      ],
      ['ro.yaml', 'ro.yaml is read-only; nothing was written. Make it writable (chmod u+w) to have it rewritten.'],
    ]);
    expect(run.report.fatal).toBe(true);
  });
});
